"""The log of past imports: listing them, their skipped rows, and reverting one as a whole.

A revert is one unit of work: it deletes every contact and deal the import created
that still exists, and every account it created that no other contact now uses,
and logs each deletion for sync, in one transaction. Records are deleted in
pages, so reverting a million-row import needs no million-row list in memory.

A revert never deletes work done since the import (issue 16): a contact or
account that has been edited since, or that activities, deals, leads or
market notes now point at, is kept, and the result says which and why.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text

from contactdesk.errors import ContactDeskError, NotFound
from contactdesk.importing.parsed_contact import RowError
from contactdesk.model import ImportBatch, ImportSkippedRow
from contactdesk.model.base import utc_now
from contactdesk.model.transfer_logs import IMPORT_REVERTED
from contactdesk.services.actor import Actor
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

REVERT_PAGE = 5_000


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
class KeptRecord:
    """A record a revert left in place because work was done on it since the import."""

    entity: str
    record_id: uuid.UUID
    name: str
    reason: str


@dataclass(frozen=True)
class RevertResult:
    """How many records a revert deleted, and which it kept (capped at REPORTED_KEPT)."""

    contacts_deleted: int
    accounts_deleted: int
    kept: tuple[KeptRecord, ...] = ()
    kept_count: int = 0
    # Deals a CSV import of deals created (issue 15 point 8).
    deals_deleted: int = 0


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


# Why an imported record is kept: the first later piece of work found on it.
_LATER_WORK = """CASE
    WHEN {t}.updated_at > {t}.created_at THEN 'edited since the import'
    WHEN EXISTS (SELECT 1 FROM activities AS x WHERE x.{key} = {t}.id) THEN 'has activities'
    WHEN EXISTS (SELECT 1 FROM opportunities AS x WHERE x.{key} = {t}.id) THEN 'has deals'
    WHEN EXISTS (SELECT 1 FROM intel AS x WHERE x.{key} = {t}.id) THEN 'has market notes'
    {extra}
    ELSE NULL END"""
_CONTACT_WORK = _LATER_WORK.format(
    t="c",
    key="contact_id",
    extra="WHEN EXISTS (SELECT 1 FROM leads AS x WHERE x.contact_id = c.id) THEN 'has leads'",
)
_ACCOUNT_WORK = _LATER_WORK.format(t="a", key="account_id", extra="")
_DEAL_WORK = """CASE
    WHEN o.updated_at > o.created_at THEN 'edited since the import'
    WHEN EXISTS (SELECT 1 FROM activities AS x WHERE x.opportunity_id = o.id) THEN 'has activities'
    WHEN EXISTS (SELECT 1 FROM intel AS x WHERE x.opportunity_id = o.id) THEN 'has market notes'
    ELSE NULL END"""
_CREATED_DEALS = text(
    f"SELECT o.id, o.name, {_DEAL_WORK} FROM imported_records AS r "
    "JOIN opportunities AS o ON o.id = r.record_id "
    "WHERE r.batch_id = :batch AND r.entity = 'opportunity'"
)
_CREATED_PAGE = text(
    f"SELECT r.record_id, c.display_name, {_CONTACT_WORK} FROM imported_records AS r "
    "JOIN contacts AS c ON c.id = r.record_id "
    "WHERE r.batch_id = :batch AND r.entity = 'contact' AND r.record_id > :after "
    "ORDER BY r.record_id LIMIT :page"
)
_UNUSED_ACCOUNTS = text(
    f"SELECT a.id, a.name, {_ACCOUNT_WORK} FROM imported_records AS r "
    "JOIN accounts AS a ON a.id = r.record_id "
    "WHERE r.batch_id = :batch AND r.entity = 'account' "
    "AND NOT EXISTS (SELECT 1 FROM contacts AS c WHERE c.account_id = a.id)"
)
REPORTED_KEPT = 1_000


def revert_import(store: Store, actor: Actor, batch_id: uuid.UUID) -> RevertResult:
    """Delete what import ``batch_id`` created, as one unit of work logged for sync.

    Contacts already deleted since are skipped; contacts and accounts with work
    done since the import are kept (see the module doc); accounts that other
    contacts now use are kept. Raises NotFound for an unknown batch and
    ContactDeskError for one already reverted.
    """
    with unit_of_work(store, actor) as work:
        revert = _Revert(work)
        batch = work.session.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFound(f"no import with id {batch_id}")
        if batch.status == IMPORT_REVERTED:
            raise ContactDeskError(f"the import of {batch.file_name} was already reverted")
        connection = work.session.connection()
        after = ""
        while True:
            page = [
                (str(record_id), str(name), kept)
                for record_id, name, kept in connection.execute(
                    _CREATED_PAGE, {"batch": batch_id.hex, "after": after, "page": REVERT_PAGE}
                )
            ]
            if not page:
                break
            after = page[-1][0]
            revert.delete("contact", page)
        deals = [
            (str(rid), str(name), kept)
            for rid, name, kept in connection.execute(_CREATED_DEALS, {"batch": batch_id.hex})
        ]
        revert.delete("opportunity", deals)
        unused = [
            (str(rid), str(name), kept)
            for rid, name, kept in connection.execute(_UNUSED_ACCOUNTS, {"batch": batch_id.hex})
        ]
        revert.delete("account", unused)
        batch.status = IMPORT_REVERTED
        batch.reverted_at = revert.now
    return revert.result()


class _Revert:
    """Deletes one import's records page by page, keeping those with later work."""

    def __init__(self, work: UnitOfWork) -> None:
        self.work = work
        self.now = utc_now()
        self.deleted = {"contact": 0, "account": 0, "opportunity": 0}
        self.kept: list[KeptRecord] = []
        self.kept_count = 0

    def delete(self, entity: str, page: list[tuple[str, str, str | None]]) -> None:
        """Delete the page's records without later work, through the unit's bulk delete."""
        gone = [(uuid.UUID(rid), name) for rid, name, kept in page if kept is None]
        for rid, name, kept in page:
            if kept is not None:
                self.kept_count += 1
                if len(self.kept) < REPORTED_KEPT:
                    self.kept.append(KeptRecord(entity, uuid.UUID(rid), name, kept))
        self.work.delete_many(entity, gone)
        self.work.log_pending()
        self.deleted[entity] += len(gone)

    def result(self) -> RevertResult:
        return RevertResult(
            self.deleted["contact"],
            self.deleted["account"],
            tuple(self.kept),
            self.kept_count,
            self.deleted["opportunity"],
        )
