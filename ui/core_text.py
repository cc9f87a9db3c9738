"""Translating the words the core library shows: field labels, report titles and columns.

``contactdesk/`` has no Qt and so no ``tr()``; its user-visible words are
plain English constants. The UI passes each through ``core_text`` at display
time. lupdate finds them in ``ui/core_text_catalog.py`` (regenerated with
``python -m ui.core_text_catalog``; a test fails when the core gains a word the
catalogue lacks).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "CoreText"


def core_text(text: str) -> str:
    """``text`` in the user's language (unchanged where no translation exists)."""
    return QCoreApplication.translate(CONTEXT, text)
