"""Role policies, cached: one cache for the desktop's store and for the server's processes.

Loading a policy reads every field definition and rule (hundreds of rows), so it is
loaded once per role and *stamp*: a number that changes with every governance
change. A policy read under an older stamp is never returned again. The desktop's
stamp counts the governance changes made through its store (``forget_policies``);
the server's is stored with the data (``server/sync/policy_cache.py``), so that one
process sees another's change.
"""

from __future__ import annotations

import threading
import weakref

from sqlalchemy.orm import Session

from contactdesk.services.field_rules import Policy, load_policy
from contactdesk.store.local_store import Store


class PolicyCache:
    """Policies by (role, stamp); bounded, shared by threads (a Policy is read-only in use)."""

    def __init__(self, limit: int = 64) -> None:
        self.limit = limit
        self._policies: dict[tuple[str, int], Policy] = {}
        self._lock = threading.Lock()

    def policy(self, session: Session, role: str, stamp: int) -> Policy:
        """The policy of ``role`` in the governance data stamped ``stamp`` (read by ``session``)."""
        key = (role, stamp)
        cached = self._policies.get(key)
        if cached is not None:
            return cached
        policy = load_policy(session, role)
        with self._lock:
            if len(self._policies) >= self.limit:
                self._policies.clear()
            self._policies[key] = policy
        return policy


_store_caches: weakref.WeakKeyDictionary[Store, PolicyCache] = weakref.WeakKeyDictionary()


def policy_for(store: Store, session: Session, role: str) -> Policy:
    """The policy of ``role`` in ``store``, loaded once until rules change."""
    cache = _store_caches.get(store)
    if cache is None:
        cache = _store_caches.setdefault(store, PolicyCache())
    return cache.policy(session, role, store.governance_stamp)


def forget_policies(store: Store) -> None:
    """Give ``store`` a new governance stamp: call after any change to roles, fields or rules."""
    store.governance_stamp += 1
