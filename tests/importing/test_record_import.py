"""Issue 15 point 8: accounts and deals imported from CSV with the same header mapping.

Accounts match existing ones by name or web domain (and are updated); deals
link to their account by name; a row the rules refuse is skipped with its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from contactdesk.cli.main import main
from contactdesk.model import Account, Opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
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
    assert "line 5:" in out and "employees" in out
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
    assert "line 3: no account named 'Nobody Inc'" in out
    assert "line 4:" in out and "unknown stage 'Sideways'" in out
    with store.reading() as session:
        deal = session.scalars(select(Opportunity)).one()
    assert (deal.name, deal.account_id, deal.amount) == ("Acme renewal", acme, 12000)
