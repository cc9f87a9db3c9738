"""Each role's record scope, for the rule matrix. Runs on the database worker."""

from __future__ import annotations

from contactdesk.services.rule_admin import list_roles
from contactdesk.store import Store


def role_scopes(store: Store) -> dict[str, str]:
    """Role name -> "own" | "team" | "all", by role name."""
    return {role.name: role.scope for role in list_roles(store)}
