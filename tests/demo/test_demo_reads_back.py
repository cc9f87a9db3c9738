"""Demo rows, written without the ORM, read back through the services and the search index."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from contactdesk.demo import DemoSummary
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.record_derivations import contact_sort_key
from contactdesk.services.record_queries import get_record, page_records
from contactdesk.services.search import search_records
from contactdesk.services.store_opening import open_store


def _first_contact(demo: DemoSummary) -> tuple[str, str, str]:
    connection = sqlite3.connect(demo.path)
    try:
        row = connection.execute(
            "SELECT id, last_name, phone FROM contacts WHERE owner_id IS NOT NULL "
            "ORDER BY id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return row[0], row[1], row[2]


def test_get_record_reads_a_generated_contact(demo: DemoSummary) -> None:
    contact_id, last_name, _ = _first_contact(demo)
    store = open_store(demo.path)
    try:
        record = get_record(store, Actor.system(), "contact", contact_id)
    finally:
        store.close()
    assert record["last_name"] == last_name
    assert isinstance(record["created_at"], datetime)
    assert record["created_at"].tzinfo == UTC


def test_first_page_of_contacts_is_in_sort_order(demo: DemoSummary) -> None:
    store = open_store(demo.path)
    try:
        page = page_records(store, Actor.system(), "contact", limit=100)
    finally:
        store.close()
    keys = [contact_sort_key(row["last_name"], row["first_name"], row["display_name"])
            for row in page.rows]
    assert len(keys) == 100
    assert keys == sorted(keys)
    assert page.next_after is not None


def test_search_finds_a_contact_by_name_prefix(demo: DemoSummary) -> None:
    contact_id, last_name, _ = _first_contact(demo)
    store = open_store(demo.path)
    try:
        hits = search_records(store, Actor.system(), last_name[:3], limit=1000)
    finally:
        store.close()
    assert str_uuid(contact_id) in {hit.record["id"] for hit in hits}


def test_search_finds_a_contact_by_national_phone_prefix(demo: DemoSummary) -> None:
    contact_id, _, phone = _first_contact(demo)
    national = "0" + phone[3:]
    store = open_store(demo.path)
    try:
        hits = search_records(store, Actor.system(), national, limit=1000, entity="contact")
    finally:
        store.close()
    assert str_uuid(contact_id) in {hit.record["id"] for hit in hits}


def test_a_rep_sees_own_and_unassigned_contacts_only(demo: DemoSummary) -> None:
    store = open_store(demo.path)
    try:
        rep = find_user(store, "ned.north")
        page = page_records(store, rep.actor(), "contact", limit=1000)
    finally:
        store.close()
    owners = {row["owner_id"] for row in page.rows}
    assert owners <= {str(rep.id), None}
    assert str(rep.id) in owners


def test_search_index_equals_the_one_the_triggers_build(
    demo: DemoSummary, tmp_path: Path
) -> None:
    # Copy the records into a fresh store through plain INSERTs, so the triggers index them.
    copy = tmp_path / "copy.db"
    open_store(copy).close()
    connection = sqlite3.connect(copy)
    try:
        connection.execute("ATTACH DATABASE ? AS demo", (str(demo.path),))
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("DELETE FROM users")
        connection.execute("INSERT INTO users SELECT * FROM demo.users")
        connection.execute("INSERT INTO accounts SELECT * FROM demo.accounts")
        connection.execute("INSERT INTO contacts SELECT * FROM demo.contacts")
        connection.execute("INSERT INTO contact_details SELECT * FROM demo.contact_details")
        connection.commit()
        sql = (
            "SELECT d.entity, d.record_id, s.kind, s.name, s.company, s.email, s.phone "
            "FROM {db}search_docs AS d JOIN {db}search_index AS s ON s.rowid = d.rowid "
            "ORDER BY d.record_id"
        )
        by_triggers = connection.execute(sql.format(db="main.")).fetchall()
        rebuilt = connection.execute(sql.format(db="demo.")).fetchall()
    finally:
        connection.close()
    assert rebuilt == by_triggers
    assert len(rebuilt) > 0


def test_schema_after_the_load_is_the_migrated_schema(demo: DemoSummary, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    open_store(fresh).close()
    # sqlite_stat* hold planner statistics from ANALYZE, not schema.
    sql = (
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"
    )
    schemas = []
    for path in (demo.path, fresh):
        connection = sqlite3.connect(path)
        schemas.append(connection.execute(sql).fetchall())
        connection.close()
    assert schemas[0] == schemas[1]


def test_demo_store_is_left_in_wal_mode(demo: DemoSummary) -> None:
    connection = sqlite3.connect(demo.path)
    try:
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()
    assert mode == "wal"


def str_uuid(hex_id: str) -> str:
    return str(uuid.UUID(hex=hex_id))


def test_demo_store_carries_planner_statistics(demo: DemoSummary) -> None:
    connection = sqlite3.connect(demo.path)
    try:
        analysed = {row[0] for row in connection.execute("SELECT tbl FROM sqlite_stat1")}
    finally:
        connection.close()
    assert {"contacts", "accounts", "activities"} <= analysed
