"""Fill the search index for every contact and account in two set-based statements.

Used after a bulk load ran with the search triggers suspended. The columns
written here are the ones the insert triggers of the search-index migration
write (kind, name, company, email, phone); ``tests/demo`` checks that a rebuilt index
equals the one the triggers build, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# A contact's texts as the triggers write them (migrations 20261202_contact_nickname and
# 20261202_search_details): every name part not already in the display name; its email
# and phones with their additional values.
_PART = (
    "CASE WHEN c.{part} IS NULL OR instr(' ' || c.display_name || ' ', ' ' || c.{part} || ' ')"
    " THEN '' ELSE ' ' || c.{part} END"
)
CONTACT_NAMES = (
    "trim(c.display_name || "
    + " || ".join(_PART.format(part=p) for p in ("first_name", "last_name", "nickname"))
    + ")"
)
_DETAILS = (
    "(SELECT group_concat(x.value, ' ') FROM contact_details AS x "
    "WHERE x.contact_id = c.id AND x.kind = '{kind}')"
)
CONTACT_EMAILS = "coalesce(c.email || ' ' || {d}, c.email, {d})".format(
    d=_DETAILS.format(kind="email")
)
CONTACT_PHONES = (
    "trim(coalesce(c.phone, '') || ' ' || coalesce(c.mobile, '') || coalesce(' ' || {d}, ''))"
).format(d=_DETAILS.format(kind="phone"))

REBUILD = (
    "INSERT INTO search_docs(entity, record_id) SELECT 'account', id FROM accounts",
    "INSERT INTO search_docs(entity, record_id) SELECT 'contact', id FROM contacts",
    """INSERT INTO search_index(rowid, kind, name, company, email, phone)
       SELECT d.rowid, 'account', a.name, a.name, NULL, a.phone
       FROM search_docs AS d JOIN accounts AS a ON a.id = d.record_id
       WHERE d.entity = 'account'""",
    f"""INSERT INTO search_index(rowid, kind, name, company, email, phone)
       SELECT d.rowid, 'contact', {CONTACT_NAMES}, a.name, {CONTACT_EMAILS}, {CONTACT_PHONES}
       FROM search_docs AS d JOIN contacts AS c ON c.id = d.record_id
       LEFT JOIN accounts AS a ON a.id = c.account_id
       WHERE d.entity = 'contact'""",
    # Merge the many segments a large insert leaves, so prefix queries read one b-tree.
    "INSERT INTO search_index(search_index) VALUES ('optimize')",
)

STEPS = ("account documents", "contact documents", "accounts", "contacts", "merge")


def rebuild_search_index(
    connection: sqlite3.Connection, progress: Callable[[str], None] | None = None
) -> None:
    """Index every contact and account; the index must be empty (as in a new store)."""
    if connection.execute("SELECT 1 FROM search_docs LIMIT 1").fetchone() is not None:
        raise RuntimeError("search index is not empty; a rebuild would duplicate entries")
    for step, statement in zip(STEPS, REBUILD, strict=True):
        if progress is not None:
            progress(f"search index: {step}")
        connection.execute(statement)
