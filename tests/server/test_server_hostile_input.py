"""Hostile values against a real server process: refused with a 4xx, never committed.

Issue 18, findings 1, 5 and 6: a lone surrogate or NaN that was stored broke
every later read of the feed; wrong JSON types were stored as Python text; a
base version from the future overwrote other users' edits. Sizes are bounded
per value, per setting and per body.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from live_server import LiveServer, live, new_change

__all__ = ["live"]

BAD_TEXT = "v\ud800"
# Every read a client makes; each must answer 200 with JSON after any refused write.
READS = [
    "/sync/changes",
    "/sync/history",
    "/sync/conflicts",
    "/auth/me",
    "/admin/roles",
    "/admin/users",
    "/admin/fields",
    "/admin/rules",
    "/admin/funnel-stages",
    "/admin/settings",
]


def everything_readable(live: LiveServer) -> dict[str, Any]:
    """What every user reads on every read endpoint; fails if one answer is not 200 JSON."""
    seen: dict[str, Any] = {}
    for username in ("ada", "sam", "mia"):
        for path in READS:
            answer = live.user(username).get(path)
            assert answer.status_code == 200, f"{username} GET {path}: {answer.text}"
            seen[f"{username} {path}"] = answer.json()
    return seen


def string_leaves(body: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The paths of every text value in a JSON body (dict keys included, as a marker)."""
    if isinstance(body, str):
        yield path
    elif isinstance(body, dict):
        for key, value in body.items():
            yield from string_leaves(value, (*path, key))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            yield from string_leaves(value, (*path, index))


def with_value(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(body)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def writable_requests(live: LiveServer) -> list[tuple[str, str, dict[str, Any]]]:
    """A valid request to each endpoint that writes, on records that exist."""
    ada = live.user("ada")
    # Names of their own: the server process is shared by the module's tests.
    tag = uuid.uuid4().hex[:8]
    role = ada.post("/admin/roles", json={"name": f"auditor_{tag}", "label": "Auditor"}).json()
    user = ada.post(
        "/admin/users",
        json={"username": f"ulla_{tag}", "role": "sales", "password": "long-enough-1"},
    ).json()
    field = ada.post(
        "/admin/fields",
        json={"entity": "contact", "name": f"sector_{tag}", "label": "Sector", "type": "text"},
    ).json()
    stage = ada.post(
        "/admin/funnel-stages",
        json={"name": f"Pilot {tag}", "position": 50, "owner_team": "sales"},
    ).json()
    for made in (role, user, field, stage):
        assert "id" in made, made
    contact = str(uuid.uuid4())
    return [
        ("POST", "/auth/login", {"username": "sam", "password": "wrong-password"}),
        ("POST", "/auth/password", {"current_password": "x" * 9, "new_password": "y" * 9}),
        (
            "POST",
            "/sync/push",
            {"changes": [new_change("contact", contact, display_name="Ann", title="CFO")]},
        ),
        ("POST", f"/sync/conflicts/{uuid.uuid4()}/resolve", {"resolution": "mine"}),
        ("POST", "/admin/roles", {"name": f"viewer_{tag}", "label": "Viewer", "scope": "own"}),
        ("PATCH", f"/admin/roles/{role['id']}", {"label": "Auditors"}),
        (
            "POST",
            "/admin/users",
            {
                "username": f"olga_{tag}",
                "display_name": "Olga",
                "email": "o@example.com",
                "role": "sales",
                "team": "north",
                "territory": "N",
                "password": "long-enough-2",
            },
        ),
        ("PATCH", f"/admin/users/{user['id']}", {"display_name": "Ulla", "territory": "S"}),
        (
            "POST",
            "/admin/fields",
            {
                "entity": "account",
                "name": f"tier_{tag}",
                "label": "Tier",
                "type": "choice",
                "choices": ["Gold", "Silver"],
            },
        ),
        ("PATCH", f"/admin/fields/{field['id']}", {"label": "Area", "position": 40}),
        (
            "PUT",
            "/admin/rules",
            {"role": "sales", "entity": "contact", "field": "city", "access": "read"},
        ),
        (
            "POST",
            "/admin/funnel-stages",
            {"name": f"Trial {tag}", "position": 60, "owner_team": "sales"},
        ),
        ("PATCH", f"/admin/funnel-stages/{stage['id']}", {"name": "Pilots"}),
        ("PUT", f"/admin/settings/zz_{tag}", {"value": {"note": "text", "list": ["a"]}}),
    ]


def test_a_lone_surrogate_setting_is_refused_and_the_feed_still_reads(live: LiveServer) -> None:
    answer = live.send("ada", "PUT", "/admin/settings/zz", {"value": BAD_TEXT})
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "body.value"
    for username in ("ada", "sam", "mia"):
        live.feed(username)
    settings = live.user("ada").get("/admin/settings").json()
    assert "zz" not in {setting["key"] for setting in settings}


def test_a_lone_surrogate_in_a_built_in_or_custom_field_is_refused(live: LiveServer) -> None:
    custom = f"sector_{uuid.uuid4().hex[:8]}"
    live.user("ada").post(
        "/admin/fields",
        json={"entity": "contact", "name": custom, "label": "Sector", "type": "text"},
    )
    before = live.feed("ada")
    for fields in ({"display_name": BAD_TEXT}, {"display_name": "Ann", custom: BAD_TEXT}):
        answer = live.push("ada", new_change("contact", **fields))
        assert answer.status_code == 422, answer.text
        assert "lone surrogate" in answer.json()["detail"]
    assert live.feed("ada") == before


def test_no_writable_endpoint_commits_what_a_later_read_cannot_write_out(
    live: LiveServer,
) -> None:
    requests = writable_requests(live)
    before = everything_readable(live)
    tried = 0
    for method, path, body in requests:
        for leaf in string_leaves(body):
            for bad in (BAD_TEXT, float("nan")):
                answer = live.send("ada", method, path, with_value(body, leaf, bad))
                tried += 1
                assert 400 <= answer.status_code < 500, f"{method} {path} {leaf}: {answer.text}"
    assert tried > 50
    assert everything_readable(live) == before
    # The same requests with good values do write: the refusals were about the values.
    for method, path, body in requests:
        if path not in ("/auth/login", "/auth/password") and "/conflicts/" not in path:
            answer = live.send("ada", method, path, body)
            assert answer.status_code in (200, 201), f"{method} {path}: {answer.text}"
    assert everything_readable(live) != before


@pytest.mark.parametrize("value", [12345, {"a": 1}, float("nan"), ["Ann"], True])
def test_a_wrong_type_for_a_text_field_is_422_naming_it(live: LiveServer, value: Any) -> None:
    before = live.feed("sam")
    answer = live.push("sam", new_change("contact", display_name="Ann", first_name=value))
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] in ("contact.first_name", "body.changes.0.fields")
    assert live.feed("sam") == before


def test_text_for_a_number_field_is_422_naming_it(live: LiveServer) -> None:
    answer = live.push("ada", new_change("account", name="Acme", employees="12"))
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "account.employees"


def test_a_base_version_from_the_future_is_409_and_not_applied(live: LiveServer) -> None:
    created = new_change("contact", display_name="Ann Lee", first_name="Ann")
    version = live.push("sam", created).json()["results"][0]["version"]
    edit = new_change("contact", created["record_id"], "update", version, first_name="Anne")
    moved = live.push("ada", edit).json()["results"][0]
    assert moved["status"] == "applied"
    future = new_change(
        "contact", created["record_id"], "update", moved["version"] + 1000, first_name="Annie"
    )
    answer = live.push("sam", future)
    assert answer.status_code == 409, answer.text
    body = answer.json()
    assert body["code"] == "conflict" and "ahead of the server" in body["detail"]
    assert body["change_id"] == future["change_id"]
    record = live.feed("sam")[("contact", created["record_id"])]
    assert record["fields"]["first_name"] == "Anne" and record["version"] == moved["version"]
    for op in ("delete", "merge"):
        fields = {"merged_into": str(uuid.uuid4())} if op == "merge" else {}
        far = new_change("contact", created["record_id"], op, moved["version"] + 5, **fields)
        assert live.push("ada", far).status_code == 409


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = {"in": value}
    return value


def test_every_value_has_a_bounded_size_and_the_refusal_names_it(live: LiveServer) -> None:
    custom = f"memo_{uuid.uuid4().hex[:8]}"
    ada = live.user("ada")
    ada.post(
        "/admin/fields",
        json={"entity": "contact", "name": custom, "label": "Memo", "type": "text"},
    )
    before = live.feed("ada")
    too_big = [
        ({"display_name": "Ann", "first_name": "A" * 101}, "contact.first_name"),
        ({"display_name": "Ann", "notes": "n" * 20_001}, "contact.notes"),
        ({"display_name": "Ann", custom: "m" * 20_001}, f"contact.{custom}"),
    ]
    for fields, named in too_big:
        answer = live.push("ada", new_change("contact", **fields))
        assert answer.status_code == 422, answer.text[:300]
        assert answer.json()["field"] == named
    for value in ("s" * 64_001, nested(25), ["x"] * 70_000):
        answer = live.send("ada", "PUT", "/admin/settings/big_one", {"value": value})
        assert answer.status_code == 422, answer.text[:300]
        assert answer.json()["field"] in ("setting.big_one", "body.value"), answer.text[:300]
    assert live.feed("ada") == before
    assert "big_one" not in {setting["key"] for setting in ada.get("/admin/settings").json()}


def test_a_body_past_the_size_limit_is_413_and_not_read(live: LiveServer) -> None:
    before = live.feed("ada")
    notes = "x" * 20_000
    changes = [new_change("contact", display_name="Big", notes=notes) for _ in range(450)]
    answer = live.push("ada", *changes)
    assert answer.status_code == 413, answer.text[:200]
    assert answer.json()["code"] == "too_large"
    assert live.feed("ada") == before
