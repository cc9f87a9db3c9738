"""``contactdesk demo`` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactdesk.cli.main import main


def test_demo_command_creates_a_store_and_prints_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.db"
    status = main(["demo", "--store", str(path), "--contacts", "300", "--seed", "3"])
    out = capsys.readouterr().out
    assert status == 0
    assert path.exists()
    assert any(line.split() == ["contacts", "300"] for line in out.splitlines())
    assert any(line.split() == ["accounts", "60"] for line in out.splitlines())


def test_demo_command_refuses_a_store_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.db"
    main(["demo", "--store", str(path), "--contacts", "50"])
    capsys.readouterr()
    before = path.stat().st_mtime_ns
    status = main(["demo", "--store", str(path), "--contacts", "50"])
    err = capsys.readouterr().err
    assert status == 1
    assert "already holds data" in err
    assert len(err.strip().splitlines()) == 1
    assert path.stat().st_mtime_ns == before


def test_demo_command_refuses_a_file_that_is_not_a_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database, just some notes\n" * 10)
    status = main(["demo", "--store", str(path), "--contacts", "50"])
    assert status == 1
    assert "not a ContactDesk store" in capsys.readouterr().err
    assert path.read_text().startswith("not a database")


def test_demo_command_refuses_zero_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["demo", "--store", str(tmp_path / "demo.db"), "--contacts", "0"])
    assert status == 1
    assert not (tmp_path / "demo.db").exists()
