"""One change path: a refused value is refused alike by every way a change is made.

For each rule (an entity's rule, a field the role may not edit, a record
outside the actor's scope) hypothesis draws a refused value, and it goes
through the service call, the record form (pytest-qt, a real RecordForm),
``contactdesk record edit``, ``contactdesk import`` (a CSV row matching the
record, where a contact file can carry the value), a merge (where a merge can
carry it) and a push from a device to a real server process. Every path answers
with the same message naming the rule, and nothing is written: not the store,
not its change log (the sync outbox), not the server's feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_process import ServerProcess
from sqlalchemy import func, select

from contactdesk.cli.main import main
from contactdesk.duplicates import ABSORBED, merge_contacts
from contactdesk.errors import ContactDeskError
from contactdesk.model import ChangeLog
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, create_user, find_user
from contactdesk.services.field_values import json_safe
from contactdesk.services.record_queries import get_record
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.sync.server_client import ServerClient, SyncError
from contactdesk.sync_protocol import PushedChange
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm

START = date(2026, 3, 1)
TEAMS = {"sam": "north", "sue": "south", "mia": None}
ROLES = {"sam": "sales", "sue": "sales", "mia": "marketing"}


@dataclass(frozen=True)
class Refusal:
    """A record made by the admin, and a change of it ``actor`` may not make."""

    name: str
    entity: str
    actor: str
    # Records the one to change needs first (entity, values), linked by key.
    setup: Callable[[Callable[[str], Any]], dict[str, Any]]
    bad: st.SearchStrategy[dict[str, Any]]
    # The message every path must give; ``{id}`` is the record's id.
    message: str
    # Whether a merge (of contacts) can carry the change.
    mergeable: bool = False
    # Whether a contact CSV row can carry it (the row matches the record by its email).
    importable: bool = False


def _campaign(_user: Callable[[str], Any]) -> dict[str, Any]:
    return {
        "name": f"Campaign {uuid.uuid4().hex[:8]}",
        "channel": "webinar",
        "starts_on": START,
        "ends_on": START + timedelta(days=30),
    }


def _contact_of(owner: str | None) -> Callable[[Callable[[str], Any]], dict[str, Any]]:
    def values(user: Callable[[str], Any]) -> dict[str, Any]:
        return {
            "display_name": "Ann Lee",
            "email": f"ann.{uuid.uuid4().hex[:12]}@example.com",
            "owner_id": user(owner) if owner else None,
        }

    return values


REFUSALS = [
    Refusal(
        "a campaign ends before it starts",
        "campaign",
        "mia",
        _campaign,
        st.integers(1, 365).map(lambda days: {"ends_on": START - timedelta(days=days)}),
        "campaign.ends_on: a campaign cannot end before it starts (rule: campaign dates in order)",
    ),
    Refusal(
        "a negative budget",
        "campaign",
        "mia",
        _campaign,
        st.integers(1, 10**6).map(lambda amount: {"budget": -amount}),
        "campaign.budget: cannot be negative (rule: campaign amounts not negative)",
    ),
    Refusal(
        "lead quality outside 1-5",
        "lead",
        "mia",
        lambda user: {"contact_id": "contact"},
        st.integers(-50, 50)
        .filter(lambda quality: quality not in range(1, 6))
        .map(lambda quality: {"quality": quality}),
        "lead.quality: rate the lead's quality from 1 to 5 (rule: lead quality 1-5)",
    ),
    Refusal(
        "a lead accepted without the accept step",
        "lead",
        "mia",
        lambda user: {"contact_id": "contact"},
        st.just({"status": "accepted"}),
        "lead.status: a new lead can become handed_off, not accepted (rule: lead status steps)",
    ),
    Refusal(
        "a field sales may only read",
        "contact",
        "sam",
        _contact_of(None),
        st.sampled_from(["sam", "sue"]).map(lambda owner: {"owner_id": owner}),
        "role 'sales' may not edit field contact.owner_id",
        mergeable=True,
    ),
    Refusal(
        "a field sales may not see",
        "campaign",
        "sam",
        _campaign,
        st.integers(0, 10**6).map(lambda amount: {"budget": amount}),
        "role 'sales' may not edit field campaign.budget",
    ),
    Refusal(
        "a record outside the actor's scope",
        "contact",
        "sam",
        _contact_of("sue"),
        st.text("abcdefghij", min_size=1, max_size=12).map(lambda city: {"city": city.title()}),
        "contact {id} is outside the record scope of role 'sales'",
        mergeable=True,
        importable=True,
    ),
]


# -- the two sides --------------------------------------------------------


class Desktop:
    """A local store with the same people, and a worker for the record form."""

    def __init__(self, path: Path) -> None:
        self.store: Store = open_store(path)
        admin = Actor.system()
        for name, role in ROLES.items():
            create_user(
                self.store, admin, name, display_name=name.title(), role=role, team=TEAMS[name]
            )
        self.people: dict[str, UserInfo] = {name: find_user(self.store, name) for name in ROLES}
        self.worker = DatabaseWorker()

    def user(self, name: str) -> uuid.UUID:
        return self.people[name].id

    def make(self, refusal: Refusal) -> uuid.UUID:
        values = refusal.setup(self.user)
        if values.get("contact_id") == "contact":
            values["contact_id"] = self._create("contact", {"display_name": "Lead contact"})
        return self._create(refusal.entity, values)

    def _create(self, entity: str, values: dict[str, Any]) -> uuid.UUID:
        return unit_of_work.create(self.store, Actor.system(), entity, values).record_id

    def written(self) -> int:
        with self.store.reading() as session:
            return int(session.scalar(select(func.count()).select_from(ChangeLog)) or 0)

    def close(self) -> None:
        self.worker.shutdown()
        self.store.close()


class Server:
    """The admin's and each user's device, talking to a real server process."""

    def __init__(self, process: ServerProcess) -> None:
        self.process = process
        self.clients: dict[str, ServerClient] = {}
        self.ids = {name: process.user_id(name) for name in ROLES}

    def client(self, name: str) -> ServerClient:
        if name not in self.clients:
            self.clients[name] = self.process.client(name)
        return self.clients[name]

    def user(self, name: str) -> uuid.UUID:
        return self.ids[name]

    def make(self, refusal: Refusal) -> tuple[uuid.UUID, int]:
        values = refusal.setup(self.user)
        if values.get("contact_id") == "contact":
            values["contact_id"], _ = self._create("contact", {"display_name": "Lead contact"})
        return self._create(refusal.entity, values)

    def _create(self, entity: str, values: dict[str, Any]) -> tuple[uuid.UUID, int]:
        record_id = uuid.uuid4()
        fields = {name: json_safe(value) for name, value in values.items()}
        (outcome,) = self.client("ada").push(
            [
                PushedChange(
                    change_id=uuid.uuid4(),
                    entity=entity,
                    record_id=record_id,
                    op="create",
                    fields=fields,
                )
            ]
        )
        assert outcome.status == "applied", outcome
        assert outcome.version is not None
        return record_id, outcome.version

    def push(self, name: str, change: PushedChange) -> str:
        """The refusal's message: a per-change rejection or a refused batch."""
        try:
            (outcome,) = self.client(name).push([change])
        except SyncError as error:
            return str(error)
        assert outcome.status == "rejected", outcome
        return str(outcome.reason)

    def versions_after(self, since: int) -> dict[uuid.UUID, int]:
        page = self.client("ada").pull(since, 1000, None)
        return {change.record_id: change.version for change in page.changes}

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


@pytest.fixture(scope="module")
def sides(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    desktop = Desktop(tmp_path_factory.mktemp("desktop") / "store.db")
    remote = Server(server)
    yield desktop, remote
    desktop.close()
    remote.close()


def _values(desktop_or_server: Desktop | Server, bad: dict[str, Any]) -> dict[str, Any]:
    """Names of people in ``bad`` become that side's user ids."""
    if "owner_id" in bad:
        return {**bad, "owner_id": desktop_or_server.user(bad["owner_id"])}
    return bad


# -- each path ------------------------------------------------------------


def _service(desktop: Desktop, refusal: Refusal, record_id: uuid.UUID, bad: dict[str, Any]) -> str:
    actor = desktop.people[refusal.actor].actor()
    with pytest.raises(ContactDeskError) as refused:
        unit_of_work.update(desktop.store, actor, refusal.entity, record_id, bad)
    return str(refused.value)


def _form(
    qtbot: Any, desktop: Desktop, refusal: Refusal, record_id: uuid.UUID, bad: dict[str, Any]
) -> str | None:
    """What the record form says on Save; None when it offers no way to send the value."""
    actor = desktop.people[refusal.actor].actor()
    form = RecordForm(desktop.store, actor, desktop.worker, refusal.entity, record_id)
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: form.definition is not None or not form.form_error.isHidden())
    name, value = next(iter(bad.items()))
    if form.definition is None or name not in form.editors or not form.is_editable(name):
        # Outside the scope the record does not open; a read-only or hidden field
        # has no input: either way there is nothing the form could send.
        assert name not in form.changed_values()
        return None
    form.editors[name].set_value(value)
    form.editors[name].edited.emit()
    with qtbot.waitSignal(form.save_failed, timeout=10_000) as failed:
        form.save()
    return str(failed.args[0])


def _cli_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _cli_edit(
    capsys: pytest.CaptureFixture[str],
    desktop: Desktop,
    refusal: Refusal,
    record_id: uuid.UUID,
    bad: dict[str, Any],
) -> str:
    """What ``contactdesk record edit`` says, run as the actor's user."""
    assignments = [f"--set={name}={_cli_text(value)}" for name, value in bad.items()]
    store = ["--store", str(desktop.store.path), "--user", refusal.actor]
    capsys.readouterr()
    code = main(["record", "edit", refusal.entity, str(record_id), *store, *assignments])
    said = capsys.readouterr()
    assert code == 1
    return said.err


def _cli_import(
    capsys: pytest.CaptureFixture[str],
    desktop: Desktop,
    refusal: Refusal,
    record_id: uuid.UUID,
    bad: dict[str, Any],
) -> str:
    """What ``contactdesk import`` says of a CSV row matching the record, carrying ``bad``.

    Run as the actor's role (the CLI imports as a role); the row updates the
    record it matches by email, through the unit of work.
    """
    email = get_record(desktop.store, Actor.system(), "contact", record_id)["email"]
    names = list(bad)
    source = Path(str(desktop.store.path)).with_name(f"row-{uuid.uuid4().hex[:8]}.csv")
    header = ",".join(["E-mail Address", *(name.replace("_", " ").title() for name in names)])
    source.write_text(f"{header}\n{email},{','.join(_cli_text(bad[n]) for n in names)}\n")
    role = ROLES[refusal.actor]
    capsys.readouterr()
    code = main(["import", "--store", str(desktop.store.path), "--as", role, str(source)])
    said = capsys.readouterr()
    assert code == 0, said.err
    assert "imported 0" in said.out and "skipped 1" in said.out
    return said.out


def _merge(desktop: Desktop, refusal: Refusal, record_id: uuid.UUID) -> str:
    """A merge as the actor that would carry the refused change."""
    actor = desktop.people[refusal.actor].actor()
    if refusal.entity == "contact" and refusal.actor == "sam" and "outside" not in refusal.message:
        # The survivor (unassigned) would take the owner of the absorbed contact.
        values = {"display_name": "Ann Lee", "owner_id": desktop.user("sam")}
        other = unit_of_work.create(desktop.store, Actor.system(), "contact", values).record_id
        survivor, absorbed, picks = record_id, other, {"owner_id": ABSORBED}
    else:
        mine = unit_of_work.create(desktop.store, actor, "contact", {"display_name": "Ann"})
        survivor, absorbed, picks = mine.record_id, record_id, {}
    before = desktop.written()
    with pytest.raises(ContactDeskError) as refused:
        merge_contacts(desktop.store, actor, survivor, absorbed, picks)
    assert desktop.written() == before
    return str(refused.value)


@settings(
    max_examples=2 * len(REFUSALS),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(refusal=st.sampled_from(REFUSALS), data=st.data())
def test_every_write_path_refuses_the_same_value_with_the_same_message(
    qtbot: Any,
    capsys: pytest.CaptureFixture[str],
    sides: tuple[Desktop, Server],
    refusal: Refusal,
    data: st.DataObject,
) -> None:
    desktop, remote = sides
    bad = data.draw(refusal.bad, label="refused value")

    record_id = desktop.make(refusal)
    local_bad = _values(desktop, bad)
    expected = refusal.message.format(id=record_id)
    before = desktop.written()
    stored = get_record(desktop.store, Actor.system(), refusal.entity, record_id)

    assert expected in _service(desktop, refusal, record_id, local_bad)
    form_says = _form(qtbot, desktop, refusal, record_id, local_bad)
    if form_says is not None:
        assert expected in form_says
    assert expected in _cli_edit(capsys, desktop, refusal, record_id, local_bad)
    if refusal.importable:
        assert expected in _cli_import(capsys, desktop, refusal, record_id, local_bad)
    assert desktop.written() == before
    assert get_record(desktop.store, Actor.system(), refusal.entity, record_id) == stored
    if refusal.mergeable:
        assert expected in _merge(desktop, refusal, record_id)

    server_id, version = remote.make(refusal)
    change = PushedChange(
        change_id=uuid.uuid4(),
        entity=refusal.entity,
        record_id=server_id,
        op="update",
        base_version=version,
        fields={name: json_safe(value) for name, value in _values(remote, bad).items()},
    )
    assert refusal.message.format(id=server_id) in remote.push(refusal.actor, change)
    assert server_id not in remote.versions_after(version)
