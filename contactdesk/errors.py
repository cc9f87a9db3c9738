"""Errors a user can act on. Each message names what was wrong."""

from __future__ import annotations


class ContactDeskError(Exception):
    """Base of every error meant for the user (the CLI prints it and exits 1)."""


class StoreError(ContactDeskError):
    """The store file cannot be opened, read or written."""


class ValidationError(ContactDeskError):
    """A value was refused; ``field`` names it (``entity.field``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class AlreadyExists(ValidationError):
    """A name that must be unique is taken (the server answers 409)."""


class AccessDenied(ContactDeskError):
    """The acting role may not see or write this field or record."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(ContactDeskError):
    """No record with that id (or none the actor may see)."""
