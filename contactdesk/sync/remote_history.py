"""Keeping other devices' changes: history feed pages stored next to the change log.

The change log holds what this device did; ``remote_changes`` holds what the
server's history feed says was done anywhere else. A feed line that is this
device's own change (by change id, or by the id a coalesced push went under)
is skipped, so no change is listed twice. Like the records, the history is
a role-filtered replica: a resync drops it and reads it again, and a purged
field leaves it.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict

from sqlalchemy import Table, delete, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from contactdesk.model import RemoteChange, RemoteHistoryWanted
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.sync.apply_feed import insert_new_rows, table_of
from contactdesk.sync.sync_state import sync_state
from contactdesk.sync_protocol import FeedRecord, HistoryChange, HistoryPage


def store_history_page(session: Session, page: HistoryPage) -> int:
    """Keep the page's changes not made on this device and move the cursor; returns how many."""
    kept = store_history_lines(session, page.changes)
    sync_state(session).history_cursor = page.cursor
    return kept


def store_history_lines(session: Session, lines: list[HistoryChange]) -> int:
    """Keep ``lines`` not made on this device (nor kept already); returns how many were new."""
    own = _own_change_ids(session, [line.change_id for line in lines])
    rows = [_row(line) for line in lines if line.change_id not in own]
    if not rows:
        return 0
    # A page read again after a crash (or a line both the feed and a by-record
    # fetch brought) is written once.
    table = RemoteChange.__table__
    assert isinstance(table, Table)
    return insert_new_rows(session, table, rows)


def note_arrivals(session: Session, records: list[FeedRecord]) -> None:
    """Remember records a pull page brings that this store did not hold before.

    Their changes before the history cursor were skipped (they were not the
    user's to see then), so their history is fetched by id. Before the first
    history page nothing is noted: the feed from 0 brings every record's.
    Call before the page is applied.
    """
    if sync_state(session).history_cursor == 0:
        return
    by_entity: dict[str, list[uuid.UUID]] = defaultdict(list)
    for record in records:
        if record.action == "upsert" and record.entity in ENTITIES:
            by_entity[record.entity].append(record.id)
    arrived: list[dict[str, uuid.UUID]] = []
    for entity, ids in by_entity.items():
        table = table_of(entity)
        held = set(session.scalars(select(table.c.id).where(table.c.id.in_(ids))))
        arrived += [{"record_id": record_id} for record_id in ids if record_id not in held]
    if arrived:
        session.execute(insert(RemoteHistoryWanted).on_conflict_do_nothing(), arrived)


def wanted_records(session: Session, limit: int) -> list[uuid.UUID]:
    """Records whose history is still to be fetched by id (at most ``limit``)."""
    return list(session.scalars(select(RemoteHistoryWanted.record_id).limit(limit)))


def store_records_history(
    session: Session, record_ids: list[uuid.UUID], lines: list[HistoryChange]
) -> int:
    """Keep the fetched history of ``record_ids`` and stop wanting it; returns lines kept."""
    kept = store_history_lines(session, lines)
    session.execute(
        delete(RemoteHistoryWanted).where(RemoteHistoryWanted.record_id.in_(record_ids))
    )
    return kept


def history_cursor(session: Session) -> int:
    """How far this store has read the history feed."""
    return sync_state(session).history_cursor


def forget_remote_history(session: Session) -> None:
    """Drop every other device's change and read the history again from the start.

    Run when the role's view changes: the rows were filtered for the old view.
    """
    session.execute(delete(RemoteChange))
    session.execute(delete(RemoteHistoryWanted))
    sync_state(session).history_cursor = 0


def _own_change_ids(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` name this device's own changes (by id, or the id a push went under)."""
    if not ids:
        return set()
    # One JSON parameter instead of two IN lists of a thousand bound UUIDs each:
    # binding them cost more than the lookups. UUIDs are stored as 32 hex digits.
    wanted = json.dumps([change_id.hex for change_id in ids])
    rows = session.execute(
        text(
            "SELECT change_id FROM change_log"
            " WHERE change_id IN (SELECT value FROM json_each(:ids))"
            " UNION SELECT pushed_as FROM change_log"
            " WHERE pushed_as IN (SELECT value FROM json_each(:ids))"
        ),
        {"ids": wanted},
    ).scalars()
    return {uuid.UUID(hex=value) for value in rows}


def _row(line: HistoryChange) -> dict[str, object]:
    return {
        "change_id": line.change_id,
        "seq": line.seq,
        "entity": line.entity,
        "record_id": line.record_id,
        "op": line.op,
        "fields": {name: [move.old, move.new] for name, move in line.fields.items()},
        "actor_name": line.user_name,
        "at": line.at,
    }
