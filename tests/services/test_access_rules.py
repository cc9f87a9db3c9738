"""Field rules and record scope hold in every read and write of the service layer."""

from __future__ import annotations

import pytest

from contactdesk.errors import AccessDenied
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.record_queries import (
    Condition,
    count_records,
    get_record,
    page_records,
    visible_fields,
)
from contactdesk.services.rule_admin import set_rule, set_scope
from contactdesk.services.search import search_records
from contactdesk.store import Store


@pytest.fixture
def book(store: Store, admin: Actor, people: dict[str, UserInfo]) -> dict[str, str]:
    """One contact owned by each rep, one unassigned, each with an email."""
    ids = {}
    for owner in ("rita", "sam", None):
        name = f"{owner or 'nobody'}'s client"
        values = {"display_name": name, "email": f"{owner or 'nobody'}@inbox.example"}
        if owner:
            values["owner_id"] = str(people[owner].id)
        ids[owner or "nobody"] = str(unit_of_work.create(store, admin, "contact", values).record_id)
    return ids


def test_sales_sees_its_own_and_unassigned_records_only(
    store: Store, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    rows = page_records(store, people["rita"].actor(), "contact").rows
    assert sorted(row["display_name"] for row in rows) == ["nobody's client", "rita's client"]


def test_marketing_sees_all_records(
    store: Store, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    assert count_records(store, people["mia"].actor(), "contact") == 3


def test_team_scope_shows_the_teams_records(
    store: Store, admin: Actor, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    set_scope(store, admin, "sales", "team")
    rows = page_records(store, people["sam"].actor(), "contact").rows
    assert sorted(row["display_name"] for row in rows) == ["nobody's client", "sam's client"]


def test_hidden_field_is_absent_not_blank(
    store: Store, admin: Actor, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    set_rule(store, admin, "sales", "contact.email", "hidden")
    record = get_record(store, people["rita"].actor(), "contact", book["rita"])
    assert "email" not in record
    assert "email" not in {
        spec.name for spec in visible_fields(store, people["rita"].actor(), "contact")
    }


def test_hidden_field_cannot_be_searched(
    store: Store, admin: Actor, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    rita = people["rita"].actor()
    found = [h.record["display_name"] for h in search_records(store, rita, "inbox")]
    assert sorted(found) == ["nobody's client", "rita's client"]
    set_rule(store, admin, "sales", "contact.email", "hidden")
    assert search_records(store, rita, "inbox") == []


def test_hidden_field_cannot_be_filtered_or_sorted_by(
    store: Store, admin: Actor, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    set_rule(store, admin, "sales", "contact.email", "hidden")
    rita = people["rita"].actor()
    with pytest.raises(AccessDenied, match=r"contact\.email"):
        count_records(store, rita, "contact", [Condition("email", "contains", "rita")])
    with pytest.raises(AccessDenied, match=r"contact\.email"):
        page_records(store, rita, "contact", sort="email")


def test_writing_a_read_only_field_is_refused_naming_it(
    store: Store, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    with pytest.raises(AccessDenied, match=r"may not edit field contact\.owner_id"):
        unit_of_work.update(
            store,
            people["rita"].actor(),
            "contact",
            book["rita"],
            {"owner_id": str(people["sam"].id)},
        )


def test_writing_outside_the_record_scope_is_refused(
    store: Store, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    with pytest.raises(AccessDenied, match="outside the record scope"):
        unit_of_work.update(store, people["rita"].actor(), "contact", book["sam"], {"title": "CFO"})


def test_sales_cannot_see_campaign_budget_by_default(store: Store, admin: Actor) -> None:
    unit_of_work.create(
        store,
        admin,
        "campaign",
        {
            "name": "Spring webinar",
            "channel": "webinar",
            "starts_on": "2026-03-01",
            "ends_on": "2026-03-31",
            "budget": 5000,
            "spend": 1200,
        },
    )
    row = page_records(store, Actor.for_role("sales"), "campaign").rows[0]
    assert "budget" not in row and "spend" not in row
    assert row["name"] == "Spring webinar"


def test_marketing_edits_leads_but_only_reads_contacts(
    store: Store, people: dict[str, UserInfo], book: dict[str, str]
) -> None:
    mia = people["mia"].actor()
    lead = unit_of_work.create(
        store, mia, "lead", {"contact_id": book["nobody"], "source": "webinar"}
    )
    unit_of_work.update(store, mia, "lead", lead.record_id, {"score": 70})
    with pytest.raises(AccessDenied, match=r"contact\.title"):
        unit_of_work.update(store, mia, "contact", book["nobody"], {"title": "CFO"})


def test_a_role_viewed_without_a_user_sees_unassigned_records_only(
    store: Store, book: dict[str, str]
) -> None:
    rows = page_records(store, Actor.for_role("sales"), "contact").rows
    assert [row["display_name"] for row in rows] == ["nobody's client"]


def test_unknown_role_is_refused_listing_the_known_ones(store: Store) -> None:
    with pytest.raises(AccessDenied, match="unknown role 'pirate'"):
        page_records(store, Actor.for_role("pirate"), "contact")


def test_a_reps_pages_list_own_and_unassigned_records_in_order(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    names = []
    with unit_of_work.unit_of_work(store, admin) as work:
        for index in range(90):
            owner = (people["rita"].id, people["sam"].id, None)[index % 3]
            name = f"Client {index:02d}"
            values = {"display_name": name, "owner_id": str(owner) if owner else None}
            work.create("contact", values)
            if owner != people["sam"].id:
                names.append(name)
    seen: list[str] = []
    after = None
    while True:
        page = page_records(store, people["rita"].actor(), "contact", after=after, limit=7)
        seen += [row["display_name"] for row in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert seen == sorted(names)
