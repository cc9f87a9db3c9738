"""``contactdesk report``: table, CSV and JSON output, segments, and its errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "selling"))

from crm_fixture import CrmFixture, build_crm
from territory_deals import TERRITORY, WON_AMOUNT, build_territory_deals

from contactdesk.cli.main import main
from contactdesk.segments.saved_segments import save_segment
from contactdesk.segments.segment_definition import FieldCondition, all_of
from contactdesk.services.actor import Actor
from contactdesk.store import Store


@pytest.fixture
def crm(store: Store) -> CrmFixture:
    return build_crm(store)


def report(crm: CrmFixture, *extra: str) -> list[str]:
    return [
        "report",
        *extra[:1],
        "--store",
        str(crm.store.path),
        "--from",
        crm.day(-29).isoformat(),
        "--to",
        crm.today.isoformat(),
        *extra[1:],
    ]


def test_table_output_has_title_header_and_rows(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(crm, "lead-sources")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Lead sources")
    assert lines[1].startswith("Measured under the live funnel terms")
    assert lines[2].split()[:2] == ["Enquiry", "source"]
    assert "10,000.00" in lines[3]


def test_csv_output_is_machine_readable(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(crm, "lead-sources", "--format", "csv")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "source,campaign,leads,opportunities,won,won_revenue"
    assert lines[1] == "webinar,Spring Webinar,2,1,1,10000.0"


def test_json_output_carries_columns_and_rows(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(crm, "dashboard", "--format", "json")) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["report"] == "dashboard"
    assert data["rows"][0] == {
        "metric": "Revenue",
        "unit": "Amount",
        "current": 10000.0,
        "previous": 6000.0,
        "change": pytest.approx(2 / 3),
        "goal": "",
    }


def test_segment_option_narrows_the_report(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    save_segment(
        crm.store, Actor.for_role("marketing"), "CFOs", all_of(FieldCondition("title", "eq", "CFO"))
    )
    assert main(report(crm, "lead-sources", "--format", "json", "--segment", "CFOs")) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert sum(row["leads"] for row in rows) == 2


def test_unknown_report_exits_1_listing_the_names(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(crm, "gossip")) == 1
    error = capsys.readouterr().err
    assert "unknown report 'gossip'" in error
    assert "lead-sources" in error and "forecast" in error
    assert len(error.strip().splitlines()) == 1


def test_bad_date_exits_1_with_one_line(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "dashboard", "--store", str(crm.store.path), "--from", "last week"]) == 1
    assert "is not a date" in capsys.readouterr().err


def test_unknown_segment_exits_1_naming_the_segments(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(crm, "dashboard", "--segment", "Nobody")) == 1
    assert "no segment 'Nobody'" in capsys.readouterr().err


def test_a_role_that_cannot_see_spend_gets_exit_1(
    crm: CrmFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(report(crm, "campaign-roi", "--as", "sales")) == 1
    assert "campaign.spend" in capsys.readouterr().err


def test_a_rep_reads_the_dashboard_and_her_territory_forecast_as_herself(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    build_territory_deals(store)
    path = str(store.path)
    assert main(["report", "dashboard", "--store", path, "--user", "tess", "--format", "json"]) == 0
    metrics = {row["metric"]: row for row in json.loads(capsys.readouterr().out)["rows"]}
    assert metrics["Revenue"]["current"] == WON_AMOUNT
    forecast = ["report", "forecast", "--store", path, "--user", "tess", "--format", "json"]
    assert main([*forecast, "--territory", "mine"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(row["territory"], row["stage"]) for row in rows] == [(TERRITORY, "Proposal")]
    assert main(forecast) == 0
    assert len(json.loads(capsys.readouterr().out)["rows"]) == 2
    # Without --user, "mine" names no territory: a one-line error.
    assert main([*forecast[:4], "--as", "sales", "--territory", "mine"]) == 1
    assert "--territory mine needs --user" in capsys.readouterr().err
