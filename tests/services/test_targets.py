"""Outcome targets: who may set them, and attainment measured like the shared dashboard."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from contactdesk.cli.main import main
from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.selling.opportunity_progress import LossCapture, WinCapture, move_opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.target_rules import period_end, period_start
from contactdesk.services.targets import activity_counts, set_target, targets_on
from contactdesk.store import Store

TODAY = datetime.now(UTC).date()
NOW = datetime.now(UTC)


def _deal(store: Store, owner: UserInfo, territory: str, amount: float, margin: float) -> uuid.UUID:
    admin = Actor.system()
    account = unit_of_work.create(
        store, admin, "account", {"name": f"{owner.username} {amount}", "territory": territory,
                                  "owner_id": owner.id},
    ).record_id
    return unit_of_work.create(
        store, admin, "opportunity",
        {"name": f"Deal {amount}", "account_id": account, "stage_id": "Proposal",
         "amount": amount, "margin": margin, "owner_id": owner.id},
    ).record_id


def _win(store: Store, deal: uuid.UUID, ada: UserInfo, when: datetime) -> None:
    move_opportunity(store, Actor.system(), deal, "Won", now=when,
                     win=WinCapture("They needed offline call logging.", ada.id))


def test_periods_start_on_their_first_day_and_end_before_the_next() -> None:
    assert period_start("month", date(2026, 5, 17)) == date(2026, 5, 1)
    assert period_start("quarter", date(2026, 5, 17)) == date(2026, 4, 1)
    assert period_start("year", date(2026, 5, 17)) == date(2026, 1, 1)
    assert period_end("quarter", date(2026, 10, 1)) == date(2027, 1, 1)
    assert period_end("month", date(2026, 12, 1)) == date(2027, 1, 1)


def test_a_marketer_sets_targets_and_a_rep_may_not(
    store: Store, people: dict[str, UserInfo]
) -> None:
    mia, rita = people["mia"].actor(), people["rita"].actor()
    first = set_target(store, mia, metric="revenue", period="quarter", day=TODAY, value=1000)
    again = set_target(store, mia, metric="revenue", period="quarter", day=TODAY, value=1500)
    assert again == first
    [only] = targets_on(store, mia, TODAY)
    assert (only.value, only.starts_on, only.holder) == (
        1500.0, period_start("quarter", TODAY), "company"
    )
    with pytest.raises(AccessDenied, match=r"target\."):
        set_target(store, rita, metric="revenue", period="month", day=TODAY, value=10)


def test_attainment_counts_won_deals_of_the_period_for_each_holder(
    store: Store, people: dict[str, UserInfo]
) -> None:
    rita, sam, ada, mia = people["rita"], people["sam"], people["ada"], people["mia"].actor()
    _win(store, _deal(store, rita, "North", 300, 90), ada, NOW)
    _win(store, _deal(store, sam, "South", 200, 40), ada, NOW)
    # Won long before the period: counts for no target of this period.
    _win(store, _deal(store, rita, "North", 999, 99), ada, NOW - timedelta(days=400))
    lost = _deal(store, rita, "North", 50, 5)
    move_opportunity(store, Actor.system(), lost, "Lost", now=NOW,
                     loss=LossCapture("price too high", "Rivalsoft"))
    set_target(store, mia, metric="revenue", period="year", day=TODAY, value=1000)
    set_target(store, mia, metric="margin", period="month", day=TODAY, value=100,
               level="rep", user_id=rita.id)
    set_target(store, mia, metric="won_deals", period="quarter", day=TODAY, value=4,
               level="territory", territory="South")
    set_target(store, mia, metric="new_accounts", period="month", day=TODAY, value=2,
               level="team", team="north")
    found = {t.metric: t for t in targets_on(store, mia, TODAY)}
    assert found["revenue"].actual == 500.0 and found["revenue"].attainment == 0.5
    assert (found["margin"].holder, found["margin"].actual) == ("Rita Rep", 90.0)
    assert found["won_deals"].actual == 1.0 and found["won_deals"].attainment == 0.25
    # rita (team north) owns three accounts made this month.
    assert found["new_accounts"].actual == 3.0 and found["new_accounts"].attainment == 1.5


def test_activity_counts_are_information_by_kind(
    store: Store, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"]
    for kind in ("call", "call", "meeting"):
        unit_of_work.create(store, rita.actor(), "activity",
                            {"kind": kind, "subject": kind, "due_at": NOW, "done_at": NOW})
    unit_of_work.create(store, rita.actor(), "activity",
                        {"kind": "call", "subject": "planned", "due_at": NOW})
    assert activity_counts(store, rita.actor(), TODAY, TODAY, user_id=rita.id) == {
        "call": 2, "meeting": 1
    }


def test_the_targets_report_shows_attainment_and_activities_as_information(
    store: Store, people: dict[str, UserInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    rita, ada, mia = people["rita"], people["ada"], people["mia"].actor()
    _win(store, _deal(store, rita, "North", 300, 90), ada, NOW)
    unit_of_work.create(store, rita.actor(), "activity",
                        {"kind": "call", "subject": "c", "due_at": NOW, "done_at": NOW})
    set_target(store, mia, metric="revenue", period="month", day=TODAY, value=600,
               level="rep", user_id=rita.id)
    path = str(store.path)
    store.close()
    code = main(["report", "targets", "--store", path, "--format", "json",
                 "--from", TODAY.isoformat(), "--to", TODAY.isoformat()])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [(r["metric"], r["holder"], r["target"], r["actual"], r["attainment"])
            for r in data["rows"]] == [("Revenue", "Rita Rep", 600.0, 300.0, 0.5)]
    # The win's hand-over is an activity too: information, never a target.
    assert data["notes"] == [
        "Activities done in the period (information, not a target): call 1, handover 1"
    ]


def test_target_set_and_show_from_the_command_line(
    store: Store, people: dict[str, UserInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(store.path)
    store.close()
    code = main(["target", "set", "--store", path, "--user", "mia", "--metric", "won_deals",
                 "--period", "quarter", "--date", "2026-05-17", "--value", "12",
                 "--territory", "North", "--json"])
    made = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (made["starts_on"], made["ends_on"], made["holder"], made["value"]) == (
        "2026-04-01", "2026-06-30", "North", 12.0
    )
    code = main(["target", "show", "--store", path, "--user", "rita", "--date", "2026-06-30",
                 "--json"])
    assert code == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == [made["id"]]
    code = main(["target", "set", "--store", path, "--user", "rita", "--metric", "revenue",
                 "--period", "month", "--value", "5"])
    _, err = capsys.readouterr()
    assert code == 1 and "may not edit field target." in err


def test_a_target_names_the_holder_its_level_calls_for(
    store: Store, people: dict[str, UserInfo]
) -> None:
    with pytest.raises(ValidationError, match=r"target.user_id: a rep target names its user"):
        set_target(store, people["mia"].actor(), metric="revenue", period="month",
                   day=TODAY, value=5, level="rep")
    with pytest.raises(ValidationError, match=r"target.value: cannot be negative"):
        set_target(store, people["mia"].actor(), metric="revenue", period="month",
                   day=TODAY, value=-5)
