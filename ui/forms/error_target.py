"""Which input a service error is about: ``contact.email`` -> ``email``."""

from __future__ import annotations

from contactdesk.errors import AccessDenied, ValidationError


def error_field(error: BaseException) -> str | None:
    """The ``entity.field`` a ValidationError or AccessDenied names, if it names one."""
    if isinstance(error, ValidationError | AccessDenied):
        return error.field
    return None


def field_part(qualified: str | None) -> str | None:
    """The field name of ``entity.field`` (a bare name stays as it is)."""
    if not qualified:
        return None
    return qualified.rpartition(".")[2] or None


def error_text(error: BaseException) -> str:
    """What to show beside the field: the reason alone, as the field is already named."""
    if isinstance(error, ValidationError):
        return error.reason
    return str(error)
