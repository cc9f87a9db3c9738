"""Issue 16 point 5: past imports listed and reverted from the command line and the UI;
a revert never deletes work done since the import, and says what it kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from contactdesk.cli.main import main
from contactdesk.importing.import_log import revert_import
from contactdesk.importing.store_import import import_contacts
from contactdesk.model import Account, Activity, Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store

SYSTEM = Actor.system()
PEOPLE = "Name,Email,Company\nAnn,ann@x.example,AnnCo\nBob,bob@x.example,BobCo\nCy,cy@x.example,\n"


def _people(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE, encoding="utf-8")
    return path


def _id_of(store: Store, name: str) -> Any:
    with store.reading() as session:
        return session.scalar(select(Contact.id).where(Contact.display_name == name))


def _names(store: Store) -> set[str]:
    with store.reading() as session:
        return set(session.scalars(select(Contact.display_name)))


def test_a_revert_keeps_contacts_with_activities_or_edits_since_and_says_so(
    store: Store, tmp_path: Path
) -> None:
    result = import_contacts(store, SYSTEM, _people(tmp_path))
    unit_of_work.create(
        store,
        SYSTEM,
        "activity",
        {"kind": "call", "subject": "First call", "contact_id": _id_of(store, "Ann")},
    )
    unit_of_work.update(store, SYSTEM, "contact", _id_of(store, "Bob"), {"city": "Leeds"})
    reverted = revert_import(store, SYSTEM, result.batch_id)
    assert _names(store) == {"Ann", "Bob"}
    assert (reverted.contacts_deleted, reverted.kept_count) == (1, 2)
    assert {(k.name, k.reason) for k in reverted.kept} == {
        ("Ann", "has activities"),
        ("Bob", "edited since the import"),
    }
    with store.reading() as session:
        assert set(session.scalars(select(Account.name))) == {"AnnCo", "BobCo"}
        assert session.scalar(select(Activity.subject)) == "First call"


def test_the_cli_lists_past_imports_as_json_and_reverts_one(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--store", str(store_path), str(_people(tmp_path))]) == 0
    capsys.readouterr()
    assert main(["import", "--list", "--json", "--store", str(store_path)]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["file"], listed["imported"], listed["status"]) == ("people.csv", 3, "done")
    unit_of_work.update(store, SYSTEM, "contact", _id_of(store, "Cy"), {"city": "York"})
    assert main(["import", "--revert", listed["id"], "--json", "--store", str(store_path)]) == 0
    reverted = json.loads(capsys.readouterr().out)
    assert (reverted["contacts_deleted"], reverted["accounts_deleted"]) == (2, 2)
    assert reverted["kept"] == [
        {
            "entity": "contact",
            "id": str(_id_of(store, "Cy")),
            "name": "Cy",
            "reason": "edited since the import",
        }
    ]
    assert main(["import", "--list", "--store", str(store_path)]) == 0
    assert "reverted" in capsys.readouterr().out


def test_reverting_twice_or_an_unknown_id_is_one_line_and_exit_1(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = import_contacts(store, SYSTEM, _people(tmp_path))
    revert_import(store, SYSTEM, result.batch_id)
    for batch in (str(result.batch_id), "not-an-id"):
        assert main(["import", "--revert", batch, "--store", str(store_path)]) == 1
        assert capsys.readouterr().err.count("\n") == 1
