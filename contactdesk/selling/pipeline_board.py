"""The pipeline board's data: one column per funnel stage, its deals, count, total, weighted.

``pipeline_board(store, actor, filter="mine"|"team"|"territory", now=...)`` answers
the board. Each column is two queries on an index that leads with the filter's
column and ends with the stage: (owner_id, stage_id) for mine and team,
(territory, stage_id) for a territory. So the cost is per stage and does not
grow with other reps' or territories' deals. The won and lost columns show what
closed in the last CLOSED_WINDOW_DAYS (the board is about work in hand, and an
all-time won column would grow without end).

Totals are per currency (a deal with no currency is in the company's default):
amounts in different currencies are never added together. Weighted totals use
the stage's win probability. A role that may not see ``amount`` gets no totals.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Contact, FunnelStage, Opportunity, User
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import company_currency
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

BOARD_FILTERS = ("mine", "team", "territory")
CARDS_PER_COLUMN = 50
CLOSED_WINDOW_DAYS = 30


@dataclass(frozen=True)
class BoardCard:
    """One deal on the board."""

    id: uuid.UUID
    name: str
    stage_id: uuid.UUID
    amount: float | None
    currency: str
    owner_id: uuid.UUID | None
    owner_name: str | None
    account_name: str | None
    contact_name: str | None
    expected_close: date | None
    product: str | None


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    total: float
    weighted: float


@dataclass(frozen=True)
class BoardColumn:
    stage_id: uuid.UUID
    name: str
    outcome: str
    probability: float
    count: int
    # One entry per currency present, largest total first; empty when amounts are hidden.
    totals: list[CurrencyTotal]
    cards: list[BoardCard]


@dataclass(frozen=True)
class PipelineBoard:
    filter: str
    # What the filter is about: the user's team or territory name (None for mine).
    subject: str | None
    columns: list[BoardColumn]

    def column(self, stage_id: uuid.UUID) -> BoardColumn:
        return next(column for column in self.columns if column.stage_id == stage_id)


def pipeline_board(
    store: Store,
    actor: Actor,
    *,
    filter: str = "mine",
    now: datetime,
    card_limit: int = CARDS_PER_COLUMN,
) -> PipelineBoard:
    """The board for ``actor`` (a user), narrowed to their deals, team's or territory's."""
    if filter not in BOARD_FILTERS:
        raise ValidationError("board.filter", f"must be one of {', '.join(BOARD_FILTERS)}")
    if actor.user_id is None:
        raise ValidationError("board.user", "the pipeline board belongs to a user; sign in as one")
    default_currency = company_currency(store)
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        narrowing, subject = narrowing_clause(session, actor, filter)
        in_scope = scope_clause(entity_spec("opportunity"), policy, actor)
        stages = session.execute(
            select(
                FunnelStage.id, FunnelStage.name, FunnelStage.outcome, FunnelStage.probability
            ).order_by(FunnelStage.position)
        ).all()
        since = now - timedelta(days=CLOSED_WINDOW_DAYS)
        columns = []
        for stage_id, name, outcome, probability in stages:
            where = [narrowing, in_scope, Opportunity.stage_id == stage_id]
            if outcome != "open":
                where.append(Opportunity.closed_at >= since)
            columns.append(
                BoardColumn(
                    stage_id=stage_id,
                    name=name,
                    outcome=outcome,
                    probability=probability,
                    count=_count(session, where),
                    totals=_totals(session, policy, where, probability, default_currency),
                    cards=_cards(session, policy, where, default_currency, card_limit),
                )
            )
    return PipelineBoard(filter, subject, columns)


def board_cards_query(where: list[ColumnElement[bool]], limit: int) -> Select[Any]:
    """The cards of one column: biggest deals first (exposed for the query-plan test)."""
    owner = aliased(User)
    # The card's columns, in BoardCard's order.
    columns: list[Any] = [
        Opportunity.id,
        Opportunity.name,
        Opportunity.stage_id,
        Opportunity.amount,
        Opportunity.currency,
        Opportunity.owner_id,
        owner.display_name,
        Account.name,
        Contact.display_name,
        Opportunity.expected_close,
        Opportunity.product,
    ]
    query: Select[Any] = (
        select(*columns)
        .outerjoin(owner, owner.id == Opportunity.owner_id)
        .outerjoin(Account, Account.id == Opportunity.account_id)
        .outerjoin(Contact, Contact.id == Opportunity.contact_id)
        .where(*where)
        .order_by(Opportunity.amount.desc(), Opportunity.id)
        .limit(limit)
    )
    return query


def board_totals_query(where: list[ColumnElement[bool]]) -> Select[Any]:
    """Count and amount of one column, per currency (exposed for the query-plan test)."""
    columns: list[Any] = [Opportunity.currency, func.count(), func.sum(Opportunity.amount)]
    query: Select[Any] = select(*columns).where(*where).group_by(Opportunity.currency)
    return query


def narrowing_clause(
    session: Session, actor: Actor, filter: str
) -> tuple[ColumnElement[bool], str | None]:
    """The condition a filter puts on opportunities, and the team or territory it names."""
    user = session.get(User, actor.user_id)
    if filter == "team" and user is not None and user.team:
        members = select(User.id).where(User.team == user.team)
        return Opportunity.owner_id.in_(members), user.team
    if filter == "territory" and user is not None and user.territory:
        return Opportunity.territory == user.territory, user.territory
    # Mine, and a team or territory filter for a user who has none: their own deals.
    return and_(Opportunity.owner_id == actor.user_id), None


def _count(session: Session, where: list[ColumnElement[bool]]) -> int:
    return int(session.scalar(select(func.count()).select_from(Opportunity).where(*where)) or 0)


def _totals(
    session: Session,
    policy: Policy,
    where: list[ColumnElement[bool]],
    probability: float,
    default_currency: str,
) -> list[CurrencyTotal]:
    if not policy.can_see("opportunity", "amount"):
        return []
    sums: dict[str, float] = defaultdict(float)
    for currency, _count_in_currency, total in session.execute(board_totals_query(where)):
        if total is not None:
            sums[currency or default_currency] += float(total)
    return [
        CurrencyTotal(currency, round(total, 2), round(total * probability, 2))
        for currency, total in sorted(sums.items(), key=lambda item: -item[1])
    ]


def _cards(
    session: Session,
    policy: Policy,
    where: list[ColumnElement[bool]],
    default_currency: str,
    limit: int,
) -> list[BoardCard]:
    amounts = policy.can_see("opportunity", "amount")
    return [
        BoardCard(
            id=row[0],
            name=row[1],
            stage_id=row[2],
            amount=row[3] if amounts else None,
            currency=row[4] or default_currency,
            owner_id=row[5],
            owner_name=row[6],
            account_name=row[7],
            contact_name=row[8],
            expected_close=row[9],
            product=row[10],
        )
        for row in session.execute(board_cards_query(where, limit))
    ]
