"""``buyer-profile``: won deals by industry, company size, region, buyer title and deal size.

Answers "Who actually buys?" (SEED-QUESTIONS.md, marketing asks sales), over
opportunities won (closed) in the period. A dimension whose field the role
may not see is left out rather than shown.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, select

from contactdesk.model import Account, Contact, FunnelStage, Opportunity
from contactdesk.reports.drill_down import drill_records, key_text
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import (
    UNSET,
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)

NAME = "buyer-profile"
TITLE = "Buyer profile"
QUESTION = "Who actually buys?"
NEEDS = (("opportunity", "amount"), ("opportunity", "stage_id"), ("opportunity", "closed_at"))
COLUMNS = (
    ReportColumn("dimension", "Dimension"),
    ReportColumn("value", "Value"),
    ReportColumn("deals", "Won deals", "integer"),
    ReportColumn("share", "Share of deals", "percent"),
    ReportColumn("revenue", "Revenue", "money"),
    ReportColumn("average_deal", "Average deal", "money"),
)
SIZE_BANDS = ((50, "1-49"), (250, "50-249"), (1000, "250-999"))
DEAL_BANDS = ((10_000, "under 10k"), (50_000, "10k-50k"), (100_000, "50k-100k"))


def _banded(column: Any, bands: tuple[tuple[int, str], ...], top: str) -> Any:
    return case(
        *((column < limit, label) for limit, label in bands), (column.is_not(None), top), else_=None
    )


# dimension label -> (entity, field the role must see, SQL value of the group)
DIMENSIONS: dict[str, tuple[str, str, Any]] = {
    "Industry": ("account", "industry", Account.industry),
    "Company size": ("account", "employees", _banded(Account.employees, SIZE_BANDS, "1000+")),
    "Region": ("account", "region", Account.region),
    "Buyer title": ("contact", "title", Contact.title),
    "Deal size": ("opportunity", "amount", _banded(Opportunity.amount, DEAL_BANDS, "100k+")),
}


def _won(context: ReportContext) -> list[ColumnElement[bool]]:
    won = select(FunnelStage.id).where(FunnelStage.outcome == "won")
    return [
        Opportunity.stage_id.in_(won),
        context.in_period(Opportunity.closed_at),
        context.scope("opportunity"),
        context.in_segment(Opportunity.contact_id),
    ]


def build(context: ReportContext) -> ReportTable:
    """One GROUP BY per dimension over won opportunities joined to company and buyer."""
    context.require(*NEEDS)
    rows: list[dict[str, Any]] = []
    for dimension, (entity, field, value) in DIMENSIONS.items():
        if not context.can_see(entity, field):
            continue
        query = (
            select(
                value.label("value"),
                func.count(Opportunity.id).label("deals"),
                func.coalesce(func.sum(Opportunity.amount), 0).label("revenue"),
            )
            .select_from(Opportunity)
            .outerjoin(Account, Account.id == Opportunity.account_id)
            .outerjoin(Contact, Contact.id == Opportunity.contact_id)
            .where(*_won(context))
            .group_by(value)
            .order_by(func.count(Opportunity.id).desc(), value)
        )
        found = [dict(row._mapping) for row in context.session.execute(query)]
        total = sum(row["deals"] for row in found)
        for row in found:
            row["dimension"] = dimension
            row["revenue"] = float(row["revenue"])
            row["share"] = row["deals"] / total if total else 0.0
            row["average_deal"] = row["revenue"] / row["deals"] if row["deals"] else 0.0
        rows.extend(found)
    chart_rows = [row for row in rows if row["dimension"] == "Industry"][:10]
    chart = ChartSpec(
        "bar",
        "Won revenue by industry",
        tuple(key_text(row["value"]) for row in chart_rows),
        (ChartSeries("Revenue", tuple(row["revenue"] for row in chart_rows)),),
        "revenue",
        tuple(("Industry", key_text(row["value"])) for row in chart_rows),
    )
    return ReportTable(COLUMNS, rows, ("dimension", "value"), chart)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The won opportunities in one group of one dimension."""
    dimension, value = key
    entity, field, expression = DIMENSIONS[dimension]
    context.require((entity, field))
    matching = expression.is_(None) if value == UNSET else expression == value
    members = (
        select(Opportunity.id)
        .outerjoin(Account, Account.id == Opportunity.account_id)
        .outerjoin(Contact, Contact.id == Opportunity.contact_id)
        .where(matching)
    )
    where = [*_won(context), Opportunity.id.in_(members)]
    return drill_records(context, "opportunity", where, f"Won deals: {dimension} {value}")
