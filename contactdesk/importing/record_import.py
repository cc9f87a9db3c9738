"""Importing accounts and deals from CSV (issue 15 point 8), through the one change path.

The first row names the columns; each column goes to the field the user mapped
it to (:mod:`contactdesk.importing.record_mapping`; by default the field whose
name or label its header carries). A reference column may hold a name: a
deal's ``Account`` names its account, an owner a user (username or display
name), a contact its name or email, a campaign its name. An account row
matching an existing account by name or by web domain updates it (or is
skipped, or added anyway, as the user chose); every other row is created.

Each row is prepared and written by the unit of work, so field rules,
invariants, scope, history and sync apply as to a typed record; a row they
refuse is skipped with its line, the field and the reason, and the good rows
are kept. The import is logged like a contact import (``import_batches``), so
the import history lists it and a revert removes what it created.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, or_, select

from contactdesk.errors import AccessDenied, ContactDeskError, ValidationError
from contactdesk.importing.errors import existing_file
from contactdesk.importing.match_updates import (
    ON_MATCH,
    ON_MATCH_ADD,
    ON_MATCH_SKIP,
    ON_MATCH_UPDATE,
)
from contactdesk.importing.parsed_contact import RowError
from contactdesk.importing.record_mapping import (
    IMPORTABLE,
    check_entity,
    check_mapping,
    csv_rows,
    import_targets,
    suggest_columns,
)
from contactdesk.importing.store_import import ImportCancelled, estimate_entries
from contactdesk.importing.text_decoding import decide_encoding
from contactdesk.model import Account, Campaign, Contact, ImportBatch, ImportSkippedRow, User
from contactdesk.model.base import utc_now
from contactdesk.model.transfer_logs import ImportedRecord
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, EntitySpec
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

__all__ = ["IMPORTABLE", "RecordImportResult", "import_records"]

PROGRESS_ROWS = 200
REPORTED_SKIPS = 10_000


@dataclass
class RecordImportResult:
    """What an account or deal import did: counts, and each skipped row with its reason."""

    entity: str
    encoding: str
    batch_id: uuid.UUID = field(default_factory=uuid.uuid4)
    imported: int = 0
    updated: int = 0
    # Rows matching an existing account (by name or web domain); ``on_match`` said what to do.
    duplicate_count: int = 0
    matched_skipped: int = 0
    skipped: list[RowError] = field(default_factory=list)
    skipped_count: int = 0
    unmapped: list[str] = field(default_factory=list)
    on_match: str = ON_MATCH_UPDATE
    # True for a trial run: the counts are real, nothing was stored.
    dry_run: bool = False


def _domain(website: str) -> str:
    """``https://www.acme.example/about`` -> ``acme.example``."""
    text = website.strip().lower()
    host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    return host.removeprefix("www.")


def _lowered(text: str) -> str:
    return text.strip().lower()


class _Rows:
    """Creates or updates one record per row inside one unit of work."""

    def __init__(self, work: UnitOfWork, spec: EntitySpec, result: RecordImportResult) -> None:
        self.work, self.spec, self.result = work, spec, result
        self.created: list[uuid.UUID] = []

    def account_by_name(self, name: str) -> uuid.UUID | None:
        found: uuid.UUID | None = self.work.session.scalar(
            select(Account.id).where(func.lower(Account.name) == _lowered(name)).limit(1)
        )
        return found

    def account_by_domain(self, website: str) -> uuid.UUID | None:
        domain = _domain(website)
        if not domain:
            return None
        for account_id, stored in self.work.session.execute(
            select(Account.id, Account.website).where(Account.website.contains(domain))
        ):
            if stored and _domain(stored) == domain:
                found: uuid.UUID = account_id
                return found
        return None

    def reference(self, name: str, text: str) -> Any:
        """The id a reference column names: an id as it is, else by the target's name."""
        spec = self.spec.by_name.get(name)
        if spec is None or spec.type != "reference" or not text.strip():
            return text
        try:
            return uuid.UUID(text.strip())
        except ValueError:
            pass
        session, key = self.work.session, _lowered(text)
        found: uuid.UUID | None
        if spec.target == "account":
            found = self.account_by_name(text)
        elif spec.target == "user":
            found = session.scalar(
                select(User.id)
                .where(or_(func.lower(User.username) == key, func.lower(User.display_name) == key))
                .limit(1)
            )
        elif spec.target == "contact":
            found = session.scalar(
                select(Contact.id)
                .where(
                    or_(func.lower(Contact.display_name) == key, func.lower(Contact.email) == key)
                )
                .limit(1)
            )
        elif spec.target == "campaign":
            found = session.scalar(
                select(Campaign.id).where(func.lower(Campaign.name) == key).limit(1)
            )
        else:
            return text
        if found is None:
            raise ValidationError(f"{self.spec.name}.{name}", f"no {spec.target} named {text!r}")
        return found

    def store(self, values: dict[str, Any]) -> None:
        values = {name: self.reference(name, value) for name, value in values.items()}
        if self.spec.name == "account":
            existing = self.account_by_name(str(values.get("name") or "")) or (
                self.account_by_domain(str(values["website"])) if values.get("website") else None
            )
            if existing is not None:
                self.result.duplicate_count += 1
                if self.result.on_match == ON_MATCH_SKIP:
                    self.result.matched_skipped += 1
                    return
                if self.result.on_match != ON_MATCH_ADD:
                    self.work.update("account", existing, values)
                    self.result.updated += 1
                    return
        prepared = self.work.prepare_create(self.spec.name, values)
        self.work.create_prepared([prepared])
        self.created.append(prepared.record_id)
        self.result.imported += 1


def _skip(result: RecordImportResult, line: int, error: ContactDeskError) -> RowError:
    """The skipped row as the user reads it: line, field and reason."""
    if isinstance(error, ValidationError):
        reason = f"line {line}: {error.field.partition('.')[2] or error.field}: {error.reason}"
    elif isinstance(error, AccessDenied) and error.field:
        reason = f"line {line}: {error.field.partition('.')[2]}: {error}"
    else:
        reason = f"line {line}: {error}"
    skipped = RowError(line, reason)
    result.skipped_count += 1
    if len(result.skipped) < REPORTED_SKIPS:
        result.skipped.append(skipped)
    return skipped


class _TrialDone(Exception):
    """Raised at the end of a dry run so that its transaction rolls back."""


def import_records(
    store: Store,
    actor: Actor,
    path: str | Path,
    entity: str,
    *,
    mapping: Mapping[int, str] | None = None,
    on_match: str = ON_MATCH_UPDATE,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RecordImportResult:
    """Import the accounts or deals (``entity``: account / opportunity) of a CSV file.

    ``mapping`` is column index -> field name (None: suggested from the header).
    ``on_match`` says what an account row matching an existing account does:
    update it, be skipped, or be added as new. ``dry_run`` counts everything
    and stores nothing. ``progress(done, estimated_total)`` is called as rows
    are read; when ``cancelled()`` answers True nothing is stored and
    ImportCancelled is raised.
    """
    check_entity(entity)
    if on_match not in ON_MATCH:
        raise ContactDeskError(f"unknown choice {on_match!r} for matches (use update, skip or add)")
    path = existing_file(path)
    decided = decide_encoding(path)
    result = RecordImportResult(entity, decided.name, on_match=on_match, dry_run=dry_run)
    with contextlib.suppress(_TrialDone):
        _run(store, actor, path, decided.codec, mapping, result, progress, cancelled)
    return result


def _run(
    store: Store,
    actor: Actor,
    path: Path,
    codec: str,
    mapping: Mapping[int, str] | None,
    result: RecordImportResult,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    spec = ENTITIES[result.entity]
    total = estimate_entries(path, "csv")
    rows: Iterator[tuple[int, list[str]]] = csv_rows(path, codec)
    header = next(rows, (0, []))[1]
    with unit_of_work(store, actor) as work:
        fields = import_targets(work.policy, spec.name)
        columns = (
            suggest_columns(spec.name, header, fields)
            if mapping is None
            else check_mapping(spec.name, mapping, header, fields)
        )
        if not columns:
            raise ContactDeskError(f"{path.name}: no column names a field of {spec.label.lower()}s")
        result.unmapped = [c for i, c in enumerate(header) if i not in columns and c.strip()]
        batch = ImportBatch(
            id=result.batch_id,
            file_name=path.name[:300],
            file_format="csv",
            actor_name=actor.username,
            started_at=utc_now(),
        )
        work.session.add(batch)
        work.session.flush()
        writer = _Rows(work, spec, result)
        done = 0
        for line, row in rows:
            done += 1
            if done % PROGRESS_ROWS == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(done, max(total, done))
            if not any(cell.strip() for cell in row):
                continue
            values = {
                name: row[index].strip()
                for index, name in columns.items()
                if index < len(row) and row[index].strip()
            }
            try:
                with work.session.begin_nested():
                    writer.store(values)
            except ContactDeskError as error:
                skipped = _skip(result, line, error)
                work.session.add(
                    ImportSkippedRow(batch_id=batch.id, location=line, reason=skipped.reason)
                )
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        work.session.add_all(
            ImportedRecord(batch_id=batch.id, entity=spec.name, record_id=record_id)
            for record_id in writer.created
        )
        batch.imported_count = result.imported
        batch.skipped_count = result.skipped_count
        batch.accounts_created = result.imported if spec.name == "account" else 0
        batch.finished_at = utc_now()
        if progress is not None:
            progress(done, done)
        if result.dry_run:
            raise _TrialDone()
