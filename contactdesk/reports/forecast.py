"""``forecast``: open pipeline by territory and stage, weighted by each stage's probability.

Answers "Territory forecast together" (SEED-QUESTIONS.md, what both agree
on): open opportunities expected to close in the period, their amount and
the amount weighted by the probability of the stage they are at. With a
territory in the parameters, only that territory's (a rep's own forecast).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, func, select

from contactdesk.model import FunnelStage, Opportunity
from contactdesk.reports.drill_down import (
    drill_records,
    key_conditions,
    key_text,
    reference_conditions,
)
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_params import next_half_year
from contactdesk.reports.report_result import (
    ANY,
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)

NAME = "forecast"
TITLE = "Pipeline forecast"
QUESTION = "What will each territory close, stage by stage?"
NEEDS = (
    ("opportunity", "territory"),
    ("opportunity", "stage_id"),
    ("opportunity", "amount"),
    ("opportunity", "expected_close"),
)
COLUMNS = (
    ReportColumn("territory", "Territory"),
    ReportColumn("stage", "Stage"),
    ReportColumn("probability", "Probability", "percent"),
    ReportColumn("opportunities", "Opportunities", "integer"),
    ReportColumn("amount", "Pipeline", "money"),
    ReportColumn("weighted", "Weighted", "money"),
)


def default_range(today: date) -> tuple[date, date]:
    """The forecast looks ahead: expected closes from today over the next half year."""
    return next_half_year(today)


def _where(context: ReportContext) -> list[ColumnElement[bool]]:
    params = context.params
    territory = [] if params.territory is None else [Opportunity.territory == params.territory]
    return [
        *territory,
        Opportunity.stage_id.in_(select(FunnelStage.id).where(FunnelStage.outcome == "open")),
        Opportunity.expected_close >= params.date_from,
        Opportunity.expected_close <= params.date_to,
        context.scope("opportunity"),
        context.in_segment(Opportunity.contact_id),
    ]


def build(context: ReportContext) -> ReportTable:
    """Open opportunities grouped by territory and stage (in funnel order)."""
    context.require(*NEEDS)
    amount = func.coalesce(func.sum(Opportunity.amount), 0)
    query = (
        select(
            Opportunity.territory.label("territory"),
            FunnelStage.name.label("stage"),
            FunnelStage.probability.label("probability"),
            func.count(Opportunity.id).label("opportunities"),
            amount.label("amount"),
            func.coalesce(func.sum(Opportunity.amount * FunnelStage.probability), 0).label(
                "weighted"
            ),
        )
        .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
        .where(*_where(context))
        .group_by(Opportunity.territory, FunnelStage.name, FunnelStage.position)
        .order_by(Opportunity.territory, FunnelStage.position)
    )
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    for row in rows:
        row["amount"] = float(row["amount"])
        row["weighted"] = round(float(row["weighted"]), 2)
    territories = tuple(dict.fromkeys(key_text(row["territory"]) for row in rows))
    stages = tuple(dict.fromkeys(row["stage"] for row in rows))
    weighted = {(key_text(row["territory"]), row["stage"]): row["weighted"] for row in rows}
    chart = ChartSpec(
        "stacked_bar",
        "Weighted pipeline by territory and stage",
        territories,
        tuple(
            ChartSeries(stage, tuple(weighted.get((t, stage), 0.0) for t in territories))
            for stage in stages
        ),
        "weighted amount",
        tuple((t, ANY) for t in territories),
    )
    return ReportTable(COLUMNS, rows, ("territory", "stage"), chart)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The open opportunities of one territory at one stage (or every open stage)."""
    territory, stage = key
    where = _where(context) + key_conditions([(Opportunity.territory, territory)])
    where += reference_conditions([(Opportunity.stage_id, FunnelStage.id, FunnelStage.name, stage)])
    return drill_records(context, "opportunity", where, f"Pipeline: {territory} / {stage}")
