"""The local store: one SQLite file, its migrations, and the transaction boundary."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from contactdesk.errors import StoreError
from contactdesk.store import store_health
from contactdesk.store.change_set import ChangeSet
from contactdesk.store.engine import sqlite_engine
from contactdesk.store.revision_chain import head_revision
from contactdesk.store.schema_migration import current_revision, upgrade_store
from contactdesk.store.write_failures import store_write_failed, write_failure_of

ChangeListener = Callable[["ChangeSet"], None]


class Store:
    """An open store file. Thread-safe: each transaction gets its own session.

    Listeners are called after a transaction that changed records commits, with the
    description of what changed; the UI hangs its refreshes on that one hook.
    """

    def __init__(self, path: Path | None, engine: Engine, *, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        # Opened with open_store(read_only=True): every write fails with a StoreError.
        self.read_only = read_only
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._listeners: list[ChangeListener] = []
        self.last_backup: Path | None = None
        # Counts the governance changes made through this store: the role policies that
        # contactdesk.services.policy_cache keeps are keyed by it.
        self.governance_stamp = 0

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits as one unit, or rolls back on any error.

        A write the disk refuses (full, I/O error, read-only, locked) raises
        StoreWriteFailed after the rollback, saying that nothing was saved.
        """
        try:
            with self._sessions() as session, session.begin():
                yield session
        except Exception as error:
            failure = write_failure_of(error)
            if failure is None:
                raise
            raise store_write_failed(self.path, failure, read_only_open=self.read_only) from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed."""
        with self._sessions() as session:
            yield session

    def add_listener(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, changes: ChangeSet) -> None:
        if not changes.changes:
            return
        for listener in list(self._listeners):
            listener(changes)

    def close(self) -> None:
        """Let SQLite refresh its planner statistics, then release the file.

        ``PRAGMA optimize`` before closing is SQLite's own advice: without
        statistics the planner drives "id IN (...) AND (owner = ? OR owner IS
        NULL)" from the owner index, 100,000 rows on a large store instead of a
        few key lookups. With an analysis limit it costs milliseconds.
        """
        if not self.read_only:
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA analysis_limit=400")
                    # optimize only revisits tables this connection queried; a
                    # store that was never analysed gets one sampled ANALYZE.
                    analysed = connection.exec_driver_sql(
                        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
                    ).first()
                    connection.exec_driver_sql("PRAGMA optimize" if analysed else "ANALYZE")
                    connection.commit()
            except DBAPIError:
                pass  # statistics are an optimisation; a busy or damaged file keeps none
        self.engine.dispose()


IntegrityCheck = Literal["auto", "quick", "cheap"]


def open_store(
    path: Path | str,
    *,
    migrate: bool = True,
    read_only: bool = False,
    integrity: IntegrityCheck = "auto",
    lock_timeout: float = 2.0,
) -> Store:
    """Open (creating if needed) the store at ``path`` and bring its schema up to date.

    An existing store at an older schema is snapshotted next to itself first
    (``Store.last_backup`` names the copy). Before anything is written the file
    is checked (see ``store_health``): a store that is empty, truncated, not a
    database, damaged, from a newer ContactDesk, locked by another process or in
    a read-only folder raises ``StoreUnusable`` naming the problem and the ways
    forward; nothing is created in its place.

    ``integrity``: ``"quick"`` always runs ``PRAGMA quick_check``, ``"cheap"``
    never does (the app runs it on its worker after start), ``"auto"`` runs it
    for stores small enough to check fast. ``read_only`` opens an existing
    store without migrating or writing; its writes raise StoreError.
    ``lock_timeout`` is how long to wait for another process's write to finish.
    """
    path = Path(path)
    if not path.parent.exists():
        raise StoreError(f"folder {path.parent} does not exist")
    exists = path.exists()
    if exists:
        store_health.check_file(path)
        store_health.check_schema(path)
    if read_only:
        if not exists:
            raise StoreError(f"no store at {path} to open read-only")
        return _open_read_only(path, integrity)
    store_health.check_writable(path)
    if exists:
        store_health.check_not_locked(path, lock_timeout)
        if integrity == "quick" or (
            integrity == "auto" and store_health.needs_inline_quick_check(path)
        ):
            store_health.require_intact(path)
    engine = sqlite_engine(path)
    store = Store(path, engine)
    if migrate:
        try:
            store.last_backup = upgrade_store(engine, path)
        except StoreError:
            engine.dispose()
            raise
        except Exception as error:
            engine.dispose()
            raise _opening_failed(path, error) from error
    return store


def _open_read_only(path: Path, integrity: IntegrityCheck) -> Store:
    if integrity == "quick":
        store_health.require_intact(path)
    # Without write access to the folder SQLite cannot create the WAL index, so
    # the file is opened as immutable (it cannot change under us: nobody can write).
    wal = Path(f"{path}-wal")
    immutable = not os.access(path.parent, os.W_OK) and not (
        wal.exists() and wal.stat().st_size > 0
    )
    engine = sqlite_engine(path, read_only=True, immutable=immutable)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
    except Exception as error:
        engine.dispose()
        raise _opening_failed(path, error) from error
    if revision != head_revision():
        engine.dispose()
        raise StoreError(
            f"{path.name} is at an older schema ({revision}) and cannot be read without "
            "upgrading; open it normally once (a snapshot is taken first)"
        )
    return Store(path, engine, read_only=True)


def _opening_failed(path: Path, error: Exception) -> StoreError:
    """The StoreError for an error raised while opening (SQLite's are diagnosed)."""
    cause = getattr(error, "orig", error)
    if isinstance(cause, sqlite3.Error):
        return store_health.diagnose_sqlite_error(path, cause)
    return StoreError(f"{path} cannot be opened: {cause}")
