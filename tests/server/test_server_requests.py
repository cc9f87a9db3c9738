"""Protocol check, OpenAPI, and bad requests answered with a 4xx and a message, never a 500."""

from __future__ import annotations

import uuid

from conftest import Api, change

from contactdesk.sync_protocol import PROTOCOL_HEADER


def test_a_protocol_mismatch_is_426_naming_both_versions(api: Api) -> None:
    answer = api.client.post(
        "/auth/login", json={"username": "sam", "password": "x"}, headers={PROTOCOL_HEADER: "7"}
    )
    assert answer.status_code == 426
    assert "'7'" in answer.json()["detail"] and "speaks 1" in answer.json()["detail"]
    assert answer.headers[PROTOCOL_HEADER] == "1"


def test_a_request_without_a_protocol_header_is_426(api: Api) -> None:
    answer = api.client.get("/sync/changes", headers={PROTOCOL_HEADER: ""})
    assert answer.status_code == 426


def test_the_openapi_schema_is_served(api: Api) -> None:
    schema = api.client.get("/openapi.json").json()
    assert {"/auth/login", "/sync/push", "/sync/changes", "/admin/rules"} <= set(schema["paths"])


def test_malformed_json_is_422_with_a_message(api: Api) -> None:
    answer = api.client.post(
        "/sync/push",
        content=b'{"changes": [',
        headers={**api.as_user("sam"), "Content-Type": "application/json"},
    )
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request" and answer.json()["detail"]


def test_a_bad_uuid_is_422_naming_where(api: Api) -> None:
    bad = change("contact", uuid.uuid4(), display_name="A")
    bad["record_id"] = "not-a-uuid"
    answer = api.client.post("/sync/push", json={"changes": [bad]}, headers=api.as_user("sam"))
    assert answer.status_code == 422
    assert "record_id" in answer.json()["detail"]


def test_an_unknown_entity_is_422_naming_it(api: Api) -> None:
    answer = api.push("sam", change("spaceship", uuid.uuid4(), name="Enterprise"))
    assert answer.status_code == 422
    assert "spaceship" in answer.json()["detail"]


def test_a_number_too_large_for_its_column_is_422(api: Api) -> None:
    answer = api.push("ada", change("account", uuid.uuid4(), name="Acme", employees=10**30))
    assert answer.status_code == 422
    assert answer.json()["field"] == "account.employees"


def test_an_unknown_path_is_404_with_a_message(api: Api) -> None:
    answer = api.client.get("/nowhere")
    assert answer.status_code == 404 and answer.json()["detail"]


def test_health_needs_neither_token_nor_protocol_header(api: Api) -> None:
    answer = api.client.get("/health", headers={PROTOCOL_HEADER: ""})
    assert answer.status_code == 200 and answer.json()["protocol_version"] == 1
