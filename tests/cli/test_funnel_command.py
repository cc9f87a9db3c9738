"""``contactdesk funnel show|propose|agree|rule``: marketing proposes, sales leads agree."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contactdesk.cli.main import main
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user
from contactdesk.store import Store


@pytest.fixture
def store_file(store: Store, store_path: Path) -> Path:
    """A marketer, a sales team lead, a rep and a marketing team lead."""
    system = Actor.system()
    create_user(store, system, "mia", role="marketing", team="marketing")
    create_user(store, system, "mo", role="marketing", team="marketing", is_team_lead=True)
    create_user(store, system, "nora", role="sales", team="north", is_team_lead=True)
    create_user(store, system, "ned", role="sales", team="north")
    return store_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith(("{", "[")) else out), err


def test_propose_then_agree_makes_version_one_that_show_lists(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    store = ["--store", str(store_file)]
    code, proposal, _ = _run(
        capsys, "funnel", "propose", *store, "--user", "mia", "--threshold", "65",
        "--follow-up-hours", "24", "--date", "2026-03-01", "--json",
    )  # fmt: skip
    assert code == 0
    assert proposal["waiting_for"] == ["sales"]
    assert proposal["terms"]["score_threshold"] == 65

    code, agreed, _ = _run(
        capsys, "funnel", "agree", *store, "--user", "nora", "--date", "2026-03-02", "--json"
    )
    assert code == 0
    assert (agreed["version"], agreed["agreed_on"], agreed["recorded_by"]) == (
        1,
        "2026-03-02",
        "nora",
    )

    code, shown, _ = _run(capsys, "funnel", "show", *store, "--json")
    assert code == 0
    assert [v["version"] for v in shown["agreed"]] == [1]
    assert shown["proposal"] is None
    assert shown["live"]["follow_up_hours"] == 24  # the agreed hours are in force
    code, text, _ = _run(capsys, "funnel", "show", *store)
    # The table writes the day as the reader's locale does (none configured: plain English).
    assert "Mar 2, 2026" in text and "nora" in text


def test_a_rep_who_is_no_team_lead_gets_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    store = ["--store", str(store_file)]
    assert _run(capsys, "funnel", "propose", *store, "--user", "mia", "--threshold", "70")[0] == 0

    code, out, err = _run(capsys, "funnel", "agree", *store, "--user", "ned")

    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "only a team lead" in err


def test_with_the_both_leads_rule_the_marketing_lead_agrees_second(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    store = ["--store", str(store_file)]
    assert _run(capsys, "funnel", "rule", "both_leads", *store)[0] == 0
    assert _run(capsys, "funnel", "propose", *store, "--user", "mia", "--threshold", "70")[0] == 0

    code, text, _ = _run(capsys, "funnel", "agree", *store, "--user", "nora")
    assert code == 0 and "waiting for the lead of: marketing" in text
    code, text, _ = _run(capsys, "funnel", "agree", *store, "--user", "mo")
    assert code == 0 and text.startswith("agreed: funnel contract version 1")
