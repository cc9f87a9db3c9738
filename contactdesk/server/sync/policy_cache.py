"""The server's governance stamp, under which its process caches role policies.

The cache is the desktop's (``services.policy_cache.PolicyCache``); only the stamp
is the server's own. Every governance write stores a new random stamp under the
``governance`` subject, so one primary-key read tells whether a cached policy is
still current, also when another server process made the change. Random rather
than the sequence number, so that two databases (or one restored from a backup)
never share a stamp for different rules.
"""

from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from contactdesk.server.sync.tables import ResyncEpoch
from contactdesk.services.field_rules import Policy
from contactdesk.services.policy_cache import PolicyCache

GOVERNANCE_SUBJECT = "governance"

_cache = PolicyCache()


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
    return _cache.policy(session, role, governance_stamp(session))
