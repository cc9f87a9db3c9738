"""Contacts already in the store that an imported row is: same vCard UID, email or phone.

Matching is in that order (issue 22): a card's UID names the same person
whatever else changed; then the email address; then a phone or mobile number.
Runs inside the import's transaction on indexed columns (``contacts.vcard_uid``,
``email``, ``phone``, ``mobile``), one query per batch, so it adds little to a
large import. Contacts created by the same import are left out: they are the
import itself. Rows that repeat an earlier row of the same file are found by
:class:`InFileDuplicates`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, text

# Keys remembered per import to spot a row repeating an earlier one; past this, no more.
IN_FILE_KEYS = 2_000_000


@dataclass(frozen=True)
class ImportDuplicate:
    """An imported row (by its line) that shares ``reason`` with an existing record."""

    location: int
    existing_id: uuid.UUID
    existing_name: str
    reason: str


@dataclass(frozen=True)
class InFileDuplicate:
    """A row that repeats an earlier row of the same file (same UID, email or phone)."""

    location: int
    first_location: int
    reason: str


_MATCHES = text(
    "SELECT c.id, c.display_name, c.vcard_uid, c.email, c.phone, c.mobile FROM contacts AS c "
    "WHERE (c.vcard_uid IN :uids OR c.email IN :emails OR c.phone IN :phones "
    "OR c.mobile IN :phones) "
    "AND NOT EXISTS (SELECT 1 FROM imported_records AS r WHERE r.batch_id = :batch "
    "AND r.entity = 'contact' AND r.record_id = c.id)"
).bindparams(
    bindparam("uids", expanding=True),
    bindparam("emails", expanding=True),
    bindparam("phones", expanding=True),
)


def _keys(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind, value) a row is matched by, in the order that decides."""
    keys = [("UID", values.get("vcard_uid")), ("email", values.get("email"))]
    keys += [("phone", values.get("phone")), ("phone", values.get("mobile"))]
    return [(kind, str(value)) for kind, value in keys if value]


def find_existing_matches(
    connection: Connection,
    batch_id: uuid.UUID,
    rows: Sequence[tuple[int, Mapping[str, Any]]],
) -> list[ImportDuplicate | None]:
    """For each (line, contact values), the existing contact it matches, or None."""
    wanted: dict[str, set[str]] = {"UID": set(), "email": set(), "phone": set()}
    for _, values in rows:
        for kind, value in _keys(values):
            wanted[kind].add(value)
    if not any(wanted.values()):
        return [None] * len(rows)
    found: dict[tuple[str, str], tuple[uuid.UUID, str]] = {}
    parameters = {
        "uids": sorted(wanted["UID"]) or [""],
        "emails": sorted(wanted["email"]) or [""],
        "phones": sorted(wanted["phone"]) or [""],
        "batch": batch_id.hex,
    }
    for record_id, name, uid, email, phone, mobile in connection.execute(_MATCHES, parameters):
        existing = (uuid.UUID(record_id), name)
        for kind, value in (("UID", uid), ("email", email), ("phone", phone), ("phone", mobile)):
            if value and value in wanted[kind]:
                found.setdefault((kind, value), existing)
    matches: list[ImportDuplicate | None] = []
    for line, values in rows:
        match = next(((k, v) for k, v in _keys(values) if (k, v) in found), None)
        if match is None:
            matches.append(None)
            continue
        kind, value = match
        matches.append(ImportDuplicate(line, *found[match], f"same {kind} {value}"))
    return matches


@dataclass
class InFileDuplicates:
    """Remembers the UID, email and phones of each row to spot rows that repeat one."""

    first_line: dict[tuple[str, str], int] = field(default_factory=dict)

    def check(self, line: int, values: Mapping[str, Any]) -> InFileDuplicate | None:
        keys = _keys(values)
        repeat = next(((k, v) for k, v in keys if (k, v) in self.first_line), None)
        if len(self.first_line) < IN_FILE_KEYS:
            for key in keys:
                self.first_line.setdefault(key, line)
        if repeat is None:
            return None
        kind, value = repeat
        return InFileDuplicate(line, self.first_line[repeat], f"same {kind} {value}")
