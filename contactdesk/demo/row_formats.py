"""Values written straight to SQLite in exactly the form the ORM's column types store.

The bulk load bypasses SQLAlchemy for speed, so these must match what its
SQLite types write, or ORM reads of demo rows would fail or compare wrong:
``Uuid`` stores 32 lower-case hex digits, ``DateTime`` (under ``UtcDateTime``)
stores naive UTC as ``YYYY-MM-DD HH:MM:SS.ffffff`` and ``Date`` ``YYYY-MM-DD``.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

# Version 4 and RFC 4122 variant bits, so demo ids look like the ids clients mint.
_VERSION_MASK = ~(0xF << 76) & ~(0x3 << 62) & ((1 << 128) - 1)
_VERSION_BITS = (0x4 << 76) | (0x2 << 62)


def new_id(rng: random.Random) -> str:
    """A random (seeded) UUID4 in the stored form: 32 lower-case hex digits."""
    return "%032x" % ((rng.getrandbits(128) & _VERSION_MASK) | _VERSION_BITS)


def stored_datetime(moment: datetime) -> str:
    """An aware datetime as UtcDateTime stores it on SQLite (naive UTC, microseconds)."""
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(sep=" ", timespec="microseconds")
