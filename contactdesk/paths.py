"""Where ContactDesk keeps its files on this platform (platformdirs)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "ContactDesk"


def data_dir() -> Path:
    """The user data folder (created on demand)."""
    path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_store_path() -> Path:
    return data_dir() / "contactdesk.db"
