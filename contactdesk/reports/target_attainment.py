"""``targets``: outcome targets of the period and how far each is met.

Answers "Outcome targets rather than activity counts" (SEED-QUESTIONS.md):
targets are on revenue, margin, new accounts and won deals; the activities
done in the range are given in a note, as information, never as a target.
Figures use the shared dashboard's definitions (see ``services/targets.py``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from contactdesk.model import Activity
from contactdesk.reports.drill_down import drill_records
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import (
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)
from contactdesk.services.target_rules import period_end, period_start
from contactdesk.services.targets import (
    TargetAttainment,
    attainments,
    counted_records,
    utc_midnight,
)

NAME = "targets"
TITLE = "Targets and attainment"
QUESTION = "Are we meeting our outcome targets (revenue, margin, new accounts, won deals)?"
METRIC_LABELS = {
    "revenue": "Revenue",
    "margin": "Margin",
    "new_accounts": "New accounts",
    "won_deals": "Won deals",
}
COLUMNS = (
    ReportColumn("metric", "Outcome"),
    ReportColumn("period", "Period"),
    ReportColumn("starts_on", "Starts", "date"),
    ReportColumn("holder", "For"),
    ReportColumn("target", "Target", "number"),
    ReportColumn("actual", "Achieved", "number"),
    ReportColumn("attainment", "Attainment", "percent"),
)
KEYS = ("metric", "period", "starts_on", "holder")


def default_range(today: date) -> tuple[date, date]:
    """The current quarter: its monthly, quarterly and yearly targets."""
    start = period_start("quarter", today)
    return start, period_end("quarter", start) - timedelta(days=1)


def _found(context: ReportContext) -> list[TargetAttainment]:
    params = context.params
    return attainments(context.session, context.policy, context.actor, params.date_from,
                       params.date_to)


def _row(found: TargetAttainment) -> dict[str, Any]:
    return {
        "metric": METRIC_LABELS[found.metric],
        "period": found.period,
        "starts_on": found.starts_on,
        "holder": found.holder,
        "target": found.value,
        "actual": found.actual,
        "attainment": found.attainment,
    }


def _activity_note(context: ReportContext) -> str:
    counts = context.session.execute(
        select(Activity.kind, func.count(Activity.id))
        .where(context.in_period(Activity.done_at), context.scope("activity"))
        .group_by(Activity.kind)
        .order_by(Activity.kind)
    ).all()
    listed = ", ".join(f"{kind} {count}" for kind, count in counts) or "none"
    return f"Activities done in the period (information, not a target): {listed}"


def build(context: ReportContext) -> ReportTable:
    """One row per target overlapping the range; the chart shows attainment in percent."""
    rows = [_row(found) for found in _found(context)]
    chart = ChartSpec(
        "bar",
        "Attainment of each target (%)",
        tuple(f"{row['metric']}: {row['holder']}" for row in rows),
        (ChartSeries("Attainment", tuple(100 * (row["attainment"] or 0.0) for row in rows)),),
        "percent",
        tuple(tuple(str(row[key]) for key in KEYS) for row in rows),
    )
    return ReportTable(COLUMNS, rows, KEYS, chart, (_activity_note(context),))


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The won deals (or new accounts) that count towards one target."""
    for found in _found(context):
        if tuple(str(value) for value in (_row(found)[k] for k in KEYS)) == key:
            end = found.ends_on + timedelta(days=1)
            entity, where = counted_records(
                found, utc_midnight(found.starts_on), utc_midnight(end)
            )
            title = f"{METRIC_LABELS[found.metric]}: {found.holder}"
            return drill_records(context, entity, where, title)
    return drill_records(context, "opportunity", [], "no such target", limit=0)
