"""Taking a store's schema back down: for the migration tests only (users never downgrade)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine

from migrations import CLIENT_SCRIPTS, alembic_config


def downgrade_store(engine: Engine, revision: str) -> None:
    config = alembic_config(CLIENT_SCRIPTS)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
