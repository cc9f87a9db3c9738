"""Is this store file usable? Cheap checks on every open, a thorough one on demand.

Every problem found is a ``StoreUnusable`` naming what is wrong in words a
user can act on, and the ways forward that fit it (restore a snapshot, re-sync
from the server, open read-only, ...). Nothing here writes to the store.

Start-up cost. The checks run on open are bounded and do not grow with the
store: the 100-byte SQLite header (is it a database at all), the file size
against the page count the header records (truncation), the schema revision
(one row), and a lock probe. ``PRAGMA quick_check`` reads every page, which is
seconds on a 1 GB store, so ``open_store`` runs it inline only for stores up to
``INLINE_QUICK_CHECK_LIMIT``; the desktop app runs ``quick_check`` on larger
ones on its database worker after the window is up and warns if it fails.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from contactdesk.errors import StoreError
from contactdesk.store.file_uri import sqlite_uri
from contactdesk.store.revision_chain import known_revisions

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# Stores up to this size get ``quick_check`` while opening (tens of milliseconds);
# larger ones are checked in the background after start.
INLINE_QUICK_CHECK_LIMIT = 64 * 1024 * 1024


class WayForward(Enum):
    """Something the user can do about a store that cannot be used as it is."""

    RESTORE_SNAPSHOT = "restore it from a snapshot (contactdesk restore --store PATH)"
    RESYNC_FROM_SERVER = "re-sync it from the server (contactdesk sync --store NEW_PATH ...)"
    OPEN_READ_ONLY = "open it read-only to look at and copy out what it holds"
    CLOSE_OTHER_PROGRAM = "close the other program (or ContactDesk window) using it"
    UPDATE_CONTACTDESK = "install the newer ContactDesk that wrote it"
    MOVE_TO_WRITABLE_FOLDER = "copy it to a folder you can write to and open that copy"


class Problem(Enum):
    """What is wrong with a store file, one member per message a user needs."""

    EMPTY_FILE = "empty_file"
    NOT_A_DATABASE = "not_a_database"
    TRUNCATED = "truncated"
    DAMAGED = "damaged"
    NOT_A_STORE = "not_a_store"
    NEWER_SCHEMA = "newer_schema"
    LOCKED = "locked"
    READ_ONLY_FOLDER = "read_only_folder"
    READ_ONLY_FILE = "read_only_file"
    UNREADABLE = "unreadable"


WAYS: dict[Problem, tuple[WayForward, ...]] = {
    Problem.EMPTY_FILE: (WayForward.RESTORE_SNAPSHOT, WayForward.RESYNC_FROM_SERVER),
    Problem.NOT_A_DATABASE: (WayForward.RESTORE_SNAPSHOT, WayForward.RESYNC_FROM_SERVER),
    Problem.TRUNCATED: (
        WayForward.RESTORE_SNAPSHOT,
        WayForward.RESYNC_FROM_SERVER,
        WayForward.OPEN_READ_ONLY,
    ),
    Problem.DAMAGED: (
        WayForward.RESTORE_SNAPSHOT,
        WayForward.RESYNC_FROM_SERVER,
        WayForward.OPEN_READ_ONLY,
    ),
    Problem.NOT_A_STORE: (WayForward.RESTORE_SNAPSHOT, WayForward.RESYNC_FROM_SERVER),
    Problem.NEWER_SCHEMA: (
        WayForward.UPDATE_CONTACTDESK,
        WayForward.RESTORE_SNAPSHOT,
        WayForward.RESYNC_FROM_SERVER,
    ),
    Problem.LOCKED: (WayForward.CLOSE_OTHER_PROGRAM, WayForward.OPEN_READ_ONLY),
    Problem.READ_ONLY_FOLDER: (WayForward.MOVE_TO_WRITABLE_FOLDER, WayForward.OPEN_READ_ONLY),
    Problem.READ_ONLY_FILE: (WayForward.MOVE_TO_WRITABLE_FOLDER, WayForward.OPEN_READ_ONLY),
    Problem.UNREADABLE: (WayForward.RESTORE_SNAPSHOT, WayForward.RESYNC_FROM_SERVER),
}


class StoreUnusable(StoreError):
    """The store cannot be opened as it is; ``problem`` says why, ``ways`` what to do."""

    def __init__(self, path: Path, problem: Problem, detail: str) -> None:
        self.path = path
        self.problem = problem
        self.detail = detail
        self.ways = WAYS[problem]
        ways = "; ".join(way.value for way in self.ways)
        super().__init__(f"{path.name}: {detail}. Ways forward: {ways}.")


@dataclass(frozen=True)
class FileHeader:
    """What the first 100 bytes of an SQLite file say about it."""

    page_size: int
    page_count: int | None  # None when the header's count is not trustworthy


def read_header(path: Path) -> FileHeader:
    """Parse the SQLite header of ``path``; StoreUnusable if it is not an SQLite file."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise StoreUnusable(
            path, Problem.UNREADABLE, f"the file cannot be read ({error})"
        ) from error
    if not header:
        raise StoreUnusable(
            path, Problem.EMPTY_FILE, "the file is empty, so whatever it held is gone"
        )
    if not header.startswith(SQLITE_HEADER):
        raise StoreUnusable(
            path,
            Problem.NOT_A_DATABASE,
            "this is not a ContactDesk store (not an SQLite database)",
        )
    if len(header) < HEADER_SIZE:
        raise StoreUnusable(path, Problem.TRUNCATED, "the file is cut off inside its header")
    raw_page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    change_counter = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    # The in-header page count is only kept up to date by SQLite 3.7+, which then
    # stamps "version valid for" with the change counter; otherwise ignore it.
    page_count = int.from_bytes(header[28:32], "big") if valid_for == change_counter else None
    return FileHeader(page_size, page_count)


def check_file(path: Path) -> None:
    """The cheap checks: an SQLite file, not shorter than its header says. Raises StoreUnusable."""
    header = read_header(path)
    if header.page_count is None or header.page_size < 512:
        return
    wal = Path(f"{path}-wal")
    # After a crash mid-checkpoint the WAL still holds the pages the main file
    # lacks; SQLite completes the checkpoint on open, so that is not damage.
    if wal.exists() and wal.stat().st_size > 0:
        return
    expected = header.page_size * header.page_count
    actual = path.stat().st_size
    if actual < expected:
        held = actual // header.page_size
        raise StoreUnusable(
            path,
            Problem.TRUNCATED,
            f"the file is shorter than it should be ({actual:,} of {expected:,} bytes; "
            f"{held} of {header.page_count} pages), so part of it is missing",
        )


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing anything, even in a read-only folder.

    SQLite must create the WAL index (``-shm``) to read a WAL store; where the
    folder cannot be written, ``immutable=1`` lets it read the file as it is.
    """
    if os.access(path.parent, os.W_OK):
        return sqlite_uri(path, mode="ro")
    return sqlite_uri(path, mode="ro", immutable=1)


def check_schema(path: Path) -> None:
    """Refuse a store whose schema this ContactDesk does not know (newer, or not ours)."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise diagnose_sqlite_error(path, error) from error
    if revision is None:
        if tables - {"alembic_version"}:
            raise StoreUnusable(
                path,
                Problem.NOT_A_STORE,
                "this SQLite database is not a ContactDesk store (it has no ContactDesk schema)",
            )
        return
    if revision not in known_revisions():
        raise StoreUnusable(
            path,
            Problem.NEWER_SCHEMA,
            f"this store was written by a newer ContactDesk (schema {revision}, which this "
            "version does not know); it is left untouched rather than downgraded",
        )


def check_not_locked(path: Path, timeout: float) -> None:
    """Refuse a store another process holds a write lock on (waits ``timeout`` seconds)."""
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise diagnose_sqlite_error(path, error) from error


def check_writable(path: Path) -> None:
    """Refuse (with the read-only way out) a store in a folder or file that cannot be written."""
    folder = path.parent
    # os.access honours read-only mounts and immutable files even for root.
    if not os.access(folder, os.W_OK):
        raise StoreUnusable(
            path,
            Problem.READ_ONLY_FOLDER,
            f"the folder {folder} is read-only, and ContactDesk must write next to the store "
            "(its journal and snapshots)",
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreUnusable(path, Problem.READ_ONLY_FILE, "the store file is read-only")


def quick_check(path: Path) -> list[str]:
    """Run ``PRAGMA quick_check`` on ``path`` read-only; returns its complaints (none = healthy).

    Reads every page: seconds on a large store, so run it on a worker for those.
    """
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def require_intact(path: Path) -> None:
    """Raise StoreUnusable (DAMAGED) if ``quick_check`` finds damage."""
    complaints = quick_check(path)
    if complaints:
        shown = "; ".join(complaints[:3])
        raise StoreUnusable(path, Problem.DAMAGED, f"the integrity check found damage ({shown})")


def needs_inline_quick_check(path: Path) -> bool:
    """Whether the store is small enough to check fully while opening."""
    return path.exists() and path.stat().st_size <= INLINE_QUICK_CHECK_LIMIT


def diagnose_sqlite_error(path: Path, error: sqlite3.Error) -> StoreUnusable:
    """The user-facing problem behind an SQLite error raised while opening ``path``."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    text = str(error)
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return StoreUnusable(
            path, Problem.LOCKED, "another program is writing to this store and holds it locked"
        )
    if primary == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return StoreUnusable(
            path, Problem.NOT_A_DATABASE, "this is not a ContactDesk store (not a database)"
        )
    if primary == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return StoreUnusable(path, Problem.DAMAGED, f"the store is damaged ({text})")
    if primary == sqlite3.SQLITE_READONLY:
        return StoreUnusable(path, Problem.READ_ONLY_FILE, "the store cannot be written")
    return StoreUnusable(path, Problem.UNREADABLE, f"the store cannot be read ({text})")
