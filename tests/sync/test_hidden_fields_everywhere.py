"""A field hidden from a role leaves every copy on the client (issue 18, findings 2-4).

Derived values (a display name built from a hidden last name, an email-only
contact named by its address) are rebuilt from what the role sees, in the
server's feed and so in the store and its search index; kept conflicts,
history, outbox, a contact's extra emails (kept on the device only, from a
vCard import or a merge), merge snapshots and `contactdesk backup` snapshots
lose the values at the same sync. After each step every file in the rep's
data folder is read raw (the store, its WAL, its snapshots) for the hidden
values.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from server_process import ServerProcess, SyncedClient, new_client
from sqlalchemy import select, text

from contactdesk.cli.main import main
from contactdesk.duplicates.contact_merge import merge_contacts
from contactdesk.importing.store_import import import_contacts
from contactdesk.model import Contact
from contactdesk.services import unit_of_work
from contactdesk.sync.conflicts import open_conflicts

LAST_NAME = "Quixwoodley"
EMAIL = "zelda.q@quixmail.example"
NEW_EMAIL = "zq.private@quixmail.example"
EMAIL_ONLY = "onlymail.vexworth@quixmail.example"
# A vCard contact with a second (home) email, and a duplicate merged into it.
WORK_EMAIL = "yorick.work@quixmail.example"
HOME_EMAIL = "brembleton.home@quixmail.example"
ALT_EMAIL = "yb.alternate@quixmail.example"
# A custom field's value, which the merge snapshot keeps by field id.
HOBBY = "Quiltmaking-Zorbax"
CARD = f"""BEGIN:VCARD
VERSION:3.0
FN:Yorick Brembleton
N:Brembleton;Yorick;;;
EMAIL;TYPE=WORK:{WORK_EMAIL}
EMAIL;TYPE=HOME:{HOME_EMAIL}
END:VCARD
"""


def files_holding(folder: Path, values: list[str]) -> dict[str, list[str]]:
    """Each file under ``folder`` (raw bytes, any case) holding one of ``values``."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes().lower()
        hits = [value for value in values if value.lower().encode() in data]
        if hits:
            found[path.name] = hits
    return found


def search_hits(client: SyncedClient, word: str) -> int:
    with client.store.reading() as session:
        count = session.execute(
            text("SELECT count(*) FROM search_index WHERE search_index MATCH :word"),
            {"word": f'"{word}"'},
        ).scalar_one()
    return int(count)


def display_names(client: SyncedClient) -> set[str]:
    with client.store.reading() as session:
        return set(session.execute(text("SELECT display_name FROM contacts")).scalars())


def contact_with_email(client: SyncedClient, email: str) -> uuid.UUID:
    with client.store.reading() as session:
        found: uuid.UUID = session.execute(
            select(Contact.id).where(Contact.email == email)
        ).scalar_one()
    return found


def hide(server: ServerProcess, field: str) -> None:
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": field, "access": "hidden"},
    )


def test_a_hidden_field_leaves_every_file_of_the_reps_data_folder(
    server: ServerProcess, tmp_path: Path
) -> None:
    (tmp_path / "admin").mkdir()
    (tmp_path / "rep").mkdir()
    field = {"entity": "contact", "name": "hobby", "label": "Hobby", "type": "text"}
    server.admin_call("POST", "/admin/fields", field)
    admin = new_client(server, tmp_path / "admin" / "ada.db", "ada")
    admin.sync()
    sam = server.user_id("sam")
    zelda = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"first_name": "Zelda", "last_name": LAST_NAME, "email": EMAIL, "owner_id": sam},
    ).record_id
    unit_of_work.create(admin.store, admin.actor, "contact", {"email": EMAIL_ONLY, "owner_id": sam})
    admin.sync()
    folder = tmp_path / "rep"
    rep = new_client(server, folder / "sam.db", "sam")
    rep.sync()
    assert f"Zelda {LAST_NAME}" in display_names(rep) and EMAIL_ONLY in display_names(rep)
    assert main(["backup", "--store", str(folder / "sam.db")]) == 0
    assert files_holding(folder, [LAST_NAME, EMAIL_ONLY])  # the scan does see values

    # The rep imports a card with two emails and merges a duplicate into it: the
    # second and the duplicate's email are kept as the contact's extra emails, and
    # the merge keeps both contacts' rows to be undone.
    card = tmp_path / "yorick.vcf"
    card.write_text(CARD)
    assert import_contacts(rep.store, rep.actor, card).imported == 1
    yorick = contact_with_email(rep, WORK_EMAIL)
    duplicate = unit_of_work.create(
        rep.store,
        rep.actor,
        "contact",
        {"display_name": "Yorick B.", "email": ALT_EMAIL, "hobby": HOBBY},
    ).record_id
    merge_contacts(rep.store, rep.actor, yorick, duplicate)
    rep.sync()
    extra = [WORK_EMAIL, HOME_EMAIL, ALT_EMAIL, HOBBY]
    assert {hit for hits in files_holding(folder, extra).values() for hit in hits} == set(extra)

    # The last name is hidden: the display name the rep holds is rebuilt without it.
    hide(server, "last_name")
    assert rep.sync().resynced
    assert files_holding(folder, [LAST_NAME]) == {}
    assert search_hits(rep, LAST_NAME) == 0
    assert "Zelda" in display_names(rep)

    # The rep edits the email offline; then email is hidden; the push is refused.
    unit_of_work.update(rep.store, rep.actor, "contact", zelda, {"email": NEW_EMAIL})
    assert main(["backup", "--store", str(folder / "sam.db")]) == 0
    hide(server, "email")
    hide(server, "hobby")
    rep.sync()
    rep.sync()
    assert files_holding(folder, [EMAIL, NEW_EMAIL, EMAIL_ONLY, LAST_NAME, *extra]) == {}
    assert all(search_hits(rep, word) == 0 for word in ("vexworth", "private", "quixmail"))
    assert EMAIL_ONLY not in display_names(rep)
    for conflict in open_conflicts(rep.store):
        assert EMAIL not in str(conflict.mine) and NEW_EMAIL not in str(conflict.mine)
    # The admin still sees everything: nothing was lost on the server.
    admin.sync()
    assert f"Zelda {LAST_NAME}" in display_names(admin)
    rep.close()
    admin.close()
