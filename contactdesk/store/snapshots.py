"""Snapshots of a store next to itself, taken with SQLite's online backup, and restore.

A snapshot is a complete, consistent copy even while the app writes (the
backup API copies a transaction-consistent image, WAL included). Restore never
destroys anything: the current store is snapshotted first, and changes not yet
sent to a server that the restored copy lacks are named before anything moves.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from contactdesk.errors import StoreError
from contactdesk.store.file_uri import sqlite_uri
from contactdesk.store.store_health import Problem, StoreUnusable, check_not_locked, check_schema

DEFAULT_KEEP = 10
# Automatic snapshots: one when the app starts unless one is this fresh, and
# one a day while it runs.
START_UP_INTERVAL = timedelta(hours=12)
DAILY = timedelta(days=1)
SNAPSHOT_PATTERN = re.compile(r"\.snapshot-(\d{8}T\d{6}\d{6})-([a-z0-9-]+)\.db$")
# The copies schema_migration.backup_copy writes before a migration
# ("store.pre-REVISION-STAMP.db.bak") are snapshots too: listed, restorable, pruned.
MIGRATION_BACKUP_PATTERN = re.compile(r"\.pre-[A-Za-z0-9_]+-(\d{8}T\d{6}\d{6})[^/]*\.bak$")


@dataclass(frozen=True)
class Snapshot:
    """One copy of the store: where it is, when and why it was taken, its size in bytes."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class PendingChange:
    """A local change not yet acknowledged by a server."""

    seq: int
    entity: str
    record_id: str
    op: str
    at: str


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the copy put in place, where the replaced store went, what it lost."""

    restored_from: Path
    safety_copy: Path
    # Unsynced changes of the replaced store that the restored copy does not hold;
    # they live on in ``safety_copy``.
    lost_changes: list[PendingChange]


def _snapshot_name(store_path: Path, moment: datetime, reason: str) -> Path:
    stamp = moment.strftime("%Y%m%dT%H%M%S%f")
    return store_path.with_name(f"{store_path.stem}.snapshot-{stamp}-{reason}.db")


def take_snapshot(store_path: Path, reason: str = "manual", *, keep: int = DEFAULT_KEEP) -> Path:
    """Copy the store next to itself and prune old snapshots beyond ``keep``.

    Raises StoreError if the copy cannot be written (no space, read-only folder);
    a half-written copy is removed.
    """
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"snapshot reason {reason!r}: lower-case words joined by -")
    if not store_path.exists():
        raise StoreError(f"no store at {store_path}")
    target = _snapshot_name(store_path, datetime.now(UTC), reason)
    partial = target.with_suffix(".partial")
    try:
        source = sqlite3.connect(sqlite_uri(store_path, mode="ro"), uri=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"could not write a snapshot of {store_path.name}: {error}") from error
    prune_snapshots(store_path, keep)
    return target


def list_snapshots(store_path: Path) -> list[Snapshot]:
    """The store's snapshots, newest first (pre-migration backups included)."""
    found: list[Snapshot] = []
    for candidate in store_path.parent.glob(f"{store_path.stem}.snapshot-*.db"):
        match = SNAPSHOT_PATTERN.search(candidate.name)
        if match is None:
            continue
        found.append(_snapshot(candidate, match.group(1), match.group(2)))
    for candidate in store_path.parent.glob(f"{store_path.stem}.pre-*.bak"):
        match = MIGRATION_BACKUP_PATTERN.search(candidate.name)
        if match is not None:
            found.append(_snapshot(candidate, match.group(1), "pre-migration"))
    return sorted(found, key=lambda snapshot: snapshot.taken_at, reverse=True)


def _snapshot(path: Path, stamp: str, reason: str) -> Snapshot:
    taken = datetime.strptime(stamp, "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
    return Snapshot(path, taken, reason, path.stat().st_size)


def prune_snapshots(store_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` snapshots; returns what was deleted."""
    if keep < 1:
        raise ValueError("keep at least one snapshot")
    doomed = [snapshot.path for snapshot in list_snapshots(store_path)[keep:]]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def snapshot_is_due(store_path: Path, every: timedelta, now: datetime | None = None) -> bool:
    """Whether the newest snapshot is ``every`` old or older (or there is none)."""
    newest = next(iter(list_snapshots(store_path)), None)
    moment = now or datetime.now(UTC)
    return newest is None or moment - newest.taken_at >= every


def snapshot_if_due(
    store_path: Path,
    reason: str,
    every: timedelta,
    *,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
) -> Path | None:
    """Take a snapshot unless the newest one is younger than ``every`` (start-up, daily).

    Runs on the database worker: a snapshot of a large store takes seconds.
    """
    if not snapshot_is_due(store_path, every, now):
        return None
    return take_snapshot(store_path, reason, keep=keep)


def pending_changes(store_path: Path) -> list[PendingChange]:
    """Changes in the store's log that no server has acknowledged yet."""
    connection = sqlite3.connect(sqlite_uri(store_path, mode="ro"), uri=True)
    try:
        rows = connection.execute(
            "SELECT seq, change_id, entity, record_id, op, at FROM change_log "
            "WHERE pushed_at IS NULL ORDER BY seq"
        ).fetchall()
    except sqlite3.Error as error:
        raise StoreError(f"cannot read the change log of {store_path.name}: {error}") from error
    finally:
        connection.close()
    # Ids are stored as 32 hex digits; show them as users see them elsewhere.
    return [
        PendingChange(seq, entity, str(uuid.UUID(record_id)), op, at)
        for seq, _, entity, record_id, op, at in rows
    ]


def _change_ids(store_path: Path) -> set[str]:
    connection = sqlite3.connect(sqlite_uri(store_path, mode="ro"), uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT change_id FROM change_log")}
    except sqlite3.Error:
        return set()
    finally:
        connection.close()


def changes_lost_by_restoring(store_path: Path, snapshot: Path) -> list[PendingChange]:
    """Unsynced changes of the current store that ``snapshot`` does not contain."""
    if not store_path.exists():
        return []
    try:
        pending = pending_changes(store_path)
    except StoreError:
        return []
    connection = sqlite3.connect(sqlite_uri(store_path, mode="ro"), uri=True)
    try:
        ids = dict(
            connection.execute("SELECT seq, change_id FROM change_log WHERE pushed_at IS NULL")
        )
    finally:
        connection.close()
    in_snapshot = _change_ids(snapshot)
    return [change for change in pending if ids.get(change.seq) not in in_snapshot]


def restore_snapshot(
    store_path: Path, snapshot: Path | None = None, *, allow_loss: bool = False
) -> RestoreReport:
    """Put ``snapshot`` (default: the newest) in the store's place.

    The current store is snapshotted first ("pre-restore"), so nothing is ever
    destroyed. If the current store holds unsynced changes the snapshot lacks,
    restore refuses (naming them) unless ``allow_loss``; they stay in the
    safety copy either way. The store must not be open elsewhere.
    """
    chosen = snapshot or next((s.path for s in list_snapshots(store_path)), None)
    if chosen is None:
        raise StoreError(f"no snapshot of {store_path.name} to restore from")
    if not chosen.exists():
        raise StoreError(f"snapshot {chosen} does not exist")
    _check_readable(chosen)
    _check_restorable(store_path, chosen)
    lost = changes_lost_by_restoring(store_path, chosen)
    if lost and not allow_loss:
        names = ", ".join(f"{c.op} {c.entity} {c.record_id[:8]}" for c in lost[:5])
        more = f" and {len(lost) - 5} more" if len(lost) > 5 else ""
        raise StoreError(
            f"{len(lost)} unsynced changes would be lost ({names}{more}); "
            "sync first, or restore with --force (they stay in a safety copy)"
        )
    safety = _safety_copy(store_path)
    temporary = store_path.with_suffix(".restoring")
    shutil.copyfile(chosen, temporary)
    for suffix in ("-wal", "-shm"):
        Path(f"{store_path}{suffix}").unlink(missing_ok=True)
    os.replace(temporary, store_path)
    return RestoreReport(chosen, safety, lost)


def _safety_copy(store_path: Path) -> Path:
    if store_path.exists():
        try:
            return take_snapshot(store_path, "pre-restore", keep=10_000)
        except StoreError:
            # A damaged store cannot be backed up page by page; keep its bytes as they are.
            target = _snapshot_name(store_path, datetime.now(UTC), "damaged")
            shutil.copyfile(store_path, target)
            return target
    return store_path


def _check_restorable(store_path: Path, snapshot: Path) -> None:
    # A snapshot from a newer ContactDesk would be refused on open anyway; say so
    # now, before the current store is moved aside. A store in use elsewhere
    # must not be replaced under that program's feet.
    check_schema(snapshot)
    if not store_path.exists():
        return
    try:
        check_not_locked(store_path, timeout=1.0)
    except StoreUnusable as problem:
        # Only a lock stops a restore; a damaged store is what restoring is for.
        if problem.problem is Problem.LOCKED:
            raise


def _check_readable(snapshot: Path) -> None:
    try:
        connection = sqlite3.connect(sqlite_uri(snapshot, mode="ro"), uri=True)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreError(f"snapshot {snapshot.name} is not readable: {error}") from error
    if result is None or result[0] != "ok":
        raise StoreError(f"snapshot {snapshot.name} is damaged: {result}")
