"""``contactdesk brief``: a rep lists current briefs and marks one read then ready; marketing
reads readiness per team and rep; the week plan reminds of an unread brief launching soon."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from contactdesk.cli.main import main
from contactdesk.marketing.launch_briefs import save_brief
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user
from contactdesk.store import Store

SOON = date.today() + timedelta(days=10)


@pytest.fixture
def brief(store: Store) -> str:
    create_user(store, Actor.system(), "rita", role="sales", team="north")
    create_user(store, Actor.system(), "sam", role="sales", team="south")
    values = {"title": "Orbit 2", "value": "Halves close", "starts_on": SOON.isoformat()}
    return str(save_brief(store, Actor.system(), values))


def _run(capsys: pytest.CaptureFixture[str], store_path: Path, *argv: str) -> tuple[int, Any, str]:
    code = main([*argv, "--store", str(store_path)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith(("{", "[")) else out), err


def test_a_rep_marks_a_brief_read_then_ready_and_marketing_sees_it(
    capsys: pytest.CaptureFixture[str], store_path: Path, brief: str
) -> None:
    code, listed, _ = _run(capsys, store_path, "brief", "list", "--user", "rita", "--json")
    assert code == 0
    assert [(row["id"], row["read_at"]) for row in listed] == [(brief, None)]
    code, plan, _ = _run(capsys, store_path, "week", "--user", "rita", "--json")
    assert [item["title"] for item in plan["unread_briefs"]] == ["Orbit 2"]

    assert _run(capsys, store_path, "brief", "read", brief, "--user", "rita")[0] == 0
    code, plan, _ = _run(capsys, store_path, "week", "--user", "rita", "--json")
    assert plan["unread_briefs"] == []
    assert _run(capsys, store_path, "brief", "ready", brief, "--user", "rita")[0] == 0

    code, report, _ = _run(capsys, store_path, "brief", "readiness", brief, "--json")
    assert code == 0
    assert report["days_to_start"] == 10
    assert {team["team"]: team["ready"] for team in report["teams"]} == {"north": 1, "south": 0}
    code, shown, _ = _run(capsys, store_path, "brief", "show", brief, "--json")
    assert shown["value"] == "Halves close"


def test_a_bad_brief_id_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], store_path: Path, brief: str
) -> None:
    code, out, err = _run(capsys, store_path, "brief", "read", "nope", "--user", "rita")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "not a brief id" in err
