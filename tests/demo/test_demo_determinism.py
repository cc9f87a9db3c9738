"""Same seed, same data; another seed, other data."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

from contactdesk.demo import generate_demo

TODAY = date(2026, 11, 25)


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    connection = sqlite3.connect(path)
    try:
        for sql in (
            "SELECT id, display_name, email, phone, account_id, owner_id FROM contacts ORDER BY id",
            "SELECT id, name, owner_id FROM accounts ORDER BY id",
            "SELECT id, subject, due_at, done_at FROM activities ORDER BY id",
            "SELECT id, status, rejection_reason FROM leads ORDER BY id",
            # Stage ids come from the store's seeded funnel (fresh per store): compare by name.
            "SELECT o.id, o.name, o.amount, s.name FROM opportunities AS o "
            "JOIN funnel_stages AS s ON s.id = o.stage_id ORDER BY o.id",
        ):
            for row in connection.execute(sql):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def test_same_seed_writes_the_same_data(tmp_path: Path) -> None:
    generate_demo(tmp_path / "a.db", 200, seed=7, today=TODAY)
    generate_demo(tmp_path / "b.db", 200, seed=7, today=TODAY)
    assert _fingerprint(tmp_path / "a.db") == _fingerprint(tmp_path / "b.db")


def test_another_seed_writes_other_data(tmp_path: Path) -> None:
    generate_demo(tmp_path / "a.db", 200, seed=7, today=TODAY)
    generate_demo(tmp_path / "b.db", 200, seed=8, today=TODAY)
    assert _fingerprint(tmp_path / "a.db") != _fingerprint(tmp_path / "b.db")


def test_another_week_keeps_ids_and_names(tmp_path: Path) -> None:
    generate_demo(tmp_path / "a.db", 100, seed=7, today=TODAY)
    generate_demo(tmp_path / "b.db", 100, seed=7, today=date(2027, 3, 3))
    sql = "SELECT id, display_name FROM contacts ORDER BY id"
    rows = []
    for name in ("a.db", "b.db"):
        connection = sqlite3.connect(tmp_path / name)
        rows.append(connection.execute(sql).fetchall())
        connection.close()
    assert rows[0] == rows[1]
