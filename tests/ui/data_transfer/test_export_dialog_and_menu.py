"""The export dialog writes the chosen file on the worker; the File menu opens the tools."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from contactdesk.segments.saved_segments import save_segment
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from ui.data_transfer.export_dialog import ExportDialog
from ui.data_transfer.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.view_context import ViewContext


def _add(store: Store, name: str, title: str) -> None:
    unit_of_work.create(
        store,
        Actor.system(),
        "contact",
        {"display_name": name, "email": f"{name.split()[0].lower()}@x.example", "title": title},
    )


def _dialog(qtbot, context: ViewContext, out: Path, file_format: str) -> ExportDialog:
    dialog = ExportDialog(context)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(file_format))
    dialog.path_edit.setText(str(out))
    return dialog


def test_export_dialog_writes_a_google_csv_with_the_contacts(
    qtbot, context_for: Callable[[str], ViewContext], store: Store, tmp_path: Path
) -> None:
    _add(store, "Olga Export", "CFO")
    out = tmp_path / "out.csv"
    dialog = _dialog(qtbot, context_for("maria"), out, "csv")
    dialog.start_export()
    qtbot.waitUntil(
        lambda: dialog.export_result is not None or dialog.error is not None, timeout=20_000
    )
    assert dialog.error is None
    text = out.read_text(encoding="utf-8")
    assert (
        "First Name" in text.splitlines()[0] and "Olga Export" in text and "olga@x.example" in text
    )


def test_export_dialog_exports_only_the_chosen_saved_segment_as_vcard(
    qtbot, context_for: Callable[[str], ViewContext], store: Store, tmp_path: Path
) -> None:
    _add(store, "Cora Finance", "CFO")
    _add(store, "Ned Other", "Engineer")
    definition = {"root": {"items": [{"field": "title", "op": "eq", "value": "CFO"}]}}
    save_segment(store, Actor.system(), "CFOs", definition)
    out = tmp_path / "cfos.vcf"
    dialog = _dialog(qtbot, context_for("maria"), out, "vcard")
    qtbot.waitUntil(lambda: dialog.segment_box.findData("CFOs") >= 0, timeout=20_000)
    dialog.segment_box.setCurrentIndex(dialog.segment_box.findData("CFOs"))
    dialog.start_export()
    qtbot.waitUntil(
        lambda: dialog.export_result is not None or dialog.error is not None, timeout=20_000
    )
    text = out.read_text(encoding="utf-8")
    assert "VERSION:4.0" in text and "Cora Finance" in text and "Ned Other" not in text


def test_cancelling_an_export_leaves_no_file(
    qtbot, context_for: Callable[[str], ViewContext], store: Store, tmp_path: Path
) -> None:
    _add(store, "Kim Cancel", "CFO")
    context = context_for("maria")
    out = tmp_path / "never.xlsx"
    dialog = _dialog(qtbot, context, out, "xlsx")
    context.worker.wait_until_idle()
    # Hold the single worker thread so the export is still queued when Cancel is pressed.
    release = threading.Event()
    context.worker.submit(lambda control: release.wait(10))
    dialog.start_export()
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_export()
    release.set()
    assert context.worker.wait_until_idle()
    assert dialog.export_result is None and not out.exists()
    assert list(tmp_path.glob("*.partial")) == []


def _menu_action(window: MainWindow, key: str) -> None:
    window.transfer_actions[key].trigger()


def test_file_menu_import_action_opens_the_import_wizard(
    main_window_for: Callable[[str], MainWindow],
) -> None:
    window = main_window_for("maria")
    _menu_action(window, "import")
    wizards = window.findChildren(ImportWizard)
    assert len(wizards) == 1 and wizards[0].isVisible()
    assert window.transfer_actions["import"].shortcut().toString() == "Ctrl+Shift+I"
    wizards[0].close()


def test_file_menu_export_action_opens_the_export_dialog(
    main_window_for: Callable[[str], MainWindow],
) -> None:
    window = main_window_for("ada")
    _menu_action(window, "export")
    dialogs = window.findChildren(ExportDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    window.context.worker.wait_until_idle()
    dialogs[0].close()


def test_sales_gets_no_import_export_or_duplicate_actions(
    main_window_for: Callable[[str], MainWindow],
) -> None:
    window = main_window_for("rita")
    assert window.transfer_actions == {}
