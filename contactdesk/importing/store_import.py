"""Importing an address-book file into the store: one transaction, bounded memory.

Runs on any thread (the UI's database worker, the CLI). The file is streamed
and stored in batches with ``executemany`` through the session's connection,
all inside ONE transaction: a cancelled, failed or killed import leaves no
row behind. The price is WAL growth: the write-ahead log holds the whole
import until it commits (about as large as the rows imported, ~190 MB per
100,000 contacts with their search index), and is checkpointed back after.
That is accepted: all-or-nothing is what a user expects of "import this file",
and the disk space is returned at the next checkpoint. Imports of more than
SNAPSHOT_ABOVE_ENTRIES entries snapshot the store first ("pre-import"). The
change log (sync outbox) gets an entry per stored record in the same
transaction, and the search index is kept by the store's triggers.

What an import created is listed in ``imported_records`` under its
:class:`~contactdesk.model.ImportBatch`, so it can be reverted as a whole
(:func:`contactdesk.importing.import_log.revert_import`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from contactdesk.errors import AccessDenied, ContactDeskError, ValidationError
from contactdesk.importing.column_mapping import ColumnMapping
from contactdesk.importing.company_rows import AccountRow
from contactdesk.importing.contact_rows import VCARD_UID, ContactRow, ContactRowBuilder
from contactdesk.importing.csv_reader import read_csv
from contactdesk.importing.errors import existing_file
from contactdesk.importing.import_duplicates import (
    ImportDuplicate,
    InFileDuplicate,
    InFileDuplicates,
    find_existing_matches,
)
from contactdesk.importing.match_updates import (
    ON_MATCH,
    ON_MATCH_ADD,
    ON_MATCH_SKIP,
    ON_MATCH_UPDATE,
    ExistingUpdater,
    Matched,
)
from contactdesk.importing.parsed_contact import (
    IgnoredRow,
    ParsedContact,
    ParseOutcome,
    RowError,
    RowWarning,
)
from contactdesk.importing.text_decoding import decide_encoding
from contactdesk.importing.vcard_reader import read_vcard
from contactdesk.model import ImportBatch
from contactdesk.model.base import utc_now
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.phone_regions import company_phone_region
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.unit_of_work import PreparedRecord, UnitOfWork
from contactdesk.store.local_store import Store
from contactdesk.store.snapshots import take_snapshot
from contactdesk.store.storage_form import insert_many, insert_stored

BATCH_ROWS = 5_000
# What a result carries in memory; the database keeps every skipped row.
REPORTED_SKIPS = 10_000
REPORTED_DUPLICATES = 1_000
REPORTED_WARNINGS = 10_000
ACCOUNT_LOOKUP_CHUNK = 500
# Imports of more entries than this snapshot the store first ("pre-import").
SNAPSHOT_ABOVE_ENTRIES = 10_000
FORMATS = ("csv", "vcard")
EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".vcf": "vcard", ".vcard": "vcard"}

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ImportCancelled(ContactDeskError):
    """The import was cancelled; nothing of it was stored."""

    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was stored")


@dataclass
class ImportResult:
    """What one import stored and skipped. Lists are capped; counts are complete.

    ``warnings`` are rows that were imported with a value kept as text rather
    than verified (a phone that does not parse, an odd email); the row is not
    among the skipped ones.
    """

    batch_id: uuid.UUID
    file_format: str
    imported: int = 0
    accounts_created: int = 0
    skipped_count: int = 0
    skipped: list[RowError] = field(default_factory=list)
    duplicate_count: int = 0
    duplicates: list[ImportDuplicate] = field(default_factory=list)
    warning_count: int = 0
    warnings: list[RowWarning] = field(default_factory=list)
    # Company-only rows stored as accounts (also counted in accounts_created).
    companies_imported: int = 0
    # The code page the whole file was read in, as a user knows it ("Windows-1252").
    encoding: str = ""
    # Each unmapped column (vCard property) and where its values went.
    unmapped: dict[str, str] = field(default_factory=dict)
    # What was done with rows matching an existing contact (duplicate_count of them).
    on_match: str = ON_MATCH_ADD
    updated: int = 0
    # Matched and chosen for an update, but the file held nothing new for them.
    unchanged: int = 0
    matched_skipped: int = 0
    # Company-only rows among the matches (an account is never added twice under a name).
    company_matches: int = 0
    # Rows repeating an earlier row of the same file (they are imported all the same).
    in_file_duplicate_count: int = 0
    in_file_duplicates: list[InFileDuplicate] = field(default_factory=list)
    blank_rows: int = 0
    comment_rows: int = 0
    # True for a trial run: the counts are real, nothing was stored.
    dry_run: bool = False

    @property
    def added_on_add(self) -> int:
        """How many matching rows "add as new" would add: contacts only, never an account."""
        return self.duplicate_count - self.company_matches


def detect_format(path: str | Path) -> str:
    """``csv`` or ``vcard`` from the file's extension, else from its first bytes."""
    path = Path(path)
    known = EXTENSIONS.get(path.suffix.lower())
    if known:
        return known
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise ContactDeskError(f"{path.name}: cannot be opened ({error.strerror})") from None
    squeezed = head.replace(b"\x00", b"").lower()
    return "vcard" if b"begin:vcard" in squeezed else "csv"


def estimate_entries(path: Path, file_format: str) -> int:
    """A quick upper bound of rows / cards, for a progress bar (0 when unknown)."""
    needle = b"\n" if file_format == "csv" else b"BEGIN:VCARD"
    count = 0
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            joined = tail + chunk
            count += joined.count(needle)
            tail = joined[-(len(needle) - 1) :] if len(needle) > 1 else b""
    return count


def _outcomes(
    path: Path, file_format: str, mapping: ColumnMapping | None, encoding: str | None
) -> Iterator[ParseOutcome]:
    if file_format == "csv":
        return read_csv(path, mapping, encoding=encoding)
    if file_format == "vcard":
        return read_vcard(path, encoding=encoding)
    raise ContactDeskError(f"unknown import format {file_format!r} (use csv or vcard)")


class _BatchWriter:
    """Creates one batch of contacts, and the accounts they name, in the unit of work's bulk mode.

    Each row is prepared by the unit of work (field rules, values, required
    fields, references and owner in scope, the entity's rules), exactly as a
    typed-in record; a refused row is returned as a RowError with its line and
    reason, and the good rows are written with one executemany per table and
    logged by the unit of work's own change-log writer.
    """

    def __init__(self, work: UnitOfWork, batch_id: uuid.UUID, result: ImportResult) -> None:
        self.work = work
        self.connection = work.session.connection()
        self.batch_hex = batch_id.hex
        self.result = result
        # Organisation name -> account id, found or created during this import.
        self.accounts: dict[str, uuid.UUID] = {}
        # Organisation name -> why its account could not be created.
        self.refused_accounts: dict[str, str] = {}
        # Company-only rows this import turned into accounts (by name).
        self.seen_companies: set[str] = set()
        # Company-only rows naming an account that exists: updated or skipped by the caller.
        self.matched_companies: list[tuple[ParsedContact, AccountRow, ImportDuplicate]] = []

    def _resolve_accounts(self, names: set[str]) -> list[tuple[uuid.UUID, str]]:
        """Look up, in one query per chunk, the account names this import has not met yet."""
        unknown = sorted(
            name
            for name in names
            if name not in self.accounts and name not in self.refused_accounts
        )
        for start in range(0, len(unknown), ACCOUNT_LOOKUP_CHUNK):
            chunk = unknown[start : start + ACCOUNT_LOOKUP_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            for name, found in self.connection.exec_driver_sql(
                f"SELECT name, MIN(id) FROM accounts WHERE name IN ({marks}) GROUP BY name",
                tuple(chunk),
            ):
                self.accounts[name] = uuid.UUID(str(found))
        return [(uuid.uuid4(), name) for name in unknown if name not in self.accounts]

    def write(
        self,
        rows: list[tuple[ParsedContact, ContactRow]],
        companies: list[tuple[ParsedContact, AccountRow]],
        updates: Sequence[ContactRow] = (),
    ) -> list[RowError]:
        """Store new contacts and company-only accounts; create the accounts ``updates`` name.

        Returns the rows the unit of work refused.
        """
        errors: list[RowError] = []
        names = {r.account_name for _, r in rows if r.account_name}
        names |= {r.account_name for r in updates if r.account_name}
        new_accounts = self._resolve_accounts(names | {c.name for _, c in companies})
        company_values = self._company_values(companies, {name for _, name in new_accounts})
        accounts: list[PreparedRecord] = []
        for account_id, name in new_accounts:
            try:
                values = company_values.get(name) or {"name": name}
                accounts.append(self.work.prepare_create("account", values, record_id=account_id))
            except (ValidationError, AccessDenied) as error:
                self.refused_accounts[name] = f"account {name!r} not created: {error}"
                continue
            self.accounts[name] = account_id
        for parsed, company in companies:
            if company.name in self.refused_accounts and company.name in company_values:
                self.result.companies_imported -= 1
                errors.append(_row_error(parsed, self.refused_accounts[company.name]))
        self.work.create_prepared(accounts)
        contacts: list[PreparedRecord] = []
        photos: list[tuple[object, ...]] = []
        for parsed, row in rows:
            prepared = self._prepare_contact(parsed, row, errors)
            if prepared is None:
                continue
            contacts.append(prepared)
            if row.photo is not None:
                photos.append((prepared.record_id.hex, row.photo.mime_type[:60], row.photo.data))
        self.work.create_prepared(contacts)
        connection = self.connection
        insert_stored(connection, "contact_photos", ("contact_id", "mime_type", "data"), photos)
        insert_stored(
            connection,
            "imported_records",
            ("batch_id", "entity", "record_id"),
            [(self.batch_hex, "account", a.record_id.hex) for a in accounts]
            + [(self.batch_hex, "contact", c.record_id.hex) for c in contacts],
        )
        self.work.log_pending()
        self.result.imported += len(contacts)
        self.result.accounts_created += len(accounts)
        return errors

    def _prepare_contact(
        self, parsed: ParsedContact, row: ContactRow, errors: list[RowError]
    ) -> PreparedRecord | None:
        values = dict(row.values)
        uid = values.pop(VCARD_UID, None)
        if row.account_name:
            refused = self.refused_accounts.get(row.account_name)
            if refused is not None:
                errors.append(_row_error(parsed, refused))
                return None
            values["account_id"] = self.accounts[row.account_name]
        values.update(row.custom)
        parts = [
            ("contact_detail", {"kind": d.kind, "label": d.label, "value": d.value})
            for d in row.details
        ]
        try:
            return self.work.prepare_create(
                "contact", values, columns={VCARD_UID: uid} if uid else None, parts=parts
            )
        except (ValidationError, AccessDenied) as error:
            errors.append(_row_error(parsed, str(error)))
            return None

    def _company_values(
        self, companies: list[tuple[ParsedContact, AccountRow]], new_names: set[str]
    ) -> dict[str, dict[str, Any]]:
        """Values of company-only rows whose account this batch creates; the rest are matches.

        A company already in the store, or named twice in the file, is reported as
        a duplicate of the account that has its name.
        """
        values: dict[str, dict[str, Any]] = {}
        for parsed, company in companies:
            if company.name in new_names and company.name not in values:
                values[company.name] = company.values
                continue
            account = self.accounts.get(company.name)
            if account is None:  # its account was refused earlier in the file
                continue
            reason = (
                "same company name as an earlier row"
                if company.name in values or company.name in self.seen_companies
                else "same company name as an existing account"
            )
            match = ImportDuplicate(parsed.source_line, account, company.name, reason)
            self.result.duplicate_count += 1
            self.result.company_matches += 1
            if len(self.result.duplicates) < REPORTED_DUPLICATES:
                self.result.duplicates.append(match)
            self.matched_companies.append((parsed, company, match))
        self.seen_companies.update(values)
        self.result.companies_imported += len(values)
        return values


def _row_error(parsed: ParsedContact, reason: str) -> RowError:
    return RowError(parsed.source_line, reason, parsed.card_index)


def _record_skips(connection: Connection, batch_id: uuid.UUID, errors: list[RowError]) -> None:
    insert_many(
        connection,
        "import_skipped_rows",
        ("batch_id", "location", "card_index", "reason"),
        ((batch_id, e.location, e.card_index, e.reason) for e in errors),
    )


@dataclass
class _Prepared:
    """One batch of a file, built and checked, before anything is written."""

    rows: list[tuple[ParsedContact, ContactRow]] = field(default_factory=list)
    companies: list[tuple[ParsedContact, AccountRow]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _prepare(
    outcomes: Iterable[ParseOutcome], builder: ContactRowBuilder, result: ImportResult
) -> _Prepared:
    prepared = _Prepared()
    for outcome in outcomes:
        if isinstance(outcome, RowError):
            prepared.errors.append(outcome)
            continue
        if isinstance(outcome, IgnoredRow):
            if outcome.kind == "comment":
                result.comment_rows += 1
            else:
                result.blank_rows += 1
            continue
        try:
            row = builder.build(outcome)
        except (ValidationError, AccessDenied) as error:
            prepared.errors.append(RowError(outcome.source_line, str(error), outcome.card_index))
            continue
        except (ValueError, TypeError, ArithmeticError, LookupError) as error:
            # A value no rule foresaw costs its row, never the file (issue 22).
            reason = f"line {outcome.source_line} could not be read: {error}"
            prepared.errors.append(RowError(outcome.source_line, reason, outcome.card_index))
            continue
        if isinstance(row, AccountRow):
            prepared.companies.append((outcome, row))
        else:
            prepared.rows.append((outcome, row))
        if row.warnings:
            result.warning_count += len(row.warnings)
            room = REPORTED_WARNINGS - len(result.warnings)
            result.warnings.extend(
                RowWarning(outcome.source_line, message, outcome.card_index)
                for message in row.warnings[: max(0, room)]
            )
    return prepared


def import_contacts(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    file_format: str | None = None,
    mapping: ColumnMapping | None = None,
    encoding: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    batch_rows: int = BATCH_ROWS,
    on_match: str = ON_MATCH_ADD,
    dry_run: bool = False,
) -> ImportResult:
    """Import every readable contact of ``path`` for ``actor``; returns what happened.

    A row matching an existing contact (vCard UID, then email, then phone) is
    added as new (``on_match="add"``), left out (``"skip"``) or applied to that
    contact through the unit of work (``"update"``). ``dry_run`` reads and
    matches the whole file and returns the real counts, then stores nothing:
    what a user sees before confirming.

    ``progress(done, estimated_total)`` is called after each batch and
    ``cancelled()`` is checked before each: when it answers True the whole
    import is rolled back and :class:`ImportCancelled` raised. A file that
    cannot be read at all raises
    :class:`~contactdesk.importing.errors.UnreadableFile` (a ColumnMappingRequired
    for a CSV with no known header) and changes nothing.
    """
    path = existing_file(path)
    chosen = file_format or detect_format(path)
    if on_match not in ON_MATCH:
        raise ContactDeskError(f"unknown choice {on_match!r} for matches (use update, skip or add)")
    if chosen not in FORMATS:
        raise ContactDeskError(f"unknown import format {chosen!r} (use csv or vcard)")
    # Decided once for the whole file: every column is decoded the same way.
    decided = decide_encoding(path, encoding=encoding)
    total = estimate_entries(path, chosen)
    if total > SNAPSHOT_ABOVE_ENTRIES and store.path is not None and not dry_run:
        # A large import is one click to revert, but a copy taken before it
        # also survives a revert that is itself regretted.
        take_snapshot(store.path, "pre-import")
    started = utc_now()
    result = ImportResult(
        uuid.uuid4(), chosen, encoding=decided.name, on_match=on_match, dry_run=dry_run
    )
    try:
        notified = _run(
            store,
            actor,
            path,
            result,
            mapping,
            decided.codec,
            progress,
            cancelled,
            batch_rows,
            started,
        )
    except _TrialDone:
        return result
    store.notify(ChangeSet(notified))
    return result


class _TrialDone(Exception):
    """Raised at the end of a dry run so that its transaction rolls back."""


def _run(
    store: Store,
    actor: Actor,
    path: Path,
    result: ImportResult,
    mapping: ColumnMapping | None,
    codec: str,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    batch_rows: int,
    started: datetime,
) -> list[Change]:
    chosen, total = result.file_format, estimate_entries(path, result.file_format)
    with store.transaction() as session:
        work = UnitOfWork(session, actor, policy_for(store, session, actor.role))
        batch = ImportBatch(
            id=result.batch_id,
            file_name=path.name[:300],
            file_format=chosen,
            actor_name=actor.username,
            started_at=started,
        )
        session.add(batch)
        session.flush()
        connection = session.connection()
        writer = _BatchWriter(work, result.batch_id, result)
        builder = ContactRowBuilder(work.policy, default_region=company_phone_region(session))
        updater = ExistingUpdater(work, writer.accounts.get)
        in_file = InFileDuplicates()
        outcomes = _outcomes(path, chosen, mapping, codec)
        done = 0
        while True:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            chunk = list(islice(outcomes, batch_rows))
            if not chunk:
                break
            prepared = _prepare(chunk, builder, result)
            _note_in_file_duplicates(in_file, result, prepared.rows)
            new_rows, matched = _sort_matches(connection, result, prepared.rows)
            errors = prepared.errors
            errors += writer.write(new_rows, prepared.companies, [row for _, row, _ in matched])
            errors += updater.apply(matched)
            if result.on_match == ON_MATCH_UPDATE:
                errors += updater.apply_accounts(writer.matched_companies)
            else:
                # An account is never added twice under one name: "add" leaves it too.
                result.matched_skipped += len(writer.matched_companies)
            writer.matched_companies = []
            _record_skips(connection, result.batch_id, errors)
            result.skipped_count += len(errors)
            result.skipped.extend(errors[: max(0, REPORTED_SKIPS - len(result.skipped))])
            done += len(chunk)
            if progress is not None:
                progress(done, max(total, done))
        result.unmapped = dict(builder.unmapped)
        result.updated, result.unchanged = updater.updated, updater.unchanged
        result.duplicates.sort(key=lambda match: match.location)
        batch.imported_count = result.imported
        batch.skipped_count = result.skipped_count
        batch.accounts_created = result.accounts_created
        batch.finished_at = utc_now()
        if result.dry_run:
            raise _TrialDone()
    return [Change("import_batch", result.batch_id, "create"), *work.logged]


def _note_in_file_duplicates(
    in_file: InFileDuplicates, result: ImportResult, rows: list[tuple[ParsedContact, ContactRow]]
) -> None:
    for parsed, row in rows:
        repeat = in_file.check(parsed.source_line, row)
        if repeat is not None:
            result.in_file_duplicate_count += 1
            if len(result.in_file_duplicates) < REPORTED_DUPLICATES:
                result.in_file_duplicates.append(repeat)


def _sort_matches(
    connection: Connection, result: ImportResult, rows: list[tuple[ParsedContact, ContactRow]]
) -> tuple[list[tuple[ParsedContact, ContactRow]], list[Matched]]:
    """Rows to add as new, and rows to update, as the import's ``on_match`` says.

    Matched before the batch is written, so only contacts stored earlier count.
    """
    found = find_existing_matches(
        connection, result.batch_id, [(parsed.source_line, row) for parsed, row in rows]
    )
    new_rows: list[tuple[ParsedContact, ContactRow]] = []
    matched: list[Matched] = []
    for (parsed, row), match in zip(rows, found, strict=True):
        if match is None:
            new_rows.append((parsed, row))
            continue
        result.duplicate_count += 1
        if len(result.duplicates) < REPORTED_DUPLICATES:
            result.duplicates.append(match)
        if result.on_match == ON_MATCH_ADD:
            new_rows.append((parsed, row))
        elif result.on_match == ON_MATCH_SKIP:
            result.matched_skipped += 1
        else:
            matched.append((parsed, row, match))
    return new_rows, matched
