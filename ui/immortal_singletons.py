"""Workaround: PySide6 6.12 on Python 3.11 drops a reference to None/True per call.

Shiboken 6.12 returns ``None`` from every void method (``setText``, ``start``,
``processEvents``...) and ``True`` from ``Signal.emit`` without taking a new
reference, as is correct only since Python 3.12, where those objects are
immortal (PEP 683). On 3.11 each call lowers their reference count for good,
and after enough calls the interpreter aborts ("none_dealloc"/"bool_dealloc") —
in a long session, a test run or the screenshot script.

Until the project pins a PySide6 without the bug (or requires Python 3.12),
``apply()`` does for these singletons what 3.12 does: it gives them a reference
count that cannot reach zero. Only on CPython before 3.12 with PySide6 6.12+.
"""

from __future__ import annotations

import ctypes
import platform
import sys

# Far above anything the leak can consume in a process's life, far below overflow.
HEADROOM = 1 << 40
AFFECTED_PYSIDE = (6, 12)


def needed(pyside_version: str) -> bool:
    if platform.python_implementation() != "CPython" or sys.version_info >= (3, 12):
        return False
    major, minor = (int(part) for part in pyside_version.split(".")[:2])
    return (major, minor) >= AFFECTED_PYSIDE


def apply() -> None:
    import PySide6

    if not needed(PySide6.__version__):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < HEADROOM:
            refcount.value += HEADROOM
