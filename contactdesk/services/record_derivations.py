"""Values the services keep in step with what the user typed (names, sort keys)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contactdesk.services.target_rules import require_valid_target

Derivation = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def contact_sort_key(last_name: str | None, first_name: str | None, display_name: str) -> str:
    """Lower-cased "last first" (or the display name) that orders the contact list."""
    parts = [part for part in (last_name, first_name) if part]
    basis = " ".join(parts) if parts else display_name
    return basis.casefold()[:220]


def derive_contact(current: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """Fill display_name from first/last when absent and keep sort_key in step."""
    merged = {**current, **incoming}
    extra: dict[str, Any] = {}
    display = merged.get("display_name")
    if not display:
        joined = " ".join(p for p in (merged.get("first_name"), merged.get("last_name")) if p)
        display = joined or merged.get("email")
        if display:
            extra["display_name"] = display
    if display:
        extra["sort_key"] = contact_sort_key(
            merged.get("last_name"), merged.get("first_name"), display
        )
    return extra


# A target's invariants ride on the same hook: it sees every create and update of
# the entity before it is written, whichever path the change came by.
DERIVATIONS: dict[str, Derivation] = {"contact": derive_contact, "target": require_valid_target}
