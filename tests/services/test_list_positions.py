"""Jumps and next pages stay on the (sort_key, id) index and land on the right rows.

The position index keeps every STRIDE-th key of a list; it is shrunk here so a
store of a few hundred contacts has many anchors. Plans, not timings, show the
cost does not grow with the position: a next page or a jump must SEARCH the
index from a key, never SCAN it from the first entry.
"""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from contactdesk.services import list_positions, unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.record_queries import Condition, page_records
from contactdesk.store import Store
from tests.query_plans import QueryPlans

COUNT = 230


def _names(store: Store, actor: Actor, **options: object) -> list[str]:
    page = page_records(store, actor, "contact", **options)  # type: ignore[arg-type]
    return [row["display_name"] for row in page.rows]


def _every_name(store: Store, actor: Actor) -> list[str]:
    return _names(store, actor, limit=10_000)


@pytest.fixture
def crowd(store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setattr(list_positions, "STRIDE", 20)
    with unit_of_work.unit_of_work(store, admin) as work:
        for index in range(COUNT):
            work.create("contact", {"display_name": f"Person {(index * 7) % COUNT:03d}"})
    return store


@pytest.mark.parametrize("offset", [1, 19, 20, 21, 39, 40, 137, 200, 229])
def test_a_jump_lands_on_the_row_at_that_position(crowd: Store, admin: Actor, offset: int) -> None:
    everyone = _every_name(crowd, admin)
    assert _names(crowd, admin, offset=offset, limit=5) == everyone[offset : offset + 5]


def test_a_jump_is_right_after_inserts_and_deletes(crowd: Store, admin: Actor) -> None:
    page_records(crowd, admin, "contact", offset=150, limit=5)  # anchors built up to 150
    with unit_of_work.unit_of_work(crowd, admin) as work:
        for name in ("Aaron Early", "Abel Early", "Ada Early"):
            work.create("contact", {"display_name": name})
    gone = page_records(crowd, admin, "contact", offset=10, limit=1).rows[0]
    unit_of_work.delete(crowd, admin, "contact", gone["id"])
    everyone = _every_name(crowd, admin)
    assert _names(crowd, admin, offset=150, limit=5) == everyone[150:155]


def test_a_write_from_another_process_is_seen(crowd: Store, admin: Actor) -> None:
    page_records(crowd, admin, "contact", offset=200, limit=5)
    assert crowd.path is not None
    other = sqlite3.connect(crowd.path)
    with other:
        other.execute(
            "INSERT INTO contacts (id, display_name, sort_key, version, created_at, updated_at) "
            "VALUES (?, 'Aardvark Zero', 'aardvark zero', 1, '2026-01-01', '2026-01-01')",
            (uuid.uuid4().hex,),
        )
    other.close()
    everyone = _every_name(crowd, admin)
    assert "Aardvark Zero" in everyone
    assert _names(crowd, admin, offset=200, limit=5) == everyone[200:205]


def test_a_filtered_list_has_its_own_positions(crowd: Store, admin: Actor) -> None:
    where = [Condition("display_name", "contains", "1")]
    matching = _names(crowd, admin, where=where, limit=10_000)
    page_records(crowd, admin, "contact", offset=60, limit=5)  # the unfiltered list's anchors
    assert _names(crowd, admin, where=where, offset=45, limit=5) == matching[45:50]


def test_a_reps_jump_stays_in_their_scope(
    store: Store, admin: Actor, people: dict[str, UserInfo], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(list_positions, "STRIDE", 10)
    rita, sam = people["rita"], people["sam"]
    with unit_of_work.unit_of_work(store, admin) as work:
        for index in range(90):
            owner = rita if index % 3 else sam
            work.create("contact", {"display_name": f"Client {index:02d}", "owner_id": owner.id})
    rep = rita.actor()
    hers = _every_name(store, rep)
    assert len(hers) == 60
    assert _names(store, rep, offset=33, limit=4) == hers[33:37]


def test_next_page_deep_in_the_list_searches_the_index(
    crowd: Store, admin: Actor, query_plans: QueryPlans
) -> None:
    first = page_records(crowd, admin, "contact", offset=200, limit=10)
    query_plans.clear()
    page_records(crowd, admin, "contact", after=first.next_after, limit=10)
    assert query_plans.scans("contacts") == []
    plan = " ".join(line for _, lines in query_plans.plans() for line in lines)
    assert "SEARCH contacts USING INDEX ix_contacts_sort_key_id ((sort_key,id)>(?,?))" in plan


def test_a_jump_walks_from_an_anchor_not_from_the_start(
    crowd: Store, admin: Actor, query_plans: QueryPlans
) -> None:
    page_records(crowd, admin, "contact", offset=220, limit=5)  # builds the anchors
    query_plans.clear()
    page_records(crowd, admin, "contact", offset=175, limit=5)
    assert query_plans.scans("contacts") == []
    assert len(query_plans.statements) <= 3  # versions, key before the target, the page
