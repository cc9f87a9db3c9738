"""The same governance request gets the same answer on the desktop and from the server.

Each line of the table is one request an admin makes, once through the desktop's
services on a store file and once to a real ``contactdesk-server`` process (on
SQLite and on PostgreSQL). Both accept it, or both refuse it with the same
message, the server with the 4xx its kind of refusal maps to. Both sides call
``services.governance``, so a rule cannot hold on one door and not the other.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from live_server import LiveServer, live

from contactdesk.errors import AccessDenied, ContactDeskError
from contactdesk.server.error_handlers import status_of
from contactdesk.services import (
    capabilities,
    company_settings,
    custom_fields,
    directory,
    funnel,
    rule_admin,
)
from contactdesk.services.actor import Actor
from contactdesk.services.defaults import FUNNEL
from contactdesk.store import Store

__all__ = ["live"]

TAG = uuid.uuid4().hex[:6]


def _id_of(server: LiveServer, path: str, **match: Any) -> str:
    rows = server.user("ada").get(path).json()
    return str(next(row["id"] for row in rows if match.items() <= row.items()))


Send = Callable[[LiveServer, str, dict[str, Any]], httpx.Response]


def _patch(path: str, **match: Any) -> Send:
    def send(server: LiveServer, username: str, body: dict[str, Any]) -> httpx.Response:
        return server.send(username, "PATCH", f"{path}/{_id_of(server, path, **match)}", body)

    return send


@dataclass(frozen=True)
class Request:
    """One governance request through both doors."""

    desktop: Callable[[Store, Actor], object]
    method: str
    path: str | Send
    body: dict[str, Any]

    def on_server(self, server: LiveServer, username: str = "ada") -> httpx.Response:
        if callable(self.path):
            return self.path(server, username, self.body)
        return server.send(username, self.method, self.path, self.body)


def rule(role: str, entity: str, field: str, access: str) -> Request:
    return Request(
        lambda store, actor: rule_admin.set_rule(store, actor, role, f"{entity}.{field}", access),
        "PUT",
        "/admin/rules",
        {"role": role, "entity": entity, "field": field, "access": access},
    )


def new_role(name: str, **options: Any) -> Request:
    return Request(
        lambda store, actor: rule_admin.add_role(store, actor, name, **options),
        "POST",
        "/admin/roles",
        {"name": name, **options},
    )


def role_scope(role: str, scope: str) -> Request:
    return Request(
        lambda store, actor: rule_admin.set_scope(store, actor, role, scope),
        "PATCH",
        _patch("/admin/roles", name=role),
        {"scope": scope},
    )


def role_capabilities(role: str, granted: list[str]) -> Request:
    return Request(
        lambda store, actor: capabilities.set_capabilities(store, actor, role, granted),
        "PATCH",
        _patch("/admin/roles", name=role),
        {"capabilities": granted},
    )


def new_field(entity: str, name: str, field_type: str, **options: Any) -> Request:
    return Request(
        lambda store, actor: custom_fields.add_custom_field(
            store, actor, entity, name, field_type, **options
        ),
        "POST",
        "/admin/fields",
        {"entity": entity, "name": name, "type": field_type, **options},
    )


def retire(entity: str, name: str) -> Request:
    return Request(
        lambda store, actor: custom_fields.update_custom_field(
            store, actor, entity, name, retired=True
        ),
        "PATCH",
        _patch("/admin/fields", entity=entity, name=name),
        {"retired": True},
    )


def new_stage(name: str, probability: float, owner_team: str) -> Request:
    return Request(
        lambda store, actor: funnel.add_stage(
            store, actor, name, probability=probability, owner_team=owner_team
        ),
        "POST",
        "/admin/funnel-stages",
        {"name": name, "probability": probability, "owner_team": owner_team},
    )


def rename_stage(old: str, new: str) -> Request:
    def desktop(store: Store, actor: Actor) -> object:
        stage = next(s for s in funnel.list_stages(store) if s.name == old)
        return funnel.update_stage(store, actor, stage.id, name=new)

    return Request(desktop, "PATCH", _patch("/admin/funnel-stages", name=old), {"name": new})


def setting(key: str, value: Any, desktop: Callable[[Store, Actor], object]) -> Request:
    return Request(desktop, "PUT", f"/admin/settings/{key}", {"value": value})


def new_user(username: str, role: str) -> Request:
    return Request(
        lambda store, actor: directory.create_user(store, actor, username, role=role),
        "POST",
        "/admin/users",
        {"username": username, "role": role, "password": "long-enough-1"},
    )


# Refusals that name the known roles come first: later lines add roles on the shared server.
REQUESTS: dict[str, tuple[Request, bool]] = {
    "a rule for an unknown role": (rule("ghost", "contact", "email", "read"), False),
    "a user in an unknown role": (new_user(f"una_{TAG}", "ghost"), False),
    "an administering role reading a field": (rule("admin", "contact", "email", "read"), False),
    "an access level nobody knows": (rule("sales", "contact", "email", "write"), False),
    "a rule for an unknown field": (rule("sales", "contact", "shoe_size", "read"), False),
    "a role name with spaces": (new_role("Field Sales"), False),
    "a scope nobody knows": (new_role(f"scout_{TAG}", scope="world"), False),
    "a role name taken": (new_role("sales"), False),
    "an administering role seeing only its own": (role_scope("admin", "own"), False),
    "the last administering role losing it": (role_capabilities("admin", []), False),
    "a capability nobody knows": (role_capabilities("sales", ["fly"]), False),
    "a custom field named like a built-in one": (new_field("contact", "email", "text"), False),
    "a custom field name in capitals": (new_field("contact", "Shoe Size", "text"), False),
    "a custom field on no governed entity": (new_field("planet", "moons", "number"), False),
    "a custom field of an unknown type": (new_field("contact", "tone", "colour"), False),
    "a choice field without choices": (new_field("campaign", "tier", "choice"), False),
    "a text field with choices": (new_field("contact", "tone", "text", choices=["a"]), False),
    "retiring a built-in field": (retire("contact", "email"), False),
    "a stage without a name": (new_stage("   ", 0.5, "sales"), False),
    "a stage above 100%": (new_stage(f"Pilot {TAG}", 1.5, "sales"), False),
    "a stage of no team": (new_stage(f"Pilot {TAG}", 0.5, "finance"), False),
    "a stage renamed like another": (rename_stage(FUNNEL[0][0], FUNNEL[1][0]), False),
    "a goal metric nobody knows": (
        setting(
            "goal_metric", "revenue", lambda s, a: company_settings.set_goal_metric(s, a, "revenue")
        ),
        False,
    ),
    "a hand-off with no follow-up time": (
        setting(
            "handoff",
            {"score_threshold": 60, "follow_up_hours": 0},
            lambda s, a: company_settings.set_handoff_rules(s, a, 60, 0),
        ),
        False,
    ),
    "a currency nobody knows": (
        setting("currency", "XYZ", lambda s, a: company_settings.set_company_currency(s, a, "XYZ")),
        False,
    ),
    "a phone region of no country": (
        setting(
            "phone_region",
            "Atlantis",
            lambda s, a: company_settings.set_phone_region(s, a, "Atlantis"),
        ),
        False,
    ),
    "a username with spaces": (new_user("ann lee", "sales"), False),
    "a role with a hyphen in its name": (new_role(f"field-sales-{TAG}"), True),
    "a role that may import": (new_role(f"loader_{TAG}", capabilities=["import"]), True),
    "sales reading a contact's city": (rule("sales", "contact", "city", "read"), True),
    "a custom number field": (new_field("contact", f"shoe_{TAG}", "number"), True),
    "a custom choice field": (new_field("account", f"tier_{TAG}", "choice", choices=["A"]), True),
    "a goal metric both teams know": (
        setting(
            "goal_metric", "volume", lambda s, a: company_settings.set_goal_metric(s, a, "volume")
        ),
        True,
    ),
    "a new stage": (new_stage(f"Trial {TAG}", 0.4, "sales"), True),
    "a user in a shipped role": (new_user(f"tom_{TAG}", "sales"), True),
}


def desktop_answer(store: Store, admin: Actor, request: Request) -> ContactDeskError | None:
    try:
        request.desktop(store, admin)
    except ContactDeskError as refusal:
        return refusal
    return None


@pytest.mark.parametrize("what", list(REQUESTS))
def test_desktop_and_server_give_the_same_answer(
    live: LiveServer, store: Store, admin: Actor, what: str
) -> None:
    request, accepted = REQUESTS[what]
    refusal = desktop_answer(store, admin, request)
    answer = request.on_server(live)
    if accepted:
        assert refusal is None, f"the desktop refused {what}: {refusal}"
        assert answer.status_code in (200, 201), answer.text
        return
    assert refusal is not None, f"the desktop accepted {what}"
    status, _code = status_of(refusal)
    assert (answer.status_code, answer.json()["detail"]) == (status, str(refusal))


@pytest.mark.parametrize(
    "what",
    [
        "sales reading a contact's city",
        "a role that may import",
        "a capability nobody knows",
        "a custom number field",
        "a new stage",
        "a goal metric both teams know",
        "a user in a shipped role",
    ],
)
def test_a_role_that_may_not_administer_is_refused_alike(
    live: LiveServer, store: Store, what: str
) -> None:
    request, _accepted = REQUESTS[what]
    marketer = Actor(None, "mia", "marketing", "marketing")
    refusal = desktop_answer(store, marketer, request)
    answer = request.on_server(live, "mia")
    assert isinstance(refusal, AccessDenied)
    assert (answer.status_code, answer.json()["detail"]) == (403, str(refusal))


def _rules_of(server: LiveServer, entity: str, field: str) -> dict[str, str]:
    rules = server.user("ada").get("/admin/rules").json()
    return {r["role"]: r["access"] for r in rules if (r["entity"], r["field"]) == (entity, field)}


def test_a_new_custom_field_gets_the_same_rules_on_both(
    live: LiveServer, store: Store, admin: Actor
) -> None:
    name = f"region_{uuid.uuid4().hex[:6]}"
    custom_fields.add_custom_field(store, admin, "campaign", name, "text")
    answer = live.send(
        "ada", "POST", "/admin/fields", {"entity": "campaign", "name": name, "type": "text"}
    )
    assert answer.status_code == 201, answer.text
    roles, rows = rule_admin.rule_matrix(store, "campaign")
    desktop = next(row.access for row in rows if row.field == name)
    server = _rules_of(live, "campaign", name)
    assert {role: server[role] for role in roles} == desktop
    assert desktop == {"admin": "edit", "marketing": "edit", "sales": "read"}


def test_a_new_role_copies_the_rules_of_its_model_on_both(
    live: LiveServer, store: Store, admin: Actor
) -> None:
    name = f"auditor_{uuid.uuid4().hex[:6]}"
    rule_admin.add_role(store, admin, name, like="sales")
    answer = live.send("ada", "POST", "/admin/roles", {"name": name, "like": "sales"})
    assert answer.status_code == 201, answer.text
    _roles, rows = rule_admin.rule_matrix(store)
    assert all(row.access[name] == row.access["sales"] for row in rows)
    rules = live.user("ada").get("/admin/rules").json()
    server: dict[str, dict[tuple[str, str], str]] = {}
    for r in rules:
        server.setdefault(r["role"], {})[(r["entity"], r["field"])] = r["access"]
    assert server[name] == server["sales"] and len(server[name]) >= len(rows)
