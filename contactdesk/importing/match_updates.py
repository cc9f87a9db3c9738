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
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.importing.company_rows import AccountRow
from contactdesk.importing.contact_rows import ContactRow
from contactdesk.importing.import_duplicates import ImportDuplicate
from contactdesk.importing.parsed_contact import ParsedContact, RowError
from contactdesk.model import ContactDetail
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change, record_in_log
from contactdesk.services.field_rules import Policy
from contactdesk.services.unit_of_work import UnitOfWork

ON_MATCH_UPDATE = "update"
ON_MATCH_SKIP = "skip"
ON_MATCH_ADD = "add"
ON_MATCH = (ON_MATCH_UPDATE, ON_MATCH_SKIP, ON_MATCH_ADD)
# Kept by the import itself or by the record's owner: an update leaves them alone.
NOT_UPDATED = frozenset({"sort_key", "vcard_uid", "owner_id"})

Matched = tuple[ParsedContact, ContactRow, ImportDuplicate]


class ExistingUpdater:
    """Applies matched rows to their contacts in the import's open transaction."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        policy: Policy,
        account_id: Callable[[str], uuid.UUID],
    ) -> None:
        self.session = session
        self.actor = actor
        self.work = UnitOfWork(session, actor, policy)
        self.account_id = account_id
        self.updated = 0
        self.notified: list[Change] = []

    def apply(self, matched: list[Matched]) -> list[RowError]:
        """Update each matched contact; a row the rules refuse is returned as a RowError."""
        errors: list[RowError] = []
        for parsed, row, match in matched:
            values: dict[str, Any] = {
                name: value for name, value in row.values.items() if name not in NOT_UPDATED
            }
            if row.account_name:
                values["account_id"] = self.account_id(row.account_name)
            values.update({field.name: value for field, value in row.custom.items()})
            try:
                changed = self.work.update("contact", match.existing_id, values)
            except (ValidationError, AccessDenied, NotFound) as error:
                reason = f"line {parsed.source_line}: {match.existing_name} not updated: {error}"
                errors.append(RowError(parsed.source_line, reason, parsed.card_index))
                continue
            added = self._add_details(match.existing_id, row)
            self.updated += 1 if changed or added else 0
        self._log()
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
                reason = f"line {parsed.source_line}: {match.existing_name} not updated: {error}"
                errors.append(RowError(parsed.source_line, reason, parsed.card_index))
                continue
            self.updated += 1 if changed else 0
        self._log()
        return errors

    def _log(self) -> None:
        record_in_log(self.session, self.actor, self.work.changes)
        self.notified.extend(self.work.changes)
        self.work.changes = []

    def _add_details(self, contact_id: uuid.UUID, row: ContactRow) -> bool:
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
        self.session.add_all(
            ContactDetail(contact_id=contact_id, kind=d.kind, label=d.label, value=d.value)
            for d in new
        )
        return bool(new)
