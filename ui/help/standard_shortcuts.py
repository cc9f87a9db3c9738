"""The platform's standard key sequences, with the common one where a platform has none.

Qt leaves some standard keys unbound on some platforms (Quit and Preferences have
no binding under plain X11 or Windows); the app then uses what users of those
desktops expect, so every action keeps a shortcut everywhere.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

StandardKey = QKeySequence.StandardKey

FALLBACKS: dict[StandardKey, str] = {
    StandardKey.Quit: "Ctrl+Q",
    StandardKey.Preferences: "Ctrl+,",
    StandardKey.Close: "Ctrl+W",
    StandardKey.HelpContents: "F1",
}


def standard_shortcuts(key: StandardKey) -> list[QKeySequence]:
    """The platform's bindings of ``key``, or the common fallback when it has none."""
    bindings = [binding for binding in QKeySequence.keyBindings(key) if not binding.isEmpty()]
    if bindings:
        return bindings
    fallback = FALLBACKS.get(key)
    return [QKeySequence(fallback)] if fallback else []
