"""``dashboard``: the shared numbers both teams are judged by, against the previous period.

Answers "Common metrics, the same for both teams" and "Are we after market
share, volume or margin?" (SEED-QUESTIONS.md): revenue and margin growth,
won deals, new accounts, closing ratio, market share where entered, with the
company goal metric marked. The previous period has the same length. The notes
give each outcome target overlapping the range with its attainment ("Outcome
targets rather than activity counts").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select

from contactdesk.model import Account, Contact, FunnelStage, Opportunity, Setting
from contactdesk.reports.drill_down import drill_records
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_params import trailing_quarter
from contactdesk.reports.report_result import (
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)
from contactdesk.services.targets import attainments

NAME = "dashboard"
TITLE = "Shared dashboard"
QUESTION = "How are we doing on the numbers both teams share, and which one is the goal?"
NEEDS = (
    ("opportunity", "amount"),
    ("opportunity", "margin"),
    ("opportunity", "stage_id"),
    ("opportunity", "closed_at"),
)
# How each metric is measured, as people read it (not the column kinds ``money``/``count``).
MONEY_UNIT = "Amount"
COUNT_UNIT = "Count"
COLUMNS = (
    ReportColumn("metric", "Metric"),
    ReportColumn("unit", "Unit"),
    ReportColumn("current", "This period", "number"),
    ReportColumn("previous", "Previous period", "number"),
    ReportColumn("change", "Change", "percent"),
    ReportColumn("goal", "Goal metric"),
)
# Which dashboard row the company's goal metric setting points at.
GOAL_ROWS = {"volume": "Revenue", "margin": "Margin", "market_share": "Market share"}


def default_range(today: date) -> tuple[date, date]:
    """A quarter against the quarter before: long enough to mean something, short enough to act."""
    return trailing_quarter(today)


def _closed(context: ReportContext) -> dict[str, Any]:
    """Won/lost sums and counts for this and the previous period, in one aggregate query."""
    previous = context.params.previous()
    current = Opportunity.closed_at >= context.params.start
    won, lost = FunnelStage.outcome == "won", FunnelStage.outcome == "lost"
    figures: dict[str, Any] = {}
    columns = []
    for period, in_period in (("cur", current), ("prev", ~current)):
        columns += [
            func.sum(case((and_(won, in_period), Opportunity.amount), else_=0)).label(
                f"revenue_{period}"
            ),
            func.sum(case((and_(won, in_period), Opportunity.margin), else_=0)).label(
                f"margin_{period}"
            ),
            func.count(case((and_(won, in_period), 1))).label(f"won_{period}"),
            func.count(case((and_(lost, in_period), 1))).label(f"lost_{period}"),
        ]
    query = (
        select(*columns)
        .join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
        .where(
            Opportunity.closed_at >= previous.start,
            Opportunity.closed_at < context.params.end,
            context.scope("opportunity"),
            context.in_segment(Opportunity.contact_id),
        )
    )
    row = context.session.execute(query).one()
    figures.update({key: float(value or 0) for key, value in row._mapping.items()})
    return figures


def _account_filter(context: ReportContext) -> list[ColumnElement[bool]]:
    where = [context.scope("account")]
    if context.params.segment is not None:
        where.append(
            Account.id.in_(select(Contact.account_id).where(context.in_segment(Contact.id)))
        )
    return where


def _accounts(context: ReportContext) -> tuple[int, int, float | None]:
    previous = context.params.previous()
    created = Account.created_at
    query = select(
        func.count(case((context.in_period(created), 1))),
        func.count(case((context.in_period(created, previous), 1))),
    ).where(*_account_filter(context))
    new_now, new_before = context.session.execute(query).one()
    share = None
    if context.can_see("account", "market_share"):
        share = context.session.scalar(
            select(func.avg(Account.market_share)).where(
                Account.market_share.is_not(None), *_account_filter(context)
            )
        )
    return int(new_now), int(new_before), None if share is None else float(share)


def _ratio(won: float, lost: float) -> float | None:
    """Won of closed deals, in percent (the dashboard shows every figure as a plain number)."""
    return round(100 * won / (won + lost), 1) if won + lost else None


def _change(current: float | None, previous: float | None) -> float | None:
    if current is None or not previous:
        return None
    return (current - previous) / previous


def goal_metric(context: ReportContext) -> str:
    """The company's goal metric setting (market_share, volume or margin)."""
    value = context.session.scalar(select(Setting.value).where(Setting.key == "goal_metric"))
    return str(value) if value else "margin"


def _target_notes(context: ReportContext) -> list[str]:
    """Attainment of each outcome target whose period overlaps the range, one line each."""
    if not context.can_see("target", "value"):
        return []
    found = attainments(
        context.session, context.policy, context.actor, context.params.date_from,
        context.params.date_to,
    )
    return [
        f"Target: {target.metric.replace('_', ' ')} for {target.holder}, {target.period} from "
        f"{target.starts_on.isoformat()}: {target.actual:,.0f} of {target.value:,.0f}"
        + (f" ({target.attainment:.0%})" if target.attainment is not None else "")
        for target in found
    ]


def build(context: ReportContext) -> ReportTable:
    """Each metric this period and last, the change, and which one is the goal."""
    context.require(*NEEDS)
    f = _closed(context)
    new_now, new_before, share = _accounts(context)
    figures: list[tuple[str, str, float | None, float | None]] = [
        ("Revenue", MONEY_UNIT, f["revenue_cur"], f["revenue_prev"]),
        ("Margin", MONEY_UNIT, f["margin_cur"], f["margin_prev"]),
        ("Won deals", COUNT_UNIT, f["won_cur"], f["won_prev"]),
        ("New accounts", COUNT_UNIT, float(new_now), float(new_before)),
        (
            "Closing ratio",
            "%",
            _ratio(f["won_cur"], f["lost_cur"]),
            _ratio(f["won_prev"], f["lost_prev"]),
        ),
    ]
    if share is not None:
        figures.append(("Market share", "%", round(share, 1), None))
    goal = goal_metric(context)
    rows: list[dict[str, Any]] = [
        {
            "metric": metric,
            "unit": unit,
            "current": current,
            "previous": previous,
            "change": _change(current, previous),
            "goal": "goal" if GOAL_ROWS.get(goal) == metric else "",
        }
        for metric, unit, current, previous in figures
    ]
    money = [row for row in rows if row["unit"] == MONEY_UNIT]
    chart = ChartSpec(
        "bar",
        "Revenue and margin: this period against the previous one",
        tuple(row["metric"] for row in money),
        (
            ChartSeries("Previous period", tuple(row["previous"] or 0.0 for row in money)),
            ChartSeries("This period", tuple(row["current"] or 0.0 for row in money)),
        ),
        "amount",
        tuple((row["metric"],) for row in money),
    )
    notes = (f"Company goal metric: {goal.replace('_', ' ')}", *_target_notes(context))
    return ReportTable(COLUMNS, rows, ("metric",), chart, notes)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The records behind a metric in this period: deals, closed deals or accounts."""
    (metric,) = key
    if metric in ("New accounts", "Market share"):
        where = _account_filter(context)
        if metric == "New accounts":
            where.append(context.in_period(Account.created_at))
        else:
            where.append(Account.market_share.is_not(None))
        return drill_records(context, "account", where, metric)
    outcomes = ("won", "lost") if metric == "Closing ratio" else ("won",)
    stages = select(FunnelStage.id).where(FunnelStage.outcome.in_(outcomes))
    where = [
        Opportunity.stage_id.in_(stages),
        context.in_period(Opportunity.closed_at),
        context.in_segment(Opportunity.contact_id),
    ]
    return drill_records(context, "opportunity", where, metric)
