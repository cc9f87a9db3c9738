"""Values written straight to SQLite in exactly the form the ORM's column types store.

The bulk load bypasses SQLAlchemy for speed, so these must match what its
SQLite types write, or ORM reads of demo rows would fail or compare wrong:
``Uuid`` stores 32 lower-case hex digits, ``DateTime`` (under ``UtcDateTime``)
stores naive UTC as ``YYYY-MM-DD HH:MM:SS.ffffff`` and ``Date`` ``YYYY-MM-DD``.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

# 2025-01-01T00:00:00Z in milliseconds: the fixed clock demo ids count from, so
# the ids of a seed never depend on the day the demo is made.
ID_EPOCH_MS = 1_735_689_600_000
_VARIANT = 0x2 << 62


class IdSequence:
    """UUIDv7-shaped ids in the stored form (32 lower-case hex digits), ascending.

    Clients mint random UUIDs; demo ids are time-ordered instead (RFC 9562
    version 7, one millisecond apart from a fixed epoch, random bits from the
    seeded generator). Ascending keys append to the primary-key b-trees
    rather than landing on a random page each: with random keys every batch of
    a million-row load rewrites most of the index, and the load slows down as
    the table grows.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._issued = 0

    def __call__(self) -> str:
        self._issued += 1
        stamp = ID_EPOCH_MS + self._issued
        high = (stamp << 16) | (0x7 << 12) | self._rng.getrandbits(12)
        low = _VARIANT | self._rng.getrandbits(62)
        return f"{high:016x}{low:016x}"


def stored_datetime(moment: datetime) -> str:
    """An aware datetime as UtcDateTime stores it on SQLite (naive UTC, microseconds)."""
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(sep=" ", timespec="microseconds")
