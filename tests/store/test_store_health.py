"""A damaged or unreadable store is refused with its problem named, never replaced.

Every failure is provoked for real: bytes cut off the file, a text file, a
schema revision no ContactDesk has shipped, another process holding an
exclusive lock, a read-only mount (root ignores file modes, so a ``chmod``
would prove nothing), and a full tmpfs.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from mounted_filesystems import fill_disk, remount_read_only, small_filesystem
from sqlalchemy import event, func, select

from contactdesk.model import ChangeLog
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.store.store_health import Problem, StoreUnusable, WayForward
from contactdesk.store.write_failures import StoreWriteFailed, WriteFailure


def _make_store(path: Path, contacts: int = 30) -> list[str]:
    store = open_store(path)
    try:
        return [
            str(
                unit_of_work.create(
                    store, Actor.system(), "contact", {"display_name": f"Contact {n:03}"}
                ).record_id
            )
            for n in range(contacts)
        ]
    finally:
        store.close()


def _problem_opening(path: Path, **options: object) -> StoreUnusable:
    with pytest.raises(StoreUnusable) as raised:
        open_store(path, **options)  # type: ignore[arg-type]
    return raised.value


def _log_size(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLog)) or 0)


@pytest.fixture
def locked_by_another_process(store_path: Path) -> Iterator[Path]:
    """The store, with a second process inside BEGIN EXCLUSIVE until the test ends."""
    _make_store(store_path, contacts=3)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(store_path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield store_path
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_truncated_store_is_refused_as_truncated(store_path: Path) -> None:
    _make_store(store_path)
    size = store_path.stat().st_size
    with store_path.open("r+b") as handle:
        handle.truncate(size // 2)
    problem = _problem_opening(store_path)
    assert problem.problem is Problem.TRUNCATED
    assert "shorter than it should be" in str(problem)


def test_a_truncated_store_is_left_as_it_was_not_replaced(store_path: Path) -> None:
    _make_store(store_path)
    with store_path.open("r+b") as handle:
        handle.truncate(store_path.stat().st_size // 2)
    damaged = store_path.read_bytes()
    _problem_opening(store_path)
    assert store_path.read_bytes() == damaged


def test_an_empty_file_is_refused_rather_than_made_a_new_store(store_path: Path) -> None:
    store_path.write_bytes(b"")
    problem = _problem_opening(store_path)
    assert problem.problem is Problem.EMPTY_FILE
    assert store_path.stat().st_size == 0


def test_a_file_that_is_not_a_database_is_refused_by_name(store_path: Path) -> None:
    store_path.write_text("Dear diary, today I met a customer.\n" * 20)
    problem = _problem_opening(store_path)
    assert problem.problem is Problem.NOT_A_DATABASE
    assert "not a ContactDesk store" in str(problem)


def test_an_sqlite_database_of_another_program_is_not_a_store(store_path: Path) -> None:
    other = sqlite3.connect(store_path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    assert _problem_opening(store_path).problem is Problem.NOT_A_STORE


def test_a_store_from_a_newer_contactdesk_is_refused_and_not_downgraded(
    store_path: Path,
) -> None:
    _make_store(store_path, contacts=1)
    raw = sqlite3.connect(store_path)
    raw.execute("UPDATE alembic_version SET version_num = '20991231_from_the_future'")
    raw.commit()
    raw.close()
    problem = _problem_opening(store_path)
    assert problem.problem is Problem.NEWER_SCHEMA
    assert WayForward.UPDATE_CONTACTDESK in problem.ways
    raw = sqlite3.connect(store_path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
        "20991231_from_the_future",
    )
    raw.close()


def test_a_damaged_page_is_found_by_the_integrity_check(store_path: Path) -> None:
    _make_store(store_path, contacts=200)
    page_size = 4096
    with store_path.open("r+b") as handle:
        # Overwrite the page headers of a run of b-tree pages past the schema page:
        # the file keeps its length, so only the integrity check can tell.
        for page in range(3, 12):
            handle.seek(page * page_size)
            handle.write(b"\xff" * 64)
    problem = _problem_opening(store_path, integrity="quick")
    assert problem.problem is Problem.DAMAGED


def test_a_store_locked_by_another_process_is_refused_as_locked(
    locked_by_another_process: Path,
) -> None:
    problem = _problem_opening(locked_by_another_process, lock_timeout=0.1)
    assert problem.problem is Problem.LOCKED
    assert WayForward.OPEN_READ_ONLY in problem.ways


def test_a_locked_store_can_still_be_opened_read_only(locked_by_another_process: Path) -> None:
    store = open_store(locked_by_another_process, read_only=True)
    try:
        assert store.read_only
        with store.reading() as session:
            assert session.scalar(select(func.count()).select_from(ChangeLog)) == 3
    finally:
        store.close()


def test_a_store_in_a_read_only_folder_is_refused_with_the_read_only_way(
    tmp_path: Path,
) -> None:
    with small_filesystem(tmp_path / "mount", "8m") as folder:
        path = folder / "store.db"
        _make_store(path, contacts=2)
        remount_read_only(folder)
        problem = _problem_opening(path)
    assert problem.problem is Problem.READ_ONLY_FOLDER
    assert WayForward.OPEN_READ_ONLY in problem.ways


def test_a_store_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "mount", "8m") as folder:
        path = folder / "store.db"
        first = _make_store(path, contacts=2)[0]
        remount_read_only(folder)
        store = open_store(path, read_only=True)
        try:
            record = get_record(store, Actor.system(), "contact", first)
        finally:
            store.close()
    assert record["display_name"] == "Contact 000"


def test_a_write_to_a_read_only_store_says_nothing_was_saved(store_path: Path) -> None:
    first = _make_store(store_path, contacts=1)[0]
    store = open_store(store_path, read_only=True)
    try:
        with pytest.raises(StoreWriteFailed, match="open read-only; nothing was saved") as raised:
            unit_of_work.update(store, Actor.system(), "contact", first, {"title": "CEO"})
    finally:
        store.close()
    assert raised.value.failure is WriteFailure.READ_ONLY


def test_a_full_disk_fails_the_write_with_a_plain_message(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "mount", "4m") as folder:
        path = folder / "store.db"
        first = _make_store(path, contacts=2)[0]
        store = open_store(path)
        try:
            fill_disk(folder)
            with pytest.raises(StoreWriteFailed, match="the disk is full; nothing was saved"):
                unit_of_work.update(
                    store, Actor.system(), "contact", first, {"notes": "x" * 19_000}
                )
        finally:
            store.close()


def test_a_full_disk_leaves_the_record_and_its_log_as_before(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "mount", "4m") as folder:
        path = folder / "store.db"
        first = _make_store(path, contacts=2)[0]
        store = open_store(path)
        try:
            log_before = _log_size(store)
            fill_disk(folder)
            with pytest.raises(StoreWriteFailed):
                unit_of_work.update(
                    store, Actor.system(), "contact", first, {"notes": "x" * 19_000}
                )
            (folder / "filler").unlink()
            record = get_record(store, Actor.system(), "contact", first)
            log_after = _log_size(store)
        finally:
            store.close()
    assert record.get("notes") is None
    assert log_after == log_before


def test_a_page_limit_reached_mid_transaction_rolls_back_as_disk_full(
    store_path: Path,
) -> None:
    first = _make_store(store_path, contacts=2)[0]
    store = open_store(store_path)
    try:
        pages = sqlite3.connect(store_path).execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own cap on the file's pages: the write fails with a real SQLITE_FULL.
        event.listen(
            store.engine,
            "connect",
            lambda connection, _: connection.execute(f"PRAGMA max_page_count={pages}"),
        )
        store.engine.dispose()
        log_before = _log_size(store)
        with pytest.raises(StoreWriteFailed) as raised:
            unit_of_work.update(store, Actor.system(), "contact", first, {"notes": "x" * 19_000})
        record = get_record(store, Actor.system(), "contact", first)
        assert raised.value.failure is WriteFailure.DISK_FULL
        assert record.get("notes") is None
        assert _log_size(store) == log_before
    finally:
        store.close()


def test_a_missing_folder_is_refused_rather_than_created(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="does not exist"):
        open_store(tmp_path / "nowhere" / "store.db")
    assert not (tmp_path / "nowhere").exists()
