"""The token lives in the keyring, or in memory only when no secure keyring exists."""

from __future__ import annotations

from pathlib import Path

import keyring
from keyring.backends.fail import Keyring as FailKeyring
from keyrings.alt.file import PlaintextKeyring
from server_process import PASSWORD, MemoryKeyring, ServerProcess

from contactdesk.services.store_opening import open_store
from contactdesk.sync.credentials import SERVICE, TokenStore, account_name, has_secure_keyring
from contactdesk.sync.server_client import ServerClient
from contactdesk.sync.sign_in import sign_in, sign_out


def files_containing(folder: Path, secret: str) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and secret.encode() in path.read_bytes()
    ]


def test_sign_in_keeps_the_token_in_the_keyring(
    server: ServerProcess, tmp_path: Path, test_keyring: MemoryKeyring
) -> None:
    store = open_store(tmp_path / "client.db")
    client = ServerClient(server.url)
    sign_in(store, client, "ada", PASSWORD, TokenStore())
    stored = test_keyring.get_password(SERVICE, account_name(server.url, "ada"))
    assert stored == client.token
    store.close()
    assert files_containing(tmp_path, client.token or "") == []


def test_without_a_secure_keyring_the_token_stays_in_memory_and_off_disk(
    server: ServerProcess, tmp_path: Path
) -> None:
    keyring.set_keyring(FailKeyring())
    tokens = TokenStore()
    store = open_store(tmp_path / "client.db")
    client = ServerClient(server.url)
    sign_in(store, client, "ada", PASSWORD, tokens)
    store.close()
    assert not tokens.persistent
    assert tokens.load(server.url, "ada") == client.token
    assert files_containing(tmp_path, client.token or "") == []


def test_the_fail_backend_is_not_a_secure_keyring() -> None:
    assert not has_secure_keyring(FailKeyring())


def test_sign_out_revokes_the_token_on_the_server(server: ServerProcess, tmp_path: Path) -> None:
    store = open_store(tmp_path / "client.db")
    client = ServerClient(server.url)
    tokens = TokenStore()
    sign_in(store, client, "ada", PASSWORD, tokens)
    token = client.token
    sign_out(store, client, tokens)
    store.close()
    revoked = ServerClient(server.url, token)
    assert tokens.load(server.url, "ada") is None
    try:
        revoked.open_conflicts()
    except Exception as error:
        assert type(error).__name__ == "AuthenticationFailed"
    else:
        raise AssertionError("a revoked token was accepted")


def test_a_plaintext_file_keyring_is_not_secure_and_gets_no_token(
    server: ServerProcess, tmp_path: Path
) -> None:
    backend = PlaintextKeyring()
    assert not has_secure_keyring(backend)
    keyring.set_keyring(backend)
    tokens = TokenStore()
    store = open_store(tmp_path / "client.db")
    client = ServerClient(server.url)
    sign_in(store, client, "ada", PASSWORD, tokens)
    store.close()
    assert not tokens.persistent
    assert tokens.load(server.url, "ada") == client.token
    keyring_file = Path(backend.file_path)
    assert not keyring_file.exists() or (client.token or "") not in keyring_file.read_text()


def test_signing_in_again_from_one_store_leaves_one_live_token(
    server: ServerProcess, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "client.db")
    client = ServerClient(server.url)
    first = ""
    for _ in range(3):
        sign_in(store, client, "mia", PASSWORD, TokenStore())
        first = first or (client.token or "")
    store.close()
    assert ServerClient(server.url, client.token).open_conflicts() is not None
    try:
        ServerClient(server.url, first).open_conflicts()
    except Exception as error:
        assert type(error).__name__ == "AuthenticationFailed"
    else:
        raise AssertionError("the store's first token is still live")
