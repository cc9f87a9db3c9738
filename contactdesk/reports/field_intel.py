"""``field-intel``: what sales learned in the field, by month, territory and industry.

Answers "Field intelligence flows back" (SEED-QUESTIONS.md): competitor
mentions, deals lost to each competitor, objections and market notes (competitor
seen, price heard, market news), each with how often and the text itself.
Narrow it to a segment with the report's segment; the industry column is the
market segment of the account the intel is about.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select

from contactdesk.model import Account, FunnelStage, Intel, Opportunity
from contactdesk.reports.drill_down import drill_records, key_conditions, key_text
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

NAME = "field-intel"
TITLE = "Field intelligence"
QUESTION = "What are competitors, customers and the market telling sales?"
NEEDS = (
    ("intel", "kind"),
    ("intel", "tag"),
    ("intel", "text"),
    ("opportunity", "competitor"),
    ("opportunity", "lost_reason"),
)
COLUMNS = (
    ReportColumn("month", "Month"),
    ReportColumn("territory", "Territory"),
    ReportColumn("industry", "Industry"),
    ReportColumn("kind", "What"),
    ReportColumn("tag", "Tag"),
    ReportColumn("count", "Times", "integer"),
    ReportColumn("texts", "What was said"),
)
KEYS = ("month", "territory", "industry", "kind", "tag")
LOST = "Deal lost to competitor"
INTEL_LABELS = {
    "competitor": "Competitor mention",
    "objection": "Objection",
}
TOPIC_LABELS = {
    "competitor_seen": "Market note: competitor seen",
    "price_heard": "Market note: price heard",
    "market_news": "Market note: market news",
}
# The joined texts of one row are cut here: the drill-down lists every note.
TEXTS_LIMIT = 1000


def _intel_kind() -> Any:
    topic = case(
        *((Intel.topic == topic, label) for topic, label in TOPIC_LABELS.items()),
        else_="Market note",
    )
    return case(
        *((Intel.kind == kind, label) for kind, label in INTEL_LABELS.items()),
        else_=topic,
    )


def _intel_query(context: ReportContext, *columns: Any) -> Any:
    account = func.coalesce(Intel.account_id, Opportunity.account_id)
    return (
        select(*columns)
        .select_from(Intel)
        .outerjoin(Opportunity, Opportunity.id == Intel.opportunity_id)
        .outerjoin(Account, Account.id == account)
        .where(
            Intel.kind.in_(("competitor", "objection", "market_note")),
            context.in_period(Intel.created_at),
            context.scope("intel"),
            context.in_segment(Intel.contact_id),
        )
    )


def _territory() -> Any:
    # A deal's own territory wins over its account's (deals can be assigned across).
    return func.coalesce(Opportunity.territory, Account.territory)


def _intel_groups(context: ReportContext) -> Any:
    month = func.strftime("%Y-%m", Intel.created_at)
    kind = _intel_kind()
    territory = _territory()
    return _intel_query(
        context,
        month.label("month"),
        territory.label("territory"),
        Account.industry.label("industry"),
        kind.label("kind"),
        Intel.tag.label("tag"),
        func.count(Intel.id).label("count"),
        func.group_concat(Intel.text, " | ").label("texts"),
    ).group_by(month, territory, Account.industry, kind, Intel.tag)


def _lost_query(context: ReportContext, *columns: Any) -> Any:
    lost = select(FunnelStage.id).where(FunnelStage.outcome == "lost")
    return (
        select(*columns)
        .select_from(Opportunity)
        .outerjoin(Account, Account.id == Opportunity.account_id)
        .where(
            Opportunity.stage_id.in_(lost),
            Opportunity.competitor.is_not(None),
            context.in_period(Opportunity.closed_at),
            context.scope("opportunity"),
            context.in_segment(Opportunity.contact_id),
        )
    )


def _lost_groups(context: ReportContext) -> Any:
    month = func.strftime("%Y-%m", Opportunity.closed_at)
    territory = _territory()
    return _lost_query(
        context,
        month.label("month"),
        territory.label("territory"),
        Account.industry.label("industry"),
        literal(LOST).label("kind"),
        Opportunity.competitor.label("tag"),
        func.count(Opportunity.id).label("count"),
        func.group_concat(Opportunity.lost_reason, " | ").label("texts"),
    ).group_by(month, territory, Account.industry, Opportunity.competitor)


def build(context: ReportContext) -> ReportTable:
    """One row per month, territory, industry, kind of intel and tag, with the texts."""
    context.require(*NEEDS)
    rows: list[dict[str, Any]] = []
    for query in (_intel_groups(context), _lost_groups(context)):
        rows += [dict(row._mapping) for row in context.session.execute(query)]
    for row in rows:
        texts = row["texts"] or ""
        row["texts"] = texts if len(texts) <= TEXTS_LIMIT else texts[: TEXTS_LIMIT - 1] + "…"
    rows.sort(key=lambda row: (row["month"], -row["count"], row["kind"], key_text(row["tag"]),
                               key_text(row["territory"]), key_text(row["industry"])))
    chart = _chart(rows)
    return ReportTable(COLUMNS, rows, KEYS, chart)


def _chart(rows: list[dict[str, Any]]) -> ChartSpec:
    """Competitors by mentions and lost deals over the whole range."""
    mentions: dict[str, float] = {}
    lost: dict[str, float] = {}
    for row in rows:
        if row["kind"] == INTEL_LABELS["competitor"] and row["tag"]:
            mentions[row["tag"]] = mentions.get(row["tag"], 0.0) + row["count"]
        elif row["kind"] == LOST and row["tag"]:
            lost[row["tag"]] = lost.get(row["tag"], 0.0) + row["count"]
    names = tuple(sorted(set(mentions) | set(lost), key=lambda n: (-mentions.get(n, 0), n)))
    return ChartSpec(
        "bar",
        "Competitors: mentions and deals lost to them",
        names,
        (
            ChartSeries("Mentions", tuple(mentions.get(name, 0.0) for name in names)),
            ChartSeries("Deals lost", tuple(lost.get(name, 0.0) for name in names)),
        ),
        "count",
        tuple((ANY, ANY, ANY, INTEL_LABELS["competitor"], name) for name in names),
    )


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The notes (or lost deals) behind one row, every field the role may see."""
    month, territory, industry, kind, tag = key
    if kind == LOST:
        month_of = func.strftime("%Y-%m", Opportunity.closed_at)
        where = key_conditions([
            (month_of, month),
            (_territory(), territory),
            (Account.industry, industry),
            (Opportunity.competitor, tag),
        ])
        ids = _lost_query(context, Opportunity.id).where(*where)
        return drill_records(context, "opportunity", [Opportunity.id.in_(ids)], f"{LOST}: {tag}")
    conditions: list[ColumnElement[bool]] = key_conditions([
        (func.strftime("%Y-%m", Intel.created_at), month),
        (_territory(), territory),
        (Account.industry, industry),
        (_intel_kind(), kind),
        (Intel.tag, tag),
    ])
    ids = _intel_query(context, Intel.id).where(*conditions)
    return drill_records(context, "intel", [Intel.id.in_(ids)], f"{kind}: {tag}")
