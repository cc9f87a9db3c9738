"""Where the sign-in token lives: the OS keyring, or this process's memory when there is none.

A secret is never written to a plain file. When keyring has no secure backend
(its fail or null backend, or a chainer with nothing behind it) the token is
kept in memory for the session only and ``persistent`` says so, so the UI and
CLI can tell the user they will be asked again next time.
"""

from __future__ import annotations

import contextlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "ContactDesk"
INSECURE_BACKENDS = frozenset({"keyring.backends.fail", "keyring.backends.null"})
# keyrings.alt's backends write secrets to a plain (or weakly wrapped) file in the
# home folder, readable by anything running as the user: not a safe place for a token.
INSECURE_PACKAGES = ("keyrings.alt",)


def _keyring() -> ModuleType:
    """keyring, imported on first use: it loads its backends (~0.3 s), which the
    app's start does not need when nobody is signed in."""
    import keyring
    import keyring.errors

    return keyring


def has_secure_keyring(backend: KeyringBackend | None = None) -> bool:
    """Whether ``backend`` (default: the active one) stores secrets somewhere safe."""
    active = backend or _keyring().get_keyring()
    # The class and every class it builds on: a backend made from keyrings.alt's
    # plaintext file (a subclass in another package) writes that same file.
    for kind in type(active).__mro__:
        module = kind.__module__
        if module in INSECURE_BACKENDS or module.startswith(INSECURE_PACKAGES):
            return False
    inner = getattr(active, "backends", None)
    if inner is not None:
        # A chainer is only as good as what it chains.
        return any(has_secure_keyring(backend) for backend in inner)
    return True


def account_name(server_url: str, username: str) -> str:
    """The keyring entry of one user on one server."""
    return f"{username}@{server_url.rstrip('/')}"


class TokenStore:
    """Keeps one token per (server, user): keyring if secure, else process memory."""

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}

    @property
    def persistent(self) -> bool:
        """True when tokens survive a restart (a secure keyring is there)."""
        return has_secure_keyring()

    def save(self, server_url: str, username: str, token: str) -> None:
        account = account_name(server_url, username)
        if self.persistent:
            keyring = _keyring()
            try:
                keyring.set_password(SERVICE, account, token)
                return
            except keyring.errors.KeyringError:
                pass  # a locked or broken keyring: fall back to the session only
        self._memory[account] = token

    def load(self, server_url: str, username: str) -> str | None:
        account = account_name(server_url, username)
        if account in self._memory:
            return self._memory[account]
        if not self.persistent:
            return None
        keyring = _keyring()
        try:
            found: str | None = keyring.get_password(SERVICE, account)
            return found
        except keyring.errors.KeyringError:
            return None

    def forget(self, server_url: str, username: str) -> None:
        account = account_name(server_url, username)
        self._memory.pop(account, None)
        if not self.persistent:
            return
        keyring = _keyring()
        # Nothing stored means already forgotten.
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(SERVICE, account)

    def password(self, server_url: str, username: str) -> str | None:
        """A password the user chose to keep in the keyring for the CLI (never in memory)."""
        if not self.persistent:
            return None
        keyring = _keyring()
        try:
            found: str | None = keyring.get_password(
                SERVICE, "password:" + account_name(server_url, username)
            )
            return found
        except keyring.errors.KeyringError:
            return None


_APP_TOKENS = TokenStore()


def app_token_store() -> TokenStore:
    """The process's one TokenStore.

    A token kept for the session only (no secure keyring) must outlive the dialog
    that obtained it, so the desktop app shares this one everywhere.
    """
    return _APP_TOKENS
