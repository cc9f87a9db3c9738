"""The week's .ics file: valid RFC 5545 structure that calendar apps import."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sales_scenario import NOW, SalesWeek

from contactdesk.selling.week_calendar import escape_text, fold_line, write_week_calendar
from contactdesk.selling.week_plan import WeekPlan, week_plan
from contactdesk.store import Store


@pytest.fixture
def plan(store: Store, week: SalesWeek) -> WeekPlan:
    return week_plan(store, week.rep.actor(), week.rep.id, now=NOW)


@pytest.fixture
def ics(plan: WeekPlan, tmp_path: Path) -> bytes:
    path = tmp_path / "week.ics"
    write_week_calendar(plan, path, calendar_name="Rita – week")
    return path.read_bytes()


def _unfolded(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def test_every_line_ends_with_crlf(ics: bytes) -> None:
    assert ics.endswith(b"\r\n")
    assert b"\n" not in ics.replace(b"\r\n", b"")


def test_no_line_is_longer_than_75_octets(ics: bytes) -> None:
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75


def test_calendar_wraps_one_event_per_planned_activity(ics: bytes, plan: WeekPlan) -> None:
    lines = _unfolded(ics)
    assert (lines[0], lines[1], lines[-1]) == ("BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(plan.items())


def test_each_event_has_uid_stamp_and_utc_times(ics: bytes, plan: WeekPlan) -> None:
    icalendar = pytest.importorskip("icalendar")
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert {str(event["UID"]).split("@")[0] for event in events} == {
        str(item.activity_id) for item in plan.items()
    }
    for event in events:
        assert event["DTSTAMP"].dt == NOW
        assert event["DTSTART"].dt.utcoffset() == timedelta(0)
        assert event["DTEND"].dt > event["DTSTART"].dt


def test_event_summary_names_the_work_and_the_contact(ics: bytes) -> None:
    icalendar = pytest.importorskip("icalendar")
    summaries = {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    assert "Call: Proposal call (Carla Customer)" in summaries


def test_event_starts_at_the_activitys_due_time(ics: bytes) -> None:
    assert "DTSTART:20260311T140000Z" in _unfolded(ics)


def test_text_escaping_covers_rfc_specials() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_folding_never_splits_a_multibyte_character() -> None:
    pieces = list(fold_line("SUMMARY:" + "é" * 80))
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert "".join(piece.removeprefix(" ") for piece in pieces) == "SUMMARY:" + "é" * 80
