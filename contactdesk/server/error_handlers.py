"""Turning every refusal into a 4xx with an ErrorBody, so no bad request ends in a 500."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from contactdesk.errors import (
    AccessDenied,
    AlreadyExists,
    ContactDeskError,
    NotFound,
    ValidationError,
)
from contactdesk.server.errors import (
    Conflict,
    ProtocolMismatch,
    RateLimited,
    RefusedChange,
    Unauthenticated,
)
from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, ErrorBody

_STATUS: list[tuple[type[ContactDeskError], int, str]] = [
    (AlreadyExists, 409, "conflict"),  # a ValidationError too: first
    (ValidationError, 422, "invalid_value"),
    (AccessDenied, 403, "forbidden"),
    (NotFound, 404, "not_found"),
    (Conflict, 409, "conflict"),
    (Unauthenticated, 401, "unauthenticated"),
    (RateLimited, 429, "rate_limited"),
    (ProtocolMismatch, 426, "protocol_mismatch"),
]


# Every status an endpoint behind the protocol check may answer besides its success,
# all with an ErrorBody: published in the OpenAPI document for each operation.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        400: "A request the server cannot act on (code bad_request)",
        401: "No valid bearer token, or a wrong username or password",
        403: "The role may not do this (a hidden field, a record outside its scope)",
        404: "No such record, or an unknown path",
        405: "The path does not take this method (the Allow header lists those it does)",
        409: "A name or id already taken, or a base_version ahead of the server",
        413: "The request body is larger than the server accepts",
        422: "A malformed body or a refused value; field names where",
        426: "The client speaks another sync protocol version",
        429: "Too many failed logins; Retry-After says when to try again",
    }.items()
}


def status_of(error: ContactDeskError) -> tuple[int, str]:
    for kind, status, code in _STATUS:
        if isinstance(error, kind):
            return status, code
    return 400, "bad_request"


def _answer(status: int, body: ErrorBody, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        status_code=status, content=body.model_dump(mode="json", exclude_none=True), headers=headers
    )


def _headers(error: ContactDeskError) -> dict[str, str] | None:
    if isinstance(error, RateLimited):
        return {"Retry-After": str(error.retry_after)}
    if isinstance(error, Unauthenticated):
        return {"WWW-Authenticate": "Bearer"}
    if isinstance(error, ProtocolMismatch):
        return {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    return None


async def _contactdesk_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ContactDeskError)
    cause = error.cause if isinstance(error, RefusedChange) else error
    status, code = status_of(cause)
    body = ErrorBody(detail=str(error), code=code, field=getattr(cause, "field", None))
    if isinstance(error, RefusedChange):
        body.change_id = error.change_id
        body.record_id = error.record_id
    return _answer(status, body, _headers(cause))


async def _request_invalid(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = []
    places = []
    for problem in list(error.errors())[:10]:
        where = ".".join(str(part) for part in problem.get("loc", ()))
        places.append(where)
        # The message only: the refused input itself may be what cannot be written out.
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    detail = "; ".join(problems) or "the request is not valid"
    field = places[0] if places else None
    return _answer(422, ErrorBody(detail=detail, code="invalid_request", field=field))


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return _answer(
        error.status_code,
        ErrorBody(detail=str(error.detail), code="http_error"),
        dict(error.headers) if error.headers else None,
    )


async def _integrity_error(_request: Request, error: Exception) -> JSONResponse:
    # A race between two writers on a unique name: the loser gets a 409, not a 500.
    return _answer(
        409, ErrorBody(detail="the request breaks a uniqueness or link rule", code="conflict")
    )


async def _data_error(_request: Request, error: Exception) -> JSONResponse:
    return _answer(
        422, ErrorBody(detail="a value is out of range for its field", code="invalid_value")
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ContactDeskError, _contactdesk_error)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(DataError, _data_error)
