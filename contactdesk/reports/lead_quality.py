"""``lead-quality``: how sales judged the leads marketing handed over, by campaign and source.

Answers "Are the leads we send any good?" (SEED-QUESTIONS.md, marketing asks
sales): acceptance rate, sales' average 1-5 quality rating and rejection
reasons by campaign and source, and what the accepted leads became
(opportunities, won deals).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select

from contactdesk.model import Campaign, FunnelStage, Lead, Opportunity
from contactdesk.reports.drill_down import (
    drill_records,
    key_conditions,
    key_text,
    reference_conditions,
)
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import (
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)

NAME = "lead-quality"
TITLE = "Lead quality"
QUESTION = "Are the leads we send any good?"
NEEDS = (
    ("lead", "status"),
    ("lead", "source"),
    ("lead", "campaign_id"),
    ("lead", "rejection_reason"),
    ("lead", "quality"),
    ("lead", "handed_off_at"),
    ("opportunity", "stage_id"),
)
COLUMNS = (
    ReportColumn("campaign", "Campaign"),
    ReportColumn("source", "Source"),
    ReportColumn("handed_off", "Handed off", "integer"),
    ReportColumn("accepted", "Accepted", "integer"),
    ReportColumn("rejected", "Rejected", "integer"),
    ReportColumn("acceptance_rate", "Acceptance rate", "percent"),
    ReportColumn("average_rating", "Average rating (1-5)", "number"),
    ReportColumn("rated", "Rated", "integer"),
    ReportColumn("rejection_reasons", "Rejection reasons"),
    ReportColumn("opportunities", "Accepted → opportunities", "integer"),
    ReportColumn("won", "Accepted → won", "integer"),
)


def _where(context: ReportContext) -> list[ColumnElement[bool]]:
    return [
        context.in_period(Lead.handed_off_at),
        context.scope("lead"),
        context.in_segment(Lead.contact_id),
    ]


def build(context: ReportContext) -> ReportTable:
    """Leads handed off in the period, by campaign and source, with their outcomes."""
    context.require(*NEEDS)
    accepted = Lead.status == "accepted"
    query = (
        select(
            Campaign.name.label("campaign"),
            Lead.source.label("source"),
            func.count(func.distinct(Lead.id)).label("handed_off"),
            func.count(func.distinct(case((accepted, Lead.id)))).label("accepted"),
            func.count(func.distinct(case((Lead.status == "rejected", Lead.id)))).label("rejected"),
            func.count(func.distinct(case((accepted, Opportunity.id)))).label("opportunities"),
            func.count(
                func.distinct(case((and_(accepted, FunnelStage.outcome == "won"), Opportunity.id)))
            ).label("won"),
        )
        .select_from(Lead)
        .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
        .outerjoin(Opportunity, and_(Opportunity.lead_id == Lead.id, context.scope("opportunity")))
        .outerjoin(FunnelStage, FunnelStage.id == Opportunity.stage_id)
        .where(*_where(context))
        .group_by(Campaign.name, Lead.source)
        .order_by(Campaign.name, Lead.source)
    )
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    reasons = _reasons(context)
    ratings = _ratings(context)
    for row in rows:
        row["average_rating"], row["rated"] = ratings.get(
            (row["campaign"], row["source"]), (None, 0)
        )
        judged = row["accepted"] + row["rejected"]
        row["acceptance_rate"] = row["accepted"] / judged if judged else None
        listed = reasons.get((row["campaign"], row["source"]), [])
        row["rejection_reasons"] = ", ".join(f"{reason} ({n})" for reason, n in listed)
    chart = ChartSpec(
        "stacked_bar",
        "Accepted and rejected leads by campaign and source",
        tuple(f"{key_text(r['campaign'])} / {key_text(r['source'])}" for r in rows[:8]),
        (
            ChartSeries("Accepted", tuple(float(r["accepted"]) for r in rows[:8])),
            ChartSeries("Rejected", tuple(float(r["rejected"]) for r in rows[:8])),
        ),
        "leads",
        tuple((key_text(r["campaign"]), key_text(r["source"])) for r in rows[:8]),
    )
    return ReportTable(COLUMNS, rows, ("campaign", "source"), chart)


def _ratings(context: ReportContext) -> dict[tuple[Any, Any], tuple[float | None, int]]:
    """Sales' average quality rating and how many leads it covers, per (campaign, source)."""
    query = (
        select(Campaign.name, Lead.source, func.avg(Lead.quality), func.count(Lead.quality))
        .select_from(Lead)
        .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
        .where(Lead.quality.is_not(None), *_where(context))
        .group_by(Campaign.name, Lead.source)
    )
    return {
        (campaign, source): (round(float(average), 2) if average is not None else None, int(n))
        for campaign, source, average, n in context.session.execute(query)
    }


def _reasons(context: ReportContext) -> dict[tuple[Any, Any], list[tuple[str, int]]]:
    """Rejection reasons per (campaign, source), most frequent first: one GROUP BY."""
    count = func.count(Lead.id)
    query = (
        select(Campaign.name, Lead.source, Lead.rejection_reason, count)
        .select_from(Lead)
        .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
        .where(Lead.status == "rejected", *_where(context))
        .group_by(Campaign.name, Lead.source, Lead.rejection_reason)
        .order_by(count.desc(), Lead.rejection_reason)
    )
    found: dict[tuple[Any, Any], list[tuple[str, int]]] = {}
    for campaign, source, reason, n in context.session.execute(query):
        found.setdefault((campaign, source), []).append((key_text(reason), int(n)))
    return found


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The leads of one campaign and source handed off in the period."""
    campaign, source = key
    where = _where(context) + key_conditions([(Lead.source, source)])
    where += reference_conditions([(Lead.campaign_id, Campaign.id, Campaign.name, campaign)])
    return drill_records(context, "lead", where, f"Leads: {campaign} / {source}")
