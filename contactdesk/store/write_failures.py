"""Turning a failed write (disk full, I/O error, read-only, locked) into a message to act on.

The transaction the write belonged to has been rolled back by then: the store
is as it was before, and the message says so ("nothing was saved").
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from contactdesk.errors import StoreError


class WriteFailure(Enum):
    """Why a write to the store failed."""

    DISK_FULL = "disk_full"
    IO_ERROR = "io_error"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    DAMAGED = "damaged"


class StoreWriteFailed(StoreError):
    """A transaction could not be written and was rolled back; ``failure`` says why."""

    def __init__(self, path: Path | None, failure: WriteFailure, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.failure = failure


_MESSAGES = {
    WriteFailure.DISK_FULL: "the disk is full; nothing was saved. Free some space and save again",
    WriteFailure.IO_ERROR: (
        "the disk reported an error while saving; nothing was saved. Check the drive and save again"
    ),
    WriteFailure.READ_ONLY: "the store cannot be written (read-only); nothing was saved",
    WriteFailure.LOCKED: (
        "another program is writing to the store; nothing was saved. Save again in a moment"
    ),
    WriteFailure.DAMAGED: (
        "the store is damaged; nothing was saved. Restore it from a snapshot or re-sync it"
    ),
}

_FAILURES = {
    sqlite3.SQLITE_FULL: WriteFailure.DISK_FULL,
    sqlite3.SQLITE_IOERR: WriteFailure.IO_ERROR,
    sqlite3.SQLITE_READONLY: WriteFailure.READ_ONLY,
    sqlite3.SQLITE_BUSY: WriteFailure.LOCKED,
    sqlite3.SQLITE_LOCKED: WriteFailure.LOCKED,
    sqlite3.SQLITE_CORRUPT: WriteFailure.DAMAGED,
}


def write_failure_of(error: BaseException) -> WriteFailure | None:
    """Which write failure ``error`` (an SQLAlchemy or sqlite3 error) is, if any."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(cause, sqlite3.Error):
        return None
    code = getattr(cause, "sqlite_errorcode", None)
    if code is None:
        return None
    # Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED...) keep the
    # primary code in the low byte.
    return _FAILURES.get(code & 0xFF)


def store_write_failed(
    path: Path | None, failure: WriteFailure, *, read_only_open: bool = False
) -> StoreWriteFailed:
    """The error to raise for ``failure`` on the store at ``path``."""
    if failure is WriteFailure.READ_ONLY and read_only_open:
        message = "this store is open read-only; nothing was saved"
    else:
        message = _MESSAGES[failure]
    name = path.name if path is not None else "the store"
    return StoreWriteFailed(path, failure, f"{name}: {message}")
