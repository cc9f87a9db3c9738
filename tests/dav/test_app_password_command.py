"""``contactdesk app-password``: make, list and revoke a phone's password from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dav_clients import dav_call
from server_process import PASSWORD, ServerProcess

from contactdesk.cli.main import main

PROPFIND = (
    '<?xml version="1.0"?><d:propfind xmlns:d="DAV:">'
    "<d:prop><d:resourcetype/></d:prop></d:propfind>"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_a_phone_password_is_made_used_listed_and_revoked_from_the_command_line(
    server: ServerProcess,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONTACTDESK_PASSWORD", PASSWORD)
    common = [
        "--store",
        str(tmp_path / "sue.db"),
        "--server",
        server.url,
        "--user",
        "sue",
        "--json",
    ]
    made = run(capsys, "app-password", "add", "Sue's iPhone", *common)
    assert isinstance(made, dict)
    assert made["label"] == "Sue's iPhone" and made["address"] == f"{server.url}/dav/"
    auth = ("sue", str(made["password"]))
    assert (
        dav_call(server, "PROPFIND", "/dav/sue/", auth, PROPFIND, {"Depth": "0"}).status_code == 207
    )

    listed = run(capsys, "app-password", "list", *common)
    assert isinstance(listed, list)
    assert [row["label"] for row in listed] == ["Sue's iPhone"]
    assert listed[0]["last_used_at"] is not None and "password" not in listed[0]

    run(capsys, "app-password", "revoke", str(made["id"]), *common)
    assert dav_call(server, "PROPFIND", "/dav/sue/", auth, PROPFIND).status_code == 401
    assert run(capsys, "app-password", "list", *common) == []


def test_revoking_needs_an_id(
    server: ServerProcess, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["app-password", "revoke", "--store", str(tmp_path / "x.db"), "--server", server.url]
    assert main([*args, "--user", "sue"]) == 1
    assert "needs an id" in capsys.readouterr().err
