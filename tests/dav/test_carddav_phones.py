"""CardDAV: a rep's address book on a phone, with the field rules of the sync feed.

vdirsyncer (a real CardDAV client) syncs the rep's address book from a real
``contactdesk-server`` process into a local folder and back, signing in with
an app password and finding the address book from the server's root URL. The
desktop side is a real store synced through the sync engine.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import vobject
from dav_clients import SYNC_COLLECTION, Vdirsyncer, app_password, dav_call
from server_process import PASSWORD, ServerProcess, SyncedClient, new_client

from contactdesk.services import unit_of_work
from contactdesk.services.record_queries import get_record
from contactdesk.sync.conflicts import open_conflicts

HIDDEN_BIRTHDAY = "1971-07-15"
TITLE = "Head of Procurement"


def set_rule(server: ServerProcess, field: str, access: str) -> None:
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": field, "access": access},
    )


def card_files(folder: Path) -> dict[str, str]:
    """Each vCard file vdirsyncer wrote, by the contact's UID."""
    cards = {}
    for path in sorted(folder.glob("*.vcf")):
        text = path.read_text()
        uid = re.search(r"^UID:(.+?)\r?$", text, re.MULTILINE)
        assert uid is not None, text
        cards[uid.group(1)] = text
    return cards


def file_of(folder: Path, record_id: uuid.UUID) -> Path:
    return next(p for p in folder.glob("*.vcf") if f"UID:{record_id}" in p.read_text())


@pytest.fixture
def people(server: ServerProcess, tmp_path: Path) -> dict[str, object]:
    """The admin's store with an account and contacts of Sam and of Sue; Sam's desktop."""
    set_rule(server, "birthday", "hidden")
    set_rule(server, "title", "read")
    admin = new_client(server, tmp_path / "ada.db", "ada")
    admin.sync()
    sam, sue = server.user_id("sam"), server.user_id("sue")
    account = unit_of_work.create(
        admin.store, admin.actor, "account", {"name": "Globex", "owner_id": sam}
    ).record_id
    ann = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {
            "first_name": "Ann",
            "last_name": "Lee",
            "email": "ann.lee@globex.example",
            "phone": "+44 161 496 0000",
            "title": TITLE,
            "birthday": HIDDEN_BIRTHDAY,
            "city": "Leeds",
            "account_id": account,
            "owner_id": sam,
        },
    ).record_id
    bob = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"first_name": "Bob", "last_name": "Stone", "phone": "+44 113 496 0001", "owner_id": sam},
    ).record_id
    sues = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"first_name": "Sid", "last_name": "Southern", "owner_id": sue},
    ).record_id
    admin.sync()
    desk = new_client(server, tmp_path / "sam.db", "sam")
    desk.sync()
    yield {"admin": admin, "desk": desk, "ann": ann, "bob": bob, "sues": sues}
    desk.close()
    admin.close()
    set_rule(server, "birthday", "edit")
    set_rule(server, "title", "edit")


def test_the_rep_s_address_book_goes_to_a_phone_and_edits_come_back(
    server: ServerProcess, tmp_path: Path, people: dict[str, object]
) -> None:
    desk = people["desk"]
    assert isinstance(desk, SyncedClient)
    ann, bob, sues = people["ann"], people["bob"], people["sues"]
    assert isinstance(ann, uuid.UUID) and isinstance(bob, uuid.UUID)
    phone = Vdirsyncer(tmp_path / "vdir", server, "sam", app_password(server, "sam", "iPhone"))
    phone.write_config()

    # Discovery from the root URL, then the initial fetch: Sam's contacts, not Sue's.
    found = phone.run("discover")
    assert found.returncode == 0, found.stderr
    first = phone.sync()
    assert first.returncode == 0, first.stderr
    cards = card_files(phone.contacts)
    assert set(cards) == {str(ann), str(bob)}
    assert str(sues) not in "".join(cards.values())
    card = vobject.readOne(cards[str(ann)])
    assert card.fn.value == "Ann Lee"
    assert card.email.value == "ann.lee@globex.example"
    assert card.tel.value == "+441614960000"  # stored as E.164
    assert card.org.value == ["Globex"]
    assert card.title.value == TITLE
    assert card.adr.value.city == "Leeds"
    # The hidden birthday is in no card: no BDAY, and not the value anywhere.
    for text in cards.values():
        assert "BDAY" not in text and HIDDEN_BIRTHDAY not in text
        assert HIDDEN_BIRTHDAY.replace("-", "") not in text

    # An edit on the desktop, synced up, reaches the phone at its next sync.
    unit_of_work.update(desk.store, desk.actor, "contact", bob, {"phone": "+44 113 496 0999"})
    desk.sync()
    again = phone.sync()
    assert again.returncode == 0, again.stderr
    assert vobject.readOne(file_of(phone.contacts, bob).read_text()).tel.value == "+441134960999"

    # An edit on the phone (a mobile number, a note) arrives on the desktop at its next sync.
    path = file_of(phone.contacts, ann)
    edited = vobject.readOne(path.read_text())
    mobile = edited.add("tel")
    mobile.value = "+44 7700 900123"
    mobile.type_param = "cell"
    edited.add("note").value = "Prefers calls after 4pm"
    path.write_text(edited.serialize())
    back = phone.sync()
    assert back.returncode == 0, back.stderr
    desk.sync()
    record = get_record(desk.store, desk.actor, "contact", ann)
    assert record["mobile"] == "+447700900123"
    assert record["notes"] == "Prefers calls after 4pm"
    assert record["title"] == TITLE

    # The server stored the numbers its own way (E.164): the phone fetches the card again.
    assert phone.sync().returncode == 0
    assert "+447700900123" in file_of(phone.contacts, ann).read_text()

    # A read-only field changed on the phone: refused, nothing of the card written.
    path = file_of(phone.contacts, ann)
    refused = vobject.readOne(path.read_text())
    refused.title.value = "Chief Buyer"
    refused.note.value = "This note must not arrive"
    path.write_text(refused.serialize())
    failed = phone.sync()
    assert failed.returncode != 0
    assert "403" in failed.stderr + failed.stdout
    desk.sync()
    record = get_record(desk.store, desk.actor, "contact", ann)
    assert record["title"] == TITLE
    assert record["notes"] == "Prefers calls after 4pm"


def test_a_read_only_field_is_refused_with_403_and_nothing_is_written(
    server: ServerProcess, people: dict[str, object]
) -> None:
    ann = people["ann"]
    auth = ("sam", app_password(server, "sam"))
    href = f"/dav/sam/contacts/{ann}.vcf"
    got = dav_call(server, "GET", href, auth)
    assert got.status_code == 200
    card = vobject.readOne(got.text)
    card.title.value = "Chief Buyer"
    card.email.value = "someone.else@globex.example"
    put = dav_call(server, "PUT", href, auth, card.serialize(), {"If-Match": got.headers["etag"]})
    assert put.status_code == 403
    assert "contact.title" in put.text
    after = dav_call(server, "GET", href, auth)
    assert after.headers["etag"] == got.headers["etag"]
    assert "someone.else" not in after.text


def test_sync_collection_sends_only_what_changed_since_the_token(
    server: ServerProcess, people: dict[str, object]
) -> None:
    desk, ann, bob = people["desk"], people["ann"], people["bob"]
    assert isinstance(desk, SyncedClient)
    auth = ("sam", PASSWORD)  # the real password: accepted on loopback
    first = dav_call(
        server,
        "REPORT",
        "/dav/sam/contacts/",
        auth,
        SYNC_COLLECTION.format(token="", data="<card:address-data/>"),
        {"Depth": "1"},
    )
    assert first.status_code == 207
    assert str(ann) in first.text and str(bob) in first.text
    assert "BDAY" not in first.text and HIDDEN_BIRTHDAY not in first.text
    token = re.search(r"<d:sync-token>([^<]+)</d:sync-token>\s*</d:multistatus>", first.text)
    assert token is not None

    unit_of_work.update(desk.store, desk.actor, "contact", ann, {"city": "York"})
    desk.sync()
    changed = dav_call(
        server,
        "REPORT",
        "/dav/sam/contacts/",
        auth,
        SYNC_COLLECTION.format(token=token.group(1), data='<card:address-data version="4.0"/>'),
        {"Depth": "1"},
    )
    assert changed.status_code == 207
    assert str(ann) in changed.text and str(bob) not in changed.text
    assert "VERSION:4.0" in changed.text and "York" in changed.text

    stale = dav_call(
        server,
        "REPORT",
        "/dav/sam/contacts/",
        auth,
        SYNC_COLLECTION.format(token="http://contactdesk.invalid/ns/sync/nonsense", data=""),
    )
    assert stale.status_code == 403 and "valid-sync-token" in stale.text


def test_an_edit_on_a_stale_etag_is_kept_as_a_conflict(
    server: ServerProcess, people: dict[str, object]
) -> None:
    desk, bob = people["desk"], people["bob"]
    assert isinstance(desk, SyncedClient)
    auth = ("sam", app_password(server, "sam"))
    href = f"/dav/sam/contacts/{bob}.vcf"
    got = dav_call(server, "GET", href, auth)
    # The desktop changes the phone number; the phone, on the old ETag, changes it too.
    unit_of_work.update(desk.store, desk.actor, "contact", bob, {"phone": "+44 113 496 0555"})
    desk.sync()
    card = vobject.readOne(got.text)
    card.tel.value = "+44 113 496 0777"
    card.add("email").value = "bob@stone.example"
    put = dav_call(server, "PUT", href, auth, card.serialize(), {"If-Match": got.headers["etag"]})
    assert put.status_code == 204
    assert put.headers["x-contactdesk-conflicts"] == "phone"
    # The email (no clash) is applied; the phone number is kept as Sam's conflict.
    desk.sync()
    record = get_record(desk.store, desk.actor, "contact", bob)
    assert record["email"] == "bob@stone.example"
    assert record["phone"] == "+441134960555"
    kept = desk.client.open_conflicts()
    assert [(c["field"], c["mine"], c["theirs"]) for c in kept if c["record_id"] == str(bob)] == [
        ("phone", "+441134960777", "+441134960555")
    ]
    # The desktop's conflict center holds it like any conflict of its own.
    here = [c for c in open_conflicts(desk.store) if c.record_id == bob]
    assert [(c.field, c.mine, c.theirs, c.record_title) for c in here] == [
        ("phone", "+441134960777", "+441134960555", "Bob Stone")
    ]
