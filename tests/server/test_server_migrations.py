"""The server schema: Alembic up, down and up again on each backend, and in step with the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from contactdesk.server.database import Database
from contactdesk.server.schema_setup import downgrade, migrate
from contactdesk.server.server_tables import SERVER_METADATA


def test_upgrade_downgrade_upgrade_round_trips(database: Database) -> None:
    engine = database.engine
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate(engine)
    assert {"feed_changes", "record_versions", "contacts"} <= set(inspect(engine).get_table_names())


def test_the_migrated_schema_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, SERVER_METADATA)
    assert differences == []
