"""Who a CardDAV or CalDAV request is from: HTTP basic with an app password or the password.

Phones send HTTP basic credentials with every request. An app password (made
and revoked by the user, stored as a digest) is accepted on any connection;
the user's own password only over TLS or from this machine (loopback), so it
never crosses a network in the clear. Failures count against the same login
limits as ``POST /auth/login``, so guessing over DAV is no cheaper.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.model import Role, User
from contactdesk.server.auth import rate_limit
from contactdesk.server.auth.app_passwords import user_of_app_password
from contactdesk.server.auth.passwords import verify_password
from contactdesk.server.auth.service import AuthenticatedUser, LoginRefused
from contactdesk.server.auth.tables import Credential
from contactdesk.server.errors import RateLimited, Unauthenticated
from contactdesk.server.settings import ServerSettings

MAX_USERNAME = 80
MAX_PASSWORD = 1024


@dataclass(frozen=True)
class BasicCredentials:
    username: str
    password: str


def basic_credentials(header: str | None) -> BasicCredentials:
    """The username and password of an ``Authorization: Basic`` header; Unauthenticated if none."""
    if not header:
        raise Unauthenticated("sign in with your username and an app password")
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded or len(encoded) > 2 * (MAX_PASSWORD + MAX_USERNAME):
        raise Unauthenticated("sign in with HTTP basic: your username and an app password")
    try:
        text = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise Unauthenticated("the basic credentials are not valid base64 UTF-8") from error
    username, colon, password = text.partition(":")
    if (
        not colon
        or not username
        or not password
        or len(username) > MAX_USERNAME
        or len(password) > MAX_PASSWORD
        or "\x00" in text
    ):
        raise Unauthenticated("wrong username or password")
    return BasicCredentials(username, password)


def is_private_channel(scheme: str, address: str) -> bool:
    """TLS, or a client on this machine: where the user's own password may travel."""
    if scheme == "https":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def sign_in(
    session: Session,
    settings: ServerSettings,
    credentials: BasicCredentials,
    address: str,
    private: bool,
) -> AuthenticatedUser | LoginRefused:
    """The user the credentials name, or why not (401 wrong, 429 locked out).

    An app password is tried first (a digest lookup, no argon2 work); the
    user's password only when ``private`` (TLS or loopback).
    """
    now = settings.clock()
    limits = settings.login_limits
    username = credentials.username
    keys = rate_limit.login_keys(username, address)
    try:
        rate_limit.ensure_not_locked(session, keys, now)
    except RateLimited as error:
        return LoginRefused(error)
    user_id = user_of_app_password(session, username, credentials.password, now)
    if user_id is None and private:
        found = session.execute(
            select(User.id, User.active, Credential.password_hash)
            .join(Credential, Credential.user_id == User.id)
            .where(User.username == username)
        ).first()
        # Verified whoever asks, so an unknown name costs the same time as a known one.
        matches = verify_password(found[2] if found else None, credentials.password)
        if found is not None and matches and found[1]:
            user_id = found[0]
    if user_id is None:
        rate_limit.record_failed_login(session, keys, limits, now)
        message = "wrong username or password"
        if not private:
            message += " (over plain HTTP only an app password is accepted)"
        return LoginRefused(Unauthenticated(message))
    rate_limit.clear_failures(session, keys[0])
    user, role, capabilities = session.execute(
        select(User, Role.name, Role.capabilities)
        .join(Role, Role.id == User.role_id)
        .where(User.id == user_id)
    ).one()
    return AuthenticatedUser(
        user.id,
        user.username,
        user.display_name,
        role,
        user.team,
        "",
        frozenset(capabilities or ()),
    )
