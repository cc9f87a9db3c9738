"""Fast writes into a new store: raw sqlite3, big batches, indexes and triggers built once.

The ORM costs tens of microseconds a row; a million-contact demo needs a few.
So the loader writes plain tuples with ``executemany``, one transaction per
batch, with ``synchronous=OFF`` and no rollback journal (a failed load leaves a
half-written file that ``generate_demo`` deletes, so nothing is lost by it).
While loading, secondary indexes and the search triggers are dropped and then
re-created from the exact SQL the store had (read back from ``sqlite_master``),
so the schema after a load is byte-for-byte the one the migrations made.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from contactdesk.demo.search_rebuild import rebuild_search_index

BATCH_ROWS = 50_000
Progress = Callable[[str], None]


class BulkLoader:
    """One connection to a store that nobody else has open, tuned for a one-off load."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)
        for pragma in (
            "PRAGMA journal_mode=OFF",
            "PRAGMA synchronous=OFF",
            # Rows are generated consistent; checking every reference would double the cost.
            "PRAGMA foreign_keys=OFF",
            "PRAGMA cache_size=-1048576",
            "PRAGMA temp_store=MEMORY",
            # CREATE INDEX sorts on a second thread where there is a core for it
            # (wall time; the CPU time stays about the same).
            "PRAGMA threads=2",
        ):
            self.connection.execute(pragma)

    def scalar(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        row = self.connection.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql, parameters).fetchall()

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[Any]],
        progress: Progress | None = None,
        expected: int | None = None,
    ) -> int:
        """Insert ``rows`` (tuples in ``columns`` order) in batches; returns how many."""
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        iterator = iter(rows)
        written = 0
        while batch := list(islice(iterator, BATCH_ROWS)):
            self.connection.execute("BEGIN")
            self.connection.executemany(sql, batch)
            self.connection.execute("COMMIT")
            written += len(batch)
            if progress is not None:
                total = f"/{expected}" if expected else ""
                progress(f"{table}: {written}{total}")
        return written

    @contextmanager
    def indexes_suspended(
        self, tables: Sequence[str], progress: Progress | None = None
    ) -> Iterator[None]:
        """Drop the secondary indexes of ``tables`` and the search triggers for the block.

        On leaving, the indexes are rebuilt (one sort each instead of a b-tree
        insert per row), the search index is filled in one pass, and the
        triggers come back exactly as they were.
        """
        marks = ", ".join("?" for _ in tables)
        indexes = self.rows(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name",
            tables,
        )
        triggers = self.rows(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name IN ('contacts', 'accounts', 'contact_details') ORDER BY name"
        )
        for name, _ in triggers:
            self.connection.execute(f'DROP TRIGGER "{name}"')
        for name, _ in indexes:
            self.connection.execute(f'DROP INDEX "{name}"')
        yield
        report = progress or (lambda message: None)
        report("search index")
        self.connection.execute("BEGIN")
        rebuild_search_index(self.connection, report)
        for _, sql in triggers:
            self.connection.execute(sql)
        self.connection.execute("COMMIT")
        # One transaction per index, so the dirty pages of one never wait in the
        # page cache while the next is sorted.
        for name, sql in indexes:
            report(f"index {name}")
            self.connection.execute("BEGIN")
            self.connection.execute(sql)
            self.connection.execute("COMMIT")
        report("planner statistics")
        # Without statistics SQLite's planner drives "id IN (...) AND (owner = ? OR
        # owner IS NULL)" from the owner index (100,000 rows) instead of 50 key
        # lookups. A sampled ANALYZE takes under a second on 1M contacts.
        self.connection.execute("PRAGMA analysis_limit=1000")
        self.connection.execute("ANALYZE")

    def close(self) -> None:
        """Hand the file back in the store's normal journal mode (WAL)."""
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.close()
