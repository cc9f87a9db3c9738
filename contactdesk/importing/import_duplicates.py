"""Contacts already in the store that an imported row is: same vCard UID, email or phone.

Matching is in that order (issue 22): a card's UID names the same person
whatever else changed; then the email address (in any case); then a phone or
mobile number; then a second email or phone the contact has
(``contact_details``). A UID ``urn:uuid:<id>`` also names the contact with that
id: it is what ContactDesk writes for a contact that came from no card. A row
with none of these (a person known only by name) matches a contact with the
same name at the same company, so that importing the same file twice does not
add that person twice.

Runs inside the import's transaction on indexed columns (``contacts.vcard_uid``,
``email`` by a NOCASE index, ``phone``, ``mobile``, ``sort_key``,
``contact_details.value`` by a NOCASE index), a few queries per batch, so it adds
little to a large import. Contacts created by the same import are left out:
they are the import itself. Rows that repeat an earlier row of the same file are
found by :class:`InFileDuplicates`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, text

from contactdesk.importing.contact_rows import ContactRow
from contactdesk.services.record_derivations import contact_sort_key

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
    "WHERE (c.vcard_uid IN :uids OR c.id IN :ids OR c.email COLLATE NOCASE IN :emails "
    "OR c.phone IN :phones "
    "OR c.mobile IN :phones) "
    "AND NOT EXISTS (SELECT 1 FROM imported_records AS r WHERE r.batch_id = :batch "
    "AND r.entity = 'contact' AND r.record_id = c.id)"
).bindparams(
    bindparam("uids", expanding=True),
    bindparam("ids", expanding=True),
    bindparam("emails", expanding=True),
    bindparam("phones", expanding=True),
)
# A contact's additional emails and phones (a card's second EMAIL, third TEL) match too,
# after its own email, phone and mobile.
_DETAIL_MATCHES = text(
    "SELECT c.id, c.display_name, d.kind, d.value FROM contact_details AS d "
    "JOIN contacts AS c ON c.id = d.contact_id "
    "WHERE d.value COLLATE NOCASE IN :values AND d.kind IN ('email', 'phone') "
    "AND NOT EXISTS (SELECT 1 FROM imported_records AS r WHERE r.batch_id = :batch "
    "AND r.entity = 'contact' AND r.record_id = c.id)"
).bindparams(bindparam("values", expanding=True))
# Rows with no UID, email or phone: the same name (by the list's sort key) and company.
_NAME_MATCHES = text(
    "SELECT c.id, c.display_name, a.name FROM contacts AS c "
    "LEFT JOIN accounts AS a ON a.id = c.account_id "
    "WHERE c.sort_key IN :sort_keys "
    "AND NOT EXISTS (SELECT 1 FROM imported_records AS r WHERE r.batch_id = :batch "
    "AND r.entity = 'contact' AND r.record_id = c.id)"
).bindparams(bindparam("sort_keys", expanding=True))


def _key(kind: str, value: object) -> tuple[str, str]:
    """The key of one value: an email in lower case (``ANN@x`` is ``ann@x``)."""
    text = str(value)
    return (kind, text.lower() if kind == "email" else text)


def _name_key(name: str, company: str | None) -> tuple[str, str]:
    return ("name", f"{name.casefold()}\x1f{(company or '').casefold()}")


def _keys(row: ContactRow) -> list[tuple[str, str]]:
    """(kind, value) a row is matched by, in the order that decides; the name if nothing else."""
    values = row.values
    keys = [("UID", values.get("vcard_uid")), ("email", values.get("email"))]
    keys += [("phone", values.get("phone")), ("phone", values.get("mobile"))]
    found = [_key(kind, value) for kind, value in keys if value]
    if not found and values.get("display_name"):
        found.append(_name_key(str(values["display_name"]), row.account_name))
    return found


def _reason(kind: str, value: str, row: ContactRow) -> str:
    if kind == "name":
        return f"same name {row.values['display_name']} and no UID, email or phone"
    return f"same {kind} {value}"


def _sort_key(row: ContactRow) -> str:
    values = row.values
    return contact_sort_key(
        values.get("last_name"), values.get("first_name"), str(values["display_name"])
    )


def _own_ids(uids: set[str]) -> dict[str, str]:
    """Contact ids (hex) named by ``urn:uuid:<id>`` UIDs, with the UID that named each.

    A card ContactDesk exported carries its contact's id as UID (when the contact
    came from no card of its own): re-imported, it is that contact.
    """
    ids: dict[str, str] = {}
    for uid in uids:
        if uid.lower().startswith("urn:uuid:"):
            try:
                ids.setdefault(uuid.UUID(uid[9:]).hex, uid)
            except ValueError:
                continue
    return ids


def find_existing_matches(
    connection: Connection,
    batch_id: uuid.UUID,
    rows: Sequence[tuple[int, ContactRow]],
) -> list[ImportDuplicate | None]:
    """For each (line, contact row), the existing contact it matches, or None."""
    wanted: dict[str, set[str]] = {"UID": set(), "email": set(), "phone": set(), "name": set()}
    sort_keys: set[str] = set()
    for _, row in rows:
        for kind, value in _keys(row):
            wanted[kind].add(value)
            if kind == "name":
                sort_keys.add(_sort_key(row))
    if not any(wanted.values()):
        return [None] * len(rows)
    found: dict[tuple[str, str], tuple[uuid.UUID, str]] = {}
    if sort_keys:
        named = {"sort_keys": sorted(sort_keys), "batch": batch_id.hex}
        for record_id, name, company in connection.execute(_NAME_MATCHES, named):
            found.setdefault(_name_key(name, company), (uuid.UUID(record_id), name))
    own_ids = _own_ids(wanted["UID"])
    parameters = {
        "uids": sorted(wanted["UID"]) or [""],
        "ids": sorted(own_ids) or [""],
        "emails": sorted(wanted["email"]) or [""],
        "phones": sorted(wanted["phone"]) or [""],
        "batch": batch_id.hex,
    }
    for record_id, name, uid, email, phone, mobile in connection.execute(_MATCHES, parameters):
        existing = (uuid.UUID(record_id), name)
        if record_id in own_ids:
            found.setdefault(("UID", own_ids[record_id]), existing)
        for kind, value in (("UID", uid), ("email", email), ("phone", phone), ("phone", mobile)):
            key = _key(kind, value)
            if value and key[1] in wanted[kind]:
                found.setdefault(key, existing)
    values = sorted(wanted["email"] | wanted["phone"])
    if values:
        details = {"values": values, "batch": batch_id.hex}
        for record_id, name, kind, value in connection.execute(_DETAIL_MATCHES, details):
            key = _key(kind, value)
            if key[1] in wanted[kind]:
                found.setdefault(key, (uuid.UUID(record_id), name))
    matches: list[ImportDuplicate | None] = []
    for line, row in rows:
        match = next(((k, v) for k, v in _keys(row) if (k, v) in found), None)
        if match is None:
            matches.append(None)
            continue
        kind, value = match
        matches.append(ImportDuplicate(line, *found[match], _reason(kind, value, row)))
    return matches


@dataclass
class InFileDuplicates:
    """Remembers the UID, email and phones of each row to spot rows that repeat one.

    A row with none of them is remembered by its name and company.
    """

    first_line: dict[tuple[str, str], int] = field(default_factory=dict)

    def check(self, line: int, row: ContactRow) -> InFileDuplicate | None:
        keys = _keys(row)
        repeat = next(((k, v) for k, v in keys if (k, v) in self.first_line), None)
        if len(self.first_line) < IN_FILE_KEYS:
            for key in keys:
                self.first_line.setdefault(key, line)
        if repeat is None:
            return None
        kind, value = repeat
        return InFileDuplicate(line, self.first_line[repeat], _reason(kind, value, row))
