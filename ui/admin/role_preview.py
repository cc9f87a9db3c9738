"""Preview as role: the admin picks a role and sees exactly what its users see.

Every surface is built for ``Actor.for_role(role)`` and reads through the same
services as the role's own clients, so the preview cannot show more than the
rules allow. Picking another role, or a rule change, rebuilds the surfaces.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.directory import role_names
from contactdesk.services.governance_records import GOVERNANCE_ENTITIES
from ui.admin.preview_surfaces import PREVIEW_SURFACES
from ui.app_session import role_title
from ui.database_worker import TaskControl
from ui.view_context import ViewContext

REBUILD_DELAY_MS = 100


class RolePreview(QWidget):
    """A role picker over one tab per preview surface."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.session.store
        self._worker = context.worker
        self.role_input = QComboBox()
        self.role_input.setAccessibleName(self.tr("Preview as role"))
        self.role_input.currentIndexChanged.connect(self.rebuild)
        self.surfaces = QTabWidget()
        self.surfaces.setDocumentMode(True)
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("See the app as:")))
        picker.addWidget(self.role_input)
        picker.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.surfaces, 1)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_DELAY_MS)
        self._rebuild_timer.timeout.connect(self._reload_roles)
        context.relay.changed.connect(self._on_store_changed)
        self._reload_roles()

    def show_role(self, role: str) -> None:
        self.role_input.setCurrentIndex(self.role_input.findData(role))

    def surface(self, index: int) -> QWidget:
        widget = self.surfaces.widget(index)
        assert widget is not None, f"no preview surface {index}"
        return widget

    @Slot()
    def _reload_roles(self) -> None:
        store = self._store

        def read(control: TaskControl) -> list[str]:
            return role_names(store)

        self._worker.submit(read, on_success=self._show_roles)

    def _show_roles(self, roles: list[str]) -> None:
        current = self.role_input.currentData() or ("sales" if "sales" in roles else None)
        self.role_input.blockSignals(True)
        self.role_input.clear()
        for role in roles:
            self.role_input.addItem(role_title(role), role)
        self.role_input.setCurrentIndex(max(self.role_input.findData(current), 0))
        self.role_input.blockSignals(False)
        self.rebuild()

    @Slot()
    def rebuild(self) -> None:
        role = self.role_input.currentData()
        current_tab = self.surfaces.currentIndex()
        while self.surfaces.count():
            page = self.surfaces.widget(0)
            self.surfaces.removeTab(0)
            if page is not None:
                page.deleteLater()
        if role is None:
            return
        actor = Actor.for_role(role)
        for surface in PREVIEW_SURFACES:
            page = surface.factory(self._store, actor, self._worker)
            self.surfaces.addTab(page, surface.translated_title())
        self.surfaces.setCurrentIndex(max(current_tab, 0))

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if changes.entities() & GOVERNANCE_ENTITIES:
            self._rebuild_timer.start()
