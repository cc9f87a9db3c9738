"""Signing a store in to a server and out again: token to the keyring, user to the store."""

from __future__ import annotations

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
    answer = client.login(username, password)
    tokens.save(client.base_url, answer.user.username, answer.token)
    actor = Actor(answer.user.id, answer.user.username, answer.user.role, answer.user.team)
    remember_sign_in(store, client.base_url, actor)
    return actor


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
