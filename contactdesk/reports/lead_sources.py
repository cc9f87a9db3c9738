"""``lead-sources``: leads, opportunities, won deals and won revenue by enquiry source and campaign.

Answers "Where do enquiries really come from?" (SEED-QUESTIONS.md, marketing
asks sales): leads created in the period, grouped by the source sales
confirmed and by campaign, with what they became.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, case, func, select

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

NAME = "lead-sources"
TITLE = "Lead sources"
QUESTION = "Where do enquiries really come from?"
NEEDS = (
    ("lead", "source"),
    ("lead", "campaign_id"),
    ("opportunity", "amount"),
    ("opportunity", "stage_id"),
)
COLUMNS = (
    ReportColumn("source", "Enquiry source"),
    ReportColumn("campaign", "Campaign"),
    ReportColumn("leads", "Leads", "integer"),
    ReportColumn("opportunities", "Opportunities", "integer"),
    ReportColumn("won", "Won deals", "integer"),
    ReportColumn("won_revenue", "Won revenue", "money"),
)


def build(context: ReportContext) -> ReportTable:
    """One GROUP BY over leads joined to their opportunities and stages."""
    context.require(*NEEDS)
    won = FunnelStage.outcome == "won"
    query = (
        select(
            Lead.source.label("source"),
            Campaign.name.label("campaign"),
            func.count(func.distinct(Lead.id)).label("leads"),
            func.count(func.distinct(Opportunity.id)).label("opportunities"),
            func.count(func.distinct(case((won, Opportunity.id)))).label("won"),
            func.coalesce(func.sum(case((won, Opportunity.amount), else_=0)), 0).label(
                "won_revenue"
            ),
        )
        .select_from(Lead)
        .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
        .outerjoin(Opportunity, and_(Opportunity.lead_id == Lead.id, context.scope("opportunity")))
        .outerjoin(FunnelStage, FunnelStage.id == Opportunity.stage_id)
        .where(
            context.in_period(Lead.created_at),
            context.scope("lead"),
            context.in_segment(Lead.contact_id),
        )
        .group_by(Lead.source, Campaign.name)
        .order_by(func.count(func.distinct(Lead.id)).desc(), Lead.source, Campaign.name)
    )
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    for row in rows:
        row["won_revenue"] = float(row["won_revenue"] or 0)
    table = ReportTable(COLUMNS, rows, ("source", "campaign"), _chart(rows))
    return table


def _chart(rows: list[dict[str, Any]]) -> ChartSpec:
    shown = rows[:8]
    return ChartSpec(
        "bar",
        "Leads and won deals by source and campaign",
        tuple(f"{key_text(row['source'])} / {key_text(row['campaign'])}" for row in shown),
        (
            ChartSeries("Leads", tuple(float(row["leads"]) for row in shown)),
            ChartSeries("Opportunities", tuple(float(row["opportunities"]) for row in shown)),
            ChartSeries("Won deals", tuple(float(row["won"]) for row in shown)),
        ),
        "count",
        tuple((key_text(row["source"]), key_text(row["campaign"])) for row in shown),
    )


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The leads from one source and campaign."""
    source, campaign = key
    where = key_conditions([(Lead.source, source)])
    where += reference_conditions([(Lead.campaign_id, Campaign.id, Campaign.name, campaign)])
    where += [context.in_period(Lead.created_at), context.in_segment(Lead.contact_id)]
    return drill_records(context, "lead", where, f"Leads: {source} / {campaign}")
