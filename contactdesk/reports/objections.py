"""``objections``: objections logged by sales, by frequency and funnel stage, with example notes.

Answers "What worries customers about the offer?" (SEED-QUESTIONS.md,
marketing asks sales). Narrow it "by segment" with the report's segment.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from contactdesk.model import FunnelStage, Intel
from contactdesk.reports.drill_down import (
    drill_records,
    key_conditions,
    key_text,
    reference_conditions,
)
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

NAME = "objections"
TITLE = "Objections"
QUESTION = "What worries customers about the offer?"
NEEDS = (("intel", "tag"), ("intel", "text"), ("intel", "stage_id"))
COLUMNS = (
    ReportColumn("objection", "Objection"),
    ReportColumn("stage", "Funnel stage"),
    ReportColumn("count", "Times raised", "integer"),
    ReportColumn("share", "Share of objections", "percent"),
    ReportColumn("example", "Example note"),
)


def build(context: ReportContext) -> ReportTable:
    """Objections grouped by tag and stage; the chart totals each tag over all stages."""
    context.require(*NEEDS)
    where = _where(context)
    count = func.count(Intel.id)
    # Any one note serves as the example; max() picks one without a second query.
    query = select(
        Intel.tag.label("objection"),
        FunnelStage.name.label("stage"),
        count.label("count"),
        func.max(Intel.text).label("example"),
    )
    query = (
        query.select_from(Intel)
        .outerjoin(FunnelStage, FunnelStage.id == Intel.stage_id)
        .where(*where)
        .group_by(Intel.tag, FunnelStage.name, FunnelStage.position)
        .order_by(count.desc(), Intel.tag, FunnelStage.position)
    )
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    total = sum(row["count"] for row in rows)
    for row in rows:
        row["share"] = row["count"] / total if total else 0.0
    by_tag = (
        select(Intel.tag, func.count(Intel.id))
        .where(*where)
        .group_by(Intel.tag)
        .order_by(func.count(Intel.id).desc())
        .limit(10)
    )
    tags = list(context.session.execute(by_tag))
    chart = ChartSpec(
        "bar",
        "Objections by frequency",
        tuple(key_text(tag) for tag, _ in tags),
        (ChartSeries("Times raised", tuple(float(n) for _, n in tags)),),
        "count",
        tuple((key_text(tag), ANY) for tag, _ in tags),
    )
    return ReportTable(COLUMNS, rows, ("objection", "stage"), chart)


def _where(context: ReportContext) -> list[Any]:
    return [
        Intel.kind == "objection",
        context.in_period(Intel.created_at),
        context.scope("intel"),
        context.in_segment(Intel.contact_id),
    ]


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The objection notes with one tag (at one stage, or any)."""
    tag, stage = key
    where = _where(context) + key_conditions([(Intel.tag, tag)])
    where += reference_conditions([(Intel.stage_id, FunnelStage.id, FunnelStage.name, stage)])
    return drill_records(context, "intel", where, f"Objection: {tag}")
