"""``contactdesk history``: a record's changes, as the reader's role may see them."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from contactdesk.cli.main import main
from contactdesk.services import rule_admin, unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user, find_user
from contactdesk.services.store_opening import open_store


@pytest.fixture
def edited_contact(tmp_path: Path) -> tuple[Path, uuid.UUID]:
    """A store with one contact, created and then edited by rita (city and notes)."""
    path = tmp_path / "history.db"
    store = open_store(path)
    admin = Actor.system()
    create_user(store, admin, "rita", display_name="Rita Rep", role="sales")
    rita = find_user(store, "rita")
    record_id = unit_of_work.create(
        store, admin, "contact", {"display_name": "Ann Lee", "city": "York", "owner_id": rita.id}
    ).record_id
    unit_of_work.update(
        store, rita.actor(), "contact", record_id, {"city": "Leeds", "notes": "Budget Q3"}
    )
    store.close()
    return path, record_id


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_json_lists_each_change_newest_first_with_old_and_new_values(
    edited_contact: tuple[Path, uuid.UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    path, record_id = edited_contact
    code, out, _ = _run(
        capsys, "history", "--store", str(path), "--json", "contact", str(record_id)
    )
    entries = json.loads(out)
    assert code == 0
    assert [entry["op"] for entry in entries] == ["update", "create"]
    assert entries[0]["who"] == "rita"
    assert {"field": "city", "label": "City", "old": "York", "new": "Leeds"} in entries[0]["fields"]
    assert entries[0]["on_this_device"] is True and entries[0]["synced"] is False


def test_history_as_a_role_leaves_out_the_fields_it_may_not_see(
    edited_contact: tuple[Path, uuid.UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    path, record_id = edited_contact
    store = open_store(path)
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.notes", "hidden")
    store.close()
    code, out, _ = _run(
        capsys, "history", "--store", str(path), "--user", "rita", "contact", str(record_id)
    )
    assert code == 0
    assert "Leeds" in out and "York" in out
    assert "Budget Q3" not in out and "Notes" not in out


def test_history_of_an_unknown_record_is_a_one_line_error(
    edited_contact: tuple[Path, uuid.UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = edited_contact
    code, out, err = _run(capsys, "history", "--store", str(path), "contact", str(uuid.uuid4()))
    assert code == 1 and out == ""
    assert "no contact with id" in err and len(err.strip().splitlines()) == 1


def test_history_of_a_malformed_id_is_a_one_line_error(
    edited_contact: tuple[Path, uuid.UUID], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = edited_contact
    code, _, err = _run(capsys, "history", "--store", str(path), "contact", "not-an-id")
    assert code == 1
    assert "not-an-id" in err and len(err.strip().splitlines()) == 1
