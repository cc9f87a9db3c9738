"""Where the app's shipped files are: icons, translations, the user guide.

From a source checkout they sit next to ``ui/`` (``resources/``, ``docs/``);
in a PyInstaller bundle they are unpacked under ``sys._MEIPASS`` in the same layout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def install_root() -> Path:
    """The folder holding ``resources/`` and ``docs/``: the bundle, or the checkout."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled is not None:
        return Path(bundled)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def user_guide_dir() -> Path:
    return install_root() / "docs" / "user-guide"


def application_icon() -> QIcon:
    """The ContactDesk icon at every size drawn by ``packaging/draw_icon.py``."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"contactdesk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon
