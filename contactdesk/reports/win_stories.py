"""``win-stories``: the win stories sales captured, searchable, filterable by industry and product.

Answers "What do happy customers say?" (SEED-QUESTIONS.md, marketing asks
sales). A list, not an aggregate: it is capped at ``LIST_LIMIT`` stories, newest
first, and the chart counts stories per industry in SQL.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from contactdesk.errors import NotFound
from contactdesk.model import Account, Intel, Opportunity
from contactdesk.reports.drill_down import drill_records, key_text
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_result import (
    ChartSeries,
    ChartSpec,
    DrillDown,
    ReportColumn,
    ReportTable,
    RowKey,
)
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.record_queries import Condition, condition_clause

NAME = "win-stories"
TITLE = "Win stories"
QUESTION = "What do happy customers say?"
NEEDS = (("intel", "text"), ("intel", "tag"), ("intel", "product"), ("account", "industry"))
LIST_LIMIT = 500
COLUMNS = (
    ReportColumn("won", "Won", "date"),
    ReportColumn("account", "Customer"),
    ReportColumn("industry", "Industry"),
    ReportColumn("product", "Product"),
    ReportColumn("tag", "Tag"),
    ReportColumn("story", "Story"),
    ReportColumn("story_id", "Id"),
)


def _won_at() -> Any:
    # A story belongs to the period its deal was won in; a loose story to when it was logged.
    return func.coalesce(Opportunity.closed_at, Intel.created_at)


def _product() -> Any:
    return func.coalesce(Intel.product, Opportunity.product)


def _where(context: ReportContext) -> list[ColumnElement[bool]]:
    params = context.params
    where: list[ColumnElement[bool]] = [
        Intel.kind == "win_story",
        context.in_period(_won_at()),
        context.scope("intel"),
        context.in_segment(Intel.contact_id),
    ]
    if params.search.strip():
        intel = ENTITIES["intel"]
        where.append(
            or_(
                condition_clause(
                    intel, context.policy, Condition("text", "contains", params.search)
                ),
                condition_clause(
                    intel, context.policy, Condition("tag", "contains", params.search)
                ),
            )
        )
    if params.industry:
        where.append(Account.industry == params.industry)
    if params.product:
        where.append(_product() == params.product)
    return where


def _joined(query: Any) -> Any:
    # A story names its account directly or through its opportunity.
    return query.outerjoin(Opportunity, Opportunity.id == Intel.opportunity_id).outerjoin(
        Account, Account.id == func.coalesce(Intel.account_id, Opportunity.account_id)
    )


def build(context: ReportContext) -> ReportTable:
    """Matching stories, newest first; the chart counts them per industry."""
    context.require(*NEEDS)
    where = _where(context)
    query = _joined(
        select(
            func.date(_won_at()).label("won"),
            Account.name.label("account"),
            Account.industry.label("industry"),
            _product().label("product"),
            Intel.tag.label("tag"),
            Intel.text.label("story"),
            Intel.id.label("story_id"),
        ).select_from(Intel)
    )
    query = query.where(*where).order_by(_won_at().desc(), Intel.id).limit(LIST_LIMIT)
    rows = [dict(row._mapping) for row in context.session.execute(query)]
    for row in rows:
        row["story_id"] = str(row["story_id"])
    counted = _joined(select(Account.industry, func.count(Intel.id)).select_from(Intel))
    counted = counted.where(*where).group_by(Account.industry).order_by(func.count(Intel.id).desc())
    per_industry = list(context.session.execute(counted))
    chart = ChartSpec(
        "bar",
        "Win stories by industry",
        tuple(key_text(industry) for industry, _ in per_industry),
        (ChartSeries("Stories", tuple(float(n) for _, n in per_industry)),),
        "stories",
        (),
    )
    return ReportTable(COLUMNS, rows, ("story_id",), chart)


def drill(context: ReportContext, key: RowKey) -> DrillDown:
    """The story itself, as a record with every field the role may see."""
    (story_id,) = key
    matching = _joined(select(Intel.id).select_from(Intel)).where(*_where(context))
    where = [Intel.id.in_(matching), Intel.id == _uuid(story_id)]
    return drill_records(context, "intel", where, "Win story")


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise NotFound(f"{text!r} is not a win story id") from None
