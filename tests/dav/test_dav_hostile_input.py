"""CardDAV writes refuse what no later read could serve (issue 18, finding 1, the DAV side).

A phone's PUT is a writable endpoint like the JSON API's: bytes that are not
UTF-8 text (a CESU-encoded lone surrogate), a NUL, a value past its field's
size or a card past the item limit get a 4xx, nothing is written, and the
address book, the card and the desktop's feed all still read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from dav_clients import SYNC_COLLECTION, dav_call
from server_process import PASSWORD, ServerProcess, new_client

from contactdesk.services import unit_of_work

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
    "ADR;TYPE=WORK:;;1 Main St;{city};;;\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize(
    ("label", "body", "refused"),
    [
        ("lone surrogate", CARD.format(uid="{uid}", city="Le\udc80eds"), 400),
        ("NUL", CARD.format(uid="{uid}", city="Le\x00eds"), 400),
        ("city past 100 characters", CARD.format(uid="{uid}", city="L" * 101), 422),
        ("card past 256 KiB", CARD.format(uid="{uid}", city="Leeds") + "X" * 300_000, 413),
    ],
)
def test_a_hostile_card_is_refused_and_everything_still_reads(
    server: ServerProcess, tmp_path: Path, label: str, body: str, refused: int
) -> None:
    admin = new_client(server, tmp_path / "ada.db", "ada")
    admin.sync()
    ann = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"first_name": "Ann", "last_name": "Lee", "owner_id": server.user_id("sam")},
    ).record_id
    admin.sync()
    auth = ("sam", PASSWORD)
    href = f"/dav/sam/contacts/{ann}.vcf"
    before = dav_call(server, "GET", href, auth)
    assert before.status_code == 200
    raw = body.replace("{uid}", str(ann)).encode("utf-8", "surrogatepass")
    put = dav_call(server, "PUT", href, auth, raw, {"If-Match": before.headers["etag"]})
    assert put.status_code == refused, f"{label}: {put.status_code} {put.text[:200]}"
    after = dav_call(server, "GET", href, auth)
    assert (after.status_code, after.headers["etag"]) == (200, before.headers["etag"])
    book = dav_call(
        server,
        "REPORT",
        "/dav/sam/contacts/",
        auth,
        SYNC_COLLECTION.format(token="", data="<card:address-data/>"),
        {"Depth": "1"},
    )
    assert book.status_code == 207 and str(ann) in book.text
    admin.sync()
    admin.close()
