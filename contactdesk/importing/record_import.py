"""Importing accounts and deals from CSV (issue 15 point 8), through the one change path.

The first row names the columns; a column is mapped onto the field whose name
or label it carries (``Name``, ``Industry``, ``website``, ``Expected close``),
the same words the record form shows. A deal's ``Account`` (or ``Company``)
column names its account, which must exist. An account row matching an
existing account by name or by web domain updates it; every other row is
created. Each row is a create or an update of the unit of work, so field
rules, invariants, scope, history and sync apply as to a typed record; a row
they refuse is skipped with its line and reason, and the good rows are kept.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from contactdesk.errors import ContactDeskError
from contactdesk.importing.csv_dialect import detect_dialect
from contactdesk.importing.csv_layouts import normalise_header
from contactdesk.importing.parsed_contact import RowError
from contactdesk.importing.text_decoding import decide_encoding, open_text
from contactdesk.model import Account
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, EntitySpec
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

IMPORTABLE = ("account", "opportunity")
ACCOUNT_COLUMN_WORDS = frozenset({"account", "account name", "company", "organisation"})
SAMPLE_CHARS = 16 * 1024


@dataclass
class RecordImportResult:
    """What an account or deal import did: counts, and each skipped row with its reason."""

    entity: str
    encoding: str
    imported: int = 0
    updated: int = 0
    skipped: list[RowError] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)


def _columns(spec: EntitySpec, header: list[str]) -> dict[int, str]:
    """Column index -> field name, by the field's name or label (case and spaces ignored)."""
    words = {normalise_header(f.name.replace("_", " ")): f.name for f in spec.fields}
    words.update({normalise_header(f.label): f.name for f in spec.fields})
    if spec.name == "opportunity":
        words.update({word: "account_id" for word in ACCOUNT_COLUMN_WORDS})
    return {
        index: words[normalise_header(cell)]
        for index, cell in enumerate(header)
        if normalise_header(cell) in words
    }


def _domain(website: str) -> str:
    """``https://www.acme.example/about`` -> ``acme.example``."""
    text = website.strip().lower()
    host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    return host.removeprefix("www.")


def _rows(path: Path, codec: str) -> Iterator[tuple[int, list[str]]]:
    with open_text(path, encoding=codec) as stream:
        dialect = detect_dialect(stream.read(SAMPLE_CHARS))
        stream.seek(0)
        reader = csv.reader(stream, delimiter=dialect.delimiter, quotechar=dialect.quotechar)
        for row in reader:
            yield reader.line_num, row


class _Rows:
    """Creates or updates one record per row inside one unit of work."""

    def __init__(self, work: UnitOfWork, spec: EntitySpec, result: RecordImportResult) -> None:
        self.work, self.spec, self.result = work, spec, result

    def account_by_name(self, name: str) -> uuid.UUID | None:
        found: uuid.UUID | None = self.work.session.scalar(
            select(Account.id).where(func.lower(Account.name) == name.strip().lower()).limit(1)
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

    def store(self, line: int, values: dict[str, Any]) -> None:
        if self.spec.name == "account":
            existing = self.account_by_name(str(values.get("name") or "")) or (
                self.account_by_domain(str(values["website"])) if values.get("website") else None
            )
            if existing is not None:
                self.work.update("account", existing, values)
                self.result.updated += 1
                return
        elif values.get("account_id"):
            name = str(values["account_id"])
            account = self.account_by_name(name)
            if account is None:
                raise ContactDeskError(f"no account named {name!r}")
            values["account_id"] = account
        self.work.create(self.spec.name, values)
        self.result.imported += 1


def import_records(
    store: Store, actor: Actor, path: str | Path, entity: str, *, encoding: str | None = None
) -> RecordImportResult:
    """Import the accounts or deals (``entity``: account / opportunity) of a CSV file."""
    if entity not in IMPORTABLE:
        raise ContactDeskError(f"cannot import {entity!r} records (use {', '.join(IMPORTABLE)})")
    path = Path(path)
    if not path.is_file():
        raise ContactDeskError(f"{path}: no such file")
    spec = ENTITIES[entity]
    decided = decide_encoding(path, encoding=encoding)
    result = RecordImportResult(entity, decided.name)
    rows = _rows(path, decided.codec)
    header = next(rows, (0, []))[1]
    columns = _columns(spec, header)
    if not columns:
        raise ContactDeskError(f"{path.name}: no column names a field of {spec.label.lower()}s")
    result.unmapped = [cell for i, cell in enumerate(header) if i not in columns and cell.strip()]
    with unit_of_work(store, actor) as work:
        writer = _Rows(work, spec, result)
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            values = {
                name: row[index].strip()
                for index, name in columns.items()
                if index < len(row) and row[index].strip()
            }
            try:
                with work.session.begin_nested():
                    writer.store(line, values)
            except ContactDeskError as error:
                result.skipped.append(RowError(line, f"line {line}: {error}"))
    return result
