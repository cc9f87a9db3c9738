"""Fixtures shared by every suite that syncs with a real server: a memory keyring, a server."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from server_process import MemoryKeyring, ServerProcess, running_server


@pytest.fixture(autouse=True)
def test_keyring() -> Iterator[MemoryKeyring]:
    """Every sync test keeps tokens in a memory keyring, never the user's real one."""
    previous: KeyringBackend = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One real ``contactdesk-server`` process per test module."""
    with running_server(tmp_path_factory.mktemp("server")) as process:
        yield process
