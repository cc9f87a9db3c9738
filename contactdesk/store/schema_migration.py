"""Bring a store's schema to the current revision, backing it up first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from contactdesk.store.revision_chain import head_revision
from migrations import CLIENT_SCRIPTS, alembic_config


def current_revision(connection: Connection) -> str | None:
    """The store's schema revision, None for a store never migrated."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_copy(path: Path, label: str) -> Path:
    """Copy the store with SQLite's online backup (consistent even in WAL mode)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}.bak")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade_store(engine: Engine, path: Path | None, revision: str = "head") -> Path | None:
    """Migrate the store to ``revision``; returns the backup written, if any.

    A store that already holds data at an older revision is backed up next to
    itself before anything is changed, so a failed upgrade can always be undone.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None and path is not None and path.exists():
        backup = backup_copy(path, f"pre-{target}")
    from alembic import command

    config = alembic_config(CLIENT_SCRIPTS)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return backup
