"""The main window: the current role's pages, menus with standard shortcuts, a status bar.

Pages come from ``ui.role_views`` (role -> views); the window knows nothing about
what a page does beyond the optional ``focus_search()``.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from contactdesk import __version__
from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_queries import count_records
from ui.database_worker import TaskControl
from ui.role_views import views_for
from ui.settings import MAIN_WINDOW_GEOMETRY, read_option, write_option
from ui.view_context import ViewContext

COUNT_TASK_KEY = "status-contact-count"
COUNT_REFRESH_DELAY_MS = 250


class MainWindow(QMainWindow):
    """Hosts the pages of the session's role; shows who is working on which store."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._session = context.session
        self.setWindowTitle(
            self.tr("ContactDesk — %1 (%2)")
            .replace("%1", self._session.display_name)
            .replace("%2", self._session.role_title)
        )
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.setTabBarAutoHide(True)
        self.setCentralWidget(self.pages)
        self._page_actions: list[QAction] = []
        for role_view in views_for(self._session.actor.role):
            self.pages.addTab(role_view.factory(context), role_view.translated_title())

        self._build_menus()
        self._build_status_bar()
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_REFRESH_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_record_count)
        context.relay.changed.connect(self._on_store_changed)
        self.refresh_record_count()
        geometry = read_option(MAIN_WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    @property
    def context(self) -> ViewContext:
        return self._context

    # -- menus ------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        view_menu.addAction(self.find_action)
        view_menu.addSeparator()
        for index in range(self.pages.count()):
            action = QAction(self.pages.tabText(index), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(
                lambda _checked=False, page=index: self.pages.setCurrentIndex(page)
            )
            view_menu.addAction(action)
            self._page_actions.append(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About ContactDesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(
            self.tr("%1 · %2")
            .replace("%1", self._session.display_name)
            .replace("%2", self._session.role_title)
        )
        self.user_label.setAccessibleName(self.tr("Signed in as"))
        store_path = str(self._session.store.path or "")
        self.store_label = QLabel(self.tr("Store: %1").replace("%1", store_path))
        self.store_label.setToolTip(store_path)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Contact count"))
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.store_label, 1)
        status.addPermanentWidget(self.count_label)

    # -- actions ----------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        page = self.pages.currentWidget()
        focus = getattr(page, "focus_search", None)
        if callable(focus):
            focus()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About ContactDesk"), self.about_text())

    def about_text(self) -> str:
        return (
            self.tr(
                "ContactDesk %1\n\nContact management for sales and marketing teams.\n\nStore: %2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self._session.store.path or ""))
        )

    # -- status -----------------------------------------------------------------

    @Slot()
    def refresh_record_count(self) -> None:
        """Count the contacts this user may see, on the worker: a count grows with the store."""
        store, actor = self._session.store, self._session.actor

        def count(control: TaskControl) -> int:
            return count_records(store, actor, "contact")

        self._context.worker.submit(count, key=COUNT_TASK_KEY, on_success=self._show_count)

    def _show_count(self, total: int) -> None:
        # %Ln: the count in the user's locale (1,234 / 1.234), plural form by translation.
        self.count_label.setText(self.tr("%Ln contact(s)", "", total))

    @Slot(object)
    def _on_store_changed(self, changes: ChangeSet) -> None:
        if "contact" in changes.entities():
            self._count_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        write_option(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self._context.worker.shutdown()
        self._context.relay.detach()
        super().closeEvent(event)
