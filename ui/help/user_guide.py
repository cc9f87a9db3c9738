"""Where the user guide for a role is: ``docs/user-guide/<role>.md`` next to the app."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from ui.resource_files import user_guide_dir

GUIDES = {"sales": "sales.md", "marketing": "marketing.md", "admin": "admin.md"}
INDEX = "README.md"


def user_guide_url(role: str) -> QUrl:
    """The guide of ``role``; roles an admin added get the guides' index."""
    folder = user_guide_dir()
    return QUrl.fromLocalFile(str(folder / GUIDES.get(role, INDEX)))
