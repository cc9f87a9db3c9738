"""Screenshot scenes of the import wizard and duplicate review, for ``screenshots``.

``screenshots`` adds ``DATA_TRANSFER_SCENES`` to its registry. The wizard
scene shows the mapping step of the Google Contacts sample; the review scene
shows the first candidate pair side by side; the export scene shows the
dialog ready to export as vCard. None changes the store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.data_transfer.duplicate_review import DuplicateReview
from ui.data_transfer.export_dialog import ExportDialog
from ui.data_transfer.import_wizard import ImportWizard

if TYPE_CHECKING:
    from screenshots.scene_context import SceneContext

SAMPLE = Path(__file__).parents[1] / "tests" / "data" / "google_contacts_current.csv"


def import_wizard_mapping(context: SceneContext) -> QWidget:
    wizard = ImportWizard(context.view_context("marketing"))
    wizard.resize(1000, 640)
    wizard.show()
    wizard.file_page.path_edit.setText(str(SAMPLE))
    wizard.next()
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
    "duplicate_review": duplicate_review,
    "export_dialog": export_dialog,
}
