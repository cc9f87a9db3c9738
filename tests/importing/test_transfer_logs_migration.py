"""The transfer-log migration upgrades and downgrades a store cleanly."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from contactdesk.store.engine import sqlite_engine
from contactdesk.store.schema_migration import upgrade_store
from tests.store.store_downgrade import downgrade_store

TRANSFER_TABLES = {"import_batches", "imported_records", "import_skipped_rows", "merge_records"}


def _tables(path: Path) -> set[str]:
    engine = sqlite_engine(path)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_creates_the_transfer_log_tables(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    engine = sqlite_engine(path)
    upgrade_store(engine, path)
    engine.dispose()
    assert _tables(path) >= TRANSFER_TABLES


def test_downgrade_to_search_drops_them_and_upgrade_restores_them(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    engine = sqlite_engine(path)
    upgrade_store(engine, path)
    downgrade_store(engine, "20261122_search")
    engine.dispose()
    assert not TRANSFER_TABLES & _tables(path)
    engine = sqlite_engine(path)
    upgrade_store(engine, path)
    engine.dispose()
    assert _tables(path) >= TRANSFER_TABLES
