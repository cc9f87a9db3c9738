"""Engines and transactions of the server database (PostgreSQL or SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Foreign keys on so that SQLite enforces what PostgreSQL enforces.
    cursor.execute("PRAGMA foreign_keys=ON")
    # Writers queue on the feed lock; wait for it rather than fail at once.
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_server_engine(url: str) -> Engine:
    """An engine for ``url`` with the settings the server relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        if parsed.database not in (None, "", ":memory:"):
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    # Enough connections for uvicorn's thread pool under 50 concurrent clients.
    return create_engine(url, pool_size=10, max_overflow=30, pool_pre_ping=True)


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


class Database:
    """The server's engine and its two kinds of transaction.

    ``transaction()`` is for writes (READ COMMITTED on PostgreSQL; writers
    serialise on the feed lock). ``snapshot()`` is for reads that must see one
    consistent state across several statements (a pull page): REPEATABLE READ
    on PostgreSQL; a SQLite read transaction is a snapshot already.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writes = sessionmaker(engine, expire_on_commit=False)
        snapshot_engine = (
            engine.execution_options(isolation_level="REPEATABLE READ")
            if is_postgresql(engine)
            else engine
        )
        self._reads = sessionmaker(snapshot_engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits at the end of the block, or rolls back on error."""
        with self._writes() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only session seeing one consistent state; nothing it does is committed."""
        with self._reads() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
