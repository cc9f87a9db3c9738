"""Policies per role, cached on the store and dropped whenever a rule changes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from contactdesk.services.field_rules import Policy, load_policy
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from contactdesk.store.local_store import Store

# GOVERNANCE_ENTITIES (defined with the governance records) is re-exported for the UI.
__all__ = ["GOVERNANCE_ENTITIES", "forget_policies", "policy_for"]


def policy_for(store: Store, session: Session, role: str) -> Policy:
    """The policy of ``role`` in ``store``, loaded once until rules change."""
    cached = store.policies.get(role)
    if isinstance(cached, Policy):
        return cached
    policy = load_policy(session, role)
    store.policies[role] = policy
    return policy


def forget_policies(store: Store) -> None:
    """Drop the cached policies of ``store``: call after any change to roles, fields or rules."""
    store.policies.clear()
