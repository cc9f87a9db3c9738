"""A role never holds a hidden field on disk: not before, nor after an admin hides it."""

from __future__ import annotations

import uuid
from pathlib import Path

from server_process import ServerProcess, SyncedClient, new_client

from contactdesk.services import unit_of_work

HIDDEN_ALL_ALONG = "HIDDEN-CODENAME-5521"
HIDDEN_LATER = "VISIBLE-SECRET-7781"


def store_bytes(path: Path) -> bytes:
    """The raw bytes of the store file and its write-ahead log."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _admin_contact_for_sam(server: ServerProcess, admin: SyncedClient) -> uuid.UUID:
    server.admin_call(
        "POST",
        "/admin/fields",
        {"entity": "contact", "name": "rival_codename", "label": "Rival codename", "type": "text"},
    )
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": "rival_codename", "access": "hidden"},
    )
    admin.sync()
    changes = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {
            "display_name": "Hana Hidden",
            "owner_id": server.user_id("sam"),
            "notes": HIDDEN_LATER,
            "rival_codename": HIDDEN_ALL_ALONG,
        },
    )
    admin.sync()
    return changes.record_id


def test_sales_store_never_holds_a_field_hidden_from_sales(
    server: ServerProcess, tmp_path: Path
) -> None:
    admin = new_client(server, tmp_path / "admin.db", "ada")
    admin.sync()
    _admin_contact_for_sam(server, admin)
    sales = new_client(server, tmp_path / "sam.db", "sam")
    sales.sync()
    on_disk = store_bytes(tmp_path / "sam.db")
    assert HIDDEN_LATER.encode() in on_disk  # visible to sales: the grep does find values
    assert HIDDEN_ALL_ALONG.encode() not in on_disk


def test_hiding_a_visible_field_purges_its_values_from_the_sales_store_file(
    server: ServerProcess, tmp_path: Path
) -> None:
    admin = new_client(server, tmp_path / "admin.db", "ada")
    admin.sync()
    sales = new_client(server, tmp_path / "sam.db", "sam")
    sales.sync()
    record_id = unit_of_work.create(
        admin.store,
        admin.actor,
        "contact",
        {"display_name": "Nora Notes", "owner_id": server.user_id("sam"), "notes": HIDDEN_LATER},
    ).record_id
    admin.sync()
    sales.sync()
    # The rep edits the notes, so the value is in the change log too.
    unit_of_work.update(
        sales.store, sales.actor, "contact", record_id, {"notes": HIDDEN_LATER + "!"}
    )
    sales.sync()
    assert HIDDEN_LATER.encode() in store_bytes(tmp_path / "sam.db")
    server.admin_call(
        "PUT",
        "/admin/rules",
        {"role": "sales", "entity": "contact", "field": "notes", "access": "hidden"},
    )
    report = sales.sync()
    sales.close()
    assert report.resynced
    assert HIDDEN_LATER.encode() not in store_bytes(tmp_path / "sam.db")
