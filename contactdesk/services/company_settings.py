"""Settings both teams agreed on: the hand-off rules and the company's goal metric."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from contactdesk.model import Setting
from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.currency_codes import DEFAULT_CURRENCY
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.defaults import SETTINGS
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class HandoffRules:
    """How qualified a lead must be before hand-off, and how fast sales must follow up."""

    score_threshold: float
    follow_up_hours: int


def read_setting(store: Store, key: str) -> Any:
    """A setting's value, or its shipped default."""
    with store.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == key))
    return SETTINGS.get(key) if value is None else value


def handoff_rules(store: Store) -> HandoffRules:
    value = read_setting(store, "handoff")
    return HandoffRules(float(value["score_threshold"]), int(value["follow_up_hours"]))


def goal_metric(store: Store) -> str:
    return str(read_setting(store, "goal_metric"))


def company_currency(store: Store) -> str:
    """The ISO 4217 code a deal without its own currency is in."""
    return str(read_setting(store, "currency") or DEFAULT_CURRENCY)


def write_setting(work: UnitOfWork, key: str, value: Any) -> None:
    """Create or replace setting ``key`` inside an open unit of work, logging the change."""
    governance.put_setting(work.session, work, key, value)


def _write(store: Store, actor: Actor, key: str, value: Any) -> ChangeSet:
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        write_setting(work, key, value)
    return ChangeSet(work.changes)


def set_handoff_rules(
    store: Store, actor: Actor, score_threshold: float, follow_up_hours: int
) -> ChangeSet:
    """Change the hand-off agreement (admins)."""
    value = {"score_threshold": score_threshold, "follow_up_hours": follow_up_hours}
    return _write(store, actor, "handoff", value)


def set_goal_metric(store: Store, actor: Actor, metric: str) -> ChangeSet:
    """Which outcome the company is after: market share, volume or margin (admins)."""
    return _write(store, actor, "goal_metric", metric)


def set_phone_region(store: Store, actor: Actor, country: str) -> ChangeSet:
    """Where numbers of contacts with no known country are read (admins).

    ``country`` is an ISO code or a country's name; the setting stores its code.
    """
    return _write(store, actor, "phone_region", country)


def set_company_currency(store: Store, actor: Actor, code: str) -> ChangeSet:
    """The company's default deal currency, an ISO 4217 code (admins)."""
    return _write(store, actor, "currency", code)
