"""The hand-countable CRM store every report test reads (see crm_fixture)."""

from __future__ import annotations

import pytest
from crm_fixture import CrmFixture, build_crm

from contactdesk.store import Store


@pytest.fixture
def crm(store: Store) -> CrmFixture:
    return build_crm(store)
