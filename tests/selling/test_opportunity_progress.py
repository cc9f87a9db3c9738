"""Stage moves persist; won and lost capture what marketing and account management need."""

from __future__ import annotations

import pytest
from sales_scenario import NOW, SalesWeek
from sqlalchemy import func, select

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Activity, ChangeLog, FunnelStage, Intel, Opportunity
from contactdesk.selling.opportunity_progress import (
    LossCapture,
    WinCapture,
    move_opportunity,
    set_origin,
    stage_choices,
)
from contactdesk.services.directory import UserInfo
from contactdesk.store import Store


def _stage_of(store: Store, week: SalesWeek) -> str:
    with store.reading() as session:
        return str(
            session.scalar(
                select(FunnelStage.name)
                .join(Opportunity, Opportunity.stage_id == FunnelStage.id)
                .where(Opportunity.id == week.opportunity)
            )
        )


def _win(people: dict[str, UserInfo]) -> WinCapture:
    return WinCapture("Offline call logging sold it.", people["ada"].id)


def test_stage_choices_follow_the_funnel_order(store: Store) -> None:
    assert [stage.name for stage in stage_choices(store)] == [
        "Qualified", "Discovery", "Proposal", "Negotiation", "Won", "Lost"
    ]  # fmt: skip


def test_moving_to_an_open_stage_persists(store: Store, week: SalesWeek) -> None:
    move_opportunity(store, week.rep.actor(), week.opportunity, "Negotiation", now=NOW)
    assert _stage_of(store, week) == "Negotiation"


def test_unknown_stage_is_refused_naming_the_stages(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError, match="Qualified, Discovery"):
        move_opportunity(store, week.rep.actor(), week.opportunity, "Signed", now=NOW)


def test_won_without_a_win_story_is_refused_and_nothing_changes(
    store: Store, week: SalesWeek
) -> None:
    with store.reading() as session:
        logged = session.scalar(select(func.count()).select_from(ChangeLog))
    with pytest.raises(ValidationError, match="win story"):
        move_opportunity(store, week.rep.actor(), week.opportunity, "Won", now=NOW)
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(ChangeLog)) == logged
    assert _stage_of(store, week) == "Proposal"


def test_won_persists_the_stage_and_closing_time(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    move_opportunity(store, week.rep.actor(), week.opportunity, "Won", now=NOW, win=_win(people))
    with store.reading() as session:
        closed_at = session.get_one(Opportunity, week.opportunity).closed_at
    assert (_stage_of(store, week), closed_at) == ("Won", NOW)


def test_won_keeps_the_win_story_as_intel(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    move_opportunity(store, week.rep.actor(), week.opportunity, "Won", now=NOW, win=_win(people))
    with store.reading() as session:
        story = session.scalars(select(Intel).where(Intel.kind == "win_story")).one()
    assert (story.text, story.tag, story.product, story.opportunity_id) == (
        "Offline call logging sold it.",
        "Logistics",
        "DeskSuite",
        week.opportunity,
    )


def test_won_sets_the_after_sale_owner_and_records_the_hand_over(
    store: Store, week: SalesWeek, people: dict[str, UserInfo]
) -> None:
    move_opportunity(store, week.rep.actor(), week.opportunity, "Won", now=NOW, win=_win(people))
    with store.reading() as session:
        after_sale = session.get_one(Account, week.acme).after_sale_owner_id
        handover = session.scalars(select(Activity).where(Activity.kind == "handover")).one()
    assert after_sale == people["ada"].id
    assert (handover.subject, handover.done_at) == ("Hand over to Ada Admin", NOW)


def test_lost_without_a_reason_is_refused(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError, match="reason"):
        move_opportunity(store, week.rep.actor(), week.opportunity, "Lost", now=NOW)


def test_lost_records_reason_and_competitor(store: Store, week: SalesWeek) -> None:
    loss = LossCapture("chose a competitor", "Pipedrive")
    move_opportunity(store, week.rep.actor(), week.opportunity, "Lost", now=NOW, loss=loss)
    with store.reading() as session:
        deal = session.get_one(Opportunity, week.opportunity)
        mention = session.scalars(select(Intel.tag).where(Intel.kind == "competitor")).one()
    assert (deal.lost_reason, deal.competitor, deal.closed_at, mention) == (
        "chose a competitor",
        "Pipedrive",
        NOW,
        "Pipedrive",
    )


def test_reopening_a_lost_deal_clears_its_closing_time(store: Store, week: SalesWeek) -> None:
    loss = LossCapture("went quiet")
    move_opportunity(store, week.rep.actor(), week.opportunity, "Lost", now=NOW, loss=loss)
    move_opportunity(store, week.rep.actor(), week.opportunity, "Discovery", now=NOW)
    with store.reading() as session:
        assert session.get_one(Opportunity, week.opportunity).closed_at is None


def test_origin_can_be_marked_inbound(store: Store, week: SalesWeek) -> None:
    set_origin(store, week.rep.actor(), week.opportunity, "inbound")
    with store.reading() as session:
        assert session.get_one(Opportunity, week.opportunity).origin == "inbound"


def test_an_unknown_origin_is_refused(store: Store, week: SalesWeek) -> None:
    with pytest.raises(ValidationError, match="inbound, outbound"):
        set_origin(store, week.rep.actor(), week.opportunity, "sideways")
