"""``contactdesk record``: the generic verbs over every entity, through the one unit of work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runs import cli_json, logged_changes, run_cli

from contactdesk.services.field_catalog import ENTITIES


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, *argv)


@pytest.fixture
def team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "team.db")
    assert _run(capsys, "init", "--store", path, "--admin", "ada")[0] == 0
    for name, role, team in (("rita", "sales", "north"), ("sam", "sales", "south"),
                             ("mia", "marketing", "marketing")):
        code = _run(capsys, "admin", "user", "add", "--store", path, name, "--role", role,
                    "--team", team)[0]
        assert code == 0
    return path


def _add(capsys: pytest.CaptureFixture[str], path: str, user: str, entity: str,
         *values: str) -> str:
    argv = ["record", "add", entity, "--store", path, "--user", user, "--json"]
    for value in values:
        argv += ["--set", value]
    code, out, err = _run(capsys, *argv)
    assert (code, err) == (0, "")
    new_id: str = json.loads(out)["id"]
    return new_id


def test_add_show_edit_list_and_delete_an_account_by_field_names(
    team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    account = _add(capsys, team, "rita", "account", "name=Globex", "industry=Energy",
                   "employees=250", "territory=North", "keep_in_touch_days=30",
                   "after_sale_owner_id=ada")
    code, out, _ = _run(capsys, "record", "show", "account", account, "--store", team,
                        "--user", "rita", "--json")
    shown = json.loads(out)
    assert code == 0
    assert (shown["name"], shown["employees"], shown["owner"], shown["after_sale_owner"]) == (
        "Globex", 250, "rita", "ada"
    )
    code, out, _ = _run(capsys, "record", "edit", "account", account, "--store", team,
                        "--user", "rita", "--set", "employees=300", "--set", "industry=",
                        "--json")
    assert (code, json.loads(out)) == (0, {"id": account, "changed": ["employees", "industry"]})
    _add(capsys, team, "sam", "account", "name=Initech", "territory=South")
    code, out, _ = _run(capsys, "record", "list", "account", "--store", team, "--user", "ada",
                        "--where", "territory=North", "--json")
    assert [(r["name"], r["employees"], r["industry"]) for r in json.loads(out)] == [
        ("Globex", 300, None)
    ]
    # rita sees her own accounts only (scope "own"), so sam's is not listed.
    code, out, _ = _run(capsys, "record", "list", "account", "--store", team, "--user", "rita",
                        "--json")
    assert [r["name"] for r in json.loads(out)] == ["Globex"]
    code, out, _ = _run(capsys, "record", "delete", "account", account, "--store", team,
                        "--user", "rita")
    assert code == 0
    code, _, err = _run(capsys, "record", "show", "account", account, "--store", team)
    assert code == 1 and "no account" in err


def test_a_deal_takes_references_by_id_and_its_stage_by_name(
    team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    account = _add(capsys, team, "rita", "account", "name=Globex")
    contact = _add(capsys, team, "rita", "contact", "display_name=Hank Scorpio",
                   f"account_id={account}", "email=hank@globex.example")
    deal = _add(capsys, team, "rita", "opportunity", "name=Globex pilot", "stage_id=Discovery",
                f"account_id={account}", f"contact_id={contact}", "amount=12000.5",
                "margin=4000", "expected_close=2026-12-31", "origin=inbound")
    [listed] = cli_json(capsys, "record", "list", "opportunity", "--store", team, "--user",
                        "rita", "--where", "stage_id=Discovery")
    assert (listed["id"], listed["stage"], listed["amount"], listed["account"]) == (
        deal, "Discovery", 12000.5, "Globex"
    )


@pytest.mark.parametrize(
    ("user", "entity", "values", "message"),
    [
        ("rita", "account", ["name=X", "colour=red"], "account.colour: no such field"),
        ("rita", "account", ["name=X", "employees=many"], "account.employees: 'many' is not a"),
        ("rita", "campaign", ["name=C", "channel=email", "starts_on=2026-01-01",
                              "ends_on=2026-02-01"], "may not edit field campaign."),
        ("mia", "target", ["metric=calls", "period=month", "starts_on=2026-01-01",
                            "level=company", "value=3"], "target.metric: 'calls' is not one of"),
        ("mia", "target", ["metric=revenue", "period=month", "starts_on=2026-01-01",
                            "level=rep", "value=3"], "target.user_id: a rep target names its"),
        ("mia", "target", ["metric=revenue", "period=quarter", "starts_on=2026-02-01",
                            "level=company", "value=3"], "target.starts_on: a quarter target"),
        ("rita", "intel", ["kind=market_note", "text=A merger"],
         "intel.topic: a market note says what it is about"),
        ("rita", "intel", ["kind=objection", "tag=price", "topic=price_heard"],
         "intel.topic: only market notes have a topic"),
        ("rita", "opportunity", ["name=D", "stage_id=Dreaming"], "unknown stage 'Dreaming'"),
        ("rita", "contact", ["display_name=Z", "account_id=not-an-id"],
         "contact.account_id: 'not-an-id' is not a record id"),
        ("rita", "account", ["name"], "--set 'name': write FIELD=VALUE"),
    ],
)
def test_a_bad_field_exits_1_with_one_line_and_writes_nothing(
    team: str, capsys: pytest.CaptureFixture[str], user: str, entity: str, values: list[str],
    message: str,
) -> None:
    before = logged_changes(team)
    argv = ["record", "add", entity, "--store", team, "--user", user]
    for value in values:
        argv += ["--set", value]
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and message in err
    assert logged_changes(team) == before


def test_edit_refuses_a_read_only_field_and_leaves_the_record_as_it_was(
    team: str, capsys: pytest.CaptureFixture[str]
) -> None:
    account = _add(capsys, team, "rita", "account", "name=Globex", "employees=10")
    code, _, err = _run(capsys, "record", "edit", "account", account, "--store", team,
                        "--user", "rita", "--set", "employees=20", "--set", "owner_id=sam")
    assert code == 1 and "account.owner_id" in err
    code, out, _ = _run(capsys, "record", "show", "account", account, "--store", team, "--json")
    assert json.loads(out)["employees"] == 10


def test_every_catalog_entity_is_a_record_verb_entity() -> None:
    from contactdesk.cli.main import build_parser

    parser = build_parser()
    for entity in ENTITIES:
        args = parser.parse_args(["record", "list", entity, "--store", "x.db"])
        assert args.entity == entity
