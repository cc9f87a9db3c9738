"""``contactdesk week``: the same plan as a table, JSON or an .ics file; clean user errors."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from contactdesk.cli.main import main
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.store_opening import open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "selling"))

FIXED = ["--date", "2026-03-11", "--now", "2026-03-11T10:00:00+00:00"]


def _week(path: Path, *options: str) -> int:
    return main(["week", "--store", str(path), "--user", "rita", *FIXED, *options])


def test_json_has_one_key_per_section(week_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _week(week_store, "--json") == 0
    plan = json.loads(capsys.readouterr().out)
    assert set(plan) == {
        "user", "week_start", "week_end", "now", "overdue", "days",
        "leads_without_next_step", "lapsed_accounts", "campaigns", "unread_briefs",
    }  # fmt: skip


def test_json_days_run_monday_to_sunday(
    week_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _week(week_store, "--json")
    days = json.loads(capsys.readouterr().out)["days"]
    assert [day["date"] for day in days] == [f"2026-03-{n:02d}" for n in range(9, 16)]


def test_json_items_run_in_time_order_with_value_and_score(
    week_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _week(week_store, "--json")
    wednesday = json.loads(capsys.readouterr().out)["days"][2]["items"]
    assert [item["subject"] for item in wednesday] == [
        "Courtesy call", "Webinar follow-up", "Proposal call"
    ]  # fmt: skip
    assert [item["due_at"][11:16] for item in wednesday] == ["08:00", "09:00", "14:00"]
    assert (wednesday[1]["lead_score"], wednesday[2]["opportunity_value"]) == (80, 50000)


def test_kind_option_narrows_the_plan(week_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _week(week_store, "--json", "--kind", "meeting", "--kind", "follow_up") == 0
    plan = json.loads(capsys.readouterr().out)
    subjects = [item["subject"] for day in plan["days"] for item in day["items"]]
    assert subjects == ["Webinar follow-up", "Demo meeting"]
    assert plan["overdue"] == {"total": 0, "items": []}


def test_unknown_kind_exits_1(week_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _week(week_store, "--kind", "lunch") == 1
    assert "invalid choice: 'lunch'" in capsys.readouterr().err


def test_json_overdue_has_total_and_items(
    week_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _week(week_store, "--json")
    overdue = json.loads(capsys.readouterr().out)["overdue"]
    assert (overdue["total"], overdue["items"][0]["subject"]) == (1, "Chase the quote")


def test_overdue_total_is_the_true_count_in_json_and_table(
    week_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(week_store)
    rita = find_user(store, "rita")
    with unit_of_work.unit_of_work(store, Actor.system()) as work:
        for number in range(226):
            work.create(
                "activity",
                {"kind": "task", "subject": f"Old task {number}", "owner_id": rita.id,
                 "due_at": datetime(2026, 3, 1, 9, tzinfo=UTC) - timedelta(hours=number)},
            )  # fmt: skip
    store.close()
    _week(week_store, "--json")
    assert json.loads(capsys.readouterr().out)["overdue"]["total"] == 227
    _week(week_store)
    assert "Overdue (227)" in capsys.readouterr().out


def test_table_lists_the_days_and_campaigns(
    week_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTACTDESK_LOCALE", "en_GB")
    assert _week(week_store) == 0
    out = capsys.readouterr().out
    assert "Wed, 11 Mar 2026 (3)" in out
    assert "Spring Launch" in out


def test_ics_option_writes_a_calendar_file(
    week_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "week.ics"
    assert _week(week_store, "--ics", str(out)) == 0
    text = out.read_bytes()
    assert text.startswith(b"BEGIN:VCALENDAR\r\n")
    assert text.count(b"BEGIN:VEVENT") == 4
    assert "wrote 4 events" in capsys.readouterr().out


def test_unknown_user_exits_1_with_one_line(
    week_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["week", "--store", str(week_store), "--user", "nobody"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "no user 'nobody'" in err


def test_bad_date_exits_1(week_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["week", "--store", str(week_store), "--user", "rita", "--date", "11/03"])
    assert code == 1
    assert "is not a date" in capsys.readouterr().err


def test_json_and_ics_together_are_refused(
    week_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _week(week_store, "--json", "--ics", str(tmp_path / "x.ics")) == 1
    assert "not allowed with" in capsys.readouterr().err
