"""Who may use marketing's tools: marketing and admins (the store owner's system actor too)."""

from __future__ import annotations

from contactdesk.errors import AccessDenied
from contactdesk.services.actor import Actor

MARKETING_ROLES = frozenset({"marketing", "admin"})


def require_marketing(actor: Actor, what: str) -> None:
    """Refuse anyone outside marketing or admin; ``what`` names the action in the message."""
    if actor.role not in MARKETING_ROLES:
        raise AccessDenied(f"only marketing may {what} ({actor.username} is {actor.role})")
