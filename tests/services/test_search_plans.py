"""Search by number reads B-tree ranges of the stored numbers; words read FTS5; one statement each.

Plans, not timings: a phone prefix must SEARCH the phone indexes (FTS5 merged
every token under a long digit prefix before returning a row), and a search
must not read its records or custom values in a second round trip.
"""

from __future__ import annotations

import pytest

from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.directory import UserInfo
from contactdesk.services.rule_admin import set_rule
from contactdesk.services.search import phone_prefix, search_records
from contactdesk.store import Store
from tests.query_plans import QueryPlans


@pytest.fixture
def book(store: Store, admin: Actor, people: dict[str, UserInfo]) -> Store:
    rita, sam = people["rita"].id, people["sam"].id
    with unit_of_work.unit_of_work(store, admin) as work:
        account = work.create("account", {"name": "Northwind", "phone": "020 7946 0999"})
        work.create(
            "contact",
            {
                "display_name": "Ann Office",
                "phone": "020 7946 0001",
                "owner_id": rita,
                "account_id": account,
            },
        )
        work.create(
            "contact",
            {"display_name": "Bob Mobile", "mobile": "07700 900123", "owner_id": rita},
        )
        work.create(
            "contact",
            {
                "display_name": "Cy Both",
                "phone": "07700 900555",
                "mobile": "07700 900556",
                "owner_id": sam,
            },
        )
        work.create("contact", {"display_name": "Di Abroad", "phone": "+1 212 555 0100"})
    return store


def _found(store: Store, actor: Actor, typed: str) -> list[tuple[str, str]]:
    return [
        (hit.entity, hit.record["display_name" if hit.entity == "contact" else "name"])
        for hit in search_records(store, actor, typed)
    ]


@pytest.mark.parametrize(
    ("typed", "prefix"),
    [
        ("07700 9", "+4477009"),
        ("+44 7700 9", "+4477009"),
        ("(020) 7946-0", "+442079460"),
        ("+1 212", "+1212"),
        ("212", "+212"),
        ("Ann", None),
        ("12", None),
    ],
)
def test_phone_like_input_becomes_a_stored_number_prefix(typed: str, prefix: str | None) -> None:
    assert phone_prefix(typed) == prefix


def test_a_number_finds_contacts_by_phone_or_mobile_and_accounts_by_phone(
    book: Store, admin: Actor
) -> None:
    assert _found(book, admin, "07700 900") == [("contact", "Bob Mobile"), ("contact", "Cy Both")]
    assert _found(book, admin, "+44 20 7946") == [
        ("contact", "Ann Office"),
        ("account", "Northwind"),
    ]
    assert _found(book, admin, "+1 212 555") == [("contact", "Di Abroad")]
    assert _found(book, admin, "07700 900556") == [("contact", "Cy Both")]


def test_a_number_search_keeps_to_the_scope_and_the_visible_columns(
    book: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"].actor()
    assert _found(book, rita, "07700") == [("contact", "Bob Mobile")]
    set_rule(book, admin, "sales", "contact.mobile", "hidden")
    assert _found(book, rita, "07700") == []
    assert _found(book, rita, "020 7946") == [("contact", "Ann Office"), ("account", "Northwind")]


def test_a_number_search_reads_index_ranges(
    book: Store, admin: Actor, people: dict[str, UserInfo], query_plans: QueryPlans
) -> None:
    for actor in (admin, people["rita"].actor()):
        query_plans.clear()
        search_records(book, actor, "07700 9")
        plan = " ".join(line for _, lines in query_plans.plans() for line in lines)
        assert "USING INDEX ix_contacts_phone (phone>? AND phone<?)" in plan
        assert "USING INDEX ix_contacts_mobile (mobile>? AND mobile<?)" in plan
        assert "USING INDEX ix_accounts_phone (phone>? AND phone<?)" in plan
        assert "search_index" not in plan
        assert query_plans.scans("contacts") == []
        assert query_plans.scans("accounts") == []


def test_a_search_is_one_statement_per_entity_custom_values_included(
    book: Store, admin: Actor, query_plans: QueryPlans
) -> None:
    add_custom_field(book, admin, "contact", "loyalty", "number")
    unit_of_work.update(
        book, admin, "contact", search_records(book, admin, "Ann")[0].record["id"], {"loyalty": 7}
    )
    query_plans.clear()
    hits = search_records(book, admin, "Ann", entity="contact")
    assert [(hit.record["display_name"], hit.record["loyalty"]) for hit in hits] == [
        ("Ann Office", 7)
    ]
    searches = [s for s, _ in query_plans.statements if "search_index" in s]
    assert len(searches) == 1 and "custom_values" in searches[0]
    assert len(query_plans.statements) <= 2  # the role's rules may be read once; then one query
