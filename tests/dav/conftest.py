"""DAV fixtures: the sync suite's real server process and test-only keyring (tests/sync)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))

from sync_fixtures import server, test_keyring

__all__ = ["server", "test_keyring"]
