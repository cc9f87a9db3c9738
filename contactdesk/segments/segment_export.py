"""Writing a segment's contacts to CSV or XLSX, with only the fields the role may see.

Hidden fields are never selected, so they cannot reach a file. Members are
read in id batches (``segment_contact_ids``), so a large segment streams to
disk in flat memory. vCard export belongs to the contact exporter, which can
consume ``segment_contact_ids`` directly.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from contactdesk.errors import ContactDeskError
from contactdesk.model import Account, Contact
from contactdesk.segments.segment_counts import count_segment, segment_contact_ids
from contactdesk.segments.segment_definition import SegmentDefinition
from contactdesk.services.actor import Actor
from contactdesk.services.custom_values import read_values
from contactdesk.services.field_rules import CustomField, Policy
from contactdesk.services.field_values import json_safe
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

Progress = Callable[[int, int], None]
EXPORT_FORMATS = ("csv", "xlsx")
# Fields that are links or maintained keys, not contact data someone would mail-merge.
SKIPPED = frozenset({"account_id", "owner_id"})


def export_columns(policy: Policy) -> tuple[list[str], list[CustomField]]:
    """Built-in contact fields (plus the company name) and custom fields the role may see."""
    builtin = [f.name for f in policy.visible_builtin("contact") if f.name not in SKIPPED]
    if policy.can_see("contact", "account_id"):
        builtin.insert(1, "company")
    return builtin, policy.visible_custom("contact")


def _rows(
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    progress: Progress | None,
) -> tuple[list[str], Iterator[list[Any]]]:
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
    builtin, custom = export_columns(policy)
    header = builtin + [field.name for field in custom]
    total = count_segment(store, actor, definition)

    def generate() -> Iterator[list[Any]]:
        done = 0
        for ids in segment_contact_ids(store, actor, definition, batch=2_000):
            yield from _batch(store, builtin, custom, ids)
            done += len(ids)
            if progress is not None:
                progress(done, total)

    return header, generate()


def _batch(
    store: Store, builtin: list[str], custom: list[CustomField], ids: list[uuid.UUID]
) -> list[list[Any]]:
    columns: list[Any] = [Contact.id] + [
        Account.name if name == "company" else getattr(Contact, name) for name in builtin
    ]
    with store.reading() as session:
        query = (
            select(*columns)
            .select_from(Contact)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(Contact.id.in_(ids))
            .order_by(Contact.id)
        )
        rows = session.execute(query).all()
        values = read_values(session, ids, custom)
    result = []
    for row in rows:
        extra = values.get(row[0], {})
        cells = [json_safe(value) for value in row[1:]]
        cells += [_cell(extra.get(field.name)) for field in custom]
        result.append(cells)
    return result


def _cell(value: Any) -> Any:
    safe = json_safe(value)
    return "; ".join(str(item) for item in safe) if isinstance(safe, list) else safe


def export_segment(
    store: Store,
    actor: Actor,
    definition: SegmentDefinition | dict[str, Any],
    path: Path,
    file_format: str,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the segment's contacts to ``path`` as ``csv`` or ``xlsx``; returns rows written."""
    if file_format not in EXPORT_FORMATS:
        raise ContactDeskError(
            f"segments export as {' or '.join(EXPORT_FORMATS)} here (vCard: 'contactdesk export')"
        )
    header, rows = _rows(store, actor, definition, progress)
    if file_format == "csv":
        return _write_csv(path, header, rows)
    return _write_xlsx(path, header, rows)


def _write_csv(path: Path, header: list[str], rows: Iterator[list[Any]]) -> int:
    written = 0
    # utf-8-sig: Excel opens the file with the right encoding on a double-click.
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if cell is None else cell for cell in row])
            written += 1
    return written


def _write_xlsx(path: Path, header: list[str], rows: Iterator[list[Any]]) -> int:
    from openpyxl import Workbook

    # Write-only mode streams rows to disk instead of building the sheet in memory.
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contacts")
    sheet.append(header)
    written = 0
    for row in rows:
        sheet.append(row)
        written += 1
    book.save(path)
    return written
