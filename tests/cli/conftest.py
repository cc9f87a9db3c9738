"""A store holding Rita's week of the selling scenario, for the week command's tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user, find_user
from contactdesk.services.store_opening import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "selling"))
from sales_scenario import build_sales_week


@pytest.fixture
def week_store(tmp_path: Path) -> Path:
    path = tmp_path / "week.db"
    store = open_store(path)
    create_user(store, Actor.system(), "rita", display_name="Rita Rep", role="sales")
    create_user(store, Actor.system(), "sam", display_name="Sam Seller", role="sales")
    build_sales_week(store, find_user(store, "rita"), find_user(store, "sam"))
    store.close()
    return path
