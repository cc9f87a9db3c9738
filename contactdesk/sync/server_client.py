"""Talking to the sync server over HTTP: protocol header, bearer token, clear errors, retries.

Every call is synchronous (httpx) and meant for a worker thread or the CLI.
A server that is away (connection refused, timeout, 502/503/504) is retried
with exponential backoff; a 4xx is never retried and becomes a SyncError
whose message a person can act on.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from contactdesk.errors import ContactDeskError
from contactdesk.sync_protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    AppPasswordCreated,
    AppPasswordRequest,
    AppPasswordView,
    ChangeOutcome,
    ErrorBody,
    HistoryChange,
    HistoryPage,
    LoginRequest,
    LoginResponse,
    PullResponse,
    PushedChange,
    PushRequest,
    PushResponse,
    RecordHistoryRequest,
    RecordHistoryResponse,
)

RETRYABLE_STATUS = frozenset({502, 503, 504})
ModelT = TypeVar("ModelT", bound=BaseModel)

if TYPE_CHECKING:
    import httpx


class SyncError(ContactDeskError):
    """Sync failed for a reason the user can act on; ``code`` names the kind."""

    def __init__(self, message: str, code: str = "sync", change_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        # The pushed change a refused batch names, so the rest can go without it.
        self.change_id = change_id


class ServerUnreachable(SyncError):
    """The server did not answer after every retry."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "unreachable")


class AuthenticationFailed(SyncError):
    """Wrong password, or a token the server no longer accepts."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "authentication")


class ProtocolMismatch(SyncError):
    """Client and server speak different sync protocol versions."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "protocol")


class Backoff:
    """Delays between attempts: ``first``, doubling, capped at ``cap``, ``attempts`` in all."""

    def __init__(
        self,
        attempts: int = 5,
        first: float = 0.5,
        cap: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.attempts = attempts
        self.first = first
        self.cap = cap
        self.sleep = sleep

    def delays(self) -> list[float]:
        """The waits before the 2nd, 3rd, ... attempt."""
        return [min(self.cap, self.first * 2**n) for n in range(self.attempts - 1)]


class ServerClient:
    """One server, one user's token. Not thread-safe: use one per worker thread."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        backoff: Backoff | None = None,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.backoff = backoff or Backoff()
        # httpx is imported when a client is made, not when the app starts (~0.2 s).
        import httpx

        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    # -- endpoints ---------------------------------------------------------

    def login(self, username: str, password: str, device: str | None = None) -> LoginResponse:
        """Exchange a password for a token (kept on this client for later calls).

        ``device`` names this client store: the server then revokes the token it
        issued to it before, so signing in on every run leaves one live token.
        """
        body = LoginRequest(username=username, password=password, device=device).model_dump(
            mode="json", exclude_none=True
        )
        answer = self._call("POST", "/auth/login", json=body, authenticated=False)
        response = _parse(LoginResponse, answer)
        self.token = response.token
        return response

    def logout(self) -> None:
        """Revoke this client's token on the server."""
        self._call("POST", "/auth/logout")
        self.token = None

    def push(self, changes: list[PushedChange]) -> list[ChangeOutcome]:
        """Send one batch of outbox changes; one outcome per change, in order."""
        body = PushRequest(changes=changes).model_dump(mode="json")
        return _parse(PushResponse, self._call("POST", "/sync/push", json=body)).results

    def pull(self, since: int, limit: int, epoch: int | None) -> PullResponse:
        """One page of the feed after ``since``."""
        params: dict[str, int] = {"since": since, "limit": limit}
        if epoch is not None:
            params["epoch"] = epoch
        # A page is large: pydantic reads it straight from the bytes (no dict of it first).
        answer = self._call("GET", "/sync/changes", params=params, raw=True)
        return _parse_json(PullResponse, answer, self.base_url)

    def history(self, since: int, limit: int) -> HistoryPage:
        """One page of the history feed (who changed what on any device) after ``since``."""
        params = {"since": since, "limit": limit}
        answer = self._call("GET", "/sync/history", params=params, raw=True)
        return _parse_json(HistoryPage, answer, self.base_url)

    def records_history(self, record_ids: list[uuid.UUID]) -> list[HistoryChange]:
        """The whole history of some records (ones newly in this user's scope)."""
        body = RecordHistoryRequest(record_ids=record_ids).model_dump(mode="json")
        answer = self._call("POST", "/sync/history/records", json=body)
        return _parse(RecordHistoryResponse, answer).changes

    def open_conflicts(self) -> list[dict[str, Any]]:
        """The server's copies of this user's unresolved conflicts."""
        answer = self._call("GET", "/sync/conflicts")
        return list(answer) if isinstance(answer, list) else []

    def resolve_conflict(self, conflict_id: str, resolution: str) -> None:
        """Tell the server how the user settled one of its kept conflicts."""
        self._call(
            "POST", f"/sync/conflicts/{conflict_id}/resolve", json={"resolution": resolution}
        )

    def app_passwords(self) -> list[AppPasswordView]:
        """This user's live app passwords for phones and calendar apps (never their values)."""
        answer = self._call("GET", "/auth/app-passwords")
        return [_parse(AppPasswordView, row) for row in answer] if isinstance(answer, list) else []

    def create_app_password(self, label: str) -> AppPasswordCreated:
        """A new app password named ``label``; its value is in the answer and nowhere else."""
        body = AppPasswordRequest(label=label).model_dump(mode="json")
        return _parse(AppPasswordCreated, self._call("POST", "/auth/app-passwords", json=body))

    def revoke_app_password(self, password_id: uuid.UUID) -> None:
        """Revoke one app password: the phone using it can no longer sign in."""
        self._call("DELETE", f"/auth/app-passwords/{password_id}")

    def call(self, method: str, path: str, json: Any = None) -> Any:
        """Any other endpoint (the admin API), with the same headers and errors."""
        return self._call(method, path, json=json)

    # -- transport ---------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, int] | None = None,
        authenticated: bool = True,
        raw: bool = False,
    ) -> Any:
        headers = {}
        if authenticated:
            if self.token is None:
                raise AuthenticationFailed("not signed in to the server")
            headers["Authorization"] = f"Bearer {self.token}"
        import httpx

        delays = self.backoff.delays()
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    method, path, json=json, params=params, headers=headers
                )
            except httpx.TransportError as error:
                failure = f"cannot reach the server at {self.base_url} ({_reason(error)})"
            else:
                if response.status_code not in RETRYABLE_STATUS:
                    if raw and response.is_success and response.status_code != 204:
                        return response.content
                    return _answer(response, self.base_url)
                failure = f"the server at {self.base_url} is unavailable ({response.status_code})"
            if attempt >= len(delays):
                raise ServerUnreachable(failure)
            self.backoff.sleep(delays[attempt])
            attempt += 1


def _reason(error: httpx.TransportError) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _answer(response: httpx.Response, base_url: str) -> Any:
    if response.status_code == 204:
        return None
    if response.is_success:
        try:
            return response.json()
        except ValueError:
            raise SyncError(f"the server at {base_url} sent an answer that is not JSON") from None
    detail, change_id = _detail(response)
    status = response.status_code
    if status == 426:
        raise ProtocolMismatch(
            f"the server speaks another sync protocol: {detail}"
            f" (this client speaks version {PROTOCOL_VERSION}); update the app or the server"
        )
    if status == 401:
        raise AuthenticationFailed(f"sign-in refused: {detail}")
    if status == 404 and "<html" in response.text.lower():
        raise SyncError(f"{base_url} is not a ContactDesk server")
    if status == 429:
        raise SyncError(f"too many attempts: {detail}", "rate_limited")
    if 400 <= status < 500:
        raise SyncError(
            f"the server refused the request ({status}): {detail}", "refused", change_id
        )
    raise SyncError(f"the server failed ({status}): {detail}", "server")


def _detail(response: httpx.Response) -> tuple[str, str | None]:
    """The server's message (naming the field) and the change it names, if any."""
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:200] or response.reason_phrase, None
    if isinstance(body, dict):
        try:
            error = ErrorBody.model_validate(body)
        except ValidationError:
            return str(body.get("detail", body))[:300], None
        where = f" ({error.field})" if error.field else ""
        change_id = str(error.change_id) if error.change_id else None
        return f"{error.detail}{where}", change_id
    return str(body)[:300], None


def _parse_json(model: type[ModelT], answer: Any, base_url: str) -> ModelT:
    """``_parse`` of an answer still in its JSON bytes (``_call(..., raw=True)``)."""
    if not isinstance(answer, bytes):
        return _parse(model, answer)
    try:
        return model.model_validate_json(answer)
    except ValidationError as error:
        if any(problem["type"] == "json_invalid" for problem in error.errors()):
            raise SyncError(f"the server at {base_url} sent an answer that is not JSON") from None
        first = str(error).splitlines()[0]
        raise SyncError(f"the server sent an answer this client cannot read ({first})") from None


def _parse(model: type[ModelT], answer: Any) -> ModelT:
    try:
        return model.model_validate(answer)
    except ValidationError as error:
        first = str(error).splitlines()[0]
        raise SyncError(f"the server sent an answer this client cannot read ({first})") from None
