"""Snapshots: a consistent copy next to the store, pruned to N, restored without silent loss."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from mounted_filesystems import fill_disk, small_filesystem
from sqlalchemy import update

from contactdesk.errors import StoreError
from contactdesk.model import ChangeLog
from contactdesk.model.base import utc_now
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.store.schema_migration import backup_copy
from contactdesk.store.snapshots import (
    list_snapshots,
    restore_snapshot,
    snapshot_if_due,
    snapshot_is_due,
    take_snapshot,
)


def _add_contact(store: Store, name: str) -> uuid.UUID:
    return unit_of_work.create(store, Actor.system(), "contact", {"display_name": name}).record_id


def _names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT display_name FROM contacts")}
    finally:
        connection.close()


def _mark_all_pushed(store: Store) -> None:
    with store.transaction() as session:
        session.execute(update(ChangeLog).values(pushed_at=utc_now()))


def test_a_snapshot_holds_what_the_open_store_holds(store: Store, store_path: Path) -> None:
    _add_contact(store, "Ann Lee")
    snapshot = take_snapshot(store_path, "manual")
    assert _names(snapshot) == {"Ann Lee"}


def test_a_snapshot_is_listed_with_its_reason(store: Store, store_path: Path) -> None:
    take_snapshot(store_path, "pre-import")
    assert [s.reason for s in list_snapshots(store_path)] == ["pre-import"]


def test_pruning_keeps_the_newest_n(store: Store, store_path: Path) -> None:
    taken = [take_snapshot(store_path, "manual", keep=3) for _ in range(5)]
    assert [s.path for s in list_snapshots(store_path)] == taken[:1:-1]


def test_a_snapshot_reason_must_be_a_plain_word(store: Store, store_path: Path) -> None:
    with pytest.raises(ValueError, match="reason"):
        take_snapshot(store_path, "../../etc")


def test_a_pre_migration_backup_is_listed_as_a_snapshot(store: Store, store_path: Path) -> None:
    backup_copy(store_path, "pre-20261122_initial")
    assert [s.reason for s in list_snapshots(store_path)] == ["pre-migration"]


def test_a_snapshot_that_cannot_be_written_leaves_no_partial_file(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "mount", "3m") as folder:
        path = folder / "store.db"
        store = open_store(path)
        try:
            _add_contact(store, "Ann Lee")
            fill_disk(folder)
            with pytest.raises(StoreError, match="could not write a snapshot"):
                take_snapshot(path, "manual")
            left = sorted(p.name for p in folder.iterdir())
        finally:
            store.close()
    assert left == ["filler", "store.db", "store.db-shm", "store.db-wal"]


def test_a_snapshot_is_due_when_there_is_none(store: Store, store_path: Path) -> None:
    assert snapshot_is_due(store_path, timedelta(days=1))


def test_a_snapshot_is_not_due_within_the_interval(store: Store, store_path: Path) -> None:
    newest = take_snapshot(store_path, "daily")
    soon = list_snapshots(store_path)[0].taken_at + timedelta(hours=23)
    assert snapshot_if_due(store_path, "daily", timedelta(days=1), now=soon) is None
    assert [s.path for s in list_snapshots(store_path)] == [newest]


def test_a_snapshot_is_due_once_the_interval_has_passed(store: Store, store_path: Path) -> None:
    take_snapshot(store_path, "daily")
    later = list_snapshots(store_path)[0].taken_at + timedelta(days=1)
    assert snapshot_is_due(store_path, timedelta(days=1), now=later)


def test_restore_refuses_when_unsynced_changes_would_be_lost(
    store: Store, store_path: Path
) -> None:
    take_snapshot(store_path, "manual")
    _add_contact(store, "Bea Unsynced")
    store.close()
    with pytest.raises(StoreError, match=r"1 unsynced changes would be lost \(create contact"):
        restore_snapshot(store_path)
    assert _names(store_path) == {"Bea Unsynced"}


def test_restore_goes_ahead_when_the_lost_changes_were_synced(
    store: Store, store_path: Path
) -> None:
    take_snapshot(store_path, "manual")
    _add_contact(store, "Bea Synced")
    _mark_all_pushed(store)
    store.close()
    report = restore_snapshot(store_path)
    assert report.lost_changes == []
    assert _names(store_path) == set()


def test_restore_keeps_unsynced_changes_the_snapshot_also_holds(
    store: Store, store_path: Path
) -> None:
    _add_contact(store, "Cy Unsynced")
    take_snapshot(store_path, "manual")
    store.close()
    report = restore_snapshot(store_path)
    assert report.lost_changes == []
    assert _names(store_path) == {"Cy Unsynced"}


def test_forced_restore_puts_the_snapshot_in_place(store: Store, store_path: Path) -> None:
    _add_contact(store, "Ann Lee")
    take_snapshot(store_path, "manual")
    _add_contact(store, "Bea Unsynced")
    store.close()
    restore_snapshot(store_path, allow_loss=True)
    assert _names(store_path) == {"Ann Lee"}


def test_forced_restore_keeps_the_lost_changes_in_a_safety_copy(
    store: Store, store_path: Path
) -> None:
    take_snapshot(store_path, "manual")
    _add_contact(store, "Bea Unsynced")
    store.close()
    report = restore_snapshot(store_path, allow_loss=True)
    assert [change.op for change in report.lost_changes] == ["create"]
    assert _names(report.safety_copy) == {"Bea Unsynced"}


def test_a_restored_store_opens_and_reads(store: Store, store_path: Path) -> None:
    kept = _add_contact(store, "Ann Lee")
    take_snapshot(store_path, "manual")
    store.close()
    restore_snapshot(store_path)
    reopened = open_store(store_path)
    try:
        assert get_record(reopened, Actor.system(), "contact", kept)["display_name"] == "Ann Lee"
    finally:
        reopened.close()


def test_a_truncated_store_can_be_restored_and_its_bytes_are_kept(
    store: Store, store_path: Path
) -> None:
    _add_contact(store, "Ann Lee")
    take_snapshot(store_path, "manual")
    store.close()
    with store_path.open("r+b") as handle:
        handle.truncate(store_path.stat().st_size // 2)
    damaged = store_path.read_bytes()
    report = restore_snapshot(store_path, allow_loss=True)
    assert report.safety_copy.read_bytes() == damaged
    assert _names(store_path) == {"Ann Lee"}


def test_a_named_snapshot_is_restored_rather_than_the_newest(
    store: Store, store_path: Path
) -> None:
    _add_contact(store, "Ann Lee")
    older = take_snapshot(store_path, "manual")
    _add_contact(store, "Bea Lee")
    _mark_all_pushed(store)
    take_snapshot(store_path, "manual")
    store.close()
    restore_snapshot(store_path, older)
    assert _names(store_path) == {"Ann Lee"}


def test_a_snapshot_from_a_newer_contactdesk_is_not_restored(
    store: Store, store_path: Path
) -> None:
    snapshot = take_snapshot(store_path, "manual")
    raw = sqlite3.connect(snapshot)
    raw.execute("UPDATE alembic_version SET version_num = '20991231_from_the_future'")
    raw.commit()
    raw.close()
    store.close()
    with pytest.raises(StoreError, match="newer ContactDesk"):
        restore_snapshot(store_path, snapshot)


def test_with_no_snapshot_restore_says_so(store: Store, store_path: Path) -> None:
    store.close()
    with pytest.raises(StoreError, match="no snapshot"):
        restore_snapshot(store_path)
