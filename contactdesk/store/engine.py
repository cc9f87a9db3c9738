"""SQLite engines with the pragmas every ContactDesk store runs under."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, QueuePool, create_engine, event

from contactdesk.store.file_uri import sqlite_uri


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA temp_store=MEMORY")
    # Mapped pages count as resident memory; 128 MiB keeps a 1M-contact store
    # open under the 400 MB target while the hot indexes stay mapped.
    cursor.execute("PRAGMA mmap_size=134217728")
    cursor.close()


def sqlite_engine(path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on the store file with foreign keys on and WAL journalling.

    WAL lets the UI read while a background worker writes. ``read_only`` opens
    with ``mode=ro`` (every write fails with SQLITE_READONLY); ``immutable``
    also tells SQLite the file cannot change, which is what lets it read a WAL
    store in a read-only folder where it cannot create the ``-shm`` file.
    """
    if read_only:
        uri = sqlite_uri(path, mode="ro", **({"immutable": 1} if immutable else {}))
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            # The URL names no file, so say which pool a file database gets.
            poolclass=QueuePool,
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    if not read_only:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    return engine
