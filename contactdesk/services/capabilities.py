"""Who may do what beyond fields: capabilities are data on roles, checked by the policy.

``require(store, actor, "run_campaigns", "create campaigns")`` is what a
feature calls before it acts; the UI asks ``capabilities_of`` what to offer.
An admin grants or withdraws a capability with ``set_capabilities`` (or in the
admin view); it syncs with the role like its field rules.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.model import Role
from contactdesk.model.governance import CAPABILITIES
from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

# What each capability lets a user do, as the admin view and the CLI name it.
CAPABILITY_LABELS: dict[str, str] = {
    "administer": "Administer users, roles, fields, rules and settings",
    "run_campaigns": "Run campaigns, collateral and launch briefs",
    "hand_off_leads": "Score, route and hand off leads to sales",
    "receive_leads": "Receive leads handed off by marketing",
    "edit_segments": "Create and change saved segments",
    "import": "Import contacts from files",
    "export": "Export contacts and reports",
}
assert set(CAPABILITY_LABELS) == set(CAPABILITIES)


def capabilities_of(store: Store, actor: Actor) -> frozenset[str]:
    """The capabilities of ``actor``'s role (from the cached policy)."""
    with store.reading() as session:
        return policy_for(store, session, actor.role).capabilities


def can(store: Store, actor: Actor, capability: str) -> bool:
    return capability in capabilities_of(store, actor)


def require(store: Store, actor: Actor, capability: str, what: str) -> None:
    """Refuse (AccessDenied naming role and capability) unless ``actor``'s role has it."""
    with store.reading() as session:
        policy_for(store, session, actor.role).require(capability, what)


def roles_with(store: Store, capability: str) -> list[str]:
    """The names of the roles that have ``capability`` (who may receive leads, say)."""
    with store.reading() as session:
        return role_names_with(session, capability)


def role_capabilities(store: Store) -> dict[str, frozenset[str]]:
    """Every role with its capabilities, by name (the admin view's grid)."""
    with store.reading() as session:
        rows = session.execute(select(Role.name, Role.capabilities))
        return {name: frozenset(granted or ()) for name, granted in rows}


def role_names_with(session: Session, capability: str) -> list[str]:
    """``roles_with`` inside an open session (for a query's ``Role.name.in_(...)``)."""
    roles = session.execute(select(Role.name, Role.capabilities).order_by(Role.name))
    return [name for name, granted in roles if capability in (granted or ())]


def set_capabilities(store: Store, actor: Actor, role: str, granted: Iterable[str]) -> ChangeSet:
    """Give ``role`` exactly the capabilities ``granted`` (synced as a change of the role)."""
    with unit_of_work(store, actor) as work:
        work.policy.require("administer", governance.GOVERNING)
        row = governance.role_named(work.session, role)
        governance.change_role(work.session, work, row, capabilities=granted)
    return ChangeSet(work.changes)
