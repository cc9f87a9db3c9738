"""Finding values no later read could write back out: lone surrogates, NaN, runaway sizes.

JSON may carry ``"\\ud800"`` (a lone UTF-16 surrogate) and Python's parser may
read ``NaN``; both are stored happily and then break every serialiser that
reads them back (UTF-8 encoding, strict JSON). Checked before anything is
written, so a bad value is a clear refusal instead of a poisoned feed.
"""

from __future__ import annotations

import math
from typing import Any

# Deep enough for any setting or field value; deeper nesting is refused, not recursed.
MAX_DEPTH = 20


def is_valid_unicode(text: str) -> bool:
    """Whether ``text`` can be encoded as UTF-8 (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unwritable_part(value: Any, where: str = "", depth: int = 0) -> str | None:
    """Where in a JSON-like ``value`` something cannot be serialised, and why; None if nothing.

    The answer reads like ``fields.first_name: is not valid Unicode (a lone surrogate)``.
    """
    label = where or "value"
    if depth > MAX_DEPTH:
        return f"{label}: is nested deeper than {MAX_DEPTH} levels"
    if isinstance(value, str):
        return None if is_valid_unicode(value) else f"{label}: {_SURROGATE}"
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{label}: must be a finite number"
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{where}.{key}" if where else str(key)
            if isinstance(key, str) and not is_valid_unicode(key):
                return f"{where or 'value'}: a key {_SURROGATE}"
            found = unwritable_part(item, inner, depth + 1)
            if found:
                return found
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = unwritable_part(item, f"{where}[{index}]" if where else f"[{index}]", depth + 1)
            if found:
                return found
    return None


_SURROGATE = "is not valid Unicode text (it holds a lone surrogate)"
