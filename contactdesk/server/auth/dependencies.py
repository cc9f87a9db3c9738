"""Who is asking: ``CurrentUser`` (any valid token) and ``AdminUser`` (admins only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from contactdesk.server.auth.service import AuthenticatedUser, authenticate
from contactdesk.server.dependencies import Db, Settings
from contactdesk.server.errors import Unauthenticated
from contactdesk.services.field_rules import capability_refused
from contactdesk.services.governance import GOVERNING

_bearer = HTTPBearer(auto_error=False, description="The token from POST /auth/login")


def current_user(
    db: Db,
    settings: Settings,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> AuthenticatedUser:
    if credentials is None or not credentials.credentials:
        raise Unauthenticated("log in first: send Authorization: Bearer <token>")
    token = credentials.credentials
    if len(token) > 200 or "\x00" in token:
        raise Unauthenticated("the token is unknown, expired or revoked; log in again")
    with db.snapshot() as session:
        return authenticate(session, token, settings.clock())


def admin_user(user: Annotated[AuthenticatedUser, Depends(current_user)]) -> AuthenticatedUser:
    if not user.is_admin:
        raise capability_refused(user.role, "administer", GOVERNING)
    return user


CurrentUser = Annotated[AuthenticatedUser, Depends(current_user)]
AdminUser = Annotated[AuthenticatedUser, Depends(admin_user)]
