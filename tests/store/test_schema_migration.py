"""A store is created from nothing by the migrations and upgraded safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect

from contactdesk.errors import StoreError
from contactdesk.model.base import Base
from contactdesk.services.store_opening import open_store
from contactdesk.store.engine import sqlite_engine
from contactdesk.store.revision_chain import head_revision, known_revisions
from contactdesk.store.schema_migration import (
    current_revision,
    upgrade_store,
)
from tests.store.store_downgrade import downgrade_store

EXPECTED_TABLES = {
    "accounts",
    "contacts",
    "activities",
    "leads",
    "opportunities",
    "campaigns",
    "intel",
    "collateral",
    "launch_briefs",
    "field_definitions",
    "field_rules",
    "roles",
    "users",
    "funnel_stages",
    "custom_values",
    "change_log",
    "search_docs",
    "search_index",
}


def test_new_store_is_created_at_the_head_revision(store_path: Path) -> None:
    store = open_store(store_path)
    with store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert set(inspect(conn).get_table_names()) >= EXPECTED_TABLES
    store.close()


def test_store_runs_in_wal_mode_with_foreign_keys_on(store_path: Path) -> None:
    store = open_store(store_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_migrations_go_down_to_nothing_and_up_again(store_path: Path) -> None:
    engine = sqlite_engine(store_path)
    upgrade_store(engine, store_path)
    downgrade_store(engine, "base")
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    upgrade_store(engine, store_path)
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) >= EXPECTED_TABLES
    engine.dispose()


# Client-only speed-ups made in migration 20261202_list_speed (the server shares
# the models and needs none of them): phone search, week plan, list positions.
CLIENT_ONLY = {
    "list_versions",
    "ix_contacts_mobile",
    "ix_accounts_phone",
    "ix_activities_account_done",
    "ix_activities_owner_open_due",
    # Migration 20261202_segment_nocase: case-insensitive segment conditions and pickers.
    "ix_contacts_title_nocase",
    "ix_contacts_region_nocase",
    "ix_contacts_country_nocase",
    "ix_accounts_industry_nocase",
    "ix_accounts_region_nocase",
    "ix_accounts_territory_nocase",
    "ix_accounts_country_nocase",
    # Migration 20261202_email_nocase: an import matches an email whatever its case.
    "ix_contacts_email_nocase",
    # Migration 20261202_detail_value_nocase: an import matches a second email or phone.
    "ix_contact_details_value_nocase",
}


def _differences_from_the_models(connection: Connection) -> list[object]:
    # The search index is FTS5 and its shadow tables, made by raw SQL in its migration.
    def modelled(obj: object, name: str | None, kind: str, reflected: bool, _: object) -> bool:
        if reflected and name in CLIENT_ONLY:
            return False
        return not (kind == "table" and reflected and (name or "").startswith("search_"))

    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_object": modelled}
    )
    return list(compare_metadata(context, Base.metadata))


def test_the_migrated_schema_matches_the_models_down_and_up_again(store_path: Path) -> None:
    engine = sqlite_engine(store_path)
    upgrade_store(engine, store_path)
    with engine.connect() as conn:
        assert _differences_from_the_models(conn) == []
    downgrade_store(engine, "base")
    upgrade_store(engine, store_path)
    with engine.connect() as conn:
        assert _differences_from_the_models(conn) == []
    engine.dispose()


def test_each_revision_upgrades_to_the_next(store_path: Path) -> None:
    engine = sqlite_engine(store_path)
    upgrade_store(engine, store_path, "20261122_initial")
    with engine.connect() as conn:
        assert "search_index" not in inspect(conn).get_table_names()
    upgrade_store(engine, store_path, "20261122_search")
    with engine.connect() as conn:
        assert "search_index" in inspect(conn).get_table_names()
    engine.dispose()


def test_opening_an_older_store_upgrades_it_after_a_backup(store_path: Path) -> None:
    engine = sqlite_engine(store_path)
    upgrade_store(engine, store_path, "20261122_initial")
    engine.dispose()
    store = open_store(store_path)
    assert store.last_backup is not None and store.last_backup.exists()
    backup = sqlite3.connect(store.last_backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (
        "20261122_initial",
    )
    backup.close()
    with store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
    store.close()


def test_opening_a_current_store_writes_no_backup(store_path: Path) -> None:
    open_store(store_path).close()
    store = open_store(store_path)
    assert store.last_backup is None
    store.close()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 10)
    with pytest.raises(StoreError, match="not a ContactDesk store"):
        open_store(path)
    assert path.read_bytes().startswith(b"these are my notes")


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "store.db")


def test_closing_a_store_leaves_planner_statistics(store_path: Path) -> None:
    from contactdesk.services import unit_of_work
    from contactdesk.services.actor import Actor

    store = open_store(store_path)
    with unit_of_work.unit_of_work(store, Actor.system()) as work:
        for index in range(200):
            work.create("contact", {"display_name": f"Person {index}"})
    store.close()
    connection = sqlite3.connect(store_path)
    try:
        analysed = {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
    finally:
        connection.close()
    assert "contacts" in analysed


def test_the_revision_chain_read_from_the_scripts_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    from migrations import CLIENT_SCRIPTS, alembic_config

    scripts = ScriptDirectory.from_config(alembic_config(CLIENT_SCRIPTS))
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {script.revision for script in scripts.walk_revisions()}
