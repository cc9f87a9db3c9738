"""The File menu's Import…, Export… and Find duplicates… actions, and which roles get them.

Who gets what (the services enforce field rules whatever the menu shows):

* import: marketing and admin. Bringing lists in is marketing's work; a
  sales view is deliberately kept to what selling needs (DESIGN.md).
* export: marketing and admin. An export applies the role's field rules
  anyway, but a sales rep walking off with the customer list is not part
  of selling, so the menu does not offer it.
* find duplicates: marketing and admin, who keep the shared list clean;
  a merge re-points other people's activities and leads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ui.translatable import QT_TRANSLATE_NOOP
from ui.view_context import ViewContext

# The dialogs load when first opened: they (and the export writers behind them)
# are a sixth of the app's start-up imports, and most sessions never open them.
if TYPE_CHECKING:
    from ui.data_transfer.duplicate_review import DuplicateReview
    from ui.data_transfer.export_dialog import ExportDialog
    from ui.data_transfer.import_history import ImportHistoryDialog
    from ui.data_transfer.import_wizard import ImportWizard

TRANSLATION_CONTEXT = "TransferActions"


@dataclass(frozen=True)
class TransferAction:
    """One File-menu entry: its text, shortcut and the capability a role needs for it."""

    key: str
    text: str
    shortcut: str
    capability: str


# Finding duplicates merges contacts in bulk: the data stewards' work, like importing.
TRANSFER_ACTIONS = (
    TransferAction(
        "import",
        str(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "&Import…")),
        "Ctrl+Shift+I",
        "import",
    ),
    TransferAction(
        "import_history",
        str(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Import &History…")),
        "",
        "import",
    ),
    TransferAction(
        "export",
        str(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "&Export…")),
        "Ctrl+Shift+E",
        "export",
    ),
    TransferAction(
        "duplicates",
        str(QT_TRANSLATE_NOOP(TRANSLATION_CONTEXT, "Find &Duplicates…")),
        "Ctrl+Shift+D",
        "import",
    ),
)


def open_import_wizard(context: ViewContext, parent: QWidget) -> ImportWizard:
    """Show the import wizard (contacts, accounts or deals) as a window of ``parent``."""
    from ui.data_transfer.import_wizard import ImportWizard

    wizard = ImportWizard(context, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard


def open_import_history(context: ViewContext, parent: QWidget) -> ImportHistoryDialog:
    """Show the list of past imports (revert one from there); returns the dialog."""
    from ui.data_transfer.import_history import ImportHistoryDialog

    dialog = ImportHistoryDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_export_dialog(context: ViewContext, parent: QWidget) -> ExportDialog:
    """Show the export dialog as a window of ``parent``; returns it."""
    from ui.data_transfer.export_dialog import ExportDialog

    dialog = ExportDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_duplicate_review(context: ViewContext, parent: QWidget) -> DuplicateReview:
    """Show the duplicate review in its own window and start looking for candidates."""
    from ui.data_transfer.duplicate_review import DuplicateReview

    review = DuplicateReview(context, parent)
    review.setWindowFlag(Qt.WindowType.Window)
    review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    review.setWindowTitle(QCoreApplication.translate(TRANSLATION_CONTEXT, "Find duplicates"))
    review.resize(1100, 640)
    review.show()
    review.find_candidates()
    return review


OPENERS = {
    "import": open_import_wizard,
    "import_history": open_import_history,
    "export": open_export_dialog,
    "duplicates": open_duplicate_review,
}


def add_transfer_actions(menu: QMenu, context: ViewContext, parent: QWidget) -> dict[str, QAction]:
    """Add the actions the session's role gets to ``menu``; returns them by key."""
    granted = context.session.capabilities()
    added: dict[str, QAction] = {}
    for entry in TRANSFER_ACTIONS:
        if entry.capability not in granted:
            continue
        action = QAction(QCoreApplication.translate(TRANSLATION_CONTEXT, entry.text), parent)
        action.setShortcut(QKeySequence(entry.shortcut))
        opener = OPENERS[entry.key]
        action.triggered.connect(lambda _checked=False, opener=opener: opener(context, parent))
        menu.addAction(action)
        added[entry.key] = action
    return added
