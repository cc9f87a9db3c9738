"""The week plan shows the right work for a fixed clock, in time order, with its flags."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sales_scenario import MONDAY, NOW, SalesWeek, at

from contactdesk.model.selling import ACTIVITY_KINDS
from contactdesk.selling.opportunity_progress import WinCapture, move_opportunity
from contactdesk.selling.week_plan import DAY_LIMIT, OVERDUE_LIMIT, PlanItem, WeekPlan, week_plan
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from tests.query_plans import QueryPlans


def _plan(store: Store, week: SalesWeek, day: date | None = None) -> WeekPlan:
    return week_plan(store, week.rep.actor(), week.rep.id, now=NOW, day=day)


def _day(plan: WeekPlan, weekday: int) -> list[uuid.UUID]:
    return [item.activity_id for item in plan.days[weekday].items]


def test_plan_runs_monday_to_sunday_of_the_week_of_now(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week)
    assert [day.day for day in plan.days] == [MONDAY + timedelta(days=n) for n in range(7)]


def test_wednesday_lists_the_reps_work_due_that_day(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week)
    assert set(_day(plan, 2)) == {week.call_carla, week.follow_up_leo, week.plain_call}


def test_thursday_lists_the_meeting(store: Store, week: SalesWeek) -> None:
    assert _day(_plan(store, week), 3) == [week.meeting]


def test_another_reps_activity_is_not_in_the_plan(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week)
    shown = {item.activity_id for item in plan.items()} | {i.activity_id for i in plan.overdue}
    assert week.other_rep_call not in shown


def test_open_work_due_before_today_is_overdue_on_top(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week)
    assert [item.activity_id for item in plan.overdue] == [week.overdue_call]
    assert plan.overdue_total == 1


def test_work_due_earlier_today_is_not_overdue(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week)
    follow_up = next(i for i in plan.days[2].items if i.activity_id == week.follow_up_leo)
    assert follow_up.overdue is False


def test_overdue_runs_in_time_order_not_by_deal_value(store: Store, week: SalesWeek) -> None:
    chore = unit_of_work.create(
        store,
        Actor.system(),
        "activity",
        {"kind": "call", "subject": "Old chore", "due_at": at(2, 9), "owner_id": week.rep.id},
    ).record_id
    big = unit_of_work.create(
        store,
        Actor.system(),
        "activity",
        {"kind": "call", "subject": "Deal call", "due_at": at(6, 9), "owner_id": week.rep.id,
         "opportunity_id": week.opportunity},
    ).record_id  # fmt: skip
    plan = _plan(store, week)
    assert [item.activity_id for item in plan.overdue] == [chore, week.overdue_call, big]
    assert plan.overdue[-1].opportunity_value == 50000


def test_a_day_runs_in_time_order_with_value_and_score_beside(
    store: Store, week: SalesWeek
) -> None:
    items = _plan(store, week).days[2].items
    # 8:00 courtesy call, 9:00 webinar follow-up (score 80), 14:00 proposal call (50,000).
    assert [item.activity_id for item in items] == [
        week.plain_call, week.follow_up_leo, week.call_carla
    ]  # fmt: skip
    assert [item.due_at.hour for item in items] == [8, 9, 14]
    assert (items[1].lead_score, items[2].opportunity_value) == (80, 50000)


def test_work_on_a_won_deal_shows_no_value_at_stake(store: Store, week: SalesWeek) -> None:
    win = WinCapture("Won on the roll-out plan.", week.rep.id)
    move_opportunity(store, week.rep.actor(), week.opportunity, "Won", now=NOW, win=win)
    # Winning also planned (and did) the hand-over that day: find the proposal call by id.
    items = _plan(store, week).days[2].items
    (call,) = [item for item in items if item.activity_id == week.call_carla]
    assert call.opportunity_value is None


def test_overdue_counts_every_open_overdue_item_beyond_the_list(
    store: Store, week: SalesWeek
) -> None:
    with unit_of_work.unit_of_work(store, Actor.system()) as work:
        for number in range(OVERDUE_LIMIT + 177):
            work.create(
                "activity",
                {"kind": "task", "subject": f"Old task {number}",
                 "due_at": at(2, 8) - timedelta(hours=number), "owner_id": week.rep.id},
            )  # fmt: skip
    plan = _plan(store, week)
    assert len(plan.overdue) == OVERDUE_LIMIT
    assert plan.overdue_total == OVERDUE_LIMIT + 177 + 1  # and the scenario's overdue call
    assert [item.due_at for item in plan.overdue] == sorted(item.due_at for item in plan.overdue)


def test_kinds_narrow_the_plan_to_that_work(store: Store, week: SalesWeek) -> None:
    plan = week_plan(store, week.rep.actor(), week.rep.id, now=NOW, kinds={"meeting"})
    assert [item.activity_id for item in plan.items()] == [week.meeting]
    assert (plan.overdue, plan.overdue_total) == ([], 0)
    assert plan.leads_without_next_step == [] and plan.lapsed_accounts == []
    leads = week_plan(store, week.rep.actor(), week.rep.id, now=NOW, kinds={"lead"})
    assert leads.items() == [] and leads.leads_without_next_step


def test_open_lead_with_nothing_planned_is_flagged(store: Store, week: SalesWeek) -> None:
    flagged = {lead.lead_id for lead in _plan(store, week).leads_without_next_step}
    assert week.lead_nina in flagged


def test_lead_with_a_planned_follow_up_is_not_flagged(store: Store, week: SalesWeek) -> None:
    flagged = {lead.lead_id for lead in _plan(store, week).leads_without_next_step}
    assert week.lead_leo not in flagged


def test_flagged_leads_rank_by_score(store: Store, week: SalesWeek) -> None:
    flagged = [lead.lead_id for lead in _plan(store, week).leads_without_next_step]
    assert flagged == [week.lead_nina, week.lead_max]


def test_account_past_its_keep_in_touch_cadence_is_flagged(store: Store, week: SalesWeek) -> None:
    lapsed = {account.account_id: account for account in _plan(store, week).lapsed_accounts}
    assert lapsed[week.acme].last_done_at == NOW - timedelta(days=20)
    assert lapsed[week.acme].due_since == NOW - timedelta(days=6)


def test_account_never_touched_is_flagged(store: Store, week: SalesWeek) -> None:
    lapsed = {account.account_id: account for account in _plan(store, week).lapsed_accounts}
    assert lapsed[week.dormant].last_done_at is None


def test_account_touched_within_its_cadence_is_not_flagged(store: Store, week: SalesWeek) -> None:
    names = {account.name for account in _plan(store, week).lapsed_accounts}
    assert names == {"Acme Logistics", "Dormant Ltd"}


def test_campaign_strip_shows_campaigns_running_this_week(store: Store, week: SalesWeek) -> None:
    campaigns = _plan(store, week).campaigns
    assert [(c.name, c.expected_leads) for c in campaigns] == [("Spring Launch", 40)]


def test_previous_week_shows_that_weeks_items(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week, day=MONDAY - timedelta(days=7))
    assert _day(plan, 3) == [week.overdue_call]


def test_next_week_shows_that_weeks_items(store: Store, week: SalesWeek) -> None:
    plan = _plan(store, week, day=MONDAY + timedelta(days=7))
    assert _day(plan, 0) == [week.next_week_call]


def test_a_crowded_day_shows_the_limit_and_counts_everything(store: Store, week: SalesWeek) -> None:
    with unit_of_work.unit_of_work(store, Actor.system()) as work:
        for number in range(DAY_LIMIT + 5):
            work.create(
                "activity",
                {"kind": "task", "subject": f"Task {number}", "due_at": at(13, 8),
                 "owner_id": week.rep.id},
            )  # fmt: skip
    friday = _plan(store, week).days[4]
    assert (len(friday.items), friday.total) == (DAY_LIMIT, DAY_LIMIT + 5)


def test_another_rep_reading_the_plan_sees_nothing_of_it(store: Store, week: SalesWeek) -> None:
    plan = week_plan(store, week.other_rep.actor(), week.rep.id, now=NOW)
    assert (plan.items(), plan.overdue, plan.leads_without_next_step) == ([], [], [])


def test_the_true_overdue_count_reads_only_open_activities(
    store: Store, week: SalesWeek, query_plans: QueryPlans
) -> None:
    """The exact count walks the partial index of open activities, never the done history."""
    with unit_of_work.unit_of_work(store, Actor.system()) as work:
        for number in range(OVERDUE_LIMIT + 10):
            work.create(
                "activity",
                {"kind": "task", "subject": f"Old task {number}",
                 "due_at": at(2, 8) - timedelta(hours=number), "owner_id": week.rep.id},
            )  # fmt: skip
    query_plans.clear()
    _plan(store, week)
    counts = [
        lines
        for statement, lines in query_plans.plans()
        if statement.lstrip().upper().startswith("SELECT COUNT") and "done_at IS NULL" in statement
    ]
    assert counts, "the overdue count ran"
    assert all(
        any("USING COVERING INDEX ix_activities_owner_open_due" in line
            or "USING INDEX ix_activities_owner_open_due" in line for line in lines)
        for lines in counts
    ), counts  # fmt: skip
    assert query_plans.scans("activities") == []


def test_the_whole_plan_holds_exactly_each_kinds_plan(store: Store, week: SalesWeek) -> None:
    """Every kind shown (read on the driver) gives the same items as each kind read alone."""
    whole = _plan(store, week)
    each_kind = [
        week_plan(store, week.rep.actor(), week.rep.id, now=NOW, kinds={kind})
        for kind in ACTIVITY_KINDS
    ]
    for weekday, day in enumerate(whole.days):
        alone = [item for plan in each_kind for item in plan.days[weekday].items]
        assert sorted(day.items, key=_order) == sorted(alone, key=_order)
        assert day.total == sum(plan.days[weekday].total for plan in each_kind)
    assert sorted(whole.overdue, key=_order) == sorted(
        (item for plan in each_kind for item in plan.overdue), key=_order
    )
    assert whole.items() and whole.overdue


def _order(item: PlanItem) -> tuple[object, str]:
    return item.due_at, str(item.activity_id)
