"""The business rules of each entity, in one place, checked on every create and update.

The unit of work calls ``check_record_rules`` with a record's values before and
after a change, before anything is written, so the record form, the CLI,
import, merge, the feature services and the server's push all refuse the same
things with the same message. A feature function may orchestrate (create the
follow-up, the win story, the hand-over) but never adds a rule of its own.

A rule runs when the change touches one of the fields it reads (always on a
create), so a record stored before a rule existed stays editable in its other
fields.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import ValidationError
from contactdesk.model import Campaign, FunnelStage, Intel, User
from contactdesk.model.selling import MARKET_TOPICS
from contactdesk.services.target_rules import check_target

# Shared with marketing's reports and the inbox dialog: change only together.
REJECTION_REASONS = (
    "no budget",
    "wrong contact",
    "not in territory",
    "duplicate",
    "too early",
    "other",
)
QUALITY_RANGE = range(1, 6)
WIN_STORY_MAX = 1000
# Which status a lead may move to from each status: the hand-off, accept and reject
# steps, marketing taking a lead back, and a verdict undone (back to handed off).
# Any other step is refused, and accepted or rejected only from handed off.
LEAD_STEPS: dict[str, frozenset[str]] = {
    "new": frozenset({"handed_off"}),
    "handed_off": frozenset({"accepted", "rejected", "new"}),
    "rejected": frozenset({"new", "handed_off"}),
    "accepted": frozenset({"handed_off"}),
}


class RuleBroken(ValidationError):
    """A value breaks a rule of its entity; the message names entity, field and rule."""

    def __init__(self, field: str, message: str, rule: str) -> None:
        super().__init__(field, f"{message} (rule: {rule})")
        self.rule = rule


@dataclass(frozen=True)
class RecordState:
    """One record as a change would leave it, with what it was before."""

    session: Session
    entity: str
    record_id: uuid.UUID | None
    # None for a record being created.
    before: Mapping[str, Any] | None
    after: Mapping[str, Any]

    def value(self, name: str) -> Any:
        return self.after.get(name)

    def was(self, name: str) -> Any:
        return None if self.before is None else self.before.get(name)


# A check returns (field, reason) when the record breaks the rule, None when it keeps it.
Breach = tuple[str, str] | None
Check = Callable[[RecordState], Breach]


@dataclass(frozen=True)
class Rule:
    name: str
    # The fields the rule reads: it runs when a change touches one of them.
    fields: frozenset[str]
    check: Check


def rule(name: str, *fields: str) -> Callable[[Check], Rule]:
    def register(check: Check) -> Rule:
        return Rule(name, frozenset(fields), check)

    return register


def _not_negative(entity: str, *names: str) -> Rule:
    def check(state: RecordState) -> Breach:
        for name in names:
            amount = state.value(name)
            if isinstance(amount, int | float) and amount < 0:
                return name, "cannot be negative"
        return None

    return Rule(f"{entity} amounts not negative", frozenset(names), check)


def _within(entity: str, name: str, low: float, high: float) -> Rule:
    def check(state: RecordState) -> Breach:
        number = state.value(name)
        if isinstance(number, int | float) and not low <= number <= high:
            return name, f"must be from {low:g} to {high:g}"
        return None

    return Rule(f"{entity} {name} in range", frozenset({name}), check)


# -- campaign -------------------------------------------------------------


@rule("campaign dates in order", "starts_on", "ends_on")
def _campaign_dates(state: RecordState) -> Breach:
    starts, ends = state.value("starts_on"), state.value("ends_on")
    if starts is not None and ends is not None and ends < starts:
        return "ends_on", "a campaign cannot end before it starts"
    return None


@rule("campaign names are unique", "name")
def _campaign_name_free(state: RecordState) -> Breach:
    name = state.value("name")
    if name is None:
        return None
    other = state.session.scalar(select(Campaign.id).where(Campaign.name == name))
    if other is not None and other != state.record_id:
        return "name", f"a campaign {name!r} exists already"
    return None


# -- lead -----------------------------------------------------------------


@rule("lead quality 1-5", "quality")
def _lead_quality(state: RecordState) -> Breach:
    quality = state.value("quality")
    if quality is not None and quality not in QUALITY_RANGE:
        return "quality", "rate the lead's quality from 1 to 5"
    return None


@rule("lead status steps", "status")
def _lead_step(state: RecordState) -> Breach:
    if state.before is None:
        return None
    old, new = state.was("status") or "new", state.value("status") or "new"
    if old == new or new in LEAD_STEPS.get(old, frozenset()):
        return None
    if old in ("accepted", "rejected") and new in ("accepted", "rejected"):
        return "status", f"this lead was already {old}; it cannot become {new}"
    allowed = ", ".join(sorted(LEAD_STEPS.get(old, frozenset()))) or "nothing"
    return "status", f"a {old.replace('_', ' ')} lead can become {allowed}, not {new}"


# What each status needs the record to carry: the step that sets it writes them.
LEAD_STATUS_NEEDS: dict[str, tuple[tuple[str, str], ...]] = {
    "handed_off": (
        ("owner_id", "a handed-off lead needs its sales rep"),
        ("handed_off_at", "a handed-off lead needs the time it was handed off"),
    ),
    "accepted": (
        ("accepted_at", "an accepted lead needs the time it was accepted"),
        ("quality", "an accepted lead needs its quality rating (1 to 5)"),
    ),
    "rejected": (
        ("rejected_at", "a rejected lead needs the time it was rejected"),
        ("rejection_reason", "a rejected lead needs the reason"),
        ("quality", "a rejected lead needs its quality rating (1 to 5)"),
    ),
}


@rule(
    "what a lead status needs",
    "status",
    *{name for needs in LEAD_STATUS_NEEDS.values() for name, _ in needs},
)
def _lead_status_needs(state: RecordState) -> Breach:
    status = state.value("status") or "new"
    for name, reason in LEAD_STATUS_NEEDS.get(status, ()):
        if state.value(name) is None:
            return name, reason
    return None


@rule("lead rejection reason", "rejection_reason", "rejection_note")
def _lead_rejection_reason(state: RecordState) -> Breach:
    reason = state.value("rejection_reason")
    if reason is None:
        return None
    if reason not in REJECTION_REASONS:
        return "rejection_reason", f"choose one of: {', '.join(REJECTION_REASONS)}"
    if reason == "other" and state.value("rejection_note") is None:
        return "rejection_note", "say why, when the reason is 'other'"
    return None


# -- opportunity ----------------------------------------------------------


def _outcome(session: Session, stage_id: Any) -> str | None:
    if stage_id is None:
        return None
    return session.scalar(select(FunnelStage.outcome).where(FunnelStage.id == stage_id))


@rule("a won deal needs a win story", "stage_id")
def _won_needs_story(state: RecordState) -> Breach:
    if _outcome(state.session, state.value("stage_id")) != "won":
        return None
    if state.value("account_id") is None:
        return "account_id", "link the opportunity to an account before marking it won"
    story = None
    if state.record_id is not None:
        story = state.session.scalar(
            select(Intel.id)
            .where(Intel.opportunity_id == state.record_id, Intel.kind == "win_story")
            .limit(1)
        )
    if story is None:
        # Named as the stage dialog and ``deal move --story`` ask for it.
        return "win_story", "a won deal needs a short win story (move it to won with one)"
    return None


@rule("a lost deal needs the reason", "stage_id", "lost_reason")
def _lost_needs_reason(state: RecordState) -> Breach:
    if _outcome(state.session, state.value("stage_id")) != "lost":
        return None
    if state.value("lost_reason") is None:
        return "lost_reason", "a lost deal needs the reason"
    return None


# -- account, intel -------------------------------------------------------


@rule("the after-sale owner is an active user", "after_sale_owner_id")
def _after_sale_owner_active(state: RecordState) -> Breach:
    owner = state.value("after_sale_owner_id")
    if owner is None or owner == state.was("after_sale_owner_id"):
        return None
    if not state.session.scalar(select(User.active).where(User.id == owner)):
        return "after_sale_owner_id", "choose an active user"
    return None


@rule("a win story has its text", "kind", "text")
def _win_story_text(state: RecordState) -> Breach:
    if state.value("kind") != "win_story":
        return None
    text = state.value("text")
    if text is None:
        return "text", "a won deal needs a short win story"
    if len(text) > WIN_STORY_MAX:
        return "text", f"keep the win story under {WIN_STORY_MAX} characters"
    return None


@rule("a market note has its topic and its link", "kind", "topic", "account_id", "contact_id")
def _market_note(state: RecordState) -> Breach:
    if state.value("kind") != "market_note":
        if state.value("topic") is not None:
            return "topic", "only market notes have a topic"
        return None
    if state.value("topic") is None:
        return "topic", f"a market note says what it is about: {', '.join(MARKET_TOPICS)}"
    if state.value("account_id") is None and state.value("contact_id") is None:
        return "account_id", "link the note to an account or a contact"
    return None


# -- target ---------------------------------------------------------------


@rule(
    "a target names its holder, starts its period and aims at an outcome",
    "metric", "period", "starts_on", "level", "user_id", "team", "territory", "value",
)
def _target_valid(state: RecordState) -> Breach:
    return check_target(dict(state.after))


RULES: dict[str, tuple[Rule, ...]] = {
    "campaign": (
        _campaign_dates,
        _campaign_name_free,
        _not_negative("campaign", "budget", "spend", "expected_leads"),
    ),
    "lead": (_lead_quality, _lead_step, _lead_status_needs, _lead_rejection_reason),
    "opportunity": (
        _not_negative("opportunity", "amount"),
        _won_needs_story,
        _lost_needs_reason,
    ),
    "account": (
        _not_negative("account", "employees"),
        _within("account", "market_share", 0, 100),
        _within("account", "keep_in_touch_days", 1, 3650),
        _after_sale_owner_active,
    ),
    "intel": (_win_story_text, _market_note),
    "target": (_target_valid,),
}


def check_record_rules(
    session: Session,
    entity: str,
    record_id: uuid.UUID | None,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
) -> None:
    """Raise RuleBroken for the first rule of ``entity`` the change breaks.

    ``before`` is None for a create (every rule runs); otherwise only the rules
    reading a field whose value changes run.
    """
    rules = RULES.get(entity, ())
    if not rules:
        return
    state = RecordState(session, entity, record_id, before, after)
    changed = (
        None
        if before is None
        else {name for name, value in after.items() if before.get(name) != value}
    )
    for each in rules:
        if changed is not None and not each.fields & changed:
            continue
        breach = each.check(state)
        if breach is not None:
            name, reason = breach
            raise RuleBroken(f"{entity}.{name}", reason, each.name)

