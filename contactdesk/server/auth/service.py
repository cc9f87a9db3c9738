"""Logging in and out, checking bearer tokens, changing passwords, revoking tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from contactdesk.errors import ValidationError
from contactdesk.model import Role, User
from contactdesk.server.auth import rate_limit
from contactdesk.server.auth.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from contactdesk.server.auth.tables import AccessToken, Credential
from contactdesk.server.errors import RateLimited, Unauthenticated
from contactdesk.server.settings import ServerSettings
from contactdesk.services.actor import Actor
from contactdesk.sync_protocol import LoginResponse, UserInfo


@dataclass(frozen=True)
class AuthenticatedUser:
    """The user a request is made by, as its bearer token says."""

    user_id: uuid.UUID
    username: str
    display_name: str
    role: str
    team: str | None
    token_hash: str
    # The capabilities of the user's role (data on the role, as on the desktop).
    capabilities: frozenset[str] = frozenset()

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.username, self.role, self.team)

    @property
    def is_admin(self) -> bool:
        return "administer" in self.capabilities

    def info(self) -> UserInfo:
        return UserInfo(
            id=self.user_id,
            username=self.username,
            display_name=self.display_name,
            role=self.role,
            team=self.team,
        )


@dataclass(frozen=True)
class LoginRefused:
    """Why a login failed; returned rather than raised so the failure count still commits."""

    error: Unauthenticated | RateLimited


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def attempt_login(
    session: Session,
    settings: ServerSettings,
    username: str,
    password: str,
    address: str,
    device: str | None = None,
) -> LoginResponse | LoginRefused:
    """Exchange a username and password for a new bearer token.

    Failed attempts count against the username from this address and against
    the address; once either reaches its limit, logins for it are refused (429)
    for the lockout period, even with the right password; the same user from
    another address is not affected. ``device`` names the client store: its
    earlier tokens are revoked, so a device holds one live token.
    """
    now = settings.clock()
    limits = settings.login_limits
    keys = rate_limit.login_keys(username, address)
    try:
        rate_limit.ensure_not_locked(session, keys, now)
    except RateLimited as error:
        return LoginRefused(error)
    found = session.execute(
        select(User, Credential.password_hash)
        .join(Credential, Credential.user_id == User.id)
        .where(User.username == username)
    ).first()
    user, password_hash = (found[0], found[1]) if found else (None, None)
    # Verified first, whoever asks: an unknown name costs the same argon2 time as a
    # known one, so response times do not tell which usernames exist.
    matches = verify_password(password_hash, password)
    if user is None or not matches or not user.active:
        rate_limit.record_failed_login(session, keys, limits, now)
        return LoginRefused(Unauthenticated("wrong username or password"))
    rate_limit.clear_failures(session, keys[0])
    token = secrets.token_urlsafe(32)
    expires_at = now + settings.token_lifetime
    _retire_tokens(session, user.id, device, settings.max_tokens_per_user, now)
    session.add(
        AccessToken(
            token_hash=token_digest(token),
            user_id=user.id,
            created_at=now,
            expires_at=expires_at,
            device=device,
        )
    )
    role = session.get_one(Role, user.role_id)
    return LoginResponse(
        token=token,
        expires_at=expires_at,
        user=UserInfo(
            id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=role.name,
            team=user.team,
        ),
    )


def _retire_tokens(
    session: Session, user_id: uuid.UUID, device: str | None, cap: int, now: datetime
) -> None:
    """Make room for one new token: the device's earlier ones go, then the oldest past ``cap``."""
    live = [AccessToken.user_id == user_id, AccessToken.revoked_at.is_(None)]
    if device is not None:
        session.execute(
            update(AccessToken).where(*live, AccessToken.device == device).values(revoked_at=now)
        )
    keep = list(
        session.scalars(
            select(AccessToken.token_hash)
            .where(*live, AccessToken.expires_at > now)
            .order_by(AccessToken.created_at.desc(), AccessToken.token_hash)
            .limit(max(cap - 1, 0))
        )
    )
    session.execute(
        update(AccessToken)
        .where(*live, AccessToken.token_hash.not_in(keep))
        .values(revoked_at=now)
    )


def authenticate(session: Session, token: str, now: datetime) -> AuthenticatedUser:
    """The user a bearer token belongs to; Unauthenticated if unknown, expired or revoked."""
    digest = token_digest(token)
    found = session.execute(
        select(User, Role.name, Role.capabilities)
        .join(AccessToken, AccessToken.user_id == User.id)
        .join(Role, Role.id == User.role_id)
        .where(
            AccessToken.token_hash == digest,
            AccessToken.revoked_at.is_(None),
            AccessToken.expires_at > now,
            User.active.is_(True),
        )
    ).first()
    if found is None:
        raise Unauthenticated("the token is unknown, expired or revoked; log in again")
    user, role, capabilities = found
    return AuthenticatedUser(
        user.id,
        user.username,
        user.display_name,
        role,
        user.team,
        digest,
        frozenset(capabilities or ()),
    )


def logout(session: Session, token_hash: str, now: datetime) -> None:
    """Revoke the token the request was made with."""
    session.execute(
        update(AccessToken)
        .where(AccessToken.token_hash == token_hash, AccessToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def revoke_user_tokens(session: Session, user_id: uuid.UUID, now: datetime) -> int:
    """Revoke every live token of a user; returns how many were revoked."""
    result = session.execute(
        update(AccessToken)
        .where(AccessToken.user_id == user_id, AccessToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def set_password(session: Session, user_id: uuid.UUID, password: str, now: datetime) -> None:
    """Store a new password hash and revoke all the user's tokens (every device logs in again)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", f"must be at least {MIN_PASSWORD_LENGTH} characters long")
    credential = session.get(Credential, user_id)
    if credential is None:
        session.add(
            Credential(user_id=user_id, password_hash=hash_password(password), changed_at=now)
        )
    else:
        credential.password_hash = hash_password(password)
        credential.changed_at = now
    revoke_user_tokens(session, user_id, now)


def change_own_password(
    session: Session, user: AuthenticatedUser, current: str, new: str, now: datetime
) -> None:
    """Change the caller's password after checking the current one; revokes all its tokens."""
    credential = session.get(Credential, user.user_id)
    if credential is None or not verify_password(credential.password_hash, current):
        raise Unauthenticated("the current password is wrong")
    set_password(session, user.user_id, new, now)
