"""SQLite's query plans for the statements a store sends, for tests that keep queries on indexes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from contactdesk.store import Store


class QueryPlans:
    """Records the statements a store's engine sends, and SQLite's plan for each.

    Plans are the way tests keep queries on their indexes ("SEARCH ... USING
    INDEX" rather than "SCAN"); timings are never asserted.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self.statements: list[tuple[str, Any]] = []
        self._explaining = False
        # Plan as for a large store: the statistics of a test store's handful of
        # rows would make a full scan look cheapest to the planner.
        with store.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
        store.engine.dispose()
        event.listen(store.engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if self._explaining or not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            return
        self.statements.append((statement, parameters))

    def clear(self) -> None:
        self.statements = []

    def plans(self) -> list[tuple[str, list[str]]]:
        """(statement, plan lines) of every SELECT recorded since the last clear()."""
        found = []
        self._explaining = True
        try:
            with self._store.engine.connect() as connection:
                for statement, parameters in self.statements:
                    rows = connection.exec_driver_sql(
                        f"EXPLAIN QUERY PLAN {statement}", parameters or ()
                    ).all()
                    found.append((statement, [str(row[3]) for row in rows]))
        finally:
            self._explaining = False
        return found

    def scans(self, table: str) -> list[str]:
        """Plan lines that read ``table`` from end to end (SCAN, not SEARCH)."""
        return [
            line
            for _, lines in self.plans()
            for line in lines
            if line.startswith(f"SCAN {table}") and not line.startswith(f"SCAN {table}_")
        ]
