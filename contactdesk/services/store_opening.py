"""Opening a store for use: the store layer opens and migrates it, then its defaults are seeded.

The store layer knows nothing of roles, fields or the funnel (it never imports
services); what a store starts with lives in :mod:`contactdesk.services.defaults`.
Every door (the desktop, the CLI, the demo, tests) opens a store through here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict, Unpack

from contactdesk.services.defaults import ensure_defaults
from contactdesk.store import local_store
from contactdesk.store.local_store import IntegrityCheck, Store


class OpenOptions(TypedDict, total=False):
    """The options of :func:`contactdesk.store.local_store.open_store`."""

    migrate: bool
    read_only: bool
    integrity: IntegrityCheck
    lock_timeout: float


def open_store(path: Path | str, **options: Unpack[OpenOptions]) -> Store:
    """Open (and migrate) the store at ``path`` as the store layer does, then seed its defaults.

    A store opened read-only is left as it is.
    """
    store = local_store.open_store(path, **options)
    if not options.get("read_only", False):
        ensure_defaults(store)
    return store
