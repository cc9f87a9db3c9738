"""Reading records: keyset pages that are stable and complete, filters, counts."""

from __future__ import annotations

import pytest

from contactdesk.errors import ValidationError
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import Condition, count_records, page_records
from contactdesk.store import Store

NAMES = [f"Person {i:03d}" for i in range(250)]


@pytest.fixture
def crowd(store: Store, admin: Actor) -> Store:
    with unit_of_work.unit_of_work(store, admin) as work:
        for index, name in enumerate(reversed(NAMES)):
            work.create(
                "contact",
                {"display_name": name, "city": "Leeds" if index % 5 == 0 else "York"},
            )
    return store


def _all_pages(store: Store, actor: Actor, limit: int) -> list[list[str]]:
    pages: list[list[str]] = []
    after = None
    while True:
        page = page_records(store, actor, "contact", after=after, limit=limit)
        pages.append([row["display_name"] for row in page.rows])
        if page.next_after is None:
            return pages
        after = page.next_after


def test_pages_cover_every_record_once_in_order(crowd: Store, admin: Actor) -> None:
    pages = _all_pages(crowd, admin, 40)
    assert [name for page in pages for name in page] == NAMES
    assert [len(page) for page in pages] == [40] * 6 + [10]


def test_paging_is_stable_when_records_are_added_behind_the_cursor(
    crowd: Store, admin: Actor
) -> None:
    first = page_records(crowd, admin, "contact", limit=100)
    unit_of_work.create(crowd, admin, "contact", {"display_name": "Aaron Early"})
    second = page_records(crowd, admin, "contact", after=first.next_after, limit=100)
    assert second.rows[0]["display_name"] == NAMES[100]


def test_offset_jumps_to_a_row_position(crowd: Store, admin: Actor) -> None:
    page = page_records(crowd, admin, "contact", offset=200, limit=5)
    assert [row["display_name"] for row in page.rows] == NAMES[200:205]


def test_sorting_by_another_field_pages_completely(crowd: Store, admin: Actor) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = page_records(crowd, admin, "contact", sort="city", after=after, limit=33)
        seen += [row["display_name"] for row in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert sorted(seen) == NAMES


def test_filter_and_count_agree(crowd: Store, admin: Actor) -> None:
    where = [Condition("city", "eq", "Leeds")]
    assert count_records(crowd, admin, "contact", where) == 50
    assert len(page_records(crowd, admin, "contact", where=where, limit=1000).rows) == 50


def test_contains_filter_treats_wildcards_as_text(crowd: Store, admin: Actor) -> None:
    assert count_records(crowd, admin, "contact", [Condition("display_name", "contains", "%")]) == 0
    assert (
        count_records(crowd, admin, "contact", [Condition("display_name", "contains", "son 00")])
        == 10
    )


def test_unknown_operator_is_refused(crowd: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="unknown operator"):
        count_records(crowd, admin, "contact", [Condition("city", "resembles", "x")])


def test_page_size_is_bounded(crowd: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="limit"):
        page_records(crowd, admin, "contact", limit=0)


def test_offset_past_the_end_is_an_empty_last_page(crowd: Store, admin: Actor) -> None:
    page = page_records(crowd, admin, "contact", offset=250, limit=5)
    assert (page.rows, page.next_after) == ([], None)


def test_offset_then_next_page_continues_in_order(crowd: Store, admin: Actor) -> None:
    first = page_records(crowd, admin, "contact", offset=120, limit=10)
    second = page_records(crowd, admin, "contact", after=first.next_after, limit=10)
    assert [row["display_name"] for row in first.rows + second.rows] == NAMES[120:140]
