"""``push-pull``: inbound (customer-initiated) versus outbound opportunities, by month.

Answers "How much is sales pushing versus customers pulling?" (SEED-QUESTIONS.md,
marketing asks sales): share and win rate of each origin over time, for
opportunities opened in the period.
"""

from __future__ import annotations

from sqlalchemy import case, func, select

from contactdesk.model import FunnelStage, Opportunity
from contactdesk.model.selling import ORIGINS
from contactdesk.reports.drill_down import drill_records, key_conditions
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import (
    ANY,
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)

NAME = "push-pull"
TITLE = "Push versus pull"
QUESTION = "How much is sales pushing versus customers pulling?"
NEEDS = (("opportunity", "origin"), ("opportunity", "stage_id"))
COLUMNS = (
    ReportColumn("month", "Month"),
    ReportColumn("origin", "Origin"),
    ReportColumn("opportunities", "Opportunities", "integer"),
    ReportColumn("share", "Share of the month", "percent"),
    ReportColumn("won", "Won", "integer"),
    ReportColumn("lost", "Lost", "integer"),
    ReportColumn("win_rate", "Win rate (won / closed)", "percent"),
)


def build(context: ReportContext) -> ReportTable:
    """Opportunities grouped by month opened and origin; shares and rates from the groups."""
    context.require(*NEEDS)
    month = func.strftime("%Y-%m", Opportunity.created_at)
    query = (
        select(
            month.label("month"),
            Opportunity.origin.label("origin"),
            func.count(Opportunity.id).label("opportunities"),
            func.count(case((FunnelStage.outcome == "won", 1))).label("won"),
            func.count(case((FunnelStage.outcome == "lost", 1))).label("lost"),
        )
        .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
        .where(
            context.in_period(Opportunity.created_at),
            context.scope("opportunity"),
            context.in_segment(Opportunity.contact_id),
        )
        .group_by(month, Opportunity.origin)
        .order_by(month, Opportunity.origin)
    )
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    per_month: dict[str, int] = {}
    for row in rows:
        per_month[row["month"]] = per_month.get(row["month"], 0) + row["opportunities"]
    for row in rows:
        row["share"] = row["opportunities"] / per_month[row["month"]]
        closed = row["won"] + row["lost"]
        row["win_rate"] = row["won"] / closed if closed else None
    months = tuple(sorted(per_month))
    counts = {(row["month"], row["origin"]): row["opportunities"] for row in rows}
    chart = ChartSpec(
        "stacked_bar",
        "Opportunities opened by origin",
        months,
        tuple(
            ChartSeries(
                origin.capitalize(), tuple(float(counts.get((m, origin), 0)) for m in months)
            )
            for origin in ORIGINS
        ),
        "opportunities",
        tuple((m, ANY) for m in months),
    )
    return ReportTable(COLUMNS, rows, ("month", "origin"), chart)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The opportunities opened in one month with one origin (or either)."""
    month, origin = key
    where = [
        context.in_period(Opportunity.created_at),
        context.in_segment(Opportunity.contact_id),
        *key_conditions([(func.strftime("%Y-%m", Opportunity.created_at), month)]),
        *key_conditions([(Opportunity.origin, origin)]),
    ]
    return drill_records(context, "opportunity", where, f"Opportunities {month} ({origin})")
