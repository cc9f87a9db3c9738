"""Admins shape fields, rules, roles, the funnel and the agreed settings."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.model import ChangeLog
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import (
    goal_metric,
    handoff_rules,
    set_goal_metric,
    set_handoff_rules,
)
from contactdesk.services.custom_fields import add_custom_field, update_custom_field
from contactdesk.services.directory import UserInfo
from contactdesk.services.funnel import add_stage, list_stages, remove_stage, reorder_stages
from contactdesk.services.record_queries import Condition, count_records, get_record
from contactdesk.services.rule_admin import add_role, list_roles, rule_matrix, set_rule
from contactdesk.store import Store


def test_every_builtin_field_has_a_definition_with_a_rule_per_role(store: Store) -> None:
    roles, rows = rule_matrix(store, "contact")
    assert roles == ["admin", "marketing", "sales"]
    assert {row.field for row in rows} >= {"display_name", "email", "phone", "owner_id"}
    assert all(set(row.access) == set(roles) for row in rows)


@pytest.mark.parametrize(
    ("field_type", "value", "stored"),
    [
        ("text", "Gold", "Gold"),
        ("number", "12.5", 12.5),
        ("money", "99.999", 100.0),
        ("date", "2026-05-01", "2026-05-01"),
        ("boolean", "yes", True),
    ],
)
def test_custom_field_of_each_type_stores_and_reads_back(
    store: Store, admin: Actor, field_type: str, value: str, stored: object
) -> None:
    add_custom_field(store, admin, "contact", "extra_info", field_type)
    record_id = unit_of_work.create(
        store, admin, "contact", {"display_name": "Ann", "extra_info": value}
    ).record_id
    read = get_record(store, admin, "contact", record_id)["extra_info"]
    assert (read.isoformat() if hasattr(read, "isoformat") else read) == stored


def test_choice_fields_keep_only_their_choices(store: Store, admin: Actor) -> None:
    add_custom_field(store, admin, "account", "tier", "choice", choices=["Gold", "Silver"])
    add_custom_field(store, admin, "account", "channels", "multi_choice", choices=["Web", "Shop"])
    record_id = unit_of_work.create(
        store, admin, "account", {"name": "Acme", "tier": "Gold", "channels": "Web,Shop"}
    ).record_id
    record = get_record(store, admin, "account", record_id)
    assert (record["tier"], record["channels"]) == ("Gold", ["Web", "Shop"])
    with pytest.raises(ValidationError, match="not one of: Gold, Silver"):
        unit_of_work.update(store, admin, "account", record_id, {"tier": "Bronze"})


def test_choice_field_without_choices_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="needs choices"):
        add_custom_field(store, admin, "contact", "tier", "choice")
    assert [r for r in rule_matrix(store, "contact")[1] if r.field == "tier"] == []


def test_custom_field_may_not_shadow_a_builtin_name(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="built-in field name"):
        add_custom_field(store, admin, "contact", "email", "text")


def test_custom_field_names_are_plain_identifiers(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="lower-case letters"):
        add_custom_field(store, admin, "contact", "Shoe Size", "number")


def test_custom_field_is_filterable(store: Store, admin: Actor) -> None:
    add_custom_field(store, admin, "contact", "fleet_size", "number")
    for size in (5, 50, 500):
        unit_of_work.create(
            store, admin, "contact", {"display_name": f"F{size}", "fleet_size": size}
        )
    assert count_records(store, admin, "contact", [Condition("fleet_size", "ge", 50)]) == 2
    assert count_records(store, admin, "contact", [Condition("fleet_size", "empty")]) == 0


def test_retiring_a_field_keeps_its_data_and_hides_it_from_forms(
    store: Store, admin: Actor
) -> None:
    add_custom_field(store, admin, "contact", "fleet_size", "number")
    record_id = unit_of_work.create(
        store, admin, "contact", {"display_name": "Ann", "fleet_size": 7}
    ).record_id
    update_custom_field(store, admin, "contact", "fleet_size", retired=True)
    assert "fleet_size" not in get_record(store, admin, "contact", record_id)
    update_custom_field(store, admin, "contact", "fleet_size", retired=False)
    assert get_record(store, admin, "contact", record_id)["fleet_size"] == 7


def test_relabelling_a_field_keeps_its_name(store: Store, admin: Actor) -> None:
    add_custom_field(store, admin, "contact", "fleet_size", "number")
    update_custom_field(store, admin, "contact", "fleet_size", label="Vehicles")
    row = next(r for r in rule_matrix(store, "contact")[1] if r.field == "fleet_size")
    assert row.label == "Vehicles"


def test_only_admins_change_rules(store: Store, people: dict[str, UserInfo]) -> None:
    with pytest.raises(AccessDenied, match="capability 'administer'"):
        set_rule(store, people["mia"].actor(), "sales", "contact.email", "hidden")


def test_rule_changes_are_recorded_for_sync(store: Store, admin: Actor) -> None:
    set_rule(store, admin, "sales", "contact.email", "hidden")
    with store.reading() as session:
        entry = session.scalars(select(ChangeLog).where(ChangeLog.entity == "field_rule")).one()
    assert entry.fields["access"] == ["edit", "hidden"]


def test_rule_for_an_unknown_field_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(NotFound, match=r"no field contact\.shoe"):
        set_rule(store, admin, "sales", "contact.shoe", "read")


def test_admin_cannot_be_locked_out_of_a_field(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="may administer, so it always edits"):
        set_rule(store, admin, "admin", "contact.email", "read")


def test_new_role_can_copy_an_existing_roles_rules(store: Store, admin: Actor) -> None:
    add_role(store, admin, "partner", scope="own", like="sales")
    roles, rows = rule_matrix(store, "campaign")
    budget = next(row for row in rows if row.field == "budget")
    assert "partner" in roles and budget.access["partner"] == "hidden"


def test_stage_needs_a_name(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        add_stage(store, admin, "  ", probability=0.3, owner_team="sales")


def test_new_stage_goes_before_the_closing_stages(store: Store, admin: Actor) -> None:
    add_stage(store, admin, "Demo", probability=0.4, owner_team="sales")
    assert [s.name for s in list_stages(store)][-3:] == ["Demo", "Won", "Lost"]


def test_stages_can_be_reordered(store: Store, admin: Actor) -> None:
    names = [s.name for s in list_stages(store)]
    names[1], names[2] = names[2], names[1]
    reorder_stages(store, admin, names)
    assert [s.name for s in list_stages(store)] == names


def test_a_stage_in_use_cannot_be_removed(store: Store, admin: Actor) -> None:
    unit_of_work.create(store, admin, "opportunity", {"name": "Deal", "stage_id": "Proposal"})
    proposal = next(s for s in list_stages(store) if s.name == "Proposal")
    with pytest.raises(ValidationError, match="1 opportunities are in stage 'Proposal'"):
        remove_stage(store, admin, proposal.id)


def test_handoff_rules_and_goal_metric_round_trip(store: Store, admin: Actor) -> None:
    set_handoff_rules(store, admin, 55, 24)
    set_goal_metric(store, admin, "market_share")
    assert (handoff_rules(store).score_threshold, handoff_rules(store).follow_up_hours) == (55, 24)
    assert goal_metric(store) == "market_share"


def test_goal_metric_must_be_one_the_teams_know(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="market_share, volume, margin"):
        set_goal_metric(store, admin, "happiness")


def test_roles_are_listed_with_their_scope(store: Store, admin: Actor) -> None:
    add_role(store, admin, "partner", scope="team")
    assert [(r.name, r.scope, r.builtin) for r in list_roles(store)] == [
        ("admin", "all", True),
        ("marketing", "all", True),
        ("partner", "team", False),
        ("sales", "own", True),
    ]
