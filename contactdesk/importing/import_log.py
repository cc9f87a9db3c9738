"""The log of past imports: listing them, their skipped rows, and reverting one as a whole.

A revert is one unit of work: it deletes every contact the import created that
still exists, and every account it created that no other contact now uses,
and logs each deletion for sync, in one transaction. Records are deleted in
pages, so reverting a million-row import needs no million-row list in memory.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, text

from contactdesk.errors import ContactDeskError, NotFound
from contactdesk.importing.bulk_change_log import log_changes
from contactdesk.importing.parsed_contact import RowError
from contactdesk.model import ImportBatch, ImportSkippedRow
from contactdesk.model.base import utc_now
from contactdesk.model.transfer_logs import IMPORT_REVERTED
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

REVERT_PAGE = 5_000
NOTIFIED_CHANGES = 1_000


@dataclass(frozen=True)
class ImportSummary:
    """One past import as the log shows it."""

    batch_id: uuid.UUID
    file_name: str
    file_format: str
    started_at: datetime
    imported: int
    skipped: int
    accounts_created: int
    status: str


@dataclass(frozen=True)
class RevertResult:
    """How many records a revert deleted."""

    contacts_deleted: int
    accounts_deleted: int


def list_imports(store: Store, *, limit: int = 100) -> list[ImportSummary]:
    """The most recent imports first."""
    with store.reading() as session:
        batches = session.scalars(
            select(ImportBatch).order_by(ImportBatch.started_at.desc()).limit(limit)
        )
        return [
            ImportSummary(
                b.id,
                b.file_name,
                b.file_format,
                b.started_at,
                b.imported_count,
                b.skipped_count,
                b.accounts_created,
                b.status,
            )
            for b in batches
        ]


def skipped_rows(store: Store, batch_id: uuid.UUID, *, limit: int = 10_000) -> list[RowError]:
    """The rows an import skipped, in file order, with their reasons."""
    with store.reading() as session:
        rows = session.scalars(
            select(ImportSkippedRow)
            .where(ImportSkippedRow.batch_id == batch_id)
            .order_by(ImportSkippedRow.location, ImportSkippedRow.id)
            .limit(limit)
        )
        return [RowError(row.location, row.reason, row.card_index) for row in rows]


_CREATED_PAGE = text(
    "SELECT r.record_id, c.display_name FROM imported_records AS r "
    "JOIN contacts AS c ON c.id = r.record_id "
    "WHERE r.batch_id = :batch AND r.entity = 'contact' AND r.record_id > :after "
    "ORDER BY r.record_id LIMIT :page"
)
_UNUSED_ACCOUNTS = text(
    "SELECT a.id, a.name FROM imported_records AS r JOIN accounts AS a ON a.id = r.record_id "
    "WHERE r.batch_id = :batch AND r.entity = 'account' "
    "AND NOT EXISTS (SELECT 1 FROM contacts AS c WHERE c.account_id = a.id)"
)


def _delete_page(connection: Connection, table: str, key: str, rows: list[tuple[str, str]]) -> None:
    if rows:
        connection.exec_driver_sql(
            f"DELETE FROM {table} WHERE {key} = ?", [(record_id,) for record_id, _ in rows]
        )


def revert_import(store: Store, actor: Actor, batch_id: uuid.UUID) -> RevertResult:
    """Delete what import ``batch_id`` created, as one unit of work logged for sync.

    Contacts already deleted since are skipped; accounts that other contacts
    now use are kept. Raises NotFound for an unknown batch and ContactDeskError
    for one already reverted.
    """
    notified: list[Change] = []
    contacts = accounts = 0
    with unit_of_work(store, actor) as work:
        work.policy.require_editable("contact", ["display_name"])
        batch = work.session.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFound(f"no import with id {batch_id}")
        if batch.status == IMPORT_REVERTED:
            raise ContactDeskError(f"the import of {batch.file_name} was already reverted")
        connection = work.session.connection()
        now = utc_now()
        after = ""
        while True:
            page = [
                (str(record_id), str(name))
                for record_id, name in connection.execute(
                    _CREATED_PAGE, {"batch": batch_id.hex, "after": after, "page": REVERT_PAGE}
                )
            ]
            if not page:
                break
            after = page[-1][0]
            _delete_page(connection, "custom_values", "record_id", page)
            _delete_page(connection, "contacts", "id", page)
            changes = [
                Change("contact", uuid.UUID(rid), "delete", {"display_name": (name, None)})
                for rid, name in page
            ]
            log_changes(connection, actor, changes, now)
            notified.extend(changes[: max(0, NOTIFIED_CHANGES - len(notified))])
            contacts += len(page)
        unused = [
            (str(rid), str(name))
            for rid, name in connection.execute(_UNUSED_ACCOUNTS, {"batch": batch_id.hex})
        ]
        _delete_page(connection, "custom_values", "record_id", unused)
        _delete_page(connection, "accounts", "id", unused)
        account_changes = [
            Change("account", uuid.UUID(rid), "delete", {"name": (name, None)})
            for rid, name in unused
        ]
        log_changes(connection, actor, account_changes, now)
        accounts = len(unused)
        batch.status = IMPORT_REVERTED
        batch.reverted_at = now
    store.notify(ChangeSet([*notified, *account_changes[:NOTIFIED_CHANGES]]))
    return RevertResult(contacts, accounts)
