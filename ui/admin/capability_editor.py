"""What each role may do: roles down, capabilities across, a check box in each cell.

Capabilities are data on the role (``contactdesk.services.capabilities``): a
ticked box is one ``set_capabilities`` call, synced with the role like its
field rules. Reading happens on the worker; opening the page never writes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from contactdesk.model.governance import CAPABILITIES
from contactdesk.services.capabilities import role_capabilities, set_capabilities
from contactdesk.services.changes import ChangeSet
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from ui.admin.admin_change import submit_admin_change
from ui.app_session import role_title
from ui.database_worker import TaskControl
from ui.forms.inline_error import InlineError
from ui.translatable import QT_TRANSLATE_NOOP
from ui.view_context import ViewContext

TRANSLATION_CONTEXT = "CapabilityEditor"
# What each capability lets a user do, as the grid's column headers say it.
CAPABILITY_TITLES = {
    "administer": QT_TRANSLATE_NOOP("CapabilityEditor", "Administer"),
    "run_campaigns": QT_TRANSLATE_NOOP("CapabilityEditor", "Run campaigns"),
    "hand_off_leads": QT_TRANSLATE_NOOP("CapabilityEditor", "Hand off leads"),
    "receive_leads": QT_TRANSLATE_NOOP("CapabilityEditor", "Receive leads"),
    "edit_segments": QT_TRANSLATE_NOOP("CapabilityEditor", "Edit segments"),
    "import": QT_TRANSLATE_NOOP("CapabilityEditor", "Import"),
    "export": QT_TRANSLATE_NOOP("CapabilityEditor", "Export"),
}


def capability_title(capability: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, CAPABILITY_TITLES[capability])


class CapabilityEditor(QWidget):
    """Grant or withdraw capabilities per role (the admin's "Capabilities" page)."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.error = InlineError()
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("What each role may do besides reading and editing fields. Changes sync.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.error)
        layout.addWidget(self._grid_host)
        layout.addStretch(1)
        context.relay.changed.connect(self._on_store_changed)
        self.reload()

    @Slot()
    def reload(self) -> None:
        store = self._context.session.store

        def read(control: TaskControl) -> dict[str, frozenset[str]]:
            return role_capabilities(store)

        self._context.worker.submit(read, key=f"capabilities-{id(self)}", on_success=self._show)

    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & GOVERNANCE_ENTITIES:
            self.reload()

    def _show(self, granted: dict[str, frozenset[str]]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes.clear()
        for column, capability in enumerate(CAPABILITIES, start=1):
            header = QLabel(capability_title(capability))
            header.setWordWrap(True)
            self._grid.addWidget(header, 0, column)
        for row, (role, capabilities) in enumerate(sorted(granted.items()), start=1):
            self._grid.addWidget(QLabel(role_title(role)), row, 0)
            for column, capability in enumerate(CAPABILITIES, start=1):
                box = QCheckBox()
                box.setAccessibleName(
                    self.tr("%1 may: %2")
                    .replace("%1", role_title(role))
                    .replace("%2", capability_title(capability))
                )
                box.setChecked(capability in capabilities)
                box.toggled.connect(lambda _on, r=role: self._change(r))
                self._grid.addWidget(box, row, column, Qt.AlignmentFlag.AlignCenter)
                self.boxes[(role, capability)] = box

    def _change(self, role: str) -> None:
        store, actor = self._context.session.store, self._context.session.actor
        wanted = [c for c in CAPABILITIES if self.boxes[(role, c)].isChecked()]
        submit_admin_change(
            self._context.worker,
            lambda: set_capabilities(store, actor, role, wanted),
            self.error,
            on_refused=self.reload,
        )
