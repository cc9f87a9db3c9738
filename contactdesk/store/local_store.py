"""The local store: one SQLite file, its migrations, and the transaction boundary."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from contactdesk.errors import StoreError
from contactdesk.store.engine import sqlite_engine
from contactdesk.store.schema_migration import upgrade_store

if TYPE_CHECKING:
    from contactdesk.services.changes import ChangeSet

ChangeListener = Callable[["ChangeSet"], None]


class Store:
    """An open store file. Thread-safe: each transaction gets its own session.

    Listeners are called after a transaction that changed records commits, with the
    description of what changed; the UI hangs its refreshes on that one hook.
    """

    def __init__(self, path: Path | None, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._listeners: list[ChangeListener] = []
        self.last_backup: Path | None = None
        # Role policies, filled and invalidated by contactdesk.services.policy_cache.
        self.policies: dict[str, object] = {}

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits as one unit, or rolls back on any error."""
        with self._sessions() as session, session.begin():
            yield session

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
        self.engine.dispose()


def _check_is_database(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(f"{path} is not a ContactDesk store (not an SQLite database)")


def open_store(path: Path | str, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the store at ``path`` and bring its schema up to date.

    An existing store at an older schema is backed up next to itself first
    (``Store.last_backup`` names the copy). Raises StoreError with a plain
    message for a file that is not a store or cannot be opened.
    """
    path = Path(path)
    if not path.parent.exists():
        raise StoreError(f"folder {path.parent} does not exist")
    _check_is_database(path)
    engine = sqlite_engine(path)
    store = Store(path, engine)
    if migrate:
        try:
            store.last_backup = upgrade_store(engine, path)
        except sqlite3.DatabaseError as error:
            engine.dispose()
            raise StoreError(f"{path} cannot be opened: {error}") from error
        except Exception as error:
            engine.dispose()
            cause = getattr(error, "orig", error)
            raise StoreError(f"{path} cannot be opened: {cause}") from error
    from contactdesk.services.defaults import ensure_defaults

    ensure_defaults(store)
    return store
