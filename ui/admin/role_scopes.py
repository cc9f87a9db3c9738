"""Each role's record scope, read through the services' policy. Runs on the database worker.

Interim: the service layer has no public "list roles with scope" reader yet; this
reads the cached policy (the same object every service call is checked against)
instead of touching the store's tables. Replace with the service function once
it exists (see the admin view's hand-over notes).
"""

from __future__ import annotations

from contactdesk.services.directory import role_names
from contactdesk.services.policy_cache import policy_for
from contactdesk.store import Store


def role_scopes(store: Store) -> dict[str, str]:
    """Role name -> "own" | "team" | "all", by role name."""
    names = role_names(store)
    with store.reading() as session:
        return {name: policy_for(store, session, name).scope for name in names}
