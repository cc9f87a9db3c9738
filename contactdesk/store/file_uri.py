"""SQLite URI filenames for a store path (read-only and immutable opens)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode


def sqlite_uri(path: Path, **parameters: str | int) -> str:
    """``file:`` URI for ``path`` with query ``parameters`` (``mode="ro"``, ``immutable=1``).

    The path is percent-encoded, so a folder named with ``?``, ``#`` or ``%`` is
    not mistaken for URI syntax; pass the result with ``uri=True``.
    """
    query = urlencode(parameters)
    encoded = quote(str(Path(path).absolute()), safe="/")
    return f"file:{encoded}?{query}" if query else f"file:{encoded}"
