"""A small demo store, generated once per module: the tests only read it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from contactdesk.demo import DemoSummary, generate_demo

DEMO_CONTACTS = 300
# A fixed "today" keeps date assertions independent of when the tests run.
DEMO_TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSummary]:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    yield generate_demo(path, DEMO_CONTACTS, seed=1, today=DEMO_TODAY)
