"""``generate_demo``: a new store filled with a complete, deterministic demo.

The same seed gives the same ids, names, amounts and choices; dates are offsets
from the start of the current week (see ``reference_week``). Demo rows are seed
data, not user changes: no change_log rows are written, so a demo store has
nothing to push to a sync server.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from contactdesk.demo.activity_rows import activity_rows
from contactdesk.demo.bulk_loader import BulkLoader
from contactdesk.demo.customer_rows import (
    Customers,
    account_rows,
    contact_detail_rows,
    contact_rows,
)
from contactdesk.demo.demo_context import DemoContext
from contactdesk.demo.marketing_rows import (
    campaign_rows,
    collateral_rows,
    funnel_contract_rows,
    launch_brief_rows,
    segment_rows,
    target_rows,
    user_rows,
)
from contactdesk.demo.reference_week import WeekClock, week_start
from contactdesk.demo.selling_rows import Pipeline, intel_rows, lead_rows, opportunity_rows
from contactdesk.demo.table_rows import TableRows
from contactdesk.errors import ContactDeskError, StoreError
from contactdesk.services.store_opening import open_store
from contactdesk.services.target_rules import period_start

ACCOUNTS_PER_CONTACT = 0.2
# Tables whose secondary indexes are built after the load rather than row by row.
BULK_TABLES = ("accounts", "contacts", "contact_details", "activities", "leads",
               "opportunities", "intel")
# Tables whose rows mean the store already holds someone's data.
DATA_TABLES = ("users", "accounts", "contacts", "campaigns", "activities")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` wrote: row counts by table, and the week it is laid around."""

    path: Path
    seed: int
    week_start: datetime
    counts: dict[str, int]


def generate_demo(
    path: Path | str,
    contacts: int = 2000,
    seed: int = 1,
    *,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Create the store at ``path`` and fill it with a demo of ``contacts`` contacts.

    Refuses (ContactDeskError) a path that holds a store with data; an empty
    file or a store with no records is filled. Accounts are a fifth of the
    contacts, activities about three per contact. Not thread-safe with other
    users of the file: it must not be open elsewhere while the demo is written.
    On failure, a store this call created is deleted again.
    """
    path = Path(path)
    if contacts < 1:
        raise ContactDeskError("a demo needs at least 1 contact")
    created = not path.exists() or path.stat().st_size == 0
    _refuse_data(path)
    try:
        return _fill(path, contacts, seed, progress, today)
    except BaseException:
        if created:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        raise


def _refuse_data(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in DATA_TABLES:
                if table in tables and connection.execute(
                    f"SELECT 1 FROM {table} LIMIT 1"
                ).fetchone():
                    raise StoreError(
                        f"{path} already holds data ({table}); "
                        "give a new path for the demo"
                    )
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a ContactDesk store ({error})") from error


def _fill(
    path: Path, contacts: int, seed: int, progress: Progress | None, today: date | None
) -> DemoSummary:
    report = progress or (lambda message: None)
    report(f"creating store {path}")
    open_store(path).close()
    start = week_start(today)
    loader = BulkLoader(path)
    try:
        role_ids = dict(loader.rows("SELECT name, id FROM roles"))
        stage_ids = dict(loader.rows("SELECT name, id FROM funnel_stages"))
        context = DemoContext.create(seed, WeekClock(start), role_ids, stage_ids)
        counts: dict[str, int] = {}

        def write(rows: TableRows) -> None:
            counts[rows.table] = counts.get(rows.table, 0) + loader.insert(
                rows.table, rows.columns, rows.rows, report, rows.expected
            )

        customers = Customers()
        pipeline = Pipeline()
        with loader.indexes_suspended(BULK_TABLES, report):
            write(user_rows(context))
            segments, segment_ids = segment_rows(context)
            write(segments)
            write(campaign_rows(context, segment_ids))
            collateral, collateral_ids = collateral_rows(context)
            write(collateral)
            for rows in launch_brief_rows(context, collateral_ids):
                write(rows)
            write(account_rows(context, customers, max(1, int(contacts * ACCOUNTS_PER_CONTACT))))
            write(contact_rows(context, customers, contacts))
            for rows in contact_detail_rows(context, customers):
                write(rows)
            leads = lead_rows(context, customers, pipeline)
            write(leads)
            opportunities = opportunity_rows(context, customers, pipeline, leads)
            write(opportunities)
            intel = intel_rows(context, opportunities, pipeline)
            write(activity_rows(context, customers, pipeline))
            write(intel)
            # Last, so its id comes after every other row's (earlier rows keep theirs).
            stages = loader.rows(
                "SELECT name, owner_team, probability FROM funnel_stages ORDER BY position"
            )
            write(funnel_contract_rows(context, [(n, t, float(p)) for n, t, p in stages]))
            # After it, so every earlier row keeps its id.
            write(target_rows(context, contacts, period_start("quarter", today or date.today())))
    finally:
        loader.close()
    report("done")
    return DemoSummary(path, seed, start, counts)
