"""The sync and auth services, called without HTTP."""

from __future__ import annotations

import uuid

from conftest import START, FakeClock
from sqlalchemy import func, select

from contactdesk.model import Role, User
from contactdesk.server.auth.service import LoginRefused, attempt_login
from contactdesk.server.auth.tables import LoginFailures
from contactdesk.server.database import Database
from contactdesk.server.settings import ServerSettings
from contactdesk.server.sync.pull_service import pull_changes
from contactdesk.server.sync.push_service import push_changes
from contactdesk.server.sync.tables import FeedChange
from contactdesk.services.actor import Actor
from contactdesk.sync_protocol import PushedChange


def actor(database: Database, username: str) -> Actor:
    with database.snapshot() as session:
        user, role = session.execute(
            select(User, Role.name)
            .join(Role, Role.id == User.role_id)
            .where(User.username == username)
        ).one()
        return Actor(user.id, user.username, role, user.team)


def new_contact(**fields: object) -> PushedChange:
    return PushedChange(
        change_id=uuid.uuid4(), entity="contact", record_id=uuid.uuid4(), op="create", fields=fields
    )


def test_every_accepted_change_takes_the_next_sequence_number(database: Database) -> None:
    sam = actor(database, "sam")
    with database.transaction() as session:
        before = session.scalar(select(func.max(FeedChange.seq)))
        outcomes = push_changes(
            session, sam, [new_contact(display_name=f"C{i}") for i in range(4)], START
        )
    assert [o.version for o in outcomes] == [before + 1, before + 2, before + 3, before + 4]
    with database.snapshot() as session:
        seqs = list(session.scalars(select(FeedChange.seq).order_by(FeedChange.seq)))
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_pull_for_sales_reads_no_hidden_field(database: Database) -> None:
    mia, sam = actor(database, "mia"), actor(database, "sam")
    campaign = PushedChange(
        change_id=uuid.uuid4(),
        entity="campaign",
        record_id=uuid.uuid4(),
        op="create",
        fields={
            "name": "Expo",
            "channel": "event",
            "starts_on": "2026-05-01",
            "ends_on": "2026-05-02",
            "budget": 900,
        },
    )
    with database.transaction() as session:
        push_changes(session, mia, [campaign], START)
    with database.snapshot() as session:
        page = pull_changes(session, sam, since=0, limit=1000, client_epoch=None)
    while page.has_more:
        with database.snapshot() as session:
            page = pull_changes(session, sam, since=page.cursor, limit=1000, client_epoch=None)
    record = next(r for r in page.changes if r.id == campaign.record_id)
    assert record.fields["name"] == "Expo" and "budget" not in record.fields


def test_a_failed_login_is_counted_even_though_it_is_refused(
    database: Database, settings: ServerSettings, clock: FakeClock
) -> None:
    with database.transaction() as session:
        result = attempt_login(session, settings, "sam", "wrong-password", "10.0.0.9")
    assert isinstance(result, LoginRefused)
    with database.snapshot() as session:
        counted = {
            key: n for key, n in session.execute(select(LoginFailures.key, LoginFailures.failures))
        }
    assert counted == {"user:sam@10.0.0.9": 1, "address:10.0.0.9": 1}
