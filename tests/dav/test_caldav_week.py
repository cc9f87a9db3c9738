"""CalDAV: a rep's activities as a calendar on a phone; moving an event reschedules it.

The ``caldav`` library (a real CalDAV client) and vdirsyncer work against a
real ``contactdesk-server`` process; the desktop side is a real store synced
through the sync engine.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import caldav
import pytest
import vobject
from dav_clients import Vdirsyncer, app_password
from server_process import ServerProcess, SyncedClient, new_client

from contactdesk.services import unit_of_work
from contactdesk.services.record_queries import get_record

# vobject writes a UTC time as ...Z only with its own UTC zone object.
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=vobject.icalendar.utc)


@pytest.fixture
def week(server: ServerProcess, tmp_path: Path) -> Iterator[dict[str, object]]:
    """Sam's desktop with a meeting (contact, account, deal), a call, and Sue's task."""
    admin = new_client(server, tmp_path / "ada.db", "ada")
    admin.sync()
    sam, sue = server.user_id("sam"), server.user_id("sue")

    def made(entity: str, values: dict[str, object]) -> uuid.UUID:
        record_id = unit_of_work.create(admin.store, admin.actor, entity, values).record_id
        assert record_id is not None
        return record_id

    account = made("account", {"name": "Initech", "owner_id": sam})
    contact = made(
        "contact",
        {"first_name": "Peter", "last_name": "Gibbons", "account_id": account, "owner_id": sam},
    )
    deal = made(
        "opportunity",
        {
            "name": "Initech printers",
            "account_id": account,
            "contact_id": contact,
            "stage_id": "Discovery",
            "amount": 12000,
            "origin": "inbound",
            "owner_id": sam,
        },
    )
    meeting = made(
        "activity",
        {
            "kind": "meeting",
            "subject": "Printer demo",
            "contact_id": contact,
            "account_id": account,
            "opportunity_id": deal,
            "due_at": MONDAY.isoformat(),
            "owner_id": sam,
        },
    )
    call = made(
        "activity",
        {
            "kind": "call",
            "subject": "Follow up on the quote",
            "contact_id": contact,
            "due_at": (MONDAY + timedelta(days=1)).isoformat(),
            "owner_id": sam,
        },
    )
    sues = made(
        "activity",
        {
            "kind": "task",
            "subject": "Sue's own task",
            "due_at": MONDAY.isoformat(),
            "owner_id": sue,
        },
    )
    admin.sync()
    desk = new_client(server, tmp_path / "sam.db", "sam")
    desk.sync()
    yield {"desk": desk, "meeting": meeting, "call": call, "sues": sues}
    desk.close()
    admin.close()


def test_the_rep_s_activities_are_a_calendar_and_a_moved_event_reschedules(
    server: ServerProcess, week: dict[str, object]
) -> None:
    desk, meeting, call = week["desk"], week["meeting"], week["call"]
    assert isinstance(desk, SyncedClient)
    client = caldav.DAVClient(
        url=server.url + "/dav/", username="sam", password=app_password(server, "sam", "Calendar")
    )
    # Discovery: the principal from current-user-principal, its calendar home, the calendar.
    calendars = client.principal().calendars()
    assert [c.get_display_name() for c in calendars] == ["ContactDesk activities"]
    calendar = calendars[0]

    # The initial fetch: Sam's activities only, with contact, account and deal described.
    first = calendar.objects_by_sync_token(load_objects=True)
    events = {str(o.vobject_instance.vevent.uid.value): o for o in first}
    assert set(events) == {str(meeting), str(call)}
    demo = events[str(meeting)].vobject_instance.vevent
    assert demo.summary.value == "Meeting: Printer demo"
    assert demo.dtstart.value == MONDAY
    assert demo.dtend.value == MONDAY + timedelta(hours=1)
    description = demo.description.value
    assert "Contact: Peter Gibbons" in description
    assert "Account: Initech" in description
    assert "Deal: Initech printers" in description

    # A desktop edit (the call moved), synced up: the next fetch brings that event only.
    later = MONDAY + timedelta(days=2, hours=5)
    unit_of_work.update(desk.store, desk.actor, "activity", call, {"due_at": later.isoformat()})
    desk.sync()
    changed = list(calendar.objects_by_sync_token(sync_token=first.sync_token, load_objects=True))
    assert [str(o.vobject_instance.vevent.uid.value) for o in changed] == [str(call)]
    assert changed[0].vobject_instance.vevent.dtstart.value == later

    # The phone moves the meeting an hour later and makes it 90 minutes long.
    event = calendar.event_by_uid(str(meeting))
    moved = event.vobject_instance.vevent
    moved.dtstart.value = MONDAY + timedelta(hours=1)
    moved.dtend.value = MONDAY + timedelta(hours=2, minutes=30)
    event.save()
    desk.sync()
    record = get_record(desk.store, desk.actor, "activity", meeting)
    assert record["due_at"] == MONDAY + timedelta(hours=1)
    assert record["duration_minutes"] == 90
    assert record["subject"] == "Printer demo"
    assert record["done_at"] is None


def test_vdirsyncer_takes_the_calendar_into_a_folder_and_a_move_back(
    server: ServerProcess, tmp_path: Path, week: dict[str, object]
) -> None:
    desk, meeting, sues = week["desk"], week["meeting"], week["sues"]
    assert isinstance(desk, SyncedClient)
    phone = Vdirsyncer(tmp_path / "vdir", server, "sam", app_password(server, "sam", "Laptop"))
    phone.write_config()
    assert phone.run("discover").returncode == 0
    first = phone.sync()
    assert first.returncode == 0, first.stderr
    texts = {p.read_text() for p in phone.activities.glob("*.ics")}
    assert any(f"UID:{meeting}" in text for text in texts)
    assert not any(f"UID:{sues}" in text for text in texts)

    path = next(p for p in phone.activities.glob("*.ics") if f"UID:{meeting}" in p.read_text())
    calendar = vobject.readOne(path.read_text())
    start = MONDAY + timedelta(days=3)
    length = calendar.vevent.dtend.value - calendar.vevent.dtstart.value
    calendar.vevent.dtstart.value = start
    calendar.vevent.dtend.value = start + length
    path.write_text(calendar.serialize())
    back = phone.sync()
    assert back.returncode == 0, back.stderr
    desk.sync()
    assert get_record(desk.store, desk.actor, "activity", meeting)["due_at"] == start
