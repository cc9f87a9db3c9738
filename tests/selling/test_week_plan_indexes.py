"""The week plan's queries stay on their indexes (plans, never timings)."""

from __future__ import annotations

import pytest
from sales_scenario import NOW, SalesWeek

from contactdesk.selling import week_plan as week_plan_module
from contactdesk.selling.week_plan import week_plan
from contactdesk.store import Store
from tests.query_plans import QueryPlans


def test_no_week_plan_query_reads_a_whole_table(
    store: Store, week: SalesWeek, query_plans: QueryPlans
) -> None:
    week_plan(store, week.rep.actor(), week.rep.id, now=NOW)
    for table in ("activities", "accounts", "contacts", "leads", "opportunities"):
        assert query_plans.scans(table) == [], table


def test_lapsed_accounts_read_the_last_activity_from_the_account_index(
    store: Store, week: SalesWeek, query_plans: QueryPlans
) -> None:
    plan = week_plan(store, week.rep.actor(), week.rep.id, now=NOW)
    assert plan.lapsed_accounts
    lapsed = [
        lines for statement, lines in query_plans.plans() if "keep_in_touch_days" in statement
    ]
    assert len(lapsed) == 1
    assert any(
        "ix_activities_account_done (account_id=? AND done_at>?)" in line for line in lapsed[0]
    )


def test_counts_of_every_kind_read_only_the_index_ranges(
    store: Store, week: SalesWeek, query_plans: QueryPlans, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A limit of one makes every non-empty day and the overdue list count.
    monkeypatch.setattr(week_plan_module, "DAY_LIMIT", 1)
    monkeypatch.setattr(week_plan_module, "OVERDUE_LIMIT", 1)
    week_plan(store, week.rep.actor(), week.rep.id, now=NOW)
    counts = [lines for statement, lines in query_plans.plans() if "count(*)" in statement]
    assert counts
    # A day's count reads its (owner_id, due_at) range of the index; the overdue
    # count reads the partial index of open activities, never the done history.
    assert all(any("USING COVERING INDEX" in line for line in lines) for lines in counts)
    assert any(
        "COVERING INDEX ix_activities_owner_open_due" in line for lines in counts for line in lines
    )
