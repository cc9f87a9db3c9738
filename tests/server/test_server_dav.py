"""The DAV side in process, on SQLite and PostgreSQL: sign-in, app passwords, bad requests.

A TestClient's address is not loopback, so it stands for a phone on the
network over plain HTTP: only an app password signs it in.
"""

from __future__ import annotations

import base64
import uuid
from typing import Any

import pytest
from conftest import PASSWORD, Api, created

from contactdesk.server.dav.dav_sign_in import is_private_channel

PROPFIND = (
    '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
)


def basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def make_app_password(api: Api, username: str, label: str = "iPhone") -> dict[str, Any]:
    answer = api.client.post(
        "/auth/app-passwords", json={"label": label}, headers=api.as_user(username)
    )
    assert answer.status_code == 201, answer.text
    made: dict[str, Any] = answer.json()
    return made


def dav(
    api: Api, method: str, path: str, auth: dict[str, str], body: str = "", **headers: str
) -> Any:
    return api.client.request(method, path, content=body.encode(), headers={**auth, **headers})


def test_the_password_is_refused_over_plain_http_from_the_network_an_app_password_is_not(
    api: Api,
) -> None:
    refused = dav(api, "PROPFIND", "/dav/sam/", basic("sam", PASSWORD), PROPFIND, Depth="0")
    assert refused.status_code == 401
    assert "app password" in refused.text
    assert refused.headers["www-authenticate"].startswith("Basic")
    made = make_app_password(api, "sam")
    assert len(made["password"]) >= 24
    signed_in = dav(
        api, "PROPFIND", "/dav/sam/", basic("sam", made["password"]), PROPFIND, Depth="0"
    )
    assert signed_in.status_code == 207
    # Another user's name with Sam's app password: no.
    assert (
        dav(api, "PROPFIND", "/dav/sue/", basic("sue", made["password"]), PROPFIND).status_code
        == 401
    )
    # Sam's home is Sam's alone.
    assert (
        dav(api, "PROPFIND", "/dav/sue/", basic("sam", made["password"]), PROPFIND).status_code
        == 403
    )


def test_app_passwords_are_listed_without_values_used_and_revoked(api: Api) -> None:
    made = make_app_password(api, "sam", "Pixel")
    listed = api.client.get("/auth/app-passwords", headers=api.as_user("sam")).json()
    assert [(row["label"], row["last_used_at"]) for row in listed] == [("Pixel", None)]
    assert made["password"] not in str(listed)
    assert (
        dav(api, "PROPFIND", "/dav/sam/", basic("sam", made["password"]), PROPFIND).status_code
        == 207
    )
    listed = api.client.get("/auth/app-passwords", headers=api.as_user("sam")).json()
    assert listed[0]["last_used_at"] is not None
    # Sue cannot revoke Sam's; Sam can.
    path = f"/auth/app-passwords/{made['id']}"
    assert api.client.delete(path, headers=api.as_user("sue")).status_code == 404
    assert api.client.delete(path, headers=api.as_user("sam")).status_code == 204
    assert api.client.get("/auth/app-passwords", headers=api.as_user("sam")).json() == []
    assert (
        dav(api, "PROPFIND", "/dav/sam/", basic("sam", made["password"]), PROPFIND).status_code
        == 401
    )


def test_wrong_dav_passwords_count_against_the_login_limits(api: Api) -> None:
    for _ in range(3):
        assert (
            dav(api, "PROPFIND", "/dav/sam/", basic("sam", "guess-guess"), PROPFIND).status_code
            == 401
        )
    locked = dav(api, "PROPFIND", "/dav/sam/", basic("sam", "guess-guess"), PROPFIND)
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0


def test_a_contact_goes_out_as_a_vcard_and_a_phone_edit_comes_back(api: Api) -> None:
    sam = api.user_id("sam")
    record_id, _version = created(
        api, "ada", "contact", first_name="Ann", last_name="Lee", city="Leeds", owner_id=sam
    )
    auth = basic("sam", make_app_password(api, "sam")["password"])
    href = f"/dav/sam/contacts/{record_id}.vcf"
    got = dav(api, "GET", href, auth)
    assert got.status_code == 200 and "FN:Ann Lee" in got.text and "VERSION:3.0" in got.text
    four = dav(api, "GET", href, auth, Accept="text/vcard; version=4.0")
    assert "VERSION:4.0" in four.text
    edited = got.text.replace("Leeds", "York")
    put = dav(api, "PUT", href, auth, edited, **{"If-Match": got.headers["etag"]})
    assert put.status_code == 204, put.text
    assert "etag" not in put.headers  # stored in the server's own form: fetch it again
    fields = api.pull_all("sam")[("contact", record_id)]["fields"]
    assert fields["city"] == "York"
    # The same edit again changes nothing (no new version).
    again = dav(api, "GET", href, auth)
    assert dav(api, "PUT", href, auth, again.text).status_code == 204
    assert dav(api, "GET", href, auth).headers["etag"] == again.headers["etag"]


@pytest.mark.parametrize(
    ("method", "path", "body", "headers", "status"),
    [
        ("PUT", "/dav/sam/contacts/{id}.vcf", "not a vcard", {}, 422),
        ("PUT", "/dav/sam/contacts/{id}.vcf", "BEGIN:VCARD\r\nFN:\ud800\r\nEND:VCARD", {}, 400),
        ("PUT", "/dav/sam/contacts/{id}.vcf", "BEGIN:VCARD\r\nEND:VCARD", {"If-Match": '"x"'}, 412),
        ("PUT", f"/dav/sam/contacts/{uuid.uuid4()}.vcf", "BEGIN:VCARD\r\nEND:VCARD", {}, 403),
        ("DELETE", "/dav/sam/contacts/{id}.vcf", "", {}, 403),
        ("PROPFIND", "/dav/sam/contacts/", "<d:propfind xmlns:d='DAV:'><d:prop>", {}, 400),
        ("PROPFIND", "/dav/sam/contacts/", '<!DOCTYPE x [<!ENTITY a "b">]><x/>', {}, 400),
        ("REPORT", "/dav/sam/contacts/", "<d:unknown xmlns:d='DAV:'/>", {}, 400),
        ("REPORT", "/dav/sam/contacts/", "", {}, 400),
        ("GET", "/dav/sam/contacts/not-an-id.vcf", "", {}, 404),
        ("GET", "/dav/sam/elsewhere/", "", {}, 404),
        ("GET", "/dav/sam/contacts/%ff.vcf", "", {}, 400),
        ("PUT", "/dav/sam/contacts/{id}.vcf", "x" * 300_000, {}, 413),
    ],
)
def test_bad_dav_requests_get_a_4xx(
    api: Api, method: str, path: str, body: str, headers: dict[str, str], status: int
) -> None:
    sam = api.user_id("sam")
    record_id, _version = created(api, "ada", "contact", first_name="Bo", owner_id=sam)
    auth = basic("sam", make_app_password(api, "sam")["password"])
    content = body.encode("utf-8", "surrogatepass")
    answer = api.client.request(
        method, path.replace("{id}", record_id), content=content, headers={**auth, **headers}
    )
    assert answer.status_code == status, answer.text


def test_only_tls_or_loopback_count_as_private() -> None:
    assert is_private_channel("https", "203.0.113.9")
    assert is_private_channel("http", "127.0.0.1") and is_private_channel("http", "::1")
    assert not is_private_channel("http", "203.0.113.9")
    assert not is_private_channel("http", "testclient")


def test_a_hidden_field_typed_in_on_a_phone_is_refused_and_nothing_is_written(api: Api) -> None:
    rule = {"role": "sales", "entity": "contact", "field": "birthday", "access": "hidden"}
    assert api.client.put("/admin/rules", json=rule, headers=api.as_user("ada")).status_code == 200
    sam = api.user_id("sam")
    record_id, _version = created(
        api, "ada", "contact", first_name="Cy", birthday="1980-02-03", city="Hull", owner_id=sam
    )
    auth = basic("sam", make_app_password(api, "sam")["password"])
    href = f"/dav/sam/contacts/{record_id}.vcf"
    got = dav(api, "GET", href, auth)
    assert "BDAY" not in got.text and "1980" not in got.text
    typed = got.text.replace("END:VCARD", "BDAY:1999-09-09\r\nEND:VCARD").replace("Hull", "Leeds")
    refused = dav(api, "PUT", href, auth, typed)
    assert refused.status_code == 403 and "birthday" in refused.text
    assert dav(api, "GET", href, auth).headers["etag"] == got.headers["etag"]
    # Without the birthday, the same card's edit goes through, and the hidden value stays.
    assert dav(api, "PUT", href, auth, got.text.replace("Hull", "Leeds")).status_code == 204
    admin_view = api.pull_all("ada")[("contact", record_id)]["fields"]
    assert admin_view["city"] == "Leeds" and admin_view["birthday"] == "1980-02-03"


def test_an_event_with_an_unknown_time_zone_is_a_4xx(api: Api) -> None:
    sam = api.user_id("sam")
    record_id, _version = created(
        api,
        "ada",
        "activity",
        kind="call",
        subject="Ring back",
        due_at="2026-12-07T09:00:00+00:00",
        owner_id=sam,
    )
    auth = basic("sam", make_app_password(api, "sam")["password"])
    href = f"/dav/sam/activities/{record_id}.ics"
    got = dav(api, "GET", href, auth)
    assert got.status_code == 200 and "SUMMARY:Call: Ring back" in got.text
    moved = got.text.replace("DTSTART:20261207T090000Z", "DTSTART;TZID=Nowhere/Odd:20261207T100000")
    answer = dav(api, "PUT", href, auth, moved)
    assert 400 <= answer.status_code < 500
