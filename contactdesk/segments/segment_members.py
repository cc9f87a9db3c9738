"""A segment's member ids, computed once into a temporary table of one session.

A report with a segment filters several queries by it (buyer-profile runs one
GROUP BY per dimension, campaign-roi filters leads and opportunities). Nested
as ``IN (SELECT ...)``, the segment query would run again in each of them; read
once into a temporary table keyed by id, each query probes that table instead.
The table lives in SQLite's temp schema (memory, see the store's pragmas), so
filling it writes nothing to the store and works on a read-only store too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CHAR, Column, MetaData, Select, Table, delete, insert, select, text
from sqlalchemy.orm import Session

# The store keeps ids as 32 hex characters; the same text compares equal.
# WITHOUT ROWID: the table is its primary-key index, one B-tree to probe.
CREATE_MEMBERS = text(
    "CREATE TEMP TABLE IF NOT EXISTS segment_members (id CHAR(32) PRIMARY KEY) WITHOUT ROWID"
)
MEMBERS = Table("segment_members", MetaData(), Column("id", CHAR(32), primary_key=True))


def materialise_members(session: Session, members: Select[Any]) -> Select[Any]:
    """Fill the session's member table with ``members`` (ids); returns ``SELECT id`` from it.

    Refills on each call, so one session holds one segment at a time. The
    session's closing rollback empties the table again.
    """
    session.execute(CREATE_MEMBERS)
    session.execute(delete(MEMBERS))
    session.execute(insert(MEMBERS).from_select(["id"], members))
    return select(MEMBERS.c.id)
