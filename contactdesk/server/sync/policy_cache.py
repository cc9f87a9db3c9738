"""Role policies cached per process, valid while governance data has not changed.

Loading a policy reads every field definition and rule (hundreds of rows);
doing that on every push and pull was most of their cost. Every governance
write stores a new random stamp under the ``governance`` subject, so one
primary-key read tells whether a cached policy is still current, also when
another server process made the change. Random rather than the sequence
number, so that two databases (or one restored from a backup) never share a
stamp for different rules.
"""

from __future__ import annotations

import secrets
import threading

from sqlalchemy.orm import Session

from contactdesk.server.sync.tables import ResyncEpoch
from contactdesk.services.field_rules import Policy, load_policy

GOVERNANCE_SUBJECT = "governance"

_cache: dict[tuple[str, int], Policy] = {}
_lock = threading.Lock()


def governance_stamp(session: Session) -> int:
    row = session.get(ResyncEpoch, GOVERNANCE_SUBJECT)
    return int(row.epoch) if row is not None else 0


def note_governance_change(session: Session) -> None:
    """Record that governance data changed (inside the writer's transaction)."""
    stamp = secrets.randbits(62)
    row = session.get(ResyncEpoch, GOVERNANCE_SUBJECT)
    if row is None:
        session.add(ResyncEpoch(subject=GOVERNANCE_SUBJECT, epoch=stamp))
    else:
        row.epoch = stamp


def policy_for(session: Session, role: str) -> Policy:
    """The policy of ``role`` as the session's database holds it now (Policy is read-only)."""
    key = (role, governance_stamp(session))
    cached = _cache.get(key)
    if cached is not None:
        return cached
    policy = load_policy(session, role)
    with _lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = policy
    return policy
