"""Segments select the right contacts: fields, custom fields, company, related data, groups."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from crm_fixture import CrmFixture

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.segments.segment_counts import (
    count_segment,
    segment_contact_ids,
    summarise_segment,
)
from contactdesk.segments.segment_definition import (
    FieldCondition,
    Group,
    RelatedCondition,
    SegmentDefinition,
    all_of,
    parse_definition,
)
from contactdesk.services.actor import Actor
from contactdesk.services.rule_admin import set_rule

MARKETING = Actor.for_role("marketing")


def members(crm: CrmFixture, definition: SegmentDefinition) -> set[str]:
    names = {value: key for key, value in crm.ids.items()}
    found: set[str] = set()
    for batch in segment_contact_ids(crm.store, MARKETING, definition):
        found.update(names[contact_id] for contact_id in batch)
    return found


def test_an_empty_segment_matches_every_contact(crm: CrmFixture) -> None:
    assert count_segment(crm.store, MARKETING, SegmentDefinition()) == 4


def test_a_field_condition_matches_on_the_contacts_field(crm: CrmFixture) -> None:
    assert members(crm, all_of(FieldCondition("title", "eq", "CFO"))) == {"ann", "cara"}


def test_a_custom_field_condition_compares_numbers(crm: CrmFixture) -> None:
    assert members(crm, all_of(FieldCondition("loyalty", "ge", 5))) == {"ann", "cara"}


def test_a_company_field_condition_matches_contacts_of_those_companies(crm: CrmFixture) -> None:
    healthcare = all_of(FieldCondition("account.industry", "eq", "Healthcare"))
    assert members(crm, healthcare) == {"ann", "ben"}


def test_nested_groups_combine_and_with_or(crm: CrmFixture) -> None:
    # Retail AND (CFO OR loyalty >= 9): Cara is Retail and CFO; Dan is neither.
    definition = all_of(
        FieldCondition("account.industry", "eq", "Retail"),
        Group("any", (FieldCondition("title", "eq", "CFO"), FieldCondition("loyalty", "ge", 9))),
    )
    assert members(crm, definition) == {"cara"}


def test_an_any_group_of_all_groups_unites_them(crm: CrmFixture) -> None:
    definition = SegmentDefinition(
        Group(
            "any",
            (
                Group("all", (FieldCondition("title", "eq", "CTO"),)),
                Group(
                    "all",
                    (FieldCondition("title", "eq", "Buyer"), FieldCondition("loyalty", "empty")),
                ),
            ),
        )
    )
    assert members(crm, definition) == {"ben", "dan"}


@pytest.mark.parametrize(
    ("related", "op", "value", "expected"),
    [
        ("lead_source", "eq", "webinar", {"ann", "ben"}),
        ("campaign", "in", ["Trade Show"], {"cara"}),
        ("funnel_stage", "in", ["Proposal"], {"ben"}),
        ("has_open_opportunity", "eq", True, {"ben", "dan"}),
        ("has_open_opportunity", "eq", False, {"ann", "cara"}),
        ("activity_within_days", "within", 7, {"ann"}),
    ],
)
def test_related_conditions_match_contacts_through_their_records(
    crm: CrmFixture, related: str, op: str, value: Any, expected: set[str]
) -> None:
    assert members(crm, all_of(RelatedCondition(related, op, value))) == expected


def test_won_in_period_matches_buyers_of_deals_won_then(crm: CrmFixture) -> None:
    period = {"from": (crm.today - timedelta(days=10)).isoformat(), "to": crm.today.isoformat()}
    assert members(crm, all_of(RelatedCondition("won_in_period", "between", period))) == {"ann"}


def test_breakdown_counts_members_per_company_industry(crm: CrmFixture) -> None:
    summary = summarise_segment(crm.store, MARKETING, SegmentDefinition(), "account.industry")
    rows = summary.breakdown
    assert {(row.value, row.contacts) for row in rows} == {("Healthcare", 2), ("Retail", 2)}


def test_breakdown_by_lead_source_counts_each_contact_once_per_source(crm: CrmFixture) -> None:
    rows = summarise_segment(crm.store, MARKETING, SegmentDefinition(), "lead_source").breakdown
    assert {(row.value, row.contacts) for row in rows} == {
        ("webinar", 2),
        ("event", 1),
        ("website", 1),
    }


def test_a_hidden_field_is_refused(crm: CrmFixture) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.title", "hidden")
    with pytest.raises(AccessDenied, match=r"contact\.title"):
        count_segment(crm.store, MARKETING, all_of(FieldCondition("title", "eq", "CFO")))


def test_a_hidden_custom_field_is_refused(crm: CrmFixture) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.loyalty", "hidden")
    with pytest.raises(AccessDenied, match=r"contact\.loyalty"):
        count_segment(crm.store, MARKETING, all_of(FieldCondition("loyalty", "ge", 1)))


def test_breaking_down_by_a_hidden_field_is_refused(crm: CrmFixture) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "account.industry", "hidden")
    with pytest.raises(AccessDenied):
        summarise_segment(crm.store, MARKETING, SegmentDefinition(), "account.industry")


def test_an_unknown_field_is_named_as_unknown(crm: CrmFixture) -> None:
    with pytest.raises(ValidationError, match=r"contact\.shoe_size: no such field"):
        count_segment(crm.store, MARKETING, all_of(FieldCondition("shoe_size", "eq", 1)))


def test_an_unknown_operator_is_refused(crm: CrmFixture) -> None:
    with pytest.raises(ValidationError, match="unknown operator"):
        count_segment(crm.store, MARKETING, all_of(FieldCondition("title", "like", "C%")))


def test_a_value_of_the_wrong_type_is_refused(crm: CrmFixture) -> None:
    with pytest.raises(ValidationError, match="not a number"):
        count_segment(crm.store, MARKETING, all_of(FieldCondition("loyalty", "ge", "lots")))


def test_an_unknown_related_kind_is_refused_with_the_known_ones(crm: CrmFixture) -> None:
    with pytest.raises(ValidationError, match="known: lead_source"):
        count_segment(crm.store, MARKETING, all_of(RelatedCondition("horoscope", "eq", "leo")))


def test_a_sales_role_counts_only_contacts_in_its_scope(crm: CrmFixture) -> None:
    from contactdesk.services.directory import find_user
    from contactdesk.services.unit_of_work import update

    rita = find_user(crm.store, "rita").id
    update(crm.store, Actor.system(), "contact", crm.ids["dan"], {"owner_id": rita})
    # A role view owns nothing, so it sees the three unassigned contacts only.
    assert count_segment(crm.store, Actor.for_role("sales"), SegmentDefinition()) == 3


def test_definition_round_trips_through_json() -> None:
    definition = all_of(
        FieldCondition("title", "in", ["CFO"]),
        Group("any", (RelatedCondition("activity_within_days", "within", 30),)),
    )
    assert parse_definition(definition.to_json()) == definition


def test_the_demos_flat_account_form_reads_as_company_conditions() -> None:
    legacy = {"entity": "account", "where": [{"field": "industry", "op": "eq", "value": "Retail"}]}
    assert parse_definition(legacy) == all_of(FieldCondition("account.industry", "eq", "Retail"))


def test_a_malformed_group_is_refused_with_its_place() -> None:
    with pytest.raises(ValidationError, match=r"root.items\[0\].match"):
        parse_definition({"root": {"match": "all", "items": [{"match": "most", "items": []}]}})


def test_is_empty_on_a_custom_field_matches_contacts_without_a_value(crm: CrmFixture) -> None:
    assert members(crm, all_of(FieldCondition("loyalty", "empty"))) == {"dan"}


def test_is_not_on_a_custom_field_includes_contacts_without_a_value(crm: CrmFixture) -> None:
    assert members(crm, all_of(FieldCondition("loyalty", "ne", 5))) == {"ben", "cara", "dan"}
