"""``contactdesk-server create-user``: exit 0 on success, 1 with one line on a user error."""

from __future__ import annotations

import pytest

from contactdesk.server.cli import main


def test_create_user_adds_a_user_from_the_password_variable(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", "tom-password-1")
    code = main(
        ["create-user", "tom", "--role", "sales", "--team", "north", "--database-url", database_url]
    )
    assert code == 0
    assert "created user tom (sales)" in capsys.readouterr().out


def test_create_user_with_an_unknown_role_exits_1_with_one_line(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", "tom-password-1")
    code = main(["create-user", "tom", "--role", "pilot", "--database-url", database_url])
    error = capsys.readouterr().err
    assert code == 1
    assert "unknown role 'pilot'" in error and error.count("\n") == 1 and "Traceback" not in error


def test_create_user_for_a_taken_name_exits_1(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", "sam-password-1")
    assert main(["create-user", "sam", "--role", "sales", "--database-url", database_url]) == 1
    assert "user.username: 'sam' is taken" in capsys.readouterr().err


def test_create_user_without_a_password_exits_1(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CONTACTDESK_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(""))
    assert main(["create-user", "tom", "--role", "sales", "--database-url", database_url]) == 1
    assert "no password" in capsys.readouterr().err
