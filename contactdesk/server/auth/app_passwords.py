"""App passwords: one random password per phone or calendar app, for CardDAV and CalDAV.

A phone's address book cannot do the token exchange of the sync protocol; it
sends HTTP basic credentials on every request. An app password is what it
should send: made by the user (desktop sync settings or ``contactdesk
app-password``), shown once, stored only as its SHA-256 like a token, and
revoked on its own without touching the user's real password or devices.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound, ValidationError
from contactdesk.model import User
from contactdesk.server.auth.service import token_digest
from contactdesk.server.auth.tables import AppPassword
from contactdesk.sync_protocol import AppPasswordCreated, AppPasswordView

# How stale "last used" may get: a phone's sync is many requests, one write is enough.
USE_RECORDED_EVERY = timedelta(minutes=10)
# Live app passwords a user may hold: one per device is the idea, not hundreds.
MAX_APP_PASSWORDS = 20


def create_app_password(
    session: Session, user_id: uuid.UUID, label: str, now: datetime
) -> AppPasswordCreated:
    """A new app password for ``user_id``; its value is in the answer and nowhere else."""
    label = label.strip()
    if not label:
        raise ValidationError("label", "name the app password (for example 'iPhone')")
    live = session.scalar(
        select(func.count())
        .select_from(AppPassword)
        .where(AppPassword.user_id == user_id, AppPassword.revoked_at.is_(None))
    )
    if (live or 0) >= MAX_APP_PASSWORDS:
        raise ValidationError(
            "label", f"at most {MAX_APP_PASSWORDS} app passwords; revoke one you no longer use"
        )
    # Four groups of six lowercase letters and digits: easy to type into a phone.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    value = "-".join("".join(secrets.choice(alphabet) for _ in range(6)) for _ in range(4))
    row = AppPassword(
        id=uuid.uuid4(),
        user_id=user_id,
        label=label,
        password_hash=token_digest(value),
        created_at=now,
    )
    session.add(row)
    return AppPasswordCreated(
        id=row.id, label=row.label, created_at=now, last_used_at=None, password=value
    )


def list_app_passwords(session: Session, user_id: uuid.UUID) -> list[AppPasswordView]:
    """The user's live app passwords (never their values), oldest first."""
    rows = session.scalars(
        select(AppPassword)
        .where(AppPassword.user_id == user_id, AppPassword.revoked_at.is_(None))
        .order_by(AppPassword.created_at, AppPassword.id)
    )
    return [
        AppPasswordView(
            id=row.id, label=row.label, created_at=row.created_at, last_used_at=row.last_used_at
        )
        for row in rows
    ]


def revoke_app_password(
    session: Session, user_id: uuid.UUID, password_id: uuid.UUID, now: datetime
) -> None:
    """Revoke one of the user's app passwords; NotFound if it is not a live one of theirs."""
    result = session.execute(
        update(AppPassword)
        .where(
            AppPassword.id == password_id,
            AppPassword.user_id == user_id,
            AppPassword.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    if not getattr(result, "rowcount", 0):
        raise NotFound(f"no live app password {password_id}")


def user_of_app_password(
    session: Session, username: str, value: str, now: datetime
) -> uuid.UUID | None:
    """The id of the active user ``username`` if ``value`` is one of their live app passwords."""
    found = session.execute(
        select(AppPassword.id, User.id, AppPassword.last_used_at)
        .join(User, User.id == AppPassword.user_id)
        .where(
            AppPassword.password_hash == token_digest(value),
            AppPassword.revoked_at.is_(None),
            User.username == username,
            User.active.is_(True),
        )
    ).first()
    if found is None:
        return None
    last_used = found[2]
    if last_used is None or now - last_used > USE_RECORDED_EVERY:
        # A phone's sync is many requests: one write now and then is enough.
        session.execute(
            update(AppPassword).where(AppPassword.id == found[0]).values(last_used_at=now)
        )
    return uuid.UUID(str(found[1]))
