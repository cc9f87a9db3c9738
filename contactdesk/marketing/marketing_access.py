"""Marketing's tools check capabilities (data on roles), never a role name."""

from __future__ import annotations

from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import require
from contactdesk.store.local_store import Store


def require_marketing(store: Store, actor: Actor, capability: str, what: str) -> None:
    """Refuse unless ``actor``'s role has ``capability``; ``what`` names the action."""
    require(store, actor, capability, what)
