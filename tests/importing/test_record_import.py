"""Issue 15 point 8: accounts and deals imported from CSV with the same header mapping.

Accounts match existing ones by name or web domain (and are updated); deals
link to their account by name; a row the rules refuse is skipped with its line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from contactdesk.cli.main import main
from contactdesk.errors import ContactDeskError
from contactdesk.importing.record_import import import_records
from contactdesk.model import Account, Opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user
from contactdesk.store import Store

SYSTEM = Actor.system()


def test_accounts_match_by_name_or_web_domain_and_new_ones_are_created(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit_of_work.create(
        store, SYSTEM, "account", {"name": "Acme Ltd", "website": "https://www.acme.example"}
    )
    unit_of_work.create(store, SYSTEM, "account", {"name": "Globex"})
    path = tmp_path / "accounts.csv"
    path.write_text(
        "Name,Industry,Website,Employees,Shoe size\n"
        "ACME Limited,Tools,acme.example/about,120,\n"
        "globex,Energy,,,\n"
        "Initech,Software,initech.example,40,\n"
        "Bad Count,Retail,,many,\n",
        encoding="utf-8",
    )
    assert main(["import", "--store", str(store_path), "--entity", "account", str(path)]) == 0
    out = capsys.readouterr().out
    assert "imported 1" in out and "updated existing 2" in out and "skipped 1" in out
    assert "line 5: employees:" in out
    assert "column 'Shoe size' names no field" in out
    with store.reading() as session:
        accounts = {a.name: a for a in session.scalars(select(Account))}
    assert set(accounts) == {"ACME Limited", "globex", "Initech"}
    assert (accounts["ACME Limited"].industry, accounts["ACME Limited"].employees) == ("Tools", 120)
    assert accounts["globex"].industry == "Energy"


def test_deals_link_to_their_account_by_name_and_a_missing_account_skips_the_row(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    acme = unit_of_work.create(store, SYSTEM, "account", {"name": "Acme Ltd"}).record_id
    path = tmp_path / "deals.csv"
    path.write_text(
        "Name,Account,Stage,Amount,Expected close\n"
        "Acme renewal,acme ltd,Proposal,12000,2027-03-31\n"
        "Ghost deal,Nobody Inc,Proposal,500,\n"
        "No stage,Acme Ltd,Sideways,100,\n",
        encoding="utf-8",
    )
    code = main(["import", "--store", str(store_path), "--entity", "opportunity", str(path)])
    out = capsys.readouterr().out
    assert code == 0 and "imported 1" in out and "skipped 2" in out
    assert "line 3: account_id: no account named 'Nobody Inc'" in out
    assert "line 4: stage_id: unknown stage 'Sideways'" in out
    with store.reading() as session:
        deal = session.scalars(select(Opportunity)).one()
    assert (deal.name, deal.account_id, deal.amount) == ("Acme renewal", acme, 12000)


def _import_id(out: str) -> str:
    return next(line.split()[-1] for line in out.splitlines() if line.startswith("import id "))


def test_a_deal_import_is_listed_and_reverted_keeping_a_deal_worked_on_since(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit_of_work.create(store, SYSTEM, "account", {"name": "Acme Ltd"})
    path = tmp_path / "deals.csv"
    path.write_text(
        "Name,Account,Stage,Amount\n"
        "Acme renewal,Acme Ltd,Proposal,12000\n"
        "Acme training,Acme Ltd,Discovery,900\n",
        encoding="utf-8",
    )
    store_arg = ["--store", str(store_path)]
    assert main(["import", *store_arg, "--entity", "opportunity", str(path)]) == 0
    batch = _import_id(capsys.readouterr().out)
    with store.reading() as session:
        training = session.scalar(select(Opportunity.id).where(Opportunity.name == "Acme training"))
    unit_of_work.update(store, SYSTEM, "opportunity", training, {"amount": 1200})
    assert main(["import", *store_arg, "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(i["id"], i["file"], i["imported"]) for i in listed] == [(batch, "deals.csv", 2)]
    assert main(["import", *store_arg, "--revert", batch, "--json"]) == 0
    reverted = json.loads(capsys.readouterr().out)
    assert (reverted["deals_deleted"], reverted["kept_count"]) == (1, 1)
    assert reverted["kept"][0]["name"] == "Acme training"
    assert reverted["kept"][0]["reason"] == "edited since the import"
    with store.reading() as session:
        assert list(session.scalars(select(Opportunity.name))) == ["Acme training"]
        assert session.scalar(select(Account.id).where(Account.name == "Acme Ltd")) is not None


def test_account_matches_can_be_skipped_and_a_trial_run_stores_nothing(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit_of_work.create(store, SYSTEM, "account", {"name": "Globex", "industry": "Energy"})
    path = tmp_path / "accounts.csv"
    path.write_text("Name,Industry\nGlobex,Mining\nInitech,Software\n", encoding="utf-8")
    store_arg = ["--store", str(store_path), "--entity", "account"]
    assert main(["import", *store_arg, "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "trial run: nothing was stored" in out and "imported 1" in out
    assert "updated existing 1" in out and "import id" not in out
    with store.reading() as session:
        assert session.scalar(select(Account.id).where(Account.name == "Initech")) is None
    assert main(["import", *store_arg, "--on-match", "skip", str(path)]) == 0
    out = capsys.readouterr().out
    assert "imported 1" in out and "skipped existing 1" in out
    with store.reading() as session:
        industries = dict(session.execute(select(Account.name, Account.industry)).all())
    assert (industries["Globex"], industries["Initech"]) == ("Energy", "Software")


def test_reference_columns_name_their_records_and_an_unknown_name_skips_the_row(
    store: Store, tmp_path: Path
) -> None:
    rita = create_user(store, SYSTEM, "rita", role="sales", display_name="Rita Reyes").record_id
    globex = unit_of_work.create(store, SYSTEM, "account", {"name": "Globex"}).record_id
    gina = unit_of_work.create(
        store,
        SYSTEM,
        "contact",
        {"display_name": "Gina Ortiz", "email": "gina@globex.example", "account_id": globex},
    ).record_id
    path = tmp_path / "deals.csv"
    path.write_text(
        "Deal,Client,Contact,Phase,Rep\n"
        "Globex rollout,Globex,GINA@globex.example,Discovery,Rita Reyes\n"
        "Globex pilot,Globex,Gina Ortiz,Discovery,rita\n"
        "Globex extra,Globex,,Discovery,nobody\n",
        encoding="utf-8",
    )
    columns = {0: "name", 1: "account_id", 2: "contact_id", 3: "stage_id", 4: "owner_id"}
    result = import_records(store, SYSTEM, path, "opportunity", mapping=columns)
    assert (result.imported, [row.reason for row in result.skipped]) == (
        2,
        ["line 4: owner_id: no user named 'nobody'"],
    )
    with store.reading() as session:
        deals = session.execute(
            select(Opportunity.contact_id, Opportunity.owner_id).order_by(Opportunity.name)
        ).all()
    assert deals == [(gina, rita), (gina, rita)]


def test_a_mapping_naming_an_unknown_field_or_one_field_twice_is_refused(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("Company,Size\nAcme,12\n", encoding="utf-8")
    with pytest.raises(ContactDeskError, match="column 'Size': accounts have no field 'size'"):
        import_records(store, SYSTEM, path, "account", mapping={0: "name", 1: "size"})
    with pytest.raises(ContactDeskError, match="column 'Size': name is already filled"):
        import_records(store, SYSTEM, path, "account", mapping={0: "name", 1: "name"})
    with store.reading() as session:
        assert session.scalar(select(Account.id).where(Account.name == "Acme")) is None
