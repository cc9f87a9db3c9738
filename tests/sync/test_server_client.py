"""Talking to the server: retries while it is away; clear errors for a mismatch or bad password."""

from __future__ import annotations

from pathlib import Path

import pytest
from server_process import PASSWORD, ServerProcess, free_port, start_server, stop_server

from contactdesk.sync.server_client import (
    AuthenticationFailed,
    Backoff,
    ProtocolMismatch,
    ServerClient,
    ServerUnreachable,
)
from contactdesk.sync_protocol import PROTOCOL_HEADER


def test_a_server_that_stays_away_fails_after_backing_off(tmp_path: Path) -> None:
    waits: list[float] = []
    client = ServerClient(
        f"http://127.0.0.1:{free_port()}",
        backoff=Backoff(attempts=4, first=0.5, sleep=waits.append),
    )
    with pytest.raises(ServerUnreachable, match="cannot reach the server"):
        client.login("ada", PASSWORD)
    assert waits == [0.5, 1.0, 2.0]


def test_a_login_waits_for_a_server_that_comes_back(server: ServerProcess, tmp_path: Path) -> None:
    port = free_port()
    started: list[ServerProcess] = []

    def bring_server_up(_delay: float) -> None:
        if not started:
            started.append(
                start_server(f"sqlite:///{server.database}", port, tmp_path / "second.log")
            )

    client = ServerClient(f"http://127.0.0.1:{port}", backoff=Backoff(sleep=bring_server_up))
    try:
        assert client.login("ada", PASSWORD).user.username == "ada"
    finally:
        for process in started:
            stop_server(process)


def test_a_protocol_mismatch_names_both_versions(server: ServerProcess) -> None:
    client = ServerClient(server.url)
    client._http.headers[PROTOCOL_HEADER] = "999"
    with pytest.raises(ProtocolMismatch, match="999") as raised:
        client.login("ada", PASSWORD)
    assert "this client speaks version 1" in str(raised.value)


def test_a_wrong_password_is_an_authentication_error(server: ServerProcess) -> None:
    with pytest.raises(AuthenticationFailed, match="sign-in refused"):
        ServerClient(server.url).login("ada", "wrong-password")
