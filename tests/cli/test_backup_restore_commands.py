"""``contactdesk backup`` / ``restore``: snapshots from a terminal, refusals in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contactdesk.cli.main import main
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from contactdesk.store.snapshots import list_snapshots


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    return err


def test_backup_writes_a_snapshot_and_names_it(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--store", str(store_path)]) == 0
    written = list_snapshots(store_path)
    assert len(written) == 1
    assert str(written[0].path) in capsys.readouterr().out


def test_backup_keeps_only_the_number_asked_for(store: Store, store_path: Path) -> None:
    for _ in range(4):
        assert main(["backup", "--store", str(store_path), "--keep", "2"]) == 0
    assert len(list_snapshots(store_path)) == 2


def test_backup_list_json_names_each_snapshot_and_its_reason(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["backup", "--store", str(store_path)])
    capsys.readouterr()
    assert main(["backup", "--store", str(store_path), "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["reason"] for s in listed["snapshots"]] == ["manual"]


def test_backup_of_a_missing_store_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--store", str(tmp_path / "absent.db")]) == 1
    assert "no store at" in _one_line_error(capsys)


def test_restore_refuses_and_names_unsynced_changes(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["backup", "--store", str(store_path)])
    unit_of_work.create(store, Actor.system(), "contact", {"display_name": "Bea Unsynced"})
    store.close()
    assert main(["restore", "--store", str(store_path)]) == 1
    error = _one_line_error(capsys)
    assert "1 unsynced changes would be lost (create contact" in error
    assert "--force" in error


def test_restore_with_force_restores_and_prints_the_safety_copy(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["backup", "--store", str(store_path)])
    unit_of_work.create(store, Actor.system(), "contact", {"display_name": "Bea Unsynced"})
    store.close()
    capsys.readouterr()
    assert main(["restore", "--store", str(store_path), "--force", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert Path(report["safety_copy"]).exists()
    assert [change["op"] for change in report["lost_changes"]] == ["create"]


def test_restore_from_a_named_backup(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["backup", "--store", str(store_path)])
    named = list_snapshots(store_path)[0].path
    store.close()
    capsys.readouterr()
    assert main(["restore", "--store", str(store_path), "--from", str(named)]) == 0
    assert f"from {named}" in capsys.readouterr().out


def test_restore_without_any_snapshot_is_a_one_line_error(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    assert main(["restore", "--store", str(store_path)]) == 1
    assert "no snapshot" in _one_line_error(capsys)


def test_a_truncated_store_is_named_by_any_command_without_a_traceback(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(40):
        unit_of_work.create(store, Actor.system(), "contact", {"display_name": f"C {n}"})
    store.close()
    with store_path.open("r+b") as handle:
        handle.truncate(store_path.stat().st_size // 2)
    assert main(["search", "--store", str(store_path), "C"]) == 1
    error = _one_line_error(capsys)
    assert "shorter than it should be" in error
    assert "contactdesk restore" in error
