"""``contactdesk campaign add|list`` and ``lead handoff``: JSON shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contactdesk.cli.main import main
from contactdesk.segments.saved_segments import open_segment, save_segment
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.services.directory import create_user
from contactdesk.services.record_queries import page_records
from contactdesk.store import Store


@pytest.fixture
def store_file(store: Store, store_path: Path) -> Path:
    """Two reps, two CFOs (one per territory) and the segment 'CFOs'; threshold 40."""
    system = Actor.system()
    create_user(store, system, "nora", role="sales", team="north", territory="Scotland")
    create_user(store, system, "sam", role="sales", team="south", territory="London")
    for name, territory in (("Fiona", "Scotland"), ("Larry", "London")):
        account = unit_of_work.create(
            store,
            system,
            "account",
            {"name": f"{name} Ltd", "territory": territory, "employees": 300},
        ).record_id
        values = {"display_name": name, "title": "CFO", "enquiry_source": "referral"}
        unit_of_work.create(store, system, "contact", {**values, "account_id": account})
    save_segment(store, system, "CFOs", {"root": {"items": [{"field": "title", "value": "CFO"}]}})
    set_handoff_rules(store, system, 40, 48)
    return store_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith(("{", "[")) else out), err


ADD = ["campaign", "add", "--name", "Expo", "--channel", "event"]
DATES = ["--starts", "2026-11-01", "--ends", "2026-11-30"]


def test_campaign_add_prints_the_new_campaign_as_json(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, data, _ = _run(
        capsys, *ADD, *DATES, "--expected-leads", "40", "--store", str(store_file), "--json"
    )

    assert code == 0
    assert (data["name"], data["channel"], data["expected_leads"]) == ("Expo", "event", 40)
    assert data["starts_on"] == "2026-11-01"


def test_campaign_add_with_a_bad_channel_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    argv = [
        "campaign",
        "add",
        "--name",
        "X",
        "--channel",
        "fax",
        *DATES,
        "--store",
        str(store_file),
    ]

    code, _, err = _run(capsys, *argv)

    assert code == 1
    assert err.count("\n") == 1
    assert "channel" in err


def test_campaign_add_targets_a_segment_by_name(
    capsys: pytest.CaptureFixture[str], store_file: Path, store: Store
) -> None:
    code, data, _ = _run(
        capsys, *ADD, *DATES, "--segment", "CFOs", "--store", str(store_file), "--json"
    )

    assert code == 0
    assert data["segment_id"] == str(open_segment(store, "CFOs").id)


def test_campaign_list_json_carries_state_and_leads(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    _run(capsys, *ADD, *DATES, "--store", str(store_file))

    code, data, _ = _run(
        capsys, "campaign", "list", "--store", str(store_file), "--date", "2026-11-15", "--json"
    )

    assert code == 0
    assert [(row["name"], row["state"], row["leads"]) for row in data] == [("Expo", "running", 0)]


def test_lead_handoff_by_route_reports_who_got_each_lead(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, data, _ = _run(
        capsys,
        "lead",
        "handoff",
        "--segment",
        "CFOs",
        "--route",
        "--store",
        str(store_file),
        "--json",
    )

    assert code == 0
    assert data["counts"] == {"handed_off": 2, "skipped": 0}
    assert sorted((r["contact"], r["owner"]) for r in data["handed_off"]) == [
        ("Fiona", "nora"),
        ("Larry", "sam"),
    ]


def test_lead_handoff_to_a_rep_gives_them_every_lead(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, data, _ = _run(
        capsys,
        "lead",
        "handoff",
        "--segment",
        "CFOs",
        "--to",
        "sam",
        "--store",
        str(store_file),
        "--json",
    )

    assert code == 0
    assert {r["owner"] for r in data["handed_off"]} == {"sam"}


def test_lead_handoff_to_an_unknown_rep_exits_1_naming_the_reps(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, _, err = _run(
        capsys, "lead", "handoff", "--segment", "CFOs", "--to", "zed", "--store", str(store_file)
    )

    assert code == 1
    assert "reps: nora, sam" in err


def test_lead_handoff_needs_a_rep_or_route(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, _, err = _run(capsys, "lead", "handoff", "--segment", "CFOs", "--store", str(store_file))

    assert code == 1
    assert "--to" in err


def test_lead_handoff_of_an_unknown_segment_exits_1(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, _, err = _run(
        capsys, "lead", "handoff", "--segment", "Nope", "--route", "--store", str(store_file)
    )

    assert code == 1
    assert "segments: CFOs" in err


def test_lead_clocks_re_routes_leads_whose_deadline_passed(
    capsys: pytest.CaptureFixture[str], store_file: Path, store: Store
) -> None:
    _run(capsys, "lead", "handoff", "--segment", "CFOs", "--to", "sam", "--store", str(store_file))
    for lead in page_records(store, Actor.system(), "lead").rows:
        unit_of_work.update(
            store, Actor.system(), "lead", lead["id"], {"follow_up_due_at": "2020-01-01T09:00:00"}
        )
    code, data, _ = _run(capsys, "lead", "clocks", "--store", str(store_file), "--json")
    assert code == 0
    assert data["count"] == 2
    assert {row["due_at"][:10] for row in data["missed"]} == {"2020-01-01"}
    assert all(row["action"] in ("rerouted", "escalated") for row in data["missed"])


def test_lead_clocks_with_nothing_expired_reports_none(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    code, out, _ = _run(capsys, "lead", "clocks", "--store", str(store_file))
    assert code == 0 and out.startswith("missed deadlines handled: 0")


def test_lead_explain_and_weights_print_the_score_reasons_as_json(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    store = ["--store", str(store_file)]
    code, report, _ = _run(
        capsys, "lead", "handoff", *store, "--segment", "CFOs", "--route", "--json"
    )
    lead_id = report["handed_off"][0]["lead_id"]

    code, explained, _ = _run(capsys, "lead", "explain", lead_id, *store, "--json")
    assert code == 0
    parts = explained["fit"] + explained["engagement"] + explained["history"]
    assert explained["score"] == round(parts, 1)
    assert sum(reason["points"] for reason in explained["reasons"]) == pytest.approx(parts)
    code, weights, _ = _run(capsys, "lead", "weights", *store, "--json")
    assert code == 0 and weights == []  # nothing decided yet: nothing learned

    code, out, err = _run(capsys, "lead", "explain", "nope", *store)
    assert (code, out) == (1, "") and "not a lead id" in err


def test_lead_routing_shows_and_changes_the_rules(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    store = ["--store", str(store_file)]
    code, shown, _ = _run(capsys, "lead", "routing", *store, "--json")
    assert code == 0
    assert (shown["on_expired"], shown["score_threshold"]) == ("reroute", 40)

    code, changed, _ = _run(
        capsys, "lead", "routing", *store, "--on-expired", "escalate", "--max-open", "5",
        "--industry-team", "Retail=south", "--json",
    )  # fmt: skip
    assert code == 0
    assert (changed["on_expired"], changed["max_open_leads"]) == ("escalate", 5)
    assert _run(capsys, "lead", "routing", *store, "--json")[1]["industry_teams"] == {
        "Retail": "south"
    }


def test_lead_handoff_by_lead_id_hands_those_leads_to_the_named_rep(
    capsys: pytest.CaptureFixture[str], store: Store, store_file: Path
) -> None:
    system = Actor.system()
    account = unit_of_work.create(
        store, system, "account", {"name": "Nia Ltd", "employees": 300}
    ).record_id
    values = {"display_name": "Nia", "title": "CFO", "enquiry_source": "referral"}
    values["account_id"] = account
    contact = unit_of_work.create(store, system, "contact", values).record_id
    lead = unit_of_work.create(store, system, "lead", {"contact_id": contact}).record_id
    set_handoff_rules(store, system, 0, 48)  # its stored score is 0 until rescored
    store_args = ["--store", str(store_file)]

    code, report, _ = _run(
        capsys, "lead", "handoff", *store_args, "--lead", str(lead), "--to", "sam", "--json"
    )

    assert code == 0
    assert report["skipped"] == [] and [
        (row["lead_id"], row["owner"]) for row in report["handed_off"]
    ] == [(str(lead), "sam")]
