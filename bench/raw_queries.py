"""Hand-written plain ``sqlite3`` queries: the best way to get each benchmarked answer.

These are the limits the services are compared with. They are written by hand
for the answer (same rows, same columns), never captured from the services, so
a service that sends a bad query shows up as a large ratio. Each function
takes an open ``sqlite3`` connection and returns the fetched rows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

STORE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA cache_size=-65536",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA mmap_size=134217728",
)

CONTACT_COLUMNS = (
    "c.id, c.created_at, c.updated_at, c.version, c.display_name, c.first_name, c.last_name, "
    "c.account_id, a.name, c.title, c.email, c.phone, c.mobile, c.street, c.city, c.region, "
    "c.postcode, c.country, c.birthday, c.enquiry_source, c.owner_id, u.display_name, c.notes, "
    "c.sort_key"
)
CONTACT_FROM = (
    "contacts AS c LEFT JOIN accounts AS a ON a.id = c.account_id "
    "LEFT JOIN users AS u ON u.id = c.owner_id"
)
ACCOUNT_COLUMNS = (
    "x.id, x.created_at, x.updated_at, x.version, x.name, x.industry, x.employees, x.region, "
    "x.territory, x.country, x.website, x.phone, x.owner_id, u.display_name, "
    "x.after_sale_owner_id, s.display_name, x.keep_in_touch_days, x.market_share, x.notes, x.name"
)
ACCOUNT_FROM = (
    "accounts AS x LEFT JOIN users AS u ON u.id = x.owner_id "
    "LEFT JOIN users AS s ON s.id = x.after_sale_owner_id"
)


def as_dicts(rows: list[Any]) -> list[dict[str, Any]]:
    """The rows as one dict each (column name -> value): the least any API that
    hands out records (not tuples) does per row, so the floor for a service."""
    keys = [f"c{index}" for index in range(64)]
    return [dict(zip(keys, row, strict=False)) for row in rows]


def connect(path: Any) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    for pragma in STORE_PRAGMAS:
        connection.execute(pragma)
    return connection


def first_page(db: sqlite3.Connection, limit: int = 100) -> list[Any]:
    return db.execute(
        f"SELECT {CONTACT_COLUMNS} FROM {CONTACT_FROM} ORDER BY c.sort_key, c.id LIMIT ?",
        (limit + 1,),
    ).fetchall()


def page_after(db: sqlite3.Connection, key: tuple[str, str], limit: int = 100) -> list[Any]:
    return db.execute(
        f"SELECT {CONTACT_COLUMNS} FROM {CONTACT_FROM} WHERE (c.sort_key, c.id) > (?, ?) "
        "ORDER BY c.sort_key, c.id LIMIT ?",
        (*key, limit + 1),
    ).fetchall()


def key_at(db: sqlite3.Connection, position: int) -> tuple[str, str]:
    """(sort_key, id) of the row at ``position``: OFFSET on the covering index."""
    row = db.execute(
        "SELECT sort_key, id FROM contacts ORDER BY sort_key, id LIMIT 1 OFFSET ?", (position,)
    ).fetchone()
    return (row[0], row[1])


def jump(db: sqlite3.Connection, position: int, limit: int = 100) -> list[Any]:
    """Rows from ``position`` on: the best plain SQL has no position index, only OFFSET."""
    return page_after(db, key_at(db, position - 1), limit)


def rep_first_page(db: sqlite3.Connection, owner_hex: str, limit: int = 100) -> list[Any]:
    """A rep's own and unassigned contacts: one (owner_id, sort_key) range each, merged."""
    return db.execute(
        f"SELECT {CONTACT_COLUMNS} FROM {CONTACT_FROM} WHERE c.id IN ("
        " SELECT id FROM (SELECT id FROM contacts WHERE owner_id = ? "
        "  ORDER BY sort_key, id LIMIT ?)"
        " UNION ALL SELECT id FROM (SELECT id FROM contacts WHERE owner_id IS NULL "
        "  ORDER BY sort_key, id LIMIT ?)"
        ") ORDER BY c.sort_key, c.id LIMIT ?",
        (owner_hex, limit + 1, limit + 1, limit + 1),
    ).fetchall()


def _by_sort_value(rows: list[Any], limit: int) -> list[Any]:
    return sorted(rows, key=lambda row: (row[-1], row[0]))[:limit]


def search(
    db: sqlite3.Connection, typed: str, owner_hex: str | None, limit: int = 50
) -> list[Any]:
    """Contacts, then accounts, matching what was typed (in the rep's scope if given).

    A number (national UK or international form) is a range of the phone
    indexes; words are an FTS5 prefix match restricted to the record kind.
    """
    digits = "".join(ch for ch in typed if ch.isdigit())
    phone_like = typed.strip()[:1] in "+0123456789(" and len(digits) >= 3 and not any(
        ch.isalpha() for ch in typed
    )
    rows: list[Any] = []
    for kind in ("contact", "account"):
        remaining = limit - len(rows)
        if remaining <= 0:
            break
        if phone_like:
            prefix = "+44" + digits[1:] if digits.startswith("0") else "+" + digits
            found = _search_phone(db, kind, prefix, owner_hex, remaining)
        else:
            found = _search_words(db, kind, typed, owner_hex, remaining)
        rows += found
    return rows


def _search_phone(
    db: sqlite3.Connection, kind: str, prefix: str, owner_hex: str | None, limit: int
) -> list[Any]:
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    scope = " AND (+owner_id = ? OR +owner_id IS NULL)" if owner_hex else ""
    scope_args = (owner_hex,) if owner_hex else ()
    if kind == "contact":
        sql = (
            f"SELECT {CONTACT_COLUMNS} FROM {CONTACT_FROM} WHERE c.id IN ("
            f" SELECT id FROM (SELECT id FROM contacts WHERE phone >= ? AND phone < ?{scope}"
            "  LIMIT ?)"
            f" UNION SELECT id FROM (SELECT id FROM contacts WHERE mobile >= ? AND mobile < ?"
            f"{scope} LIMIT ?))"
        )
        args: tuple[Any, ...] = (prefix, upper, *scope_args, limit) * 2
    else:
        sql = (
            f"SELECT {ACCOUNT_COLUMNS} FROM {ACCOUNT_FROM} WHERE x.id IN ("
            f" SELECT id FROM accounts WHERE phone >= ? AND phone < ?{scope} LIMIT ?)"
        )
        args = (prefix, upper, *scope_args, limit)
    return _by_sort_value(db.execute(sql, args).fetchall(), limit)


def _search_words(
    db: sqlite3.Connection, kind: str, typed: str, owner_hex: str | None, limit: int
) -> list[Any]:
    words = [word for word in "".join(ch if ch.isalnum() else " " for ch in typed).split()]
    if not words:
        return []
    terms = " AND ".join(f'"{word}"*' for word in words)
    match = f'kind : "{kind}" AND {{name company email phone}} : ({terms})'
    table = "contacts" if kind == "contact" else "accounts"
    if owner_hex:
        ids = (
            "SELECT d.record_id FROM search_index JOIN search_docs AS d "
            f"ON d.rowid = search_index.rowid JOIN {table} AS t ON t.id = d.record_id "
            "WHERE search_index MATCH ? AND (t.owner_id = ? OR t.owner_id IS NULL) LIMIT ?"
        )
        args: tuple[Any, ...] = (match, owner_hex, limit)
    else:
        ids = (
            "SELECT d.record_id FROM search_index JOIN search_docs AS d "
            "ON d.rowid = search_index.rowid WHERE search_index MATCH ? LIMIT ?"
        )
        args = (match, limit)
    if kind == "contact":
        sql = f"SELECT {CONTACT_COLUMNS} FROM {CONTACT_FROM} WHERE c.id IN ({ids})"
    else:
        sql = f"SELECT {ACCOUNT_COLUMNS} FROM {ACCOUNT_FROM} WHERE x.id IN ({ids})"
    return _by_sort_value(db.execute(sql, args).fetchall(), limit)


@dataclass(frozen=True)
class WeekInput:
    owner_hex: str
    monday: datetime  # naive UTC, as stored
    today: datetime
    now: datetime


ITEM_SQL = (
    "SELECT v.id, v.kind, v.subject, v.due_at, v.done_at, c.id, c.display_name, a.id, a.name, "
    "l.id, l.score, o.id, o.name, CASE WHEN f.outcome = 'open' THEN o.amount END, o.currency "
    "FROM activities AS v "
    "LEFT JOIN contacts AS c ON c.id = v.contact_id AND (c.owner_id = :u OR c.owner_id IS NULL) "
    "LEFT JOIN accounts AS a ON a.id = v.account_id AND (a.owner_id = :u OR a.owner_id IS NULL) "
    "LEFT JOIN leads AS l ON l.id = v.lead_id AND (l.owner_id = :u OR l.owner_id IS NULL) "
    "LEFT JOIN opportunities AS o ON o.id = v.opportunity_id "
    " AND (o.owner_id = :u OR o.owner_id IS NULL) "
    "LEFT JOIN funnel_stages AS f ON f.id = o.stage_id "
)
DAY_SQL = ITEM_SQL + (
    "WHERE v.owner_id = :u AND v.due_at >= :start AND v.due_at < :end ORDER BY v.due_at LIMIT 50"
)
OVERDUE_SQL = ITEM_SQL + (
    "WHERE v.owner_id = :u AND v.done_at IS NULL AND v.due_at < :today "
    "ORDER BY v.due_at DESC LIMIT 50"
)
DAY_COUNT_SQL = (
    "SELECT count(*) FROM activities WHERE owner_id = :u AND due_at >= :start AND due_at < :end"
)
OVERDUE_COUNT_SQL = (
    "SELECT count(*) FROM activities WHERE owner_id = :u AND done_at IS NULL AND due_at < :today"
)
LEADS_SQL = (
    "SELECT l.id, l.contact_id, c.display_name, l.status, l.score, l.source, l.handed_off_at "
    "FROM leads AS l LEFT JOIN contacts AS c ON c.id = l.contact_id "
    " AND (c.owner_id = :u OR c.owner_id IS NULL) "
    "WHERE l.owner_id = :u AND l.status IN ('handed_off', 'accepted') "
    "AND NOT EXISTS (SELECT 1 FROM activities AS v WHERE v.contact_id = l.contact_id "
    " AND v.done_at IS NULL) LIMIT 31"
)
LAPSED_SQL = (
    "SELECT a.id, a.name, a.keep_in_touch_days, "
    " (SELECT max(done_at) FROM activities WHERE account_id = a.id) "
    "FROM accounts AS a WHERE a.owner_id = :u AND a.keep_in_touch_days > 0 "
    "AND NOT EXISTS (SELECT 1 FROM activities AS v WHERE v.account_id = a.id "
    " AND v.done_at >= datetime(:now, printf('-%d days', a.keep_in_touch_days))) LIMIT 31"
)
BRIEFS_SQL = (
    "SELECT b.id, b.title, b.product, b.starts_on FROM launch_briefs AS b "
    "LEFT JOIN brief_readiness AS r ON r.brief_id = b.id AND r.user_id = :u "
    "WHERE b.starts_on >= :today AND b.starts_on <= :until AND r.read_at IS NULL "
    "ORDER BY b.starts_on, b.title"
)
CAMPAIGNS_SQL = (
    "SELECT id, name, channel, product, starts_on, ends_on, expected_leads FROM campaigns "
    "WHERE starts_on <= :sunday AND ends_on >= :monday ORDER BY ends_on, name"
)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def week_plan(db: sqlite3.Connection, week: WeekInput) -> list[Any]:
    """A rep's week as the planner shows it: 7 days in time order with their counts,
    the newest overdue with the true count, flags, campaigns and unread briefs."""
    # The currency of a deal without its own (the company's), as the plan shows values.
    answer: list[Any] = [db.execute("SELECT value FROM settings WHERE key = 'currency'").fetchone()]
    for offset in range(7):
        start = week.monday + timedelta(days=offset)
        args = {"u": week.owner_hex, "start": _stamp(start),
                "end": _stamp(start + timedelta(days=1))}  # fmt: skip
        items = db.execute(DAY_SQL, args).fetchall()
        count = db.execute(DAY_COUNT_SQL, args).fetchone() if len(items) >= 50 else None
        answer.append((items, count))
    overdue = {"u": week.owner_hex, "today": _stamp(week.today)}
    items = db.execute(OVERDUE_SQL, overdue).fetchall()
    count = db.execute(OVERDUE_COUNT_SQL, overdue).fetchone() if len(items) >= 50 else None
    answer.append((items, count))
    answer.append(db.execute(LEADS_SQL, {"u": week.owner_hex}).fetchall())
    now = week.now.strftime("%Y-%m-%d %H:%M:%S")
    answer.append(db.execute(LAPSED_SQL, {"u": week.owner_hex, "now": now}).fetchall())
    sunday = (week.monday + timedelta(days=6)).date().isoformat()
    answer.append(db.execute(
        CAMPAIGNS_SQL, {"sunday": sunday, "monday": week.monday.date().isoformat()}
    ).fetchall())  # fmt: skip
    today = week.today.date()
    answer.append(db.execute(
        BRIEFS_SQL,
        {"u": week.owner_hex, "today": today.isoformat(),
         "until": (today + timedelta(days=14)).isoformat()},
    ).fetchall())  # fmt: skip
    return answer
