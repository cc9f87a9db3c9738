"""HTTP endpoints of auth: login, logout, password change, who am I."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from contactdesk.server.auth import service
from contactdesk.server.auth.dependencies import CurrentUser
from contactdesk.server.auth.schemas import LoginRequest, LoginResponse, PasswordChange, UserInfo
from contactdesk.server.dependencies import Db, Settings

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
