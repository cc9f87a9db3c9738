"""``campaign-roi``: spend against return, per campaign and per channel.

Answers "Spend against return" (SEED-QUESTIONS.md, what both agree on): for
campaigns running in the period, spend, leads, leads sales accepted,
opportunities, won revenue, cost per accepted lead and return on spend.
Leads and opportunities are counted per campaign over its whole life; the
segment narrows them to its contacts (spend cannot be split by contact).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select, union_all

from contactdesk.model import Campaign, FunnelStage, Lead, Opportunity
from contactdesk.reports.drill_down import drill_records, reference_conditions
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import (
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)

NAME = "campaign-roi"
TITLE = "Campaign return"
QUESTION = "Spend against return: what does each campaign and channel bring back?"
NEEDS = (
    ("campaign", "spend"),
    ("campaign", "channel"),
    ("lead", "campaign_id"),
    ("lead", "status"),
    ("opportunity", "campaign_id"),
    ("opportunity", "amount"),
    ("opportunity", "stage_id"),
)
COLUMNS = (
    ReportColumn("level", "Level"),
    ReportColumn("name", "Campaign / channel"),
    ReportColumn("channel", "Channel"),
    ReportColumn("spend", "Spend", "money"),
    ReportColumn("leads", "Leads", "integer"),
    ReportColumn("accepted", "Accepted leads", "integer"),
    ReportColumn("opportunities", "Opportunities", "integer"),
    ReportColumn("won_revenue", "Won revenue", "money"),
    ReportColumn("cost_per_accepted", "Cost per accepted lead", "money"),
    ReportColumn("return", "Return on spend", "percent"),
)


def _per_campaign(context: ReportContext) -> Any:
    """CTE: one row per campaign in the period with its lead and opportunity figures."""
    leads = (
        select(
            Lead.campaign_id.label("campaign_id"),
            func.count(Lead.id).label("leads"),
            func.count(case((Lead.status == "accepted", 1))).label("accepted"),
        )
        .where(context.scope("lead"), context.in_segment(Lead.contact_id))
        .group_by(Lead.campaign_id)
        .subquery()
    )
    won = FunnelStage.outcome == "won"
    opportunities = (
        select(
            Opportunity.campaign_id.label("campaign_id"),
            func.count(Opportunity.id).label("opportunities"),
            func.coalesce(func.sum(case((won, Opportunity.amount), else_=0)), 0).label("won"),
        )
        .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
        .where(context.scope("opportunity"), context.in_segment(Opportunity.contact_id))
        .group_by(Opportunity.campaign_id)
        .subquery()
    )
    params = context.params
    return (
        select(
            Campaign.name.label("name"),
            Campaign.channel.label("channel"),
            func.coalesce(Campaign.spend, 0).label("spend"),
            func.coalesce(leads.c.leads, 0).label("leads"),
            func.coalesce(leads.c.accepted, 0).label("accepted"),
            func.coalesce(opportunities.c.opportunities, 0).label("opportunities"),
            func.coalesce(opportunities.c.won, 0).label("won_revenue"),
        )
        .outerjoin(leads, leads.c.campaign_id == Campaign.id)
        .outerjoin(opportunities, opportunities.c.campaign_id == Campaign.id)
        .where(Campaign.starts_on <= params.date_to, Campaign.ends_on >= params.date_from)
        # A CTE, read by both the campaign rows and the channel totals: SQLite
        # computes it once instead of running both aggregates twice.
        .cte("per_campaign")
    )


def build(context: ReportContext) -> ReportTable:
    """Campaign rows, then one total row per channel (a GROUP BY over the same subquery)."""
    context.require(*NEEDS)
    per = _per_campaign(context)
    campaigns = select(
        literal("campaign").label("level"),
        per.c.name,
        per.c.channel,
        per.c.spend,
        per.c.leads,
        per.c.accepted,
        per.c.opportunities,
        per.c.won_revenue,
    )
    channels = select(
        literal("channel").label("level"),
        per.c.channel.label("name"),
        per.c.channel,
        func.sum(per.c.spend),
        func.sum(per.c.leads),
        func.sum(per.c.accepted),
        func.sum(per.c.opportunities),
        func.sum(per.c.won_revenue),
    ).group_by(per.c.channel)
    both = union_all(campaigns, channels).subquery()
    query = select(both).order_by(both.c.level, both.c.channel, both.c.name)
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    for row in rows:
        row["spend"] = float(row["spend"] or 0)
        row["won_revenue"] = float(row["won_revenue"] or 0)
        row["cost_per_accepted"] = row["spend"] / row["accepted"] if row["accepted"] else None
        row["return"] = (row["won_revenue"] - row["spend"]) / row["spend"] if row["spend"] else None
    by_channel = [row for row in rows if row["level"] == "channel"]
    chart = ChartSpec(
        "bar",
        "Spend and won revenue by channel",
        tuple(row["name"] for row in by_channel),
        (
            ChartSeries("Spend", tuple(row["spend"] for row in by_channel)),
            ChartSeries("Won revenue", tuple(row["won_revenue"] for row in by_channel)),
        ),
        "amount",
        tuple(("channel", row["name"]) for row in by_channel),
    )
    return ReportTable(COLUMNS, rows, ("level", "name"), chart)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The leads of one campaign, or of every campaign of one channel in the period."""
    level, name = key
    params = context.params
    running = select(Campaign.id).where(
        Campaign.starts_on <= params.date_to, Campaign.ends_on >= params.date_from
    )
    where: list[ColumnElement[bool]]
    if level == "channel":
        where = [Lead.campaign_id.in_(running.where(Campaign.channel == name))]
    else:
        where = reference_conditions([(Lead.campaign_id, Campaign.id, Campaign.name, name)])
    where.append(context.in_segment(Lead.contact_id))
    return drill_records(context, "lead", where, f"Leads: {name}")
