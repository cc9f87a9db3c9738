"""Any order of offline edits and syncs among three clients converges, and loses no edit."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from server_process import ServerProcess, SyncedClient, new_client
from sqlalchemy import select

from contactdesk.duplicates.contact_merge import merge_contacts
from contactdesk.model import ChangeLog, Contact, SyncConflict
from contactdesk.services import unit_of_work
from contactdesk.services.field_rules import load_policy

USERS = ("ada", "sam", "sue")
EDITABLE = ("title", "city", "notes")
WORDS = st.sampled_from(["alpha", "bravo", "charlie", "delta", "echo", "fox"])


def visible_contacts(client: SyncedClient) -> dict[uuid.UUID, dict[str, Any]]:
    """Every contact the client holds, by the fields every role in the test sees."""
    with client.store.reading() as session:
        policy = load_policy(session, "sales")
        names = [spec.name for spec in policy.visible_builtin("contact")]
        return {
            contact.id: {name: getattr(contact, name) for name in names}
            for contact in session.scalars(select(Contact))
        }


def contact_ids(client: SyncedClient) -> list[uuid.UUID]:
    return sorted(visible_contacts(client))


class ThreeClients(RuleBasedStateMachine):
    """Three stores (an admin, two reps in different teams) editing offline, syncing at random."""

    server: ServerProcess

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="converge-"))
        self.clients: list[SyncedClient] = []
        self.outcomes: dict[uuid.UUID, str] = {}

    @initialize()
    def sign_in_three_clients(self) -> None:
        for name in USERS:
            client = new_client(self.server, self.folder / f"{name}.db", name)
            client.sync()
            self.clients.append(client)

    def _pick(self, client: SyncedClient, index: int) -> uuid.UUID | None:
        ids = contact_ids(client)
        return ids[index % len(ids)] if ids else None

    @rule(who=st.integers(0, 2), first=WORDS, last=WORDS)
    def create(self, who: int, first: str, last: str) -> None:
        client = self.clients[who]
        unit_of_work.create(
            client.store, client.actor, "contact", {"first_name": first, "last_name": last}
        )

    @rule(
        who=st.integers(0, 2), index=st.integers(0, 50), field=st.sampled_from(EDITABLE), word=WORDS
    )
    def edit(self, who: int, index: int, field: str, word: str) -> None:
        client = self.clients[who]
        record_id = self._pick(client, index)
        if record_id is not None:
            unit_of_work.update(client.store, client.actor, "contact", record_id, {field: word})

    @rule(who=st.integers(0, 2), index=st.integers(0, 50))
    def delete(self, who: int, index: int) -> None:
        client = self.clients[who]
        record_id = self._pick(client, index)
        if record_id is not None:
            unit_of_work.delete(client.store, client.actor, "contact", record_id)

    @rule(who=st.integers(0, 2), first=st.integers(0, 50), second=st.integers(0, 50))
    def merge_duplicates(self, who: int, first: int, second: int) -> None:
        client = self.clients[who]
        survivor, absorbed = self._pick(client, first), self._pick(client, second)
        if survivor is not None and absorbed is not None and survivor != absorbed:
            merge_contacts(client.store, client.actor, survivor, absorbed)

    @rule(who=st.integers(0, 2))
    def sync(self, who: int) -> None:
        self.outcomes.update(self.clients[who].sync().outcomes)

    @invariant()
    def no_pushed_edit_is_unaccounted_for(self) -> None:
        for client in self.clients:
            with client.store.reading() as session:
                pushed = session.scalars(
                    select(ChangeLog).where(
                        ChangeLog.pushed_at.is_not(None), ChangeLog.entity == "contact"
                    )
                ).all()
                kept = set(session.scalars(select(SyncConflict.record_id)))
                for entry in pushed:
                    status = self.outcomes.get(entry.change_id, "applied-without-fields")
                    assert status in ("applied", "applied-without-fields") or (
                        entry.record_id in kept
                    ), f"{entry.op} of {entry.record_id} ended {status} with no conflict kept"

    def teardown(self) -> None:
        try:
            for _round in range(3):
                for client in self.clients:
                    self.outcomes.update(client.sync().outcomes)
            self.no_pushed_edit_is_unaccounted_for()
            states = [visible_contacts(client) for client in self.clients]
            for client, state in zip(self.clients[1:], states[1:], strict=True):
                assert state == states[0], f"{client.actor.username} differs from ada"
            for client in self.clients:
                with client.store.reading() as session:
                    pending = session.scalars(
                        select(ChangeLog.seq).where(
                            ChangeLog.pushed_at.is_(None), ChangeLog.entity == "contact"
                        )
                    ).all()
                assert not pending, f"{client.actor.username} still has unpushed edits"
        finally:
            for client in self.clients:
                client.close()


@pytest.fixture
def reps_see_every_contact(server: ServerProcess) -> None:
    """Sales reps see and edit all contacts, so the three clients share records to fight over."""
    roles = server.admin_call("GET", "/admin/roles")
    sales = next(role for role in roles if role["name"] == "sales")
    server.admin_call("PATCH", f"/admin/roles/{sales['id']}", {"scope": "all"})


def test_three_clients_converge_after_random_offline_edits_and_syncs(
    server: ServerProcess, reps_see_every_contact: None
) -> None:
    ThreeClients.server = server
    machine = ThreeClients.TestCase
    machine.settings = settings(
        max_examples=10,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    machine().runTest()
