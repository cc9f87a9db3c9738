"""The collateral-stage migration: links by stage name become links by stage id, and back."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from contactdesk.marketing.collateral_library import add_collateral, collateral_for
from contactdesk.services import funnel
from contactdesk.services.actor import Actor
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.store.engine import sqlite_engine
from contactdesk.store.schema_migration import upgrade_store
from tests.store.store_downgrade import downgrade_store

BEFORE = "20261202_role_capabilities"


def _stored_stages(path: Path) -> list[str]:
    engine = sqlite_engine(path)
    try:
        with engine.connect() as connection:
            value = connection.execute(text("SELECT stages FROM collateral")).scalar_one()
    finally:
        engine.dispose()
    return sorted(json.loads(value))


def _stage_ids(store: Store) -> dict[str, str]:
    return {stage.name: stage.id.hex for stage in funnel.list_stages(store)}


def test_a_store_linked_by_name_is_linked_by_id_after_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = open_store(path)
    admin = Actor.system()
    add_collateral(store, admin, {"title": "Price sheet", "kind": "price_sheet",
                                  "url": "https://example.com/p.pdf",
                                  "stages": ["Proposal", "Negotiation"]})  # fmt: skip
    ids = _stage_ids(store)
    store.close()
    # The store as the previous release left it: stage names in the list.
    engine = sqlite_engine(path)
    downgrade_store(engine, BEFORE)
    engine.dispose()
    assert _stored_stages(path) == ["Negotiation", "Proposal"]

    engine = sqlite_engine(path)
    upgrade_store(engine, path)
    engine.dispose()
    assert _stored_stages(path) == sorted([ids["Proposal"], ids["Negotiation"]])

    store = open_store(path)
    try:
        proposal = next(stage for stage in funnel.list_stages(store) if stage.name == "Proposal")
        funnel.update_stage(store, admin, proposal.id, name="Proposal sent")
        assert [item.title for item in collateral_for(store, admin, "Proposal sent")] == [
            "Price sheet"
        ]
    finally:
        store.close()
