"""Turning what a user typed into a stored value, or a clear error naming the field."""

from __future__ import annotations

import json
import math
import re
import uuid
from datetime import UTC, date, datetime
from typing import Any

from contactdesk.errors import ValidationError
from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.text_checks import is_valid_unicode

# Deliberately permissive: one @, no spaces, a dot in the domain. Stricter checks
# (RFC 5322 quoting, IDN) reject real addresses more often than they catch typos.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
DEFAULT_PHONE_REGION = "GB"
UNBOUNDED_TEXT_LIMIT = 20_000
MAX_LIST_ITEMS = 500
LIST_ITEM_LIMIT = 200


def _text(raw: Any, label: str, limit: int | None) -> str | None:
    # A number or an object is refused, not stored as its Python text ("{'a': 1}", "nan").
    if not isinstance(raw, str):
        raise ValidationError(label, f"expects text, not {_json_kind(raw)}")
    value = raw.strip()
    if "\x00" in value:
        raise ValidationError(label, "contains a NUL character")
    if not is_valid_unicode(value):
        raise ValidationError(label, "is not valid Unicode text (it holds a lone surrogate)")
    if not value:
        return None
    limit = limit or UNBOUNDED_TEXT_LIMIT
    if len(value) > limit:
        raise ValidationError(label, f"is {len(value)} characters long; at most {limit} allowed")
    return value


def _json_kind(value: Any) -> str:
    """How a value would be called in JSON terms, for an error message."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def normalise_email(value: str, label: str = "email") -> str:
    """Trim, lower-case the domain and check the shape of an email address."""
    value = value.strip()
    if not EMAIL_PATTERN.match(value):
        raise ValidationError(label, f"{value!r} is not a valid email address")
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


# E.164 forms this process has produced: normalising one again gives it back
# unchanged, whatever the region (a bulk import normalises each number twice:
# once to decide where it goes, once in the unit of work). Cleared when full.
_KNOWN_E164: set[str] = set()
KNOWN_E164_LIMIT = 200_000


def normalise_phone(value: str, label: str = "phone", region: str = DEFAULT_PHONE_REGION) -> str:
    """A phone number in E.164 form (+447911123456), read in ``region`` if it has no +."""
    if value in _KNOWN_E164:
        return value
    # Imported on first use (~0.2 s of metadata): the app's start needs no phone.
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(label, f"{value!r} is not a phone number ({error})") from None
    if not phonenumbers.is_possible_number(number):
        raise ValidationError(label, f"{value!r} is not a possible phone number")
    formatted: str = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if len(_KNOWN_E164) >= KNOWN_E164_LIMIT:
        _KNOWN_E164.clear()
    _KNOWN_E164.add(formatted)
    return formatted


def _number(value: Any, label: str) -> float:
    if isinstance(value, bool):
        raise ValidationError(label, "expects a number, not true/false")
    try:
        number = (
            float(str(value).strip().replace(",", "")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError):
        raise ValidationError(label, f"{value!r} is not a number") from None
    if math.isnan(number) or math.isinf(number):
        raise ValidationError(label, "must be a finite number")
    if abs(number) >= 1e15:
        raise ValidationError(label, "is too large")
    return number


def _integer(value: Any, label: str) -> int:
    number = _number(value, label)
    if number != int(number):
        raise ValidationError(label, f"{value!r} is not a whole number")
    return int(number)


def _date(value: Any, label: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(label, f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def _datetime(value: Any, label: str) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(label, f"{value!r} is not a date and time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _boolean(value: Any, label: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y", "on"}:
        return True
    if text in {"0", "false", "no", "n", "off"}:
        return False
    raise ValidationError(label, f"{value!r} is not yes/no")


def _choice(value: Any, label: str, choices: tuple[str, ...]) -> str:
    text = str(value).strip()
    if text not in choices:
        raise ValidationError(label, f"{text!r} is not one of: {', '.join(choices)}")
    return text


def _multi_choice(value: Any, label: str, choices: tuple[str, ...]) -> list[str]:
    items = _list(value, label)
    for item in items:
        _choice(item, label, choices)
    return items


def _list(value: Any, label: str) -> list[str]:
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                value = json.loads(stripped)
            except json.JSONDecodeError:
                raise ValidationError(label, "is not a list") from None
        else:
            value = [part for part in (p.strip() for p in stripped.split(",")) if part]
    if not isinstance(value, list | tuple):
        raise ValidationError(label, "expects a list")
    if len(value) > MAX_LIST_ITEMS:
        raise ValidationError(label, f"has {len(value)} items; at most {MAX_LIST_ITEMS} allowed")
    items = []
    for item in value:
        if not isinstance(item, str | int) or isinstance(item, bool):
            raise ValidationError(label, f"holds {_json_kind(item)}; items are text")
        text = _text(str(item), label, LIST_ITEM_LIMIT)
        if text is not None:
            items.append(text)
    return items


def _reference(value: Any, label: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError:
        raise ValidationError(label, f"{value!r} is not a record id") from None


def coerce_value(
    spec: FieldSpec, value: Any, entity: str, *, phone_region: str = DEFAULT_PHONE_REGION
) -> Any:
    """The stored form of ``value`` for the field ``spec`` of ``entity``.

    Empty input (None, blank text, empty list) becomes None. Raises ValidationError
    naming ``entity.field`` and what was wrong. Stage names are resolved elsewhere:
    here a stage must already be an id.
    """
    label = f"{entity}.{spec.name}"
    if value is None or (isinstance(value, str) and not value.strip()):
        if spec.required:
            raise ValidationError(label, "is required")
        return None
    kind = spec.type
    if kind in ("text", "longtext", "url"):
        return _text(value, label, spec.max_length)
    if kind == "email":
        text = _text(value, label, spec.max_length)
        return None if text is None else normalise_email(text, label)
    if kind == "phone":
        text = _text(value, label, spec.max_length)
        return None if text is None else normalise_phone(text, label, phone_region)
    if kind in ("number", "money"):
        number = _number(value, label)
        return round(number, 2) if kind == "money" else number
    if kind == "integer":
        return _integer(value, label)
    if kind == "date":
        return _date(value, label)
    if kind == "datetime":
        return _datetime(value, label)
    if kind == "boolean":
        return _boolean(value, label)
    if kind == "choice":
        return _choice(value, label, spec.choices)
    if kind == "multi_choice":
        return _multi_choice(value, label, spec.choices) or None
    if kind in ("list", "stage_list"):
        return _list(value, label)
    if kind in ("reference", "stage"):
        return _reference(value, label)
    raise ValidationError(label, f"has unknown type {kind!r}")


_JSON_PLAIN = frozenset({str, int, float, bool})


def json_safe(value: Any) -> Any:
    """A JSON-serialisable form of a stored value (for the change log and --json)."""
    if value is None or type(value) in _JSON_PLAIN:
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    return value
