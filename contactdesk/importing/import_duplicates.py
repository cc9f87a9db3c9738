"""Contacts already in the store that an imported row looks like (same email or phone).

Runs inside the import's transaction on indexed columns (``contacts.email``,
``contacts.phone``), one query per batch, so it adds little to a large import.
Contacts created by the same import are left out: they are the import itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text


@dataclass(frozen=True)
class ImportDuplicate:
    """An imported row (by its line) that shares ``reason`` with an existing contact."""

    location: int
    existing_id: uuid.UUID
    existing_name: str
    reason: str


_MATCHES = text(
    "SELECT c.id, c.display_name, c.email, c.phone FROM contacts AS c "
    "WHERE (c.email IN :emails OR c.phone IN :phones) "
    "AND NOT EXISTS (SELECT 1 FROM imported_records AS r WHERE r.batch_id = :batch "
    "AND r.entity = 'contact' AND r.record_id = c.id)"
).bindparams(bindparam("emails", expanding=True), bindparam("phones", expanding=True))


def find_existing_matches(
    connection: Connection,
    batch_id: uuid.UUID,
    rows: Sequence[tuple[int, Mapping[str, Any]]],
) -> list[ImportDuplicate]:
    """Each (line, contact values) that matches an existing contact by email or phone."""
    emails = {values["email"] for _, values in rows if values.get("email")}
    phones = {values["phone"] for _, values in rows if values.get("phone")}
    phones |= {values["mobile"] for _, values in rows if values.get("mobile")}
    if not emails and not phones:
        return []
    by_email: dict[str, tuple[uuid.UUID, str]] = {}
    by_phone: dict[str, tuple[uuid.UUID, str]] = {}
    for record_id, name, email, phone in connection.execute(
        _MATCHES,
        {"emails": sorted(emails) or [""], "phones": sorted(phones) or [""], "batch": batch_id.hex},
    ):
        existing = (uuid.UUID(record_id), name)
        if email in emails:
            by_email.setdefault(email, existing)
        if phone in phones:
            by_phone.setdefault(phone, existing)
    found: list[ImportDuplicate] = []
    for line, values in rows:
        email = values.get("email")
        if email and email in by_email:
            found.append(ImportDuplicate(line, *by_email[email], f"same email {email}"))
            continue
        for key in ("phone", "mobile"):
            number = values.get(key)
            if number and number in by_phone:
                found.append(ImportDuplicate(line, *by_phone[number], f"same phone {number}"))
                break
    return found
