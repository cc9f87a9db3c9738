"""Counting failed logins per user and per client address, and locking out after too many."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from contactdesk.server.auth.tables import LoginFailures
from contactdesk.server.errors import RateLimited
from contactdesk.server.settings import LoginLimits

# An address as long as any IPv6 form; a longer one (a proxy's odd header) is cut, not stored.
ADDRESS_LENGTH = 64


def user_key(username: str, address: str) -> str:
    """Failures for one username from one address: locking it never locks the real user out
    elsewhere, while guessing from one place slows down exponentially."""
    return f"user:{username.casefold()}@{address[:ADDRESS_LENGTH]}"


def address_key(address: str) -> str:
    return f"address:{address[:ADDRESS_LENGTH]}"


def login_keys(username: str, address: str) -> tuple[str, str]:
    """The two keys a sign-in counts against: this username from this address, and the address."""
    return user_key(username, address), address_key(address)


def record_failed_login(
    session: Session, keys: tuple[str, str], limits: LoginLimits, now: datetime
) -> None:
    """Count one failed sign-in (``login_keys``) against both its limits."""
    record_failure(session, keys[0], limits.per_user, limits, now)
    record_failure(session, keys[1], limits.per_address, limits, now)


def ensure_not_locked(session: Session, keys: Iterable[str], now: datetime) -> None:
    """Raise RateLimited if any of ``keys`` is locked out at ``now``."""
    locked: list[datetime] = []
    for until in session.scalars(
        select(LoginFailures.locked_until).where(
            LoginFailures.key.in_(list(keys)), LoginFailures.locked_until > now
        )
    ):
        if until is not None:
            locked.append(until)
    if locked:
        wait = max(math.ceil((until - now).total_seconds()) for until in locked)
        raise RateLimited(f"too many failed logins; try again in {wait} seconds", max(wait, 1))


def record_failure(
    session: Session, key: str, limit: int, limits: LoginLimits, now: datetime
) -> None:
    """Count one failed login against ``key``; lock it out once ``limit`` is reached.

    Each failure past the limit (the lockout having ended) doubles the lockout,
    up to ``limits.max_lockout``; a key quiet for ``limits.window`` starts over.
    """
    _ensure_row(session, key, now)
    row = session.scalars(
        select(LoginFailures).where(LoginFailures.key == key).with_for_update()
    ).one()
    quiet_since = max(row.window_started_at, row.locked_until or row.window_started_at)
    if now - quiet_since > limits.window:
        row.failures = 0
    row.failures += 1
    row.window_started_at = now
    if row.failures >= limit:
        doublings = min(row.failures - limit, MAX_DOUBLINGS)
        row.locked_until = now + min(limits.lockout * 2**doublings, limits.max_lockout)


# 2**20 lockouts are far past any max_lockout; the cap keeps the timedelta in range.
MAX_DOUBLINGS = 20


def clear_failures(session: Session, key: str) -> None:
    session.execute(delete(LoginFailures).where(LoginFailures.key == key))


def _ensure_row(session: Session, key: str, now: datetime) -> None:
    # Insert-if-absent in one statement, so two first failures racing on
    # separate processes cannot both insert the row.
    values = {"key": key, "failures": 0, "window_started_at": now}
    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql_insert(LoginFailures).values(values).on_conflict_do_nothing())
    else:
        session.execute(sqlite_insert(LoginFailures).values(values).on_conflict_do_nothing())
