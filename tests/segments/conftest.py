"""Segment tests read the same hand-countable store as the report tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# crm_fixture lives with the report tests; both suites count against the same records.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))

from crm_fixture import CrmFixture, build_crm

from contactdesk.store import Store


@pytest.fixture
def crm(store: Store) -> CrmFixture:
    return build_crm(store)
