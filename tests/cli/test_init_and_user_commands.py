"""``contactdesk init`` and ``admin user add``: a team's own store, from nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from contactdesk.cli.main import main
from contactdesk.services.company_settings import read_setting
from contactdesk.services.directory import list_users
from contactdesk.services.store_opening import open_store


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_an_empty_store_with_its_admin_and_company(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "team.db"
    code, out, err = _run(
        capsys, "init", "--store", str(path), "--admin", "ada", "--company", "Acme Ltd"
    )
    assert (code, err) == (0, "")
    assert "ada" in out
    store = open_store(path)
    try:
        assert [(u.username, u.role) for u in list_users(store)] == [("ada", "admin")]
        assert read_setting(store, "company_name") == "Acme Ltd"
        with store.reading() as session:
            counts = [
                session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("contacts", "accounts", "opportunities", "activities")
            ]
        assert counts == [0, 0, 0, 0]
    finally:
        store.close()


def test_init_refuses_an_existing_path_and_leaves_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "taken.db"
    path.write_bytes(b"someone's file")
    code, out, err = _run(capsys, "init", "--store", str(path), "--admin", "ada")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "already exists" in err
    assert path.read_bytes() == b"someone's file"


def test_init_with_a_bad_admin_name_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "team.db"
    code, _, err = _run(capsys, "init", "--store", str(path), "--admin", "two words")
    assert code == 1
    assert "user.username" in err
    assert not path.exists()


def test_admin_user_add_adds_reps_with_team_and_territory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "team.db")
    assert _run(capsys, "init", "--store", path, "--admin", "ada")[0] == 0
    code, out, _ = _run(
        capsys, "admin", "user", "add", "--store", path, "rita", "--role", "sales",
        "--team", "north", "--territory", "Scotland", "--display-name", "Rita Rep", "--json",
    )
    assert code == 0
    added = json.loads(out)
    assert (added["username"], added["role"], added["team"], added["territory"]) == (
        "rita", "sales", "north", "Scotland"
    )
    assert added["display_name"] == "Rita Rep"
    code, out, _ = _run(capsys, "admin", "users", "--store", path, "--json")
    assert sorted(u["username"] for u in json.loads(out)) == ["ada", "rita"]


def test_admin_user_add_refuses_an_unknown_role_and_a_taken_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "team.db")
    _run(capsys, "init", "--store", path, "--admin", "ada")
    code, _, err = _run(capsys, "admin", "user", "add", "--store", path, "bob", "--role", "boss")
    assert code == 1 and "user.role" in err and "boss" in err
    code, _, err = _run(capsys, "admin", "user", "add", "--store", path, "ada", "--role", "sales")
    assert code == 1 and "taken" in err
