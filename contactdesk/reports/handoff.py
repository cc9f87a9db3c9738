"""``handoff``: follow-up deadlines kept and missed, by sales rep and by campaign.

Answers "The hand-off: how fast sales must follow up" (SEED-QUESTIONS.md, what
both agree on; report: deadline kept / missed). For leads handed off in the
period: kept = first follow-up by the deadline; missed = after it, or none
yet with the deadline passed; open = none yet, deadline still ahead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from contactdesk.model import Campaign, Lead, User
from contactdesk.reports.drill_down import drill_records, key_text, reference_conditions
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

NAME = "handoff"
TITLE = "Hand-off deadlines"
QUESTION = "Does sales follow up handed-off leads within the agreed deadline?"
NEEDS = (
    ("lead", "owner_id"),
    ("lead", "campaign_id"),
    ("lead", "handed_off_at"),
    ("lead", "follow_up_due_at"),
    ("lead", "first_follow_up_at"),
)
COLUMNS = (
    ReportColumn("rep", "Sales rep"),
    ReportColumn("campaign", "Campaign"),
    ReportColumn("handed_off", "Handed off", "integer"),
    ReportColumn("kept", "Deadline kept", "integer"),
    ReportColumn("missed", "Deadline missed", "integer"),
    ReportColumn("open", "Still open", "integer"),
    ReportColumn("kept_rate", "Kept (of decided)", "percent"),
)


def outcome_clauses(now: Any) -> dict[str, ColumnElement[bool]]:
    """kept / missed / open as SQL conditions on a lead, with ``now`` for open deadlines."""
    first, due = Lead.first_follow_up_at, Lead.follow_up_due_at
    return {
        "kept": and_(first.is_not(None), first <= due),
        "missed": or_(and_(first.is_not(None), first > due), and_(first.is_(None), due < now)),
        "open": and_(first.is_(None), due >= now),
    }


def _where(context: ReportContext) -> list[ColumnElement[bool]]:
    return [
        Lead.follow_up_due_at.is_not(None),
        context.in_period(Lead.handed_off_at),
        context.scope("lead"),
        context.in_segment(Lead.contact_id),
    ]


def build(context: ReportContext) -> ReportTable:
    """Leads grouped by rep and campaign, counting each deadline outcome."""
    context.require(*NEEDS)
    outcomes = outcome_clauses(context.now)
    counts = [func.count(case((clause, 1))).label(name) for name, clause in outcomes.items()]
    query = (
        select(
            User.display_name.label("rep"),
            Campaign.name.label("campaign"),
            func.count(Lead.id).label("handed_off"),
            *counts,
        )
        .select_from(Lead)
        .outerjoin(User, User.id == Lead.owner_id)
        .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
        .where(*_where(context))
        .group_by(User.display_name, Campaign.name)
        .order_by(User.display_name, Campaign.name)
    )
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    per_rep: dict[str, list[int]] = {}
    for row in rows:
        decided = row["kept"] + row["missed"]
        row["kept_rate"] = row["kept"] / decided if decided else None
        totals = per_rep.setdefault(key_text(row["rep"]), [0, 0, 0])
        for index, name in enumerate(("kept", "missed", "open")):
            totals[index] += row[name]
    reps = tuple(per_rep)
    chart = ChartSpec(
        "stacked_bar",
        "Follow-up deadlines by rep",
        reps,
        tuple(
            ChartSeries(label, tuple(float(per_rep[rep][index]) for rep in reps))
            for index, label in enumerate(("Kept", "Missed", "Open"))
        ),
        "leads",
        tuple((rep, ANY) for rep in reps),
    )
    return ReportTable(COLUMNS, rows, ("rep", "campaign"), chart)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The handed-off leads of one rep (and campaign, or all)."""
    rep, campaign = key
    where = _where(context) + reference_conditions(
        [
            (Lead.owner_id, User.id, User.display_name, rep),
            (Lead.campaign_id, Campaign.id, Campaign.name, campaign),
        ]
    )
    return drill_records(context, "lead", where, f"Hand-offs: {rep} / {campaign}")
