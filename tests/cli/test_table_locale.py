"""The CLI's tables write days, times, numbers and money as the reader's locale does.

The locale is the environment's (``CONTACTDESK_LOCALE``, else ``LANG`` and friends);
none configured reads as plain English with months spelled out. JSON and CSV keep
machine formats whatever the locale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contactdesk.cli.main import main

WEEK = ["--user", "rita", "--date", "2026-03-11", "--now", "2026-03-11T10:00:00+00:00"]


def week_table(path: Path, locale: str, capsys: pytest.CaptureFixture[str], monkeypatch) -> str:
    monkeypatch.setenv("CONTACTDESK_LOCALE", locale)
    assert main(["week", "--store", str(path), *WEEK]) == 0
    return capsys.readouterr().out.replace("\xa0", " ").replace("\u202f", " ")


def test_a_uk_reader_sees_day_month_and_the_deals_currency(
    week_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = week_table(week_store, "en_GB", capsys, monkeypatch)
    assert "Week of Mon, 9 Mar 2026 – Sun, 15 Mar 2026 for Rita Rep" in out
    assert "Wed 11 Mar 14:00" in out  # the proposal call, 24-hour clock
    assert "€50,000.00" in out  # the 50,000 deal, in the company's currency


def test_a_german_reader_sees_german_dates_and_amounts(
    week_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = week_table(week_store, "de_DE", capsys, monkeypatch)
    assert "Mi., 11. März 2026 (3)" in out
    assert "50.000,00 €" in out


def test_no_locale_configured_reads_as_plain_english(
    week_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTACTDESK_LOCALE", raising=False)
    for name in ("LC_ALL", "LC_TIME", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["week", "--store", str(week_store), *WEEK]) == 0
    out = capsys.readouterr().out
    assert "Wed, Mar 11, 2026 (3)" in out  # the month spelled out: no day/month doubt
    assert "€50,000.00" in out


def test_json_keeps_iso_dates_and_plain_numbers_in_any_locale(
    week_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONTACTDESK_LOCALE", "de_DE")
    assert main(["week", "--store", str(week_store), *WEEK, "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["week_start"] == "2026-03-09"
    values = [
        item["opportunity_value"]
        for day in plan["days"]
        for item in day["items"]
        if item["opportunity_value"] is not None
    ]
    assert 50000 in values
