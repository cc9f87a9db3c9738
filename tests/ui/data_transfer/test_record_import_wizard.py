"""Issue 15 point 8: File › Import… takes accounts and deals through the contacts' wizard.

The user says what the file holds, maps each column to a field of that entity
(custom fields included), reads the trial's counts and the rows that cannot be
imported (line, field, reason), imports, and can revert it from the wizard or
the import history, exactly as for contacts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from contactdesk.model import Account, Opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.custom_values import read_values
from contactdesk.services.directory import list_users
from contactdesk.services.field_rules import load_policy
from contactdesk.store import Store
from ui.data_transfer.import_history import ImportHistoryDialog
from ui.data_transfer.import_wizard import ImportWizard
from ui.main_window import MainWindow

SYSTEM = Actor.system()


def _open_wizard(qtbot: Any, window: MainWindow, holds: str, path: Path) -> ImportWizard:
    """File › Import…, say what the file holds, type its path, press Next."""
    window.transfer_actions["import"].trigger()
    (wizard,) = window.findChildren(ImportWizard)
    page = wizard.file_page
    page.entity.setCurrentIndex(page.entity.findText(holds))
    qtbot.keyClicks(page.path_edit, str(path))
    _next(qtbot, wizard)
    return wizard


def _next(qtbot: Any, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _targets(wizard: ImportWizard) -> dict[str, str]:
    """Column header -> the field label its chooser shows."""
    page = wizard.mapping_page
    return {
        page.table.item(row, 0).text(): page.chooser(row).currentText()
        for row in range(page.table.rowCount())
    }


def _settle(qtbot: Any, window: MainWindow) -> None:
    # The main window refreshes after an import: let it finish while it exists.
    for _ in range(3):
        qtbot.wait(100)
        assert window.context.worker.wait_until_idle()


def _custom(store: Store, entity: str, name: str, record_id: Any) -> Any:
    with store.reading() as session:
        field = load_policy(session, "admin").custom_by_name(entity, name)
        assert field is not None
        return read_values(session, [record_id], [field]).get(record_id, {}).get(name)


def test_deals_are_mapped_column_by_column_checked_imported_and_reverted(
    qtbot: Any, main_window_for: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = main_window_for("ada")
    store = window.context.session.store
    add_custom_field(store, SYSTEM, "opportunity", "tender_ref", "text", label="Tender reference")
    acme = unit_of_work.create(store, SYSTEM, "account", {"name": "Zephyr Works"}).record_id
    path = tmp_path / "crm-export.csv"
    path.write_text(
        "Deal,Client,Phase,Value,Tender,Owner,Memo\n"
        "Zephyr renewal,zephyr works,Proposal,12000,T-77,rita,call back\n"
        "Ghost deal,Nobody Inc,Proposal,500,,,\n"
        "Zephyr add-on,Zephyr Works,Discovery,lots,,,\n"
        "Zephyr training,Zephyr Works,Discovery,900,T-78,Sam Okafor,\n",
        encoding="utf-8",
    )
    wizard = _open_wizard(qtbot, window, "Deals", path)
    # No header names a field of deals: the user maps each column, the custom one too.
    page = wizard.mapping_page
    assert "Choose the field of deals each column goes to" in page.layout_label.text()
    assert page.table.item(1, 1).text() == "zephyr works"
    for column, field in (
        ("Deal", "name"),
        ("Client", "account_id"),
        ("Phase", "stage_id"),
        ("Value", "amount"),
        ("Tender", "tender_ref"),
        ("Owner", "owner_id"),
    ):
        page.choose(column, field)
    assert _targets(wizard) == {
        "Deal": "Name",
        "Client": "Account",
        "Phase": "Stage",
        "Value": "Amount",
        "Tender": "Tender reference",
        "Owner": "Owner",
        "Memo": "not imported",
    }
    _next(qtbot, wizard)
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.trial is not None, timeout=10_000)
    assert review.counts.text() == ("Read as UTF-8. New deals: 2. Rows that cannot be imported: 2.")
    assert [review.problems.item(i).text() for i in range(review.problems.count())] == [
        "line 3: account_id: no account named 'Nobody Inc'",
        "line 4: amount: 'lots' is not a number",
    ]
    with store.reading() as session:
        assert session.scalars(select(Opportunity)).all() == []  # the trial stored nothing
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.import_result is not None, timeout=10_000)
    _next(qtbot, wizard)
    result = wizard.result_page
    assert result.summary.text() == (
        "Read as UTF-8. Imported 2 deals; 2 rows could not be imported."
    )
    assert result.skipped.item(0).text() == "line 3: account_id: no account named 'Nobody Inc'"
    assert result.skipped.item(2).text() == "Column Memo was not imported"
    with store.reading() as session:
        deals = {d.name: d for d in session.scalars(select(Opportunity))}
    assert set(deals) == {"Zephyr renewal", "Zephyr training"}
    renewal = deals["Zephyr renewal"]
    assert (renewal.account_id, renewal.amount) == (acme, 12000)
    assert _custom(store, "opportunity", "tender_ref", renewal.id) == "T-77"
    users = {u.username: u.id for u in list_users(store)}
    assert renewal.owner_id == users["rita"]
    assert deals["Zephyr training"].owner_id == users["sam"]
    wizard.close()
    # The import is in the history like a contact import; reverting removes its deals.
    window.transfer_actions["import_history"].trigger()
    (history,) = window.findChildren(ImportHistoryDialog)
    qtbot.waitUntil(lambda: history.table.rowCount() == 1)
    assert [history.table.item(0, c).text() for c in (1, 2, 3)] == ["crm-export.csv", "2", "2"]
    history.confirm = lambda chosen: True
    history.table.selectRow(0)
    qtbot.waitUntil(lambda: history.skipped.count() == 2)
    assert history.skipped.item(1).text() == "Skipped: line 4: amount: 'lots' is not a number"
    qtbot.mouseClick(history.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.message.text().startswith("Removed"), timeout=10_000)
    assert history.message.text() == (
        "Removed 0 contacts, 0 accounts and 2 deals; kept 0 worked on since the import."
    )
    with store.reading() as session:
        assert session.scalars(select(Opportunity)).all() == []
        assert session.get(Account, acme) is not None
    history.close()
    _settle(qtbot, window)


def test_accounts_start_on_the_fields_their_headers_name_and_matches_are_the_users_choice(
    qtbot: Any, main_window_for: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = main_window_for("ada")
    store = window.context.session.store
    add_custom_field(store, SYSTEM, "account", "fleet_size", "number", label="Fleet size")
    unit_of_work.create(
        store, SYSTEM, "account", {"name": "Zephyr Works", "website": "https://www.acme.example"}
    )
    path = tmp_path / "accounts.csv"
    path.write_text(
        "Name,Industry,Website,Employees,Fleet size,Shoe size\n"
        "ACME Limited,Tools,acme.example/about,120,40,44\n"
        "Initech,Software,initech.example,forty,,\n"
        "Globex,Energy,,300,12,\n",
        encoding="utf-8",
    )
    wizard = _open_wizard(qtbot, window, "Accounts", path)
    assert _targets(wizard) == {
        "Name": "Name",
        "Industry": "Industry",
        "Website": "Website",
        "Employees": "Employees",
        "Fleet size": "Fleet size",
        "Shoe size": "not imported",
    }
    _next(qtbot, wizard)
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.trial is not None, timeout=10_000)
    assert review.counts.text() == (
        "Read as UTF-8. New accounts: 1. Matching existing accounts (same name or web "
        "domain): 1. Rows that cannot be imported: 1."
    )
    assert review.problems.item(0).text() == "line 3: employees: 'forty' is not a number"
    assert review.update_choice.isEnabled()
    review.skip_choice.click()
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.import_result is not None, timeout=10_000)
    _next(qtbot, wizard)
    assert wizard.result_page.summary.text() == (
        "Read as UTF-8. Imported 1 accounts; updated 0 existing accounts, skipped 1 that "
        "matched; 1 rows could not be imported."
    )
    with store.reading() as session:
        accounts = {a.name: a for a in session.scalars(select(Account))}
    assert "Globex" in accounts and "ACME Limited" not in accounts and "Initech" not in accounts
    assert accounts["Zephyr Works"].industry is None  # skipped: left as it was
    assert _custom(store, "account", "fleet_size", accounts["Globex"].id) == 12
    wizard.close()
    _settle(qtbot, window)


def test_a_field_chosen_for_two_columns_is_refused_on_the_mapping_page(
    qtbot: Any, main_window_for: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    window = main_window_for("ada")
    path = tmp_path / "accounts.csv"
    path.write_text("Company,Trading name\nZephyr Works,Acme\n", encoding="utf-8")
    wizard = _open_wizard(qtbot, window, "Accounts", path)
    page = wizard.mapping_page
    page.choose("Company", "name")
    page.choose("Trading name", "name")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is page
    assert page.problem.text() == "Each field takes one column: Name is chosen more than once."
    page.choose("Trading name", "")
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.review_page
    qtbot.waitUntil(lambda: wizard.review_page.trial is not None, timeout=10_000)
    wizard.close()
    _settle(qtbot, window)
