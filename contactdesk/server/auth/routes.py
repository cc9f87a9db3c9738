"""HTTP endpoints of auth: login, logout, password change, who am I."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response, status

from contactdesk.server.auth import app_passwords, service
from contactdesk.server.auth.dependencies import CurrentUser
from contactdesk.server.auth.schemas import LoginRequest, LoginResponse, PasswordChange, UserInfo
from contactdesk.server.dependencies import Db, Settings
from contactdesk.sync_protocol import AppPasswordCreated, AppPasswordRequest, AppPasswordView

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", response_model=LoginResponse)
def login(body: LoginRequest, request: Request, db: Db, settings: Settings) -> LoginResponse:
    """Exchange username and password for a bearer token (401 wrong, 429 locked out)."""
    address = request.client.host if request.client else "unknown"
    with db.transaction() as session:
        result = service.attempt_login(
            session, settings, body.username, body.password, address, body.device
        )
    if isinstance(result, service.LoginRefused):
        raise result.error
    return result


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(user: CurrentUser, db: Db, settings: Settings) -> Response:
    """Revoke the token this request was made with."""
    with db.transaction() as session:
        service.logout(session, user.token_hash, settings.clock())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT)
def change_password(
    body: PasswordChange, user: CurrentUser, db: Db, settings: Settings
) -> Response:
    """Change the caller's password; every token of the user is revoked."""
    with db.transaction() as session:
        service.change_own_password(
            session, user, body.current_password, body.new_password, settings.clock()
        )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=UserInfo)
def me(user: CurrentUser) -> UserInfo:
    return user.info()


@router.get("/app-passwords", response_model=list[AppPasswordView])
def list_app_passwords(user: CurrentUser, db: Db) -> list[AppPasswordView]:
    """The caller's live app passwords for phones and calendar apps (never their values)."""
    with db.snapshot() as session:
        return app_passwords.list_app_passwords(session, user.user_id)


@router.post(
    "/app-passwords", response_model=AppPasswordCreated, status_code=status.HTTP_201_CREATED
)
def create_app_password(
    body: AppPasswordRequest, user: CurrentUser, db: Db, settings: Settings
) -> AppPasswordCreated:
    """A new app password for CardDAV and CalDAV sign-in; its value is shown this once."""
    with db.transaction() as session:
        return app_passwords.create_app_password(
            session, user.user_id, body.label, settings.clock()
        )


@router.delete("/app-passwords/{password_id}", status_code=status.HTTP_204_NO_CONTENT)
def revoke_app_password(
    password_id: uuid.UUID, user: CurrentUser, db: Db, settings: Settings
) -> Response:
    """Revoke one of the caller's app passwords (404 if it is not a live one of theirs)."""
    with db.transaction() as session:
        app_passwords.revoke_app_password(session, user.user_id, password_id, settings.clock())
    return Response(status_code=status.HTTP_204_NO_CONTENT)
