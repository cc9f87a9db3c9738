"""Signing a store in to a server and out again: token to the keyring, user to the store."""

from __future__ import annotations

import hashlib
import socket
from pathlib import Path

from contactdesk.services.actor import Actor
from contactdesk.store.local_store import Store
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import ServerClient
from contactdesk.sync.sync_state import forget_sign_in, remember_sign_in, signed_in_actor


def sign_in(
    store: Store, client: ServerClient, username: str, password: str, tokens: TokenStore
) -> Actor:
    """Exchange the password for a token, keep the token, and record the user on the store.

    The password is not kept anywhere. Raises AuthenticationFailed, ServerUnreachable
    or ProtocolMismatch with a message for the user.
    """
    answer = client.login(username, password, device_id(store))
    tokens.save(client.base_url, answer.user.username, answer.token)
    actor = Actor(answer.user.id, answer.user.username, answer.user.role, answer.user.team)
    remember_sign_in(store, client.base_url, actor)
    return actor


def device_id(store: Store) -> str | None:
    """This store on this machine, as the server's token list knows it.

    Derived, not stored: the same store on the same machine always names itself
    alike (so its next sign-in replaces its token), and the hash tells the
    server neither the path nor the host name.
    """
    if store.path is None:
        return None  # an in-memory store lives for one process: nothing to replace
    where = f"{socket.gethostname()}|{Path(store.path).resolve()}"
    return hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def sign_out(store: Store, client: ServerClient, tokens: TokenStore) -> None:
    """Revoke the token on the server (if it answers), forget it here, and unlink the user."""
    actor = signed_in_actor(store)
    try:
        if client.token is not None:
            client.logout()
    finally:
        if actor is not None:
            tokens.forget(client.base_url, actor.username)
        forget_sign_in(store)
