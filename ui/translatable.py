"""Marking a text for translation where it is declared: Qt's ``QT_TRANSLATE_NOOP``, typed.

PySide6 declares ``QT_TRANSLATE_NOOP`` as returning ``object``; it hands back its
text unchanged. ``pyside6-lupdate`` finds the marker by its name, so this keeps it.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """``source_text``, marked for the ``context`` catalogue; translate it where it is shown."""
    del context
    return source_text
