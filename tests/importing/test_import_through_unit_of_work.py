"""An import is checked row by row by the unit of work, exactly as a typed-in record.

Required fields, references and the owner in the actor's scope, field rules and
the entities' rules: a row they refuse is skipped with its line and the same
message a form gives; the good rows are kept, and the change log is written by
the unit of work's own writer.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from contactdesk.importing.store_import import import_contacts
from contactdesk.model import ChangeLog, Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.store import Store


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("\n".join(["First Name,Last Name,E-mail Address,Company", *rows]) + "\n")
    return path


def test_a_row_linking_to_an_account_outside_the_reps_scope_is_skipped_with_the_rule(
    store: Store, people: dict[str, UserInfo], tmp_path: Path
) -> None:
    sam = people["sam"]
    account = unit_of_work.create(
        store, Actor.system(), "account", {"name": "Sams Ltd", "owner_id": sam.id}
    ).record_id
    source = _csv(tmp_path, "Ann,Lee,ann@example.com,Sams Ltd", "Bob,Ray,bob@example.com,")

    result = import_contacts(store, people["rita"].actor(), source)

    assert (result.imported, result.skipped_count) == (1, 1)
    (skipped,) = result.skipped
    assert skipped.location == 2
    assert f"contact.account_id: account {account} is outside the record scope" in skipped.reason
    assert "(rule: references in scope)" in skipped.reason
    with store.reading() as session:
        names = list(session.scalars(select(Contact.display_name)))
        logged = list(session.scalars(select(ChangeLog.entity).where(ChangeLog.op == "create")))
    assert names == ["Bob Ray"]
    assert logged.count("contact") == 1


def test_imported_contacts_are_logged_as_the_unit_of_work_logs_a_create(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    result = import_contacts(store, admin, _csv(tmp_path, "Ann,Lee,ann@example.com,Acme"))

    assert (result.imported, result.accounts_created) == (1, 1)
    with store.reading() as session:
        entries = {e.entity: e for e in session.scalars(select(ChangeLog))}
    contact = entries["contact"].fields
    assert contact["display_name"] == [None, "Ann Lee"]
    assert contact["account_id"] == [None, str(entries["account"].record_id)]
    assert entries["account"].fields["name"] == [None, "Acme"]
