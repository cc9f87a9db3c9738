"""Auth: argon2 login for a revocable, expiring token; failed logins rate-limited."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from conftest import PASSWORD, Api, FakeClock
from fastapi.testclient import TestClient
from sqlalchemy import select

from contactdesk.server.app import create_app
from contactdesk.server.auth.tables import AccessToken
from contactdesk.server.database import Database
from contactdesk.server.settings import ServerSettings
from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION


def test_login_with_the_right_password_returns_a_token_and_the_user(api: Api) -> None:
    answer = api.login("sam")
    assert answer.status_code == 200
    body = answer.json()
    assert body["token"] and body["token_type"] == "bearer"
    assert body["user"]["username"] == "sam" and body["user"]["role"] == "sales"


def test_login_with_a_wrong_password_is_401(api: Api) -> None:
    answer = api.login("sam", "wrong-password")
    assert answer.status_code == 401
    assert "wrong username or password" in answer.json()["detail"]


def test_login_as_an_unknown_user_is_401_like_a_wrong_password(api: Api) -> None:
    answer = api.login("nobody", PASSWORD)
    assert answer.status_code == 401
    assert answer.json()["detail"] == api.login("sam", "nope-nope").json()["detail"]


def test_a_request_without_a_token_is_401(api: Api) -> None:
    answer = api.client.get("/sync/changes")
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == "Bearer"


def test_only_the_hash_of_a_token_is_stored(api: Api, database: Database) -> None:
    token = api.login("sam").json()["token"]
    with database.snapshot() as session:
        stored = list(session.scalars(select(AccessToken.token_hash)))
    assert stored and token not in stored
    assert all(len(digest) == 64 for digest in stored)


def test_a_token_stops_working_once_it_expires(api: Api, clock: FakeClock) -> None:
    headers = api.as_user("sam")
    assert api.client.get("/auth/me", headers=headers).status_code == 200
    clock.advance(timedelta(hours=8, seconds=1))
    assert api.client.get("/auth/me", headers=headers).status_code == 401


def test_logout_revokes_the_token(api: Api) -> None:
    headers = api.as_user("sam")
    assert api.client.post("/auth/logout", headers=headers).status_code == 204
    assert api.client.get("/auth/me", headers=headers).status_code == 401


def test_an_admin_revoking_a_users_tokens_logs_that_user_out(api: Api) -> None:
    headers = api.as_user("sam")
    sam = api.user_id("sam")
    answer = api.client.post(f"/admin/users/{sam}/revoke-tokens", headers=api.as_user("ada"))
    assert answer.status_code == 200 and answer.json()["revoked"] == 1
    assert api.client.get("/auth/me", headers=headers).status_code == 401


def test_a_non_admin_may_not_revoke_tokens(api: Api) -> None:
    sam = api.user_id("sam")
    answer = api.client.post(f"/admin/users/{sam}/revoke-tokens", headers=api.as_user("mia"))
    assert answer.status_code == 403


def test_changing_the_password_revokes_every_token_of_the_user(api: Api) -> None:
    laptop = api.as_user("sam")
    phone = {"Authorization": f"Bearer {api.login('sam').json()['token']}"}
    answer = api.client.post(
        "/auth/password",
        json={"current_password": PASSWORD, "new_password": "a-new-password-2"},
        headers=laptop,
    )
    assert answer.status_code == 204
    assert api.client.get("/auth/me", headers=laptop).status_code == 401
    assert api.client.get("/auth/me", headers=phone).status_code == 401
    assert api.login("sam", "a-new-password-2").status_code == 200


def test_repeated_failed_logins_for_one_user_get_429_with_retry_after(api: Api) -> None:
    for _ in range(3):
        assert api.login("sam", "guess-guess").status_code == 401
    answer = api.login("sam", "guess-guess")
    assert answer.status_code == 429
    assert int(answer.headers["Retry-After"]) > 0


def test_a_locked_out_user_is_refused_even_with_the_right_password(api: Api) -> None:
    for _ in range(3):
        api.login("sam", "guess-guess")
    assert api.login("sam", PASSWORD).status_code == 429


def test_the_lockout_ends_after_its_period(api: Api, clock: FakeClock) -> None:
    for _ in range(3):
        api.login("sam", "guess-guess")
    clock.advance(timedelta(minutes=5, seconds=1))
    assert api.login("sam", PASSWORD).status_code == 200


def test_failed_logins_from_one_address_are_limited_across_usernames(api: Api) -> None:
    for name in ("u1", "u2", "u3", "u4", "u5"):
        assert api.login(name, "guess-guess").status_code == 401
    assert api.login("mia", PASSWORD).status_code == 429


def test_each_failure_past_the_limit_doubles_the_lockout(api: Api, clock: FakeClock) -> None:
    waits = []
    for _ in range(3):
        api.login("sam", "guess-guess")
    for _ in range(3):
        locked = api.login("sam", PASSWORD)
        assert locked.status_code == 429
        wait = int(locked.headers["Retry-After"])
        waits.append(wait)
        clock.advance(timedelta(seconds=wait + 1))
        assert api.login("sam", "guess-guess").status_code == 401
    assert waits == [300, 600, 1200]


def test_a_quiet_pair_is_forgotten_and_a_success_clears_it(api: Api, clock: FakeClock) -> None:
    for _ in range(2):
        api.login("sam", "guess-guess")
    clock.advance(timedelta(minutes=16))
    for _ in range(2):
        assert api.login("sam", "guess-guess").status_code == 401
    assert api.login("sam", PASSWORD).status_code == 200
    for _ in range(2):
        assert api.login("sam", "guess-guess").status_code == 401
    assert api.login("sam", PASSWORD).status_code == 200


def test_a_user_holds_at_most_the_capped_number_of_live_tokens(
    settings: ServerSettings, database: Database, clock: FakeClock
) -> None:
    app = create_app(replace(settings, max_tokens_per_user=3), database)
    with TestClient(app, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}) as client:
        api = Api(client)
        tokens = []
        for _ in range(5):
            tokens.append(api.login("mia").json()["token"])
            clock.advance(timedelta(seconds=1))
        statuses = [
            client.get("/auth/me", headers={"Authorization": f"Bearer {t}"}).status_code
            for t in tokens
        ]
    assert statuses == [401, 401, 200, 200, 200]
