"""Undo of a rep's actions (issue 20.3): accept, reject, stage move, call log, delete.

Each action runs through ``undoable``; ``undo`` writes the inverse through the unit of
work, so the store ends as before and the change log holds both (sync sends both).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sales_scenario import NOW, SalesWeek
from sqlalchemy import func, select

from contactdesk.model import Activity, ChangeLog, Contact, Lead, Opportunity
from contactdesk.selling.call_logging import CallReport, FollowUp, log_call
from contactdesk.selling.lead_inbox import accept_lead, reject_lead
from contactdesk.selling.opportunity_progress import move_opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.undo import UndoExpired, undo, undoable
from contactdesk.store import Store


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _lead(store: Store, week: SalesWeek) -> Lead:
    with store.reading() as session:
        lead = session.get(Lead, week.lead_leo)
        assert lead is not None
        session.expunge(lead)
        return lead


def test_undo_of_accept_puts_the_lead_back_and_removes_its_follow_up(
    store: Store, week: SalesWeek
) -> None:
    activities = _count(store, Activity)
    rita = week.rep.actor()
    verdict, ticket = undoable(
        store, rita, "Accept lead",
        lambda: accept_lead(store, rita, week.lead_leo, quality=4,
                            follow_up_at=NOW + timedelta(days=2), now=NOW),
    )  # fmt: skip
    assert verdict.follow_up_id is not None and _lead(store, week).status == "accepted"
    undo(store, rita, ticket)
    lead = _lead(store, week)
    assert (lead.status, lead.accepted_at, lead.quality) == ("handed_off", None, None)
    assert _count(store, Activity) == activities


def test_undo_of_reject_restores_the_waiting_lead(store: Store, week: SalesWeek) -> None:
    rita = week.rep.actor()
    _verdict, ticket = undoable(
        store, rita, "Reject lead",
        lambda: reject_lead(store, rita, week.lead_leo, reason="no budget", quality=2, now=NOW),
    )  # fmt: skip
    undo(store, rita, ticket)
    lead = _lead(store, week)
    assert (lead.status, lead.rejection_reason, lead.rejected_at) == ("handed_off", None, None)


def test_undo_of_a_stage_move_puts_the_deal_back(store: Store, week: SalesWeek) -> None:
    rita = week.rep.actor()
    with store.reading() as session:
        before = session.get(Opportunity, week.opportunity).stage_id  # type: ignore[union-attr]
    _move, ticket = undoable(
        store, rita, "Move stage",
        lambda: move_opportunity(store, rita, week.opportunity, "Negotiation", now=NOW),
    )  # fmt: skip
    undo(store, rita, ticket)
    with store.reading() as session:
        assert session.get(Opportunity, week.opportunity).stage_id == before  # type: ignore[union-attr]


def test_undo_of_a_logged_call_removes_the_call_and_its_follow_up(
    store: Store, week: SalesWeek
) -> None:
    activities = _count(store, Activity)
    rita = week.rep.actor()
    report = CallReport(
        contact_id=_contact_named(store, "Carla Customer"),
        outcome="reached",
        next_step=FollowUp(due_at=NOW + timedelta(days=3), subject="Send the quote"),
        notes="Wants a quote",
    )
    logged, ticket = undoable(
        store, rita, "Log call", lambda: log_call(store, rita, report, now=NOW)
    )
    assert _count(store, Activity) == activities + 2
    undo(store, rita, ticket)
    assert _count(store, Activity) == activities
    with store.reading() as session:
        assert session.get(Activity, logged.call_id) is None


def test_undo_of_a_delete_brings_the_record_back_with_its_id(store: Store, week: SalesWeek) -> None:
    rita = week.rep.actor()
    contact_id = _contact_named(store, "Max Missed")
    _deleted, ticket = undoable(
        store, rita, "Delete contact",
        lambda: unit_of_work.delete(store, rita, "contact", contact_id),
    )  # fmt: skip
    undo(store, rita, ticket)
    with store.reading() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None and contact.display_name == "Max Missed"


def test_undo_goes_through_the_change_log(store: Store, week: SalesWeek) -> None:
    rita = week.rep.actor()
    _verdict, ticket = undoable(
        store, rita, "Reject lead",
        lambda: reject_lead(store, rita, week.lead_leo, reason="no budget", quality=2, now=NOW),
    )  # fmt: skip
    undo(store, rita, ticket)
    with store.reading() as session:
        entries = session.scalars(
            select(ChangeLog).where(ChangeLog.record_id == week.lead_leo).order_by(ChangeLog.seq)
        ).all()
    assert [entry.fields["status"] for entry in entries[-2:]] == [
        ["handed_off", "rejected"], ["rejected", "handed_off"]
    ]  # fmt: skip


def test_an_undo_refuses_once_the_change_was_pushed(store: Store, week: SalesWeek) -> None:
    rita = week.rep.actor()
    _verdict, ticket = undoable(
        store, rita, "Reject lead",
        lambda: reject_lead(store, rita, week.lead_leo, reason="no budget", quality=2, now=NOW),
    )  # fmt: skip
    # What the sync engine does once the server acknowledged the push.
    with store.transaction() as session:
        for entry in session.scalars(select(ChangeLog).where(ChangeLog.seq.in_(ticket.seqs))):
            entry.pushed_at = NOW
    with pytest.raises(UndoExpired, match="already sent"):
        undo(store, rita, ticket)
    assert _lead(store, week).status == "rejected"


def test_an_undo_twice_is_refused(store: Store, week: SalesWeek) -> None:
    rita = week.rep.actor()
    _verdict, ticket = undoable(
        store, rita, "Reject lead",
        lambda: reject_lead(store, rita, week.lead_leo, reason="no budget", quality=2, now=NOW),
    )  # fmt: skip
    undo(store, rita, ticket)
    with pytest.raises(UndoExpired):
        undo(store, rita, ticket)
    assert _lead(store, week).status == "handed_off"


def _contact_named(store: Store, name: str) -> uuid.UUID:
    with store.reading() as session:
        found = session.scalar(select(Contact.id).where(Contact.display_name == name))
    assert found is not None
    return found
