"""How a server instance is configured: database, token lifetime, login limits, clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from contactdesk.model.base import utc_now
from contactdesk.paths import data_dir

DATABASE_URL_VARIABLE = "CONTACTDESK_DATABASE_URL"


def default_database_url() -> str:
    """The embedded default: a SQLite file in the user data dir."""
    return f"sqlite:///{data_dir() / 'contactdesk-server.db'}"


def resolve_database_url(given: str | None) -> str:
    """``--database-url`` if given, else ``CONTACTDESK_DATABASE_URL``, else the default file."""
    return given or os.environ.get(DATABASE_URL_VARIABLE) or default_database_url()


@dataclass(frozen=True)
class LoginLimits:
    """Failed logins allowed before a key is locked out.

    ``per_user`` counts failures for one username from one client address (so an
    attacker elsewhere cannot lock the real user out), ``per_address`` all
    failures from one address. Reaching a limit locks the key for ``lockout``;
    each further failure doubles it, up to ``max_lockout``. A key is forgotten
    once it has been quiet for ``window`` (after any lockout ended) or on success.
    """

    per_user: int = 5
    per_address: int = 30
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=5)
    max_lockout: timedelta = timedelta(hours=24)


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    token_lifetime: timedelta = timedelta(days=30)
    login_limits: LoginLimits = field(default_factory=LoginLimits)
    # Reverse proxies whose X-Forwarded-For names the real client (nothing else is believed).
    trusted_proxies: tuple[str, ...] = ()
    # Live tokens one user may hold; logging in past it revokes the oldest.
    max_tokens_per_user: int = 20
    # Injected so that tests can move time (token expiry, lockouts) without sleeping.
    clock: Callable[[], datetime] = utc_now
