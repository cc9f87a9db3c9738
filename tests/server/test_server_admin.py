"""Admin API: governance data readable by every user, writable by admins only."""

from __future__ import annotations

import pytest
from conftest import Api


@pytest.mark.parametrize(
    "path",
    [
        "/admin/roles",
        "/admin/users",
        "/admin/fields",
        "/admin/rules",
        "/admin/funnel-stages",
        "/admin/settings",
    ],
)
def test_every_user_can_read_governance_data(api: Api, path: str) -> None:
    answer = api.client.get(path, headers=api.as_user("sam"))
    assert answer.status_code == 200 and answer.json()


def test_a_non_admin_write_is_403(api: Api) -> None:
    answer = api.client.put(
        "/admin/settings/goal_metric", json={"value": "revenue"}, headers=api.as_user("mia")
    )
    assert answer.status_code == 403
    assert answer.json()["detail"] == (
        "role 'marketing' may not change users, roles, fields, rules, the funnel or settings"
        " (it needs the capability 'administer')"
    )


def test_a_sales_user_reads_only_the_rules_of_its_own_role(api: Api) -> None:
    rules = api.client.get("/admin/rules?role=admin", headers=api.as_user("sam")).json()
    assert {rule["role"] for rule in rules} == {"sales"}


def test_a_custom_field_gets_each_roles_default_rule(api: Api) -> None:
    api.client.post(
        "/admin/fields",
        json={"entity": "campaign", "name": "region", "label": "Region", "type": "text"},
        headers=api.as_user("ada"),
    )
    rules = api.client.get("/admin/rules", headers=api.as_user("ada")).json()
    access = {
        r["role"]: r["access"] for r in rules if (r["entity"], r["field"]) == ("campaign", "region")
    }
    assert access == {"admin": "edit", "marketing": "edit", "sales": "read"}


def test_a_field_name_already_taken_is_409(api: Api) -> None:
    answer = api.client.post(
        "/admin/fields",
        json={"entity": "contact", "name": "email", "label": "Email", "type": "text"},
        headers=api.as_user("ada"),
    )
    assert answer.status_code == 409


def test_an_admin_creates_a_user_who_can_log_in(api: Api) -> None:
    answer = api.client.post(
        "/admin/users",
        json={"username": "tom", "role": "sales", "team": "north", "password": "tom-password-1"},
        headers=api.as_user("ada"),
    )
    assert answer.status_code == 201
    assert api.login("tom", "tom-password-1").status_code == 200


def test_moving_a_user_to_another_role_revokes_their_tokens_and_resyncs_them(api: Api) -> None:
    held_epoch = api.pull("sam", since=0, limit=1).json()["epoch"]
    old_token = api.as_user("sam")
    answer = api.client.patch(
        f"/admin/users/{api.user_id('sam')}", json={"role": "marketing"}, headers=api.as_user("ada")
    )
    assert answer.status_code == 200 and answer.json()["role"] == "marketing"
    assert api.client.get("/auth/me", headers=old_token).status_code == 401
    api.tokens.pop("sam")
    assert api.pull("sam", since=0, limit=1, epoch=held_epoch).json()["resync_required"] is True


def test_an_admin_adds_a_funnel_stage(api: Api) -> None:
    answer = api.client.post(
        "/admin/funnel-stages",
        json={"name": "Pilot", "position": 3, "probability": 0.6, "owner_team": "sales"},
        headers=api.as_user("ada"),
    )
    assert answer.status_code == 201
    stages = api.client.get("/admin/funnel-stages", headers=api.as_user("sam")).json()
    assert "Pilot" in [stage["name"] for stage in stages]


def test_an_administering_role_always_edits_every_field_as_on_the_desktop(api: Api) -> None:
    answer = api.client.put(
        "/admin/rules",
        json={"role": "admin", "entity": "contact", "field": "email", "access": "read"},
        headers=api.as_user("ada"),
    )
    assert answer.status_code == 422
    assert "may administer, so it always edits every field" in answer.json()["detail"]


def test_a_role_created_with_a_capability_carries_it_and_its_users_may_not_administer(
    api: Api,
) -> None:
    made = api.client.post(
        "/admin/roles",
        json={"name": "growth", "label": "Growth", "capabilities": ["hand_off_leads"]},
        headers=api.as_user("ada"),
    )
    assert made.status_code == 201 and made.json()["capabilities"] == ["hand_off_leads"]
    refused = api.client.post(
        "/admin/roles",
        json={"name": "other", "label": "Other", "capabilities": ["fly"]},
        headers=api.as_user("ada"),
    )
    assert refused.status_code == 422
