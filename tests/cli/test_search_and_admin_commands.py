"""The command-line contract: names, options, exit codes and JSON shape of DESIGN.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contactdesk.cli.main import main
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user, find_user
from contactdesk.services.store_opening import open_store


@pytest.fixture
def cli_store(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    store = open_store(path)
    admin = Actor.system()
    create_user(store, admin, "rita", display_name="Rita Rep", role="sales", team="north")
    create_user(store, admin, "mia", display_name="Mia Marketer", role="marketing")
    account = unit_of_work.create(store, admin, "account", {"name": "Globex"}).record_id
    for name in ("Hank Scorpio", "Homer Simpson"):
        unit_of_work.create(
            store,
            admin,
            "contact",
            {
                "display_name": name,
                "email": f"{name.split()[0].lower()}@globex.example",
                "account_id": account,
            },
        )
    store.close()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_carries_fields_by_their_names(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "search", "--store", str(cli_store), "--json", "hank")
    rows = json.loads(out)
    assert code == 0
    assert [(r["entity"], r["display_name"], r["email"], r["account"]) for r in rows] == [
        ("contact", "Hank Scorpio", "hank@globex.example", "Globex")
    ]


def test_search_with_empty_text_lists_up_to_the_limit(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "search", "--store", str(cli_store), "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2


def test_search_as_sales_shows_no_hidden_field(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "admin", "rule", "--store", str(cli_store), "sales", "contact.email", "hidden")
    code, out, _ = _run(capsys, "search", "--store", str(cli_store), "--as", "sales", "--json", "")
    rows = [r for r in json.loads(out) if r["entity"] == "contact"]
    assert code == 0 and len(rows) == 2
    assert all("email" not in row for row in rows)


def test_search_prints_a_table_by_default(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "search", "--store", str(cli_store), "homer")
    assert code == 0
    assert out.splitlines()[0].split() == ["type", "name", "company", "email", "phone"]
    assert "Homer Simpson" in out


def test_admin_users_lists_role_and_team(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "admin", "users", "--store", str(cli_store), "--json")
    users = {u["username"]: (u["role"], u["team"]) for u in json.loads(out)}
    assert code == 0 and users == {"rita": ("sales", "north"), "mia": ("marketing", None)}


def test_admin_field_add_then_the_field_is_searchable_in_json(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        capsys,
        "admin",
        "field",
        "add",
        "--store",
        str(cli_store),
        "contact",
        "tier",
        "choice",
        "--choices",
        "Gold,Silver",
    )
    assert code == 0 and "contact.tier" in out
    _, out, _ = _run(capsys, "search", "--store", str(cli_store), "--json", "hank")
    assert json.loads(out)[0]["tier"] is None


def test_admin_field_add_without_choices_is_a_user_error(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys, "admin", "field", "add", "--store", str(cli_store), "contact", "tier", "choice"
    )
    assert code == 1
    assert err.strip() == "contactdesk: field.choices: a choice field needs choices"


def test_admin_rule_with_a_bad_access_level_is_a_user_error(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys, "admin", "rule", "--store", str(cli_store), "sales", "contact.email", "maybe"
    )
    assert code == 1 and "hidden, read, edit" in err and "Traceback" not in err


def test_missing_store_is_a_one_line_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "search", "--store", str(tmp_path / "none.db"), "x")
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1 and "no store at" in err


def test_unknown_option_is_a_user_error_not_a_traceback(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "search", "--store", str(cli_store), "--bogus")
    assert code == 1 and "unrecognized arguments: --bogus" in err


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("contactdesk 0.")


def test_admin_phone_region_takes_a_country_name_and_stores_its_code(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "admin", "phone-region", "--store", str(cli_store), "Deutschland")
    assert code == 0
    assert out.strip() == "phone numbers without + are read as DE"


def test_admin_phone_region_of_no_known_country_is_a_one_line_error(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "admin", "phone-region", "--store", str(cli_store), "Atlantis")
    assert code == 1
    assert "'Atlantis' is not a country" in err and len(err.strip().splitlines()) == 1


def test_search_as_a_user_reads_within_that_users_scope(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(cli_store)
    admin = Actor.system()
    create_user(store, admin, "sam", display_name="Sam Seller", role="sales", team="south")
    rita = find_user(store, "rita")
    unit_of_work.create(
        store, admin, "contact", {"display_name": "Patrick Price", "owner_id": rita.id}
    )
    store.close()

    _, as_rita, _ = _run(
        capsys, "search", "--store", str(cli_store), "--user", "rita", "--json", "patrick price"
    )
    _, as_sam, _ = _run(
        capsys, "search", "--store", str(cli_store), "--user", "sam", "--json", "patrick price"
    )
    _, as_role, _ = _run(
        capsys, "search", "--store", str(cli_store), "--as", "sales", "--json", "patrick price"
    )

    assert [row["display_name"] for row in json.loads(as_rita)] == ["Patrick Price"]
    assert json.loads(as_sam) == [] and json.loads(as_role) == []


def test_search_names_an_unknown_user_in_one_line(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "search", "--store", str(cli_store), "--user", "nobody", "x")
    assert code == 1 and "nobody" in err and len(err.strip().splitlines()) == 1


def test_admin_capabilities_shows_and_sets_what_a_role_may_do(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "admin", "capabilities", "sales", "--store", str(cli_store))
    assert (code, out.strip()) == (0, "sales: receive_leads")
    code, out, _ = _run(
        capsys, "admin", "capabilities", "sales", "--set", "receive_leads,export",
        "--store", str(cli_store), "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out) == {
        "role": "sales",
        "capabilities": ["export", "receive_leads"],
    }


def test_admin_capabilities_names_an_unknown_capability(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys, "admin", "capabilities", "sales", "--set", "fly", "--store", str(cli_store)
    )
    assert code == 1 and "unknown capability 'fly'" in err and err.count("\n") == 1
