"""The hand-made sales week every selling test starts from (see sales_scenario.py)."""

from __future__ import annotations

import pytest
from sales_scenario import SalesWeek, build_sales_week

from contactdesk.services.directory import UserInfo
from contactdesk.store import Store


@pytest.fixture
def week(store: Store, people: dict[str, UserInfo]) -> SalesWeek:
    return build_sales_week(store, people["rita"], people["sam"])
