"""The pipeline board's data: columns per stage, counts and totals per currency, the filters."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sales_scenario import NOW, SalesWeek
from sqlalchemy import text
from sqlalchemy.orm import Session

from contactdesk.model import Opportunity
from contactdesk.selling.opportunity_progress import LossCapture, move_opportunity
from contactdesk.selling.pipeline_board import (
    board_cards_query,
    board_totals_query,
    narrowing_clause,
    pipeline_board,
)
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user, find_user
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.rule_admin import set_rule
from contactdesk.store import Store


def _deal(store: Store, owner: Any, name: str, stage: str, amount: float, **more: Any) -> uuid.UUID:
    values = {"name": name, "stage_id": stage, "amount": amount, "owner_id": owner.id, **more}
    return unit_of_work.create(store, Actor.system(), "opportunity", values).record_id


def _north_colleague(store: Store) -> Any:
    create_user(store, Actor.system(), "nora", role="sales", team="north", territory="north")
    return find_user(store, "nora")


def test_columns_follow_the_funnel_with_count_total_and_weighted_total(
    store: Store, week: SalesWeek
) -> None:
    _deal(store, week.rep, "Beta pilot", "Proposal", 10000)
    board = pipeline_board(store, week.rep.actor(), now=NOW)
    names = [column.name for column in board.columns]
    assert names == ["Qualified", "Discovery", "Proposal", "Negotiation", "Won", "Lost"]
    proposal = board.columns[2]
    assert proposal.count == 2
    assert [card.name for card in proposal.cards] == ["Acme roll-out", "Beta pilot"]
    (total,) = proposal.totals
    # 50,000 + 10,000 in the company's default currency, at Proposal's 50 %.
    assert (total.currency, total.total, total.weighted) == ("EUR", 60000.0, 30000.0)


def test_amounts_in_different_currencies_are_totalled_apart(store: Store, week: SalesWeek) -> None:
    _deal(store, week.rep, "US expansion", "Negotiation", 8000, currency="USD")
    _deal(store, week.rep, "Berlin office", "Negotiation", 2000)
    negotiation = pipeline_board(store, week.rep.actor(), now=NOW).columns[3]
    totals = [(t.currency, t.total, t.weighted) for t in negotiation.totals]
    assert totals == [("USD", 8000.0, 6000.0), ("EUR", 2000.0, 1500.0)]


def test_mine_team_and_territory_show_whose_deals_they_say(store: Store, week: SalesWeek) -> None:
    nora = _north_colleague(store)
    _deal(store, nora, "Nora's deal", "Discovery", 3000, territory="north")
    _deal(store, week.other_rep, "Sam's deal", "Discovery", 4000, territory="south")
    admin = Actor.system()
    # An admin's scope is every record: the filters alone decide what shows.
    create_user(store, admin, "nadia", role="admin", team="north", territory="north")
    nadia = find_user(store, "nadia").actor()

    def discovery(filter: str) -> list[str]:
        board = pipeline_board(store, nadia, filter=filter, now=NOW)
        return sorted(card.name for card in board.columns[1].cards)

    assert discovery("mine") == []
    assert discovery("team") == ["Nora's deal"]
    assert discovery("territory") == ["Nora's deal"]
    team_board = pipeline_board(store, nadia, filter="team", now=NOW)
    assert team_board.subject == "north"


def test_a_rep_never_sees_another_reps_deal_whatever_the_filter(
    store: Store, week: SalesWeek
) -> None:
    _deal(store, week.other_rep, "Sam's deal", "Discovery", 4000)
    for filter in ("mine", "team", "territory"):
        board = pipeline_board(store, week.rep.actor(), filter=filter, now=NOW)
        assert all(card.name != "Sam's deal" for c in board.columns for card in c.cards)


def test_closed_columns_show_the_last_thirty_days_only(store: Store, week: SalesWeek) -> None:
    old = _deal(store, week.rep, "Old loss", "Discovery", 1000)
    recent = _deal(store, week.rep, "Recent loss", "Discovery", 2000)
    actor = week.rep.actor()
    move_opportunity(store, actor, old, "Lost", now=NOW - timedelta(days=45),
                     loss=LossCapture("went quiet"))  # fmt: skip
    move_opportunity(store, actor, recent, "Lost", now=NOW - timedelta(days=3),
                     loss=LossCapture("price too high"))  # fmt: skip
    lost = pipeline_board(store, actor, now=NOW).columns[5]
    assert ([card.name for card in lost.cards], lost.count) == (["Recent loss"], 1)


def test_a_role_that_may_not_see_amounts_gets_no_amounts_or_totals(
    store: Store, week: SalesWeek
) -> None:
    set_rule(store, Actor.system(), "sales", "opportunity.amount", "hidden")
    proposal = pipeline_board(store, week.rep.actor(), now=NOW).columns[2]
    assert proposal.totals == []
    assert [card.amount for card in proposal.cards] == [None]


def _plan(session: Session, statement: Any) -> str:
    sql = statement.compile(dialect=session.get_bind().dialect,
                            compile_kwargs={"literal_binds": True})  # fmt: skip
    rows = session.execute(text(f"EXPLAIN QUERY PLAN {sql}"))
    return "\n".join(str(row[3]) for row in rows)


def test_each_filter_reads_a_column_through_its_index(store: Store, week: SalesWeek) -> None:
    nora = _north_colleague(store)
    stage_id = uuid.uuid4()
    expected = {
        "mine": "ix_opportunities_owner_stage (owner_id=? AND stage_id=?)",
        "team": "ix_opportunities_owner_stage (owner_id=? AND stage_id=?)",
        "territory": "ix_opportunities_territory_stage (territory=? AND stage_id=?)",
    }
    with store.reading() as session:
        # The rep's own scope (own or unassigned) is part of every column's condition.
        in_scope = scope_clause(entity_spec("opportunity"), policy_for(store, session, "sales"),
                                nora.actor())  # fmt: skip
        for filter, index in expected.items():
            narrowing, _subject = narrowing_clause(session, nora.actor(), filter)
            where = [narrowing, in_scope, Opportunity.stage_id == stage_id]
            for statement in (board_cards_query(where, 50), board_totals_query(where)):
                plan = _plan(session, statement)
                assert f"SEARCH opportunities USING INDEX {index}" in plan, plan
                assert "SCAN opportunities" not in plan, plan
