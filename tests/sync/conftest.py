"""Sync fixtures: one real server process per module, and a test-only keyring."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_fixtures import server, test_keyring

__all__ = ["client_path", "server", "test_keyring"]


@pytest.fixture
def client_path(tmp_path: Path) -> Path:
    return tmp_path / "client.db"
