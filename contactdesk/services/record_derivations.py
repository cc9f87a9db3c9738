"""Values the services keep in step with what the user typed (names, sort keys)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

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


DERIVATIONS: dict[str, Derivation] = {"contact": derive_contact}


# Stored values built from other fields: a role that may not see a source must not
# receive it inside the derived value either (a display name "Ann Lee" carries a
# hidden last name; an email-only contact is named by its address).
DERIVED_FROM: dict[str, dict[str, tuple[str, ...]]] = {
    "contact": {"display_name": ("first_name", "last_name", "email")},
}
# What a contact is called when everything it could be named by is hidden.
NAME_HIDDEN = "(name hidden)"


def sources_of(entity: str, field: str) -> tuple[str, ...]:
    """The fields ``entity.field`` is derived from (empty when it is not derived)."""
    return DERIVED_FROM.get(entity, {}).get(field, ())


def carries_hidden(value: str, hidden_values: list[str]) -> bool:
    """Whether ``value`` holds one of ``hidden_values`` as a whole word or words."""
    folded = value.casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(hidden.casefold())}(?!\w)", folded)
        for hidden in hidden_values
        if hidden and hidden.strip()
    )


def role_safe_display_name(visible: dict[str, Any], hidden_values: list[str]) -> str:
    """A contact's display name for a role that may not see one of its sources.

    Built from what the role sees: its first and last name, else its email. A
    stored name is not kept beside them, because it may have been built from a
    value the source held before ("Ann Lee" after Lee became Leigh carries a hidden
    last name no current value matches). Only when the role sees nothing to name
    the contact by is the stored name kept, if it holds no hidden value and no
    address (an email-only contact is named by its email); else a neutral label.
    """
    joined = " ".join(
        str(part) for part in (visible.get("first_name"), visible.get("last_name")) if part
    )
    if joined or visible.get("email"):
        return joined or str(visible["email"])
    display = str(visible.get("display_name") or "")
    if display and "@" not in display and not carries_hidden(display, hidden_values):
        return display
    return NAME_HIDDEN
