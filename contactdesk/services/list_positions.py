"""Where row N of a list is: a sparse index of every STRIDE-th key, for scroll-bar jumps.

``OFFSET n`` walks n index entries (90 ms at row 900,000 of 1M contacts). This
module keeps, per list shape (entity, sort, scope, filters), the (sort value,
id) of every STRIDE-th row, so a jump seeks to the nearest anchor at or before
the target and walks fewer than STRIDE entries from there.

Anchors live in memory (opening a view never writes) and are built lazily, as
far as a jump needs them. They are trusted only while the ``list_versions``
counters they were built at are unchanged: triggers bump those on every insert,
update and delete of the table (and of ``users``, which decides team scope),
whichever process wrote, so a stale anchor is never used; the next jump after a
change rebuilds as far as it goes.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from contactdesk.store.local_store import Store

STRIDE = 1000
# List shapes remembered per store (a user's few sorts and filters).
MAX_SHAPES = 16
VERSION_QUERY = text("SELECT entity, version FROM list_versions WHERE entity IN ('user', :entity)")

Key = tuple[Any, Any]
# Reads the key of the row ``skip`` rows after ``after`` (from the start if None).
KeyReader = Callable[[Key | None, int], Key | None]


@dataclass
class _Anchors:
    versions: tuple[tuple[str, int], ...]
    # keys[i]: the key of the row at position (i + 1) * STRIDE - 1.
    keys: list[Key] = field(default_factory=list)
    # True once the walk reached the end of the list (no more anchors exist).
    complete: bool = False
    # Held while extending, so two threads jumping at once do not append twice.
    lock: threading.Lock = field(default_factory=threading.Lock)


_shapes: weakref.WeakKeyDictionary[Store, OrderedDict[Hashable, _Anchors]] = (
    weakref.WeakKeyDictionary()
)
_lock = threading.Lock()


def list_versions(session: Session, entity: str) -> tuple[tuple[str, int], ...] | None:
    """The change counters a list of ``entity`` depends on; None if it has none."""
    rows = sorted(
        (str(name), int(version))
        for name, version in session.execute(VERSION_QUERY, {"entity": entity})
    )
    if not any(name == entity for name, _ in rows):
        return None
    return tuple(rows)


def key_before(
    store: Store,
    session: Session,
    entity: str,
    shape: Hashable,
    position: int,
    read_key: KeyReader,
) -> Key | None:
    """The key of the row at ``position - 1`` (None past the end), walking < STRIDE rows.

    ``shape`` identifies the list (sort, scope, filters); ``read_key`` runs the
    list's own query, so anchors and pages agree on order and membership.
    """
    target = position - 1
    versions = list_versions(session, entity)
    if versions is None:
        return read_key(None, target)
    anchors = _anchors_for(store, shape, versions)
    block = (target + 1) // STRIDE
    with anchors.lock:
        while len(anchors.keys) < block and not anchors.complete:
            previous = anchors.keys[-1] if anchors.keys else None
            found = read_key(previous, STRIDE - 1)
            if found is None:
                anchors.complete = True
            else:
                anchors.keys.append(found)
    if block == 0:
        return read_key(None, target)
    if len(anchors.keys) < block:
        return None
    rest = target - (block * STRIDE - 1)
    start = anchors.keys[block - 1]
    return start if rest == 0 else read_key(start, rest - 1)


def _anchors_for(store: Store, shape: Hashable, versions: tuple[tuple[str, int], ...]) -> _Anchors:
    with _lock:
        shapes = _shapes.setdefault(store, OrderedDict())
        anchors = shapes.get(shape)
        if anchors is None or anchors.versions != versions:
            anchors = _Anchors(versions)
            shapes[shape] = anchors
        shapes.move_to_end(shape)
        while len(shapes) > MAX_SHAPES:
            shapes.popitem(last=False)
        return anchors
