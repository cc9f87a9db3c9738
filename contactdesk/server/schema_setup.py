"""Bringing a server database to the current schema and seeding its defaults, on start."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from alembic import command
from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from contactdesk.model.base import utc_now
from contactdesk.server.admin.service import publish_unversioned
from contactdesk.server.database import is_postgresql
from contactdesk.services.defaults import seed_defaults
from migrations import SERVER_SCRIPTS, alembic_config

# Any fixed number: the advisory lock that lets one of several processes
# starting together migrate and seed while the others wait.
MIGRATION_LOCK = 7_134_021


@contextmanager
def _migration_lock(connection: Connection, engine: Engine) -> Iterator[None]:
    if not is_postgresql(engine):
        yield
        return
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
    connection.commit()
    try:
        yield
    finally:
        connection.rollback()
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
        connection.commit()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (Alembic, migrations/server)."""
    with engine.connect() as connection, _migration_lock(connection, engine):
        _upgrade(connection, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.connect() as connection:
        config = alembic_config(SERVER_SCRIPTS)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()


def prepare_database(engine: Engine, now: datetime | None = None) -> None:
    """Migrate, seed the default roles, fields, rules, funnel and settings, and publish them.

    Safe to run on every start and from several processes at once.
    """
    with engine.connect() as connection, _migration_lock(connection, engine):
        _upgrade(connection, "head")
        with Session(bind=connection) as session:
            seed_defaults(session)
            session.flush()
            publish_unversioned(session, now or utc_now())
            session.commit()


def _upgrade(connection: Connection, revision: str) -> None:
    config = alembic_config(SERVER_SCRIPTS)
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
    connection.commit()
