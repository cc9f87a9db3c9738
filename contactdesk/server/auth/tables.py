"""What the server keeps to authenticate users: password hashes, tokens, failed logins."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model import User
from contactdesk.model.types import UtcDateTime
from contactdesk.server.table_base import ServerBase

# A column object, not "users.id": the users table is on the shared model's metadata.
USERS_ID = User.__table__.c.id


class Credential(ServerBase):
    """A user's argon2 password hash (the users table itself is shared with clients)."""

    __tablename__ = "credentials"

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey(USERS_ID, ondelete="CASCADE"), primary_key=True
    )
    password_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AccessToken(ServerBase):
    """A bearer token, stored only as the SHA-256 of its random value."""

    __tablename__ = "access_tokens"
    __table_args__ = (
        Index("ix_access_tokens_user", "user_id", "revoked_at"),
        Index("ix_access_tokens_device", "user_id", "device", "revoked_at"),
    )

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey(USERS_ID, ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The client store that asked for it (its own random id); None from older clients.
    device: Mapped[str | None] = mapped_column(String(80))


class LoginFailures(ServerBase):
    """Failed logins counted per key ("user:NAME@IP" or "address:IP").

    ``window_started_at`` is when the last failure was counted: a key quiet for
    the window (after its lockout ended) starts again from zero.

    Kept in the database rather than in process memory so that every server
    process behind a load balancer applies the same limit.
    """

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AppPassword(ServerBase):
    """A password a user made for one phone or calendar app (CardDAV, CalDAV sign-in).

    Stored like a token, as the SHA-256 of its random value: it is shown once
    when made and can only be revoked, never read back.
    """

    __tablename__ = "app_passwords"
    __table_args__ = (Index("ix_app_passwords_user", "user_id", "revoked_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey(USERS_ID, ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
