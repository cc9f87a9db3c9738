"""The server schema: Alembic up, down and up again on each backend, and in step with the models."""

from __future__ import annotations

import uuid
from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import JSON, String, Uuid, column, inspect, select, table

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


def test_collateral_linked_to_stage_names_is_linked_to_their_ids(database: Database) -> None:
    """The server keeps collateral as the desktop does: by stage id (a rename keeps the link)."""
    engine = database.engine
    downgrade(engine, "20261202_server_capabilities")
    stages = table("funnel_stages", column("id", Uuid()), column("name", String()))
    collateral = table(
        "collateral", column("id", Uuid()),
        *(column(name) for name in ("title", "kind", "created_at", "updated_at", "version")),
        column("products", JSON()), column("industries", JSON()), column("stages", JSON()),
    )  # fmt: skip
    record_id = uuid.uuid4()
    now = datetime(2026, 12, 1, 9, 0)
    with engine.begin() as connection:
        found = connection.execute(select(stages.c.id, stages.c.name))
        ids = {name: key.hex for key, name in found}
        connection.execute(
            collateral.insert().values(id=record_id, title="Price sheet", kind="price_sheet",
                                       created_at=now, updated_at=now, version=1, products=[],
                                       industries=[], stages=["Proposal", "Negotiation"])
        )  # fmt: skip
    migrate(engine)
    with engine.connect() as connection:
        linked = connection.execute(select(collateral.c.stages)).scalar_one()
    assert sorted(linked) == sorted([ids["Proposal"], ids["Negotiation"]])
