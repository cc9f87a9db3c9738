"""``call log``, ``lead accept|reject``, ``deal move``: the steps that carry rules, from a shell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_runs import cli_json, logged_changes, run_cli

NOW = "2026-03-11T10:00:00+00:00"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, *argv)


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    return cli_json(capsys, *argv)


@pytest.fixture
def shop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    path = str(tmp_path / "team.db")
    _run(capsys, "init", "--store", path, "--admin", "ada")
    for name, role in (("rita", "sales"), ("mia", "marketing")):
        _run(capsys, "admin", "user", "add", "--store", path, name, "--role", role)

    def add(user: str, entity: str, *values: str) -> str:
        argv = ["record", "add", entity, "--store", path, "--user", user]
        for value in values:
            argv += ["--set", value]
        return str(_json(capsys, *argv)["id"])

    account = add("rita", "account", "name=Globex", "industry=Energy")
    contact = add("rita", "contact", "display_name=Hank Scorpio", f"account_id={account}",
                  "enquiry_source=webinar")
    deal = add("rita", "opportunity", "name=Globex pilot", "stage_id=Proposal",
               f"account_id={account}", f"contact_id={contact}", "amount=9000", "product=Desk")
    lead = add("mia", "lead", f"contact_id={contact}", "source=webinar", "owner_id=rita",
               "status=handed_off", "handed_off_at=2026-03-10T09:00:00")
    return {"path": path, "account": account, "contact": contact, "deal": deal, "lead": lead}


def test_call_log_writes_objections_competitors_source_and_the_follow_up(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = shop["path"]
    logged = _json(capsys, "call", "log", "--store", path, "--user", "rita", "--contact",
                   shop["contact"], "--outcome", "interested", "--next-step-at",
                   "2026-03-13T09:30:00", "--next-step", "Send the price sheet",
                   "--objection", "price:Too dear for a pilot", "--objection", "timing",
                   "--competitor", "Rivalsoft", "--competitor", "Hooli",
                   "--source", "trade fair", "--now", NOW)
    assert logged["follow_up_id"] is not None
    listed = _json(capsys, "record", "list", "intel", "--store", path)
    intel = sorted((r["kind"], r["tag"], r["text"], r["stage"]) for r in listed)
    assert intel == [
        ("competitor", "Hooli", None, "Proposal"),
        ("competitor", "Rivalsoft", None, "Proposal"),
        ("enquiry_source", "trade fair", "corrected after a call (was: webinar)", None),
        ("objection", "price", "Too dear for a pilot", "Proposal"),
        ("objection", "timing", None, "Proposal"),
    ]
    follow_up = _json(capsys, "record", "show", "activity", str(logged["follow_up_id"]),
                      "--store", path)
    assert (follow_up["subject"], follow_up["due_at"]) == (
        "Send the price sheet", "2026-03-13T09:30:00+00:00"
    )


def test_a_call_without_a_next_step_exits_1_and_writes_nothing(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = logged_changes(shop["path"])
    code, out, err = _run(capsys, "call", "log", "--store", shop["path"], "--user", "rita",
                          "--contact", shop["contact"], "--outcome", "no answer")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "call.next_step" in err
    assert logged_changes(shop["path"]) == before


def test_lead_reject_then_accept_is_refused(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, lead = shop["path"], shop["lead"]
    code, _, err = _run(capsys, "lead", "reject", lead, "--store", path, "--user", "rita",
                        "--quality", "2", "--reason", "bored")
    assert code == 1 and "lead.rejection_reason" in err
    verdict = _json(capsys, "lead", "reject", lead, "--store", path, "--user", "rita",
                    "--quality", "2", "--reason", "too early", "--now", NOW)
    assert verdict["status"] == "rejected"
    shown = _json(capsys, "record", "show", "lead", lead, "--store", path)
    assert (shown["status"], shown["rejection_reason"], shown["quality"]) == (
        "rejected", "too early", 2
    )
    code, _, err = _run(capsys, "lead", "accept", lead, "--store", path, "--user", "rita",
                        "--quality", "4")
    assert code == 1 and "already rejected" in err


def test_lead_accept_rates_it_and_plans_the_first_follow_up(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    verdict = _json(capsys, "lead", "accept", shop["lead"], "--store", shop["path"], "--user",
                    "rita", "--quality", "4", "--now", NOW)
    follow_up = _json(capsys, "record", "show", "activity", str(verdict["follow_up_id"]),
                      "--store", shop["path"])
    assert (follow_up["kind"], follow_up["due_at"]) == ("follow_up", "2026-03-12T10:00:00+00:00")


def test_deal_move_to_won_needs_the_story_and_records_the_hand_over(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, deal = shop["path"], shop["deal"]
    code, _, err = _run(capsys, "deal", "move", deal, "Won", "--store", path, "--user", "rita")
    assert code == 1 and "win story" in err
    moved = _json(capsys, "deal", "move", deal, "Won", "--store", path, "--user", "rita",
                  "--win-story", "Logging calls offline won it.", "--after-sale-owner", "ada",
                  "--now", NOW)
    assert (moved["stage"], moved["outcome"]) == ("Won", "won")
    account = _json(capsys, "record", "show", "account", shop["account"], "--store", path)
    assert account["after_sale_owner"] == "ada"
    handovers = _json(capsys, "record", "list", "activity", "--store", path, "--where",
                      "kind=handover")
    assert [(a["subject"], a["opportunity"]) for a in handovers] == [
        ("Hand over to ada", "Globex pilot")
    ]


def test_deal_move_to_lost_keeps_reason_and_competitor(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, deal = shop["path"], shop["deal"]
    code, _, err = _run(capsys, "deal", "move", deal, "Lost", "--store", path, "--user", "rita",
                        "--competitor", "Rivalsoft")
    assert code == 1 and "lost_reason" in err
    _json(capsys, "deal", "move", deal, "Lost", "--store", path, "--user", "rita",
          "--lost-reason", "chose a competitor", "--competitor", "Rivalsoft", "--now", NOW)
    shown = _json(capsys, "record", "show", "opportunity", deal, "--store", path)
    assert (shown["stage"], shown["lost_reason"], shown["competitor"], shown["closed_at"]) == (
        "Lost", "chose a competitor", "Rivalsoft", "2026-03-11T10:00:00+00:00"
    )


def test_a_market_note_from_the_shell_reaches_the_field_intel_report(
    shop: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = shop["path"]
    made = _json(capsys, "market-note", "add", "--store", path, "--user", "rita", "--contact",
                 shop["contact"], "--topic", "price_heard", "--tag", "Rivalsoft",
                 "--text", "Rivalsoft quoted 900 a seat")
    [listed] = _json(capsys, "market-note", "list", "--store", path, "--user", "rita",
                     "--account", shop["account"])
    assert (listed["id"], listed["account"], listed["text"]) == (
        made["id"], "Globex", "Rivalsoft quoted 900 a seat"
    )
    code, out, _ = _run(capsys, "report", "field-intel", "--store", path, "--format", "json")
    rows = json.loads(out)["rows"]
    assert code == 0
    assert [(r["kind"], r["tag"], r["industry"], r["count"], r["texts"]) for r in rows] == [
        ("Market note: price heard", "Rivalsoft", "Energy", 1, "Rivalsoft quoted 900 a seat")
    ]
    code, _, err = _run(capsys, "market-note", "add", "--store", path, "--user", "rita",
                        "--topic", "market_news", "--text", "x")
    assert code == 1 and "intel.account_id" in err
