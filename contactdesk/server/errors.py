"""Refusals the server answers with a 4xx (on top of ``contactdesk.errors``)."""

from __future__ import annotations

import uuid

from contactdesk.errors import ContactDeskError


class ProtocolMismatch(ContactDeskError):
    """The client speaks another sync protocol version (or did not say which)."""


class Unauthenticated(ContactDeskError):
    """No valid bearer token, or a wrong username or password."""


class RateLimited(ContactDeskError):
    """Too many failed logins; try again after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(ContactDeskError):
    """The request collides with what exists (a name already taken)."""


class RefusedChange(ContactDeskError):
    """One pushed change was refused, so the whole batch is: ``cause`` says why."""

    def __init__(self, cause: ContactDeskError, change_id: uuid.UUID, record_id: uuid.UUID) -> None:
        super().__init__(f"change {change_id} (record {record_id}): {cause}")
        self.cause = cause
        self.change_id = change_id
        self.record_id = record_id
