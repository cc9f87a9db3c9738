"""Capabilities are data: a role an admin adds and grants one capability can do that, and
nothing else; the shipped roles keep what their names allowed before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.marketing.campaigns import add_campaign
from contactdesk.marketing.lead_handoff import find_rep, hand_off_leads
from contactdesk.model import Lead
from contactdesk.segments.saved_segments import save_segment
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import (
    CAPABILITY_LABELS,
    capabilities_of,
    set_capabilities,
)
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.directory import UserInfo, create_user, find_user
from contactdesk.services.rule_admin import add_role
from contactdesk.store import Store

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CAMPAIGN = {
    "name": "Spring",
    "channel": "webinar",
    "starts_on": "2026-03-01",
    "ends_on": "2026-03-31",
}
SEGMENT = {"root": {"items": [{"field": "title", "value": "CFO"}]}}


@pytest.fixture
def grower(store: Store, admin: Actor, people: dict[str, UserInfo]) -> Actor:
    """A user of a new role 'growth', like marketing in its fields, granted one capability."""
    add_role(store, admin, "growth", scope="all", like="marketing")
    set_capabilities(store, admin, "growth", ["hand_off_leads"])
    create_user(store, admin, "gus", display_name="Gus Growth", role="growth")
    return find_user(store, "gus").actor()


def test_the_shipped_roles_keep_what_they_could_do(store: Store, admin: Actor, people) -> None:
    assert capabilities_of(store, admin) == frozenset(CAPABILITY_LABELS) - {"receive_leads"}
    assert "run_campaigns" in capabilities_of(store, people["mia"].actor())
    assert capabilities_of(store, people["rita"].actor()) == {"receive_leads"}


def test_a_new_role_granted_hand_off_can_hand_off_leads(
    store: Store, admin: Actor, grower: Actor
) -> None:
    contact = unit_of_work.create(store, admin, "contact", {"display_name": "Ann"}).record_id
    lead = unit_of_work.create(store, admin, "lead", {"contact_id": contact}).record_id
    report = hand_off_leads(
        store, grower, [lead], NOW, to_rep=find_rep(store, "rita"), allow_below_threshold=True
    )
    assert [result.owner for result in report.handed_off] == ["Rita Rep"]
    with store.reading() as session:
        assert session.get_one(Lead, lead).status == "handed_off"


@pytest.mark.parametrize(
    ("action", "capability"),
    [
        (lambda store, actor: add_campaign(store, actor, CAMPAIGN), "run_campaigns"),
        (lambda store, actor: save_segment(store, actor, "CFOs", SEGMENT), "edit_segments"),
        (
            lambda store, actor: add_custom_field(store, actor, "contact", "tier", "text"),
            "administer",
        ),
    ],
)
def test_and_nothing_else(store: Store, grower: Actor, action, capability: str) -> None:
    with pytest.raises(AccessDenied, match=f"role 'growth' may not .* capability '{capability}'"):
        action(store, grower)


def test_a_role_without_the_capability_may_not_hand_off(store: Store, people) -> None:
    with pytest.raises(AccessDenied, match="capability 'hand_off_leads'"):
        hand_off_leads(store, people["rita"].actor(), [], NOW)


def test_granting_takes_effect_at_once_and_is_logged_for_sync(
    store: Store, admin: Actor, grower: Actor
) -> None:
    changes = set_capabilities(store, admin, "growth", ["hand_off_leads", "run_campaigns"])
    assert [(c.entity, c.op) for c in changes.changes] == [("role", "update")]
    add_campaign(store, grower, CAMPAIGN)


def test_only_an_administrator_grants_and_one_role_keeps_administer(
    store: Store, admin: Actor, grower: Actor
) -> None:
    with pytest.raises(AccessDenied, match="capability 'administer'"):
        set_capabilities(store, grower, "growth", ["administer"])
    with pytest.raises(ValidationError, match="last role that may administer"):
        set_capabilities(store, admin, "admin", [])
    with pytest.raises(ValidationError, match="unknown capability 'fly'"):
        set_capabilities(store, admin, "growth", ["fly"])
