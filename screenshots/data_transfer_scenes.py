"""Screenshot scenes of the import wizard and duplicate review, for ``screenshots``.

``screenshots`` adds ``DATA_TRANSFER_SCENES`` to its registry. The wizard
scene shows the mapping step of the Google Contacts sample (and of a CSV of
deals); the review scene
shows the first candidate pair side by side; the export scene shows the
dialog ready to export as vCard. None changes the store.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from contactdesk.importing.import_log import list_imports
from contactdesk.importing.store_import import import_contacts
from ui.data_transfer.duplicate_review import DuplicateReview
from ui.data_transfer.export_dialog import ExportDialog
from ui.data_transfer.import_history import ImportHistoryDialog
from ui.data_transfer.import_wizard import ImportWizard

if TYPE_CHECKING:
    from screenshots.scene_context import SceneContext

SAMPLE = Path(__file__).parents[1] / "tests" / "data" / "google_contacts_current.csv"
# German Outlook, Windows-1252, a company-only row, a blank row, unmapped columns (issue 22).
OUTLOOK_DE = Path(__file__).parents[1] / "tests" / "data" / "csv" / "outlook_de_company_only.csv"


def _second_export(folder: Path) -> Path:
    """The German sample as exported again a week later: one phone number changed."""
    changed = OUTLOOK_DE.read_bytes().replace(b"0931 123456", b"0931 654321")
    path = folder / "Kontakte.csv"
    path.write_bytes(changed)
    return path


def _second_import_checked(context: SceneContext, *, first_again: bool) -> ImportWizard:
    """The wizard on the sample's second export, at its check step (trial run done).

    The sample is imported first when ``first_again`` or when nothing was imported yet.
    """
    admin = context.view_context("admin")
    if first_again or not list_imports(context.store):
        import_contacts(context.store, admin.session.actor, OUTLOOK_DE)
    folder = Path(tempfile.mkdtemp(prefix="contactdesk-scene-"))
    wizard = ImportWizard(admin)
    wizard.resize(1000, 640)
    wizard.show()
    wizard.file_page.path_edit.setText(str(_second_export(folder)))
    wizard.next()
    wizard.next()
    context.settle(lambda: wizard.review_page.trial is not None)
    return wizard


def import_summary(context: SceneContext) -> QWidget:
    """The last page of a second import of the same file: what was new, updated, kept.

    This scene imports the German sample once, then runs the wizard on its
    second export (the store is the screenshot run's own copy).
    """
    wizard = _second_import_checked(context, first_again=True)
    wizard.next()
    context.settle(lambda: wizard.import_result is not None)
    wizard.next()
    return wizard


def import_history(context: SceneContext) -> QWidget:
    """Past imports, after the import summary scene's two imports (or none before it)."""
    admin = context.view_context("admin")
    if not list_imports(context.store):
        import_contacts(context.store, admin.session.actor, OUTLOOK_DE)
    dialog = ImportHistoryDialog(admin)
    dialog.resize(760, 420)
    context.settle(lambda: dialog.table.rowCount() > 0)
    dialog.table.selectRow(0)
    return dialog


def import_review(context: SceneContext) -> QWidget:
    """The check step of a second import: each choice for the matching rows with its count.

    Runs after the summary scene (whose imports it reuses) or on its own.
    """
    return _second_import_checked(context, first_again=False)


def import_wizard_mapping(context: SceneContext) -> QWidget:
    wizard = ImportWizard(context.view_context("marketing"))
    wizard.resize(1000, 640)
    wizard.show()
    wizard.file_page.path_edit.setText(str(SAMPLE))
    wizard.next()
    return wizard


def import_wizard_deals(context: SceneContext) -> QWidget:
    """The mapping step of a CSV of deals: each column to a field of deals (issue 15)."""
    folder = Path(tempfile.mkdtemp(prefix="contactdesk-scene-"))
    path = folder / "pipeline-export.csv"
    path.write_text(
        "Deal,Client,Phase,Value,Close by,Product,Sales rep,Memo\n"
        "Northwind renewal,Northwind Traders,Proposal,18000,2027-03-31,Analytics,"
        "Ned North,called twice\n",
        encoding="utf-8",
    )
    wizard = ImportWizard(context.view_context("admin"))
    wizard.resize(1000, 640)
    wizard.show()
    wizard.file_page.entity.setCurrentIndex(wizard.file_page.entity.findData("opportunity"))
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    page = wizard.mapping_page
    for column, field in (
        ("Deal", "name"),
        ("Client", "account_id"),
        ("Phase", "stage_id"),
        ("Value", "amount"),
        ("Close by", "expected_close"),
        ("Sales rep", "owner_id"),
    ):
        page.choose(column, field)
    return wizard


def duplicate_review(context: SceneContext) -> QWidget:
    review = DuplicateReview(context.view_context("admin"))
    review.resize(1280, 720)
    review.find_candidates()
    context.settle(lambda: review.candidates.count() > 0)
    review.candidates.setCurrentRow(0)
    context.settle(lambda: review.table.rowCount() > 0)
    return review


def export_dialog(context: SceneContext) -> QWidget:
    dialog = ExportDialog(context.view_context("marketing"))
    dialog.resize(620, 300)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("vcard"))
    dialog.path_edit.setText(str(Path.home() / "contacts.vcf"))
    context.settle(lambda: dialog.context.worker.is_idle)
    if dialog.segment_box.count() > 1:
        dialog.segment_box.setCurrentIndex(1)
    return dialog


DATA_TRANSFER_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "import_wizard_mapping": import_wizard_mapping,
    "import_wizard_deals": import_wizard_deals,
    "import_summary": import_summary,
    "import_history": import_history,
    "import_review": import_review,
    "duplicate_review": duplicate_review,
    "export_dialog": export_dialog,
}
