"""Updating the contacts an import matched, through the one change path (issue 22).

A row that matches an existing contact (same vCard UID, email or phone) is,
when the user chose "update existing", applied as an edit of that contact by
the unit of work's public ``update``: the role's field rules and record scope
are checked, each changed field goes to the record's history and the sync
outbox, exactly as if the user had typed the values into the contact's form.
The owner is never changed by an import. Extra values (a second email...)
the contact does not have yet are added beside it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.importing.company_rows import AccountRow
from contactdesk.importing.contact_rows import ContactRow
from contactdesk.importing.import_duplicates import ImportDuplicate
from contactdesk.importing.parsed_contact import ParsedContact, RowError
from contactdesk.model import ContactDetail
from contactdesk.services.unit_of_work import UnitOfWork

ON_MATCH_UPDATE = "update"
ON_MATCH_SKIP = "skip"
ON_MATCH_ADD = "add"
ON_MATCH = (ON_MATCH_UPDATE, ON_MATCH_SKIP, ON_MATCH_ADD)
# Kept by the import itself or by the record's owner: an update leaves them alone.
NOT_UPDATED = frozenset({"sort_key", "vcard_uid", "owner_id"})

Matched = tuple[ParsedContact, ContactRow, ImportDuplicate]


class ExistingUpdater:
    """Applies matched rows to their contacts in the import's unit of work."""

    def __init__(self, work: UnitOfWork, account_id: Callable[[str], uuid.UUID | None]) -> None:
        self.work = work
        self.session = work.session
        self.account_id = account_id
        self.updated = 0
        self.unchanged = 0

    def apply(self, matched: list[Matched]) -> list[RowError]:
        """Update each matched contact; a row the rules refuse is returned as a RowError.

        A refused row changes nothing: its update and its extra values are one savepoint.
        """
        errors: list[RowError] = []
        for parsed, row, match in matched:
            values: dict[str, Any] = {
                name: value for name, value in row.values.items() if name not in NOT_UPDATED
            }
            if row.account_name:
                account = self.account_id(row.account_name)
                if account is None:
                    reason = (
                        f"{match.existing_name} not updated:"
                        f" its company {row.account_name!r} could not be created"
                    )
                    errors.append(RowError(parsed.source_line, reason, parsed.card_index))
                    continue
                values["account_id"] = account
            values.update(row.custom)
            logged = len(self.work.changes)
            try:
                with self.session.begin_nested():
                    changed = self.work.update("contact", match.existing_id, values)
                    added = self._add_details(match.existing_id, row)
            except (ValidationError, AccessDenied, NotFound) as error:
                del self.work.changes[logged:]
                reason = f"{match.existing_name} not updated: {error}"
                errors.append(RowError(parsed.source_line, reason, parsed.card_index))
                continue
            if changed or added:
                self.updated += 1
            else:
                self.unchanged += 1
        self.work.log_pending()
        return errors

    def apply_accounts(
        self, matched: list[tuple[ParsedContact, AccountRow, ImportDuplicate]]
    ) -> list[RowError]:
        """Update the accounts company-only rows matched by name (the same change path)."""
        errors: list[RowError] = []
        for parsed, company, match in matched:
            values = {k: v for k, v in company.values.items() if k not in NOT_UPDATED}
            try:
                changed = self.work.update("account", match.existing_id, values)
            except (ValidationError, AccessDenied, NotFound) as error:
                reason = f"{match.existing_name} not updated: {error}"
                errors.append(RowError(parsed.source_line, reason, parsed.card_index))
                continue
            if changed:
                self.updated += 1
            else:
                self.unchanged += 1
        self.work.log_pending()
        return errors

    def _add_details(self, contact_id: uuid.UUID, row: ContactRow) -> bool:
        """Add the row's extra values the contact does not have yet (``add_child``)."""
        if not row.details:
            return False
        present = {
            (kind, value)
            for kind, value in self.session.execute(
                select(ContactDetail.kind, ContactDetail.value).where(
                    ContactDetail.contact_id == contact_id
                )
            )
        }
        new = [d for d in row.details if (d.kind, d.value) not in present]
        for d in new:
            self.work.add_child(
                "contact",
                contact_id,
                "contact_detail",
                {"kind": d.kind, "label": d.label, "value": d.value},
            )
        return bool(new)
