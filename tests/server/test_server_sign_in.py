"""Sign-in against a real server process (issue 18, finding 8).

Forwarded headers count only from a trusted proxy; an unknown username costs
the argon2 time a known one does; a lock-out holds one (address, user) pair,
so the real user elsewhere still gets in, and each failure after a lockout
doubles it; a device holds one live token and a user at most 20.

The module's tests share one server process per backend; the last one locks
the test address out, so it stays last.
"""

from __future__ import annotations

import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from live_server import LiveServer, another_process, live
from sqlalchemy import create_engine, update
from sqlalchemy.pool import NullPool

from contactdesk.server.auth.rate_limit import user_key
from contactdesk.server.auth.tables import LoginFailures

__all__ = ["live"]

# The server's default limits (contactdesk.server.settings.LoginLimits, ServerSettings).
PER_USER = 5
PER_ADDRESS = 30
LOCKOUT_SECONDS = 300
TOKENS_PER_USER = 20


def new_user(live: LiveServer, password: str = "long-enough-1") -> str:
    name = f"u{uuid.uuid4().hex[:10]}"
    answer = live.user("ada").post(
        "/admin/users", json={"username": name, "role": "sales", "password": password}
    )
    assert answer.status_code == 201, answer.text
    return name


def log_in(
    client: httpx.Client, username: str, password: str, **extra: str | None
) -> httpx.Response:
    return client.post("/auth/login", json={"username": username, "password": password, **extra})


def test_an_unknown_user_costs_the_time_of_a_known_one(live: LiveServer) -> None:
    known = [new_user(live) for _ in range(3)]
    client = live.anonymous()
    log_in(client, "warm-up-name", "wrong-password-0")
    unknown_times: list[float] = []
    known_times: list[float] = []
    for round_ in range(4):
        for name, times in (
            (f"nobody{uuid.uuid4().hex}", unknown_times),
            (known[round_ % 3], known_times),
        ):
            started = time.perf_counter()
            assert log_in(client, name, f"wrong-password-{round_}").status_code == 401
            times.append(time.perf_counter() - started)
    # Before the fix an unknown name skipped argon2 entirely: 20x faster, not 2x.
    assert statistics.median(unknown_times) > 0.5 * statistics.median(known_times)


def test_a_device_signing_in_again_replaces_its_token(live: LiveServer) -> None:
    name = new_user(live)
    client = live.anonymous()
    tokens = [
        log_in(client, name, "long-enough-1", device="laptop-store").json()["token"]
        for _ in range(3)
    ]
    other = log_in(client, name, "long-enough-1", device="desk-store").json()["token"]

    def status(token: str) -> int:
        return client.get("/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code

    assert [status(token) for token in tokens] == [401, 401, 200]
    assert status(other) == 200


def end_lockout(live: LiveServer, key: str) -> None:
    """What the passing of a lockout's time does: its end moves to just now."""
    engine = create_engine(live.database_url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(
            update(LoginFailures)
            .where(LoginFailures.key == key)
            .values(locked_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    engine.dispose()


def test_each_failure_after_a_lockout_doubles_it(live: LiveServer) -> None:
    name = new_user(live)
    client = live.anonymous()
    for _ in range(PER_USER):
        assert log_in(client, name, "guess-guess").status_code == 401
    waits = []
    for _ in range(3):
        locked = log_in(client, name, "long-enough-1")
        assert locked.status_code == 429, locked.text
        waits.append(int(locked.headers["Retry-After"]))
        end_lockout(live, user_key(name, "127.0.0.1"))
        assert log_in(client, name, "guess-guess").status_code == 401
    # Seconds as the server counted them while the request travelled: 300, 600, 1200.
    assert [round(wait / LOCKOUT_SECONDS) for wait in waits] == [1, 2, 4], waits
    end_lockout(live, user_key(name, "127.0.0.1"))
    assert log_in(client, name, "long-enough-1").status_code == 200


def test_a_user_holds_at_most_the_capped_number_of_live_tokens(live: LiveServer) -> None:
    name = new_user(live)
    client = live.anonymous()
    tokens = [
        log_in(client, name, "long-enough-1", device=f"store-{index}").json()["token"]
        for index in range(TOKENS_PER_USER + 2)
    ]
    statuses = [
        client.get("/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code
        for token in tokens
    ]
    assert statuses == [401] * 2 + [200] * TOKENS_PER_USER


def test_forwarded_addresses_count_only_from_a_trusted_proxy(live: LiveServer) -> None:
    name = new_user(live)
    with another_process(live, "--trusted-proxy", "127.0.0.1") as proxied:
        client = proxied.anonymous()
        here = {"X-Forwarded-For": "203.0.113.7"}
        for _ in range(PER_USER):
            answer = client.post(
                "/auth/login", json={"username": name, "password": "guess-guess"}, headers=here
            )
            assert answer.status_code == 401
        locked = client.post(
            "/auth/login", json={"username": name, "password": "long-enough-1"}, headers=here
        )
        assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
        # The real user, from another address, still gets in: the lock holds one pair.
        elsewhere = client.post(
            "/auth/login",
            json={"username": name, "password": "long-enough-1"},
            headers={"X-Forwarded-For": "198.51.100.9"},
        )
        assert elsewhere.status_code == 200, elsewhere.text
    # The same guesses straight at a server that trusts no proxy: the header is
    # ignored, every guess counts against the real peer, and rotating it unlocks nothing.
    target = new_user(live)
    client = live.anonymous()
    answers = [
        client.post(
            "/auth/login",
            json={"username": target, "password": "guess-guess"},
            headers={"X-Forwarded-For": f"192.0.2.{attempt}"},
        ).status_code
        for attempt in range(PER_USER + 1)
    ]
    assert answers == [401] * PER_USER + [429]


def test_guessing_across_usernames_from_one_address_is_locked_out_last(
    live: LiveServer,
) -> None:
    """Stays last: it locks this test's address out for every later login."""
    live.user("ada")
    client = live.anonymous()
    statuses = []
    for attempt in range(PER_ADDRESS + 1):
        answer = client.post(
            "/auth/login",
            json={"username": f"guess{attempt}", "password": "guess-guess"},
            headers={"X-Forwarded-For": f"192.0.2.{attempt}"},
        )
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            break
    assert statuses[-1] == 429 and set(statuses[:-1]) == {401}
