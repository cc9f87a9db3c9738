"""Logging a call: what was said, what the field learned, and the required next step.

A call is logged in one unit of work: the call activity (new, or the planned one
it completes), objections and a competitor mention as field intel (linked to the
open opportunity and its stage, so marketing's objection report can group them),
an enquiry-source correction on the contact and its lead, and the next step. A
call with no next step - neither a dated follow-up nor an explicit close with a
reason - is refused before anything is written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import Lead
from contactdesk.selling.contact_pipeline import (
    ContactRef,
    OpenOpportunity,
    contact_in_scope,
    open_lead_id,
    open_opportunity,
)
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

NO_NEXT_STEP = "a call needs a next step: a dated follow-up, or an explicit close with a reason"
# Outcomes offered by the call dialog; any short text is accepted.
CALL_OUTCOMES = (
    "interested",
    "meeting booked",
    "send information",
    "asked to call back",
    "left voicemail",
    "no answer",
    "not interested",
)
OBJECTION_TAGS = ("price", "integration", "timing", "security", "competitor lock-in")


@dataclass(frozen=True)
class FollowUp:
    """Next step: a follow-up activity due at ``due_at`` (aware, after the call)."""

    due_at: datetime
    subject: str | None = None


@dataclass(frozen=True)
class CloseOut:
    """Next step: none, on purpose - the thread is closed, for ``reason``."""

    reason: str


NextStep = FollowUp | CloseOut


@dataclass(frozen=True)
class Objection:
    tag: str
    text: str | None = None


@dataclass(frozen=True)
class CallReport:
    """What the rep enters after a call with ``contact_id``.

    ``planned_activity_id`` names the planned call this completes (from the week
    plan); without it a new call activity is recorded.
    """

    contact_id: uuid.UUID
    outcome: str
    next_step: NextStep | None
    notes: str | None = None
    objections: tuple[Objection, ...] = ()
    competitor: str | None = None
    competitor_note: str | None = None
    # More competitors named in the same call (the CLI's repeated --competitor).
    competitors: tuple[str, ...] = ()
    enquiry_source: str | None = None
    subject: str | None = None
    planned_activity_id: uuid.UUID | None = None


@dataclass(frozen=True)
class LoggedCall:
    call_id: uuid.UUID
    follow_up_id: uuid.UUID | None
    changes: ChangeSet = field(repr=False)


def check_call_report(report: CallReport, *, now: datetime) -> None:
    """Refuse a report that may not be saved; raises ValidationError naming the field.

    Runs without the store, so a form can show the same message before saving.
    """
    if not report.outcome.strip():
        raise ValidationError("call.outcome", "say how the call went")
    step = report.next_step
    if step is None:
        raise ValidationError("call.next_step", NO_NEXT_STEP)
    if isinstance(step, FollowUp):
        if step.due_at.tzinfo is None:
            raise ValidationError("call.follow_up", "the follow-up time needs a time zone")
        if step.due_at <= now:
            raise ValidationError("call.follow_up", "the follow-up must be dated after the call")
    elif not step.reason.strip():
        raise ValidationError("call.close_reason", "closing needs a reason")
    for objection in report.objections:
        if not objection.tag.strip():
            raise ValidationError("call.objections", "each objection needs a tag")


def log_call(store: Store, actor: Actor, report: CallReport, *, now: datetime) -> LoggedCall:
    """Record a call and its next step in one unit of work; returns what was written.

    Raises ValidationError (nothing written) when the report has no next step,
    NotFound when the contact or planned activity is outside the actor's scope.
    Also stamps the lead's first follow-up time if this is the first contact
    with a handed-off or accepted lead.
    """
    check_call_report(report, now=now)
    with unit_of_work(store, actor) as work:
        contact = contact_in_scope(work.session, work.policy, actor, report.contact_id)
        opportunity = open_opportunity(work.session, work.policy, actor, contact)
        lead_id = open_lead_id(work.session, work.policy, actor, contact.id)
        links = _links(contact, opportunity, lead_id)
        call_id = _record_call(work, report, links, now)
        _record_intel(work, report, contact, opportunity, call_id)
        _correct_source(work, report, contact, lead_id)
        follow_up_id = _record_next_step(work, report, contact, links)
        if lead_id is not None:
            _stamp_first_follow_up(work, lead_id, now)
    return LoggedCall(call_id, follow_up_id, ChangeSet(work.changes))


def _links(
    contact: ContactRef, opportunity: OpenOpportunity | None, lead_id: uuid.UUID | None
) -> dict[str, uuid.UUID | None]:
    return {
        "contact_id": contact.id,
        "account_id": contact.account_id,
        "opportunity_id": opportunity.id if opportunity else None,
        "lead_id": lead_id,
    }


def _record_call(
    work: UnitOfWork,
    report: CallReport,
    links: dict[str, uuid.UUID | None],
    now: datetime,
) -> uuid.UUID:
    values: dict[str, object] = {
        "done_at": now,
        "outcome": report.outcome.strip(),
        "notes": (report.notes or "").strip() or None,
    }
    if isinstance(report.next_step, CloseOut):
        values["close_reason"] = report.next_step.reason.strip()
    if report.planned_activity_id is not None:
        work.update("activity", report.planned_activity_id, values)
        return report.planned_activity_id
    subject = (report.subject or "").strip() or "Call"
    return work.create(
        "activity", {"kind": "call", "subject": subject, "due_at": now, **links, **values}
    )


def _record_intel(
    work: UnitOfWork,
    report: CallReport,
    contact: ContactRef,
    opportunity: OpenOpportunity | None,
    call_id: uuid.UUID,
) -> None:
    shared = {
        "contact_id": contact.id,
        "account_id": contact.account_id,
        "opportunity_id": opportunity.id if opportunity else None,
        "activity_id": call_id,
        # The stage the deal was in when the customer said it: the objection report's axis.
        "stage_id": opportunity.stage_id if opportunity else None,
        "product": opportunity.product if opportunity else None,
    }
    for objection in report.objections:
        work.create(
            "intel",
            {
                "kind": "objection",
                "tag": objection.tag.strip(),
                "text": (objection.text or "").strip() or None,
                **shared,
            },
        )
    note = (report.competitor_note or "").strip() or None
    named = [name.strip() for name in (report.competitor or "", *report.competitors)]
    for competitor in dict.fromkeys(name for name in named if name):
        work.create("intel", {"kind": "competitor", "tag": competitor, "text": note, **shared})


def _correct_source(
    work: UnitOfWork, report: CallReport, contact: ContactRef, lead_id: uuid.UUID | None
) -> None:
    source = (report.enquiry_source or "").strip()
    if not source or source == contact.enquiry_source:
        return
    work.update("contact", contact.id, {"enquiry_source": source})
    if lead_id is not None:
        work.update("lead", lead_id, {"source": source})
    # Logged as intel too, so marketing sees where its attribution was wrong.
    was = contact.enquiry_source or "unknown"
    work.create(
        "intel",
        {
            "kind": "enquiry_source",
            "tag": source,
            "text": f"corrected after a call (was: {was})",
            "contact_id": contact.id,
            "account_id": contact.account_id,
        },
    )


def _record_next_step(
    work: UnitOfWork,
    report: CallReport,
    contact: ContactRef,
    links: dict[str, uuid.UUID | None],
) -> uuid.UUID | None:
    step = report.next_step
    if not isinstance(step, FollowUp):
        return None
    subject = (step.subject or "").strip() or f"Follow up with {contact.display_name}"
    return work.create(
        "activity", {"kind": "follow_up", "subject": subject, "due_at": step.due_at, **links}
    )


def _stamp_first_follow_up(work: UnitOfWork, lead_id: uuid.UUID, now: datetime) -> None:
    first = work.session.execute(select(Lead.first_follow_up_at).where(Lead.id == lead_id)).first()
    if first is None:
        raise NotFound(f"no lead with id {lead_id}")
    if first[0] is None:
        work.update("lead", lead_id, {"first_follow_up_at": now})
