"""Bring a store's schema to the current revision, backing it up first."""

from __future__ import annotations

import functools
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from migrations import CLIENT_SCRIPTS


def alembic_config(script_location: Path = CLIENT_SCRIPTS) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


@functools.cache
def head_revision(script_location: Path = CLIENT_SCRIPTS) -> str:
    """The newest revision of the migration scripts (read once per process)."""
    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {script_location}")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


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
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return backup


def downgrade_store(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
