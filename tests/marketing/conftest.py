"""Fixtures for marketing's tools: a sales force in two teams, companies, contacts, leads."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, create_user, find_user
from contactdesk.store import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# What the step that sets each status writes with it (the lead's rules ask for it).
STATUS_CARRIES: dict[str, dict[str, Any]] = {
    "handed_off": {"handed_off_at": NOW},
    "accepted": {"accepted_at": NOW, "quality": 3},
    "rejected": {"rejected_at": NOW, "rejection_reason": "too early", "quality": 2},
}

# username, team, territory, team lead?
SALES_FORCE = (
    ("nora", "north", "Scotland", True),
    ("ned", "north", "North East", False),
    ("nina", "north", "Yorkshire", False),
    ("sam", "south", "London", True),
    ("sara", "south", "South East", False),
)


@dataclass
class Team:
    """Who works in the fixture store, by username."""

    users: dict[str, UserInfo]

    def __getitem__(self, username: str) -> UserInfo:
        return self.users[username]

    def actor(self, username: str) -> Actor:
        return self.users[username].actor()


@pytest.fixture
def team(store: Store) -> Team:
    system = Actor.system()
    for username, team_name, territory, lead in SALES_FORCE:
        create_user(
            store,
            system,
            username,
            display_name=username.title(),
            role="sales",
            team=team_name,
            territory=territory,
            is_team_lead=lead,
        )
    create_user(store, system, "mia", display_name="Mia", role="marketing", team="marketing")
    names = [row[0] for row in SALES_FORCE] + ["mia"]
    return Team({name: find_user(store, name) for name in names})


@pytest.fixture
def marketer(team: Team) -> Actor:
    return team.actor("mia")


ContactMaker = Callable[..., uuid.UUID]


@pytest.fixture
def make_contact(store: Store) -> ContactMaker:
    """A contact at a new company; returns the contact's id."""

    def make(
        name: str,
        *,
        territory: str | None = None,
        industry: str | None = None,
        employees: int | None = None,
        title: str | None = None,
        source: str | None = None,
    ) -> uuid.UUID:
        system = Actor.system()
        with unit_of_work.unit_of_work(store, system) as work:
            account = work.create(
                "account",
                {
                    "name": f"{name} Ltd",
                    "territory": territory,
                    "industry": industry,
                    "employees": employees,
                },
            )
            return work.create(
                "contact",
                {
                    "display_name": name,
                    "account_id": account,
                    "title": title,
                    "enquiry_source": source,
                },
            )

    return make


LeadMaker = Callable[..., uuid.UUID]


@pytest.fixture
def make_lead(store: Store, make_contact: ContactMaker) -> LeadMaker:
    """A lead for a new contact; ``status``/``owner`` set as given. Returns the lead id."""

    def make(name: str, *, source: str | None = None, **details: Any) -> uuid.UUID:
        status = details.pop("status", "new")
        owner = details.pop("owner_id", None)
        campaign = details.pop("campaign_id", None)
        contact = make_contact(name, source=source, **details)
        values = {
            "contact_id": contact,
            "source": source,
            "status": status,
            "owner_id": owner,
            "campaign_id": campaign,
            **STATUS_CARRIES.get(status, {}),
        }
        return unit_of_work.create(store, Actor.system(), "lead", values).record_id

    return make


@pytest.fixture
def now() -> datetime:
    """The fixed 'now' every test hands to the services (no wall clock)."""
    return NOW
