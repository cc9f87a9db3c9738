"""Server fixtures: a fresh, migrated and seeded database per test on SQLite and PostgreSQL.

Each backend is migrated once per session into a template (a file for SQLite,
a template database for PostgreSQL) holding the default roles and four users;
every test gets its own copy. Without a PostgreSQL server on 127.0.0.1:5432
the PostgreSQL variants skip, saying so.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from contactdesk.server.admin.schemas import UserCreate
from contactdesk.server.admin.service import create_user
from contactdesk.server.app import create_app
from contactdesk.server.auth import passwords
from contactdesk.server.database import Database, create_server_engine
from contactdesk.server.schema_setup import prepare_database
from contactdesk.server.settings import LoginLimits, ServerSettings
from contactdesk.services.actor import Actor
from contactdesk.sync_protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "correct-horse-1"
# username -> (role, team)
PEOPLE = {
    "ada": ("admin", None),
    "mia": ("marketing", "marketing"),
    "sam": ("sales", "north"),
    "sue": ("sales", "south"),
}
START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def postgres_url(database: str) -> str:
    return POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"


def postgres_admin() -> Engine:
    return create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")


def postgres_available() -> str | None:
    """None if PostgreSQL answers, else why not."""
    try:
        with postgres_admin().connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        return f"PostgreSQL on 127.0.0.1:5432 is unreachable: {str(error).splitlines()[0]}"
    return None


def seed_people(engine: Engine) -> None:
    with Database(engine).transaction() as session:
        for name, (role, team) in PEOPLE.items():
            create_user(
                session,
                Actor.system(),
                UserCreate(username=name, role=role, team=team, password=PASSWORD),
                START,
            )


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """Argon2 with test-sized costs: the default costs ~0.3 s a login on a CI core.

    Verification reads the costs from the stored hash, so every hash made
    during the tests (the template's users too) verifies cheaply.
    """
    original = passwords._HASHER
    passwords._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._HASHER = original


@dataclass
class Template:
    backend: str
    location: str


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    path = tmp_path_factory.mktemp("server-template") / "template.db"
    engine = create_server_engine(f"sqlite:///{path}")
    prepare_database(engine, START)
    seed_people(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return Template("sqlite", str(path))


class PostgresTestDatabase:
    """One PostgreSQL database for the session, put back to its seeded state before each test.

    Copying a template database per test costs seconds on PostgreSQL 15;
    emptying every table and copying back the seeded rows from a
    ``pristine`` schema costs a fraction of that and isolates tests as well.
    """

    def __init__(self) -> None:
        self.name = f"cd_test_{uuid.uuid4().hex[:10]}"
        self.admin = postgres_admin()
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.url = postgres_url(self.name)
        engine = create_server_engine(self.url)
        prepare_database(engine, START)
        seed_people(engine)
        engine.dispose()
        self.engine = create_engine(self.url, poolclass=NullPool)
        with self.engine.begin() as connection:
            self.tables = list(
                connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                ).scalars()
            )
            connection.execute(text("CREATE SCHEMA pristine"))
            for table in self.tables:
                connection.execute(
                    text(f'CREATE TABLE pristine."{table}" AS TABLE public."{table}"')
                )

    def reset(self) -> None:
        with self.engine.begin() as connection:
            # Replica mode skips foreign-key triggers while rows go and come back.
            # DELETE, not TRUNCATE: a few hundred rows, and no new files to sync.
            connection.execute(text("SET LOCAL session_replication_role = replica"))
            for table in self.tables:
                connection.execute(text(f'DELETE FROM public."{table}"'))
            for table in self.tables:
                connection.execute(
                    text(f'INSERT INTO public."{table}" SELECT * FROM pristine."{table}"')
                )

    def close(self) -> None:
        self.engine.dispose()
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[PostgresTestDatabase]:
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    database = PostgresTestDatabase()
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database holding the defaults and PEOPLE, on each backend."""
    if request.param == "sqlite":
        template: Template = request.getfixturevalue("sqlite_template")
        copy = tmp_path / "server.db"
        shutil.copy(template.location, copy)
        yield f"sqlite:///{copy}"
        return
    postgres: PostgresTestDatabase = request.getfixturevalue("postgres_database")
    postgres.reset()
    yield postgres.url


@dataclass
class FakeClock:
    """Time that moves only when a test says so."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(database_url: str, clock: FakeClock) -> ServerSettings:
    return ServerSettings(
        database_url=database_url,
        token_lifetime=timedelta(hours=8),
        login_limits=LoginLimits(per_user=3, per_address=5, window=timedelta(minutes=15)),
        clock=clock,
    )


@pytest.fixture
def database(settings: ServerSettings) -> Iterator[Database]:
    database = Database(create_server_engine(settings.database_url))
    yield database
    database.dispose()


@dataclass
class Api:
    """A TestClient speaking the current protocol, with helpers named after what they do."""

    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)

    def login(self, username: str, password: str = PASSWORD) -> Any:
        return self.client.post("/auth/login", json={"username": username, "password": password})

    def as_user(self, username: str) -> dict[str, str]:
        if username not in self.tokens:
            answer = self.login(username)
            assert answer.status_code == 200, answer.text
            self.tokens[username] = answer.json()["token"]
        return {"Authorization": f"Bearer {self.tokens[username]}"}

    def push(self, username: str, *changes: dict[str, Any]) -> Any:
        return self.client.post(
            "/sync/push", json={"changes": list(changes)}, headers=self.as_user(username)
        )

    def pull(self, username: str, **params: Any) -> Any:
        return self.client.get("/sync/changes", params=params, headers=self.as_user(username))

    def pull_all(self, username: str, since: int = 0) -> dict[tuple[str, str], dict[str, Any]]:
        """Every feed record the user receives since ``since``, by (entity, id)."""
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        while True:
            page = self.pull(username, since=since, limit=200).json()
            for record in page["changes"]:
                seen[(record["entity"], record["id"])] = record
            since = page["cursor"]
            if not page["has_more"]:
                return seen

    def history(self, username: str, **params: Any) -> Any:
        return self.client.get("/sync/history", params=params, headers=self.as_user(username))

    def history_of(self, username: str, record_id: str) -> list[dict[str, Any]]:
        """Every history line the user receives for one record, oldest first."""
        lines: list[dict[str, Any]] = []
        since = 0
        while True:
            answer = self.history(username, since=since, limit=200)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            lines += [line for line in page["changes"] if line["record_id"] == record_id]
            since = page["cursor"]
            if not page["has_more"]:
                return lines

    def user_id(self, username: str) -> str:
        answer = self.client.get("/auth/me", headers=self.as_user(username))
        return str(answer.json()["id"])


@pytest.fixture
def api(settings: ServerSettings, database: Database) -> Iterator[Api]:
    app = create_app(settings, database)
    with TestClient(app, headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}) as client:
        yield Api(client)


def change(
    entity: str,
    record_id: uuid.UUID | str,
    op: str = "create",
    base_version: int = 0,
    change_id: uuid.UUID | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A pushed change as the wire format has it."""
    return {
        "change_id": str(change_id or uuid.uuid4()),
        "entity": entity,
        "record_id": str(record_id),
        "op": op,
        "base_version": base_version,
        "fields": fields,
    }


def created(api: Api, username: str, entity: str, **fields: Any) -> tuple[str, int]:
    """Create one record through a push; returns its id and version."""
    record_id = str(uuid.uuid4())
    answer = api.push(username, change(entity, record_id, **fields))
    assert answer.status_code == 200, answer.text
    outcome = answer.json()["results"][0]
    assert outcome["status"] == "applied", outcome
    return record_id, int(outcome["version"])


def campaign_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": f"Spring webinar {uuid.uuid4().hex[:6]}",
        "channel": "webinar",
        "starts_on": "2026-03-01",
        "ends_on": "2026-03-31",
        "budget": 5000,
        "spend": 1200.5,
    }
    fields.update(overrides)
    return fields
