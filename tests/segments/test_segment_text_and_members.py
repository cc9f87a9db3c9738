"""Segments read free text as people type it, offer the values they hold, and list their members.

"north" finds what "North" finds; a field's known values come from an index, one
seek per value; the member pages list exactly the contacts the count counts.
Plans, not timings, keep these queries on their indexes.
"""

from __future__ import annotations

import pytest
from crm_fixture import CrmFixture

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.segments.segment_counts import (
    count_segment,
    segment_member_page,
    summarise_segment,
)
from contactdesk.segments.segment_definition import FieldCondition, SegmentDefinition, all_of
from contactdesk.segments.segment_fields import segment_fields
from contactdesk.segments.segment_values import known_values
from contactdesk.services.actor import Actor
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.rule_admin import set_rule
from contactdesk.services.unit_of_work import unit_of_work
from tests.query_plans import QueryPlans

MARKETING = Actor.for_role("marketing")


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (FieldCondition("title", "eq", "cfo"), 2),
        (FieldCondition("title", "eq", "CFO"), 2),
        (FieldCondition("title", "ne", "cfo"), 2),
        (FieldCondition("title", "in", ["cfo", "cTo"]), 3),
        (FieldCondition("account.industry", "eq", "healthcare"), 2),
        (FieldCondition("account.region", "eq", "NORTH"), 2),
    ],
)
def test_text_conditions_ignore_case(
    crm: CrmFixture, condition: FieldCondition, expected: int
) -> None:
    assert count_segment(crm.store, MARKETING, all_of(condition)) == expected


def test_is_on_a_custom_text_field_ignores_case(crm: CrmFixture) -> None:
    add_custom_field(crm.store, Actor.system(), "contact", "tier", "text", label="Tier")
    with unit_of_work(crm.store, Actor.system()) as work:
        work.update("contact", crm.ids["ann"], {"tier": "Gold"})
        work.update("contact", crm.ids["ben"], {"tier": "gold"})
    assert count_segment(crm.store, MARKETING, all_of(FieldCondition("tier", "eq", "GOLD"))) == 2
    assert count_segment(crm.store, MARKETING, all_of(FieldCondition("tier", "ne", "gold"))) == 2
    assert known_values(crm.store, MARKETING, "tier") == ["Gold"]


def test_a_capital_outside_ascii_is_matched_too(crm: CrmFixture) -> None:
    with unit_of_work(crm.store, Actor.system()) as work:
        work.update("contact", crm.ids["dan"], {"title": "Ärztlicher Leiter"})
    found = all_of(FieldCondition("title", "eq", "ärztlicher leiter"))
    assert count_segment(crm.store, MARKETING, found) == 1


def test_known_values_are_distinct_whatever_their_case(crm: CrmFixture) -> None:
    with unit_of_work(crm.store, Actor.system()) as work:
        work.update("contact", crm.ids["dan"], {"title": "cfo"})
    # One entry per value whatever its case (the spelling is whichever the index holds first).
    assert [value.casefold() for value in known_values(crm.store, MARKETING, "title")] == [
        "cfo",
        "cto",
    ]
    assert known_values(crm.store, MARKETING, "account.industry") == ["Healthcare", "Retail"]


def test_the_builder_offers_known_values_for_indexed_text_fields(crm: CrmFixture) -> None:
    offered = {field.key for field in segment_fields(crm.store, MARKETING) if field.known_values}
    assert {"title", "region", "account.industry", "account.region"} <= offered
    assert "email" not in offered  # free text with no index of its values


def test_known_values_of_a_hidden_or_unindexed_field_are_refused(crm: CrmFixture) -> None:
    with pytest.raises(ValidationError):
        known_values(crm.store, MARKETING, "email")
    set_rule(crm.store, Actor.system(), "marketing", "contact.title", "hidden")
    with pytest.raises(AccessDenied):
        known_values(crm.store, MARKETING, "title")


def test_member_pages_list_exactly_the_contacts_counted(crm: CrmFixture) -> None:
    definition = all_of(FieldCondition("title", "in", ["cfo", "cto"]))
    count = summarise_segment(crm.store, MARKETING, definition).count
    names: list[str] = []
    after = None
    while True:
        page = segment_member_page(crm.store, MARKETING, definition, after=after, limit=2)
        names += [row["display_name"] for row in page.rows]
        if page.next_after is None:
            break
        after = page.next_after
    assert names == ["Ann Archer", "Ben Baker", "Cara Cole"]
    assert len(names) == count


def test_member_rows_hold_no_hidden_field(crm: CrmFixture) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.email", "hidden")
    rows = segment_member_page(crm.store, MARKETING, SegmentDefinition()).rows
    assert len(rows) == 4
    assert all("email" not in row for row in rows)


def test_case_free_conditions_and_pickers_stay_on_indexes(
    crm: CrmFixture, query_plans: QueryPlans
) -> None:
    definition = all_of(
        FieldCondition("title", "eq", "cfo"), FieldCondition("account.industry", "eq", "retail")
    )
    query_plans.clear()
    count_segment(crm.store, MARKETING, definition)
    segment_member_page(crm.store, MARKETING, definition)
    for key in ("title", "region", "account.industry", "account.territory"):
        known_values(crm.store, MARKETING, key)
    plans = query_plans.plans()
    assert query_plans.scans("contacts") == []
    assert query_plans.scans("accounts") == []
    used = " ".join(line for _, lines in plans for line in lines)
    for index in (
        "ix_contacts_title_nocase",
        "ix_contacts_region_nocase",
        "ix_accounts_industry_nocase",
        "ix_accounts_territory_nocase",
    ):
        assert index in used
