"""The main window: the current role's pages, menus with standard shortcuts, a status bar.

Pages come from ``ui.role_views`` (role -> views); the window knows nothing about
what a page does beyond the optional ``focus_search()``, ``new_record()`` and
``save()`` its File and View actions call. Every action has the platform's
standard shortcut (``ui.help.standard_shortcuts``) or a menu mnemonic.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from contactdesk import __version__
from contactdesk.paths import data_dir
from contactdesk.services.changes import ChangeSet
from contactdesk.services.record_queries import count_records
from ui.data_transfer.transfer_actions import add_transfer_actions
from ui.database_worker import TaskControl
from ui.forms.record_form_dialog import RecordFormDialog
from ui.help.shortcuts_dialog import ShortcutsDialog
from ui.help.standard_shortcuts import StandardKey, standard_shortcuts
from ui.help.user_guide import user_guide_url
from ui.preferences.preferences_dialog import PreferencesDialog
from ui.role_views import ViewFactory, default_start_page, views_for
from ui.session_switch import UserSwitcher
from ui.settings import (
    LANGUAGE,
    MAIN_WINDOW_GEOMETRY,
    read_option,
    start_page_option,
    write_option,
)
from ui.style import lay_out_page
from ui.sync.sync_controller import SyncController
from ui.translation import install_language
from ui.view_context import ViewContext

COUNT_TASK_KEY = "status-contact-count"
COUNT_REFRESH_DELAY_MS = 250
# How long a status-bar confirmation ("Undone: ...") stays.
STATUS_MESSAGE_MS = 8000


class _PendingPage(QWidget):
    """A tab whose view is not built yet: ``MainWindow.page`` builds it on first show."""

    def __init__(self, factory: ViewFactory) -> None:
        super().__init__()
        self.factory = factory


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
        # Opens URLs (the user guide); tests replace it to see the URL without a browser.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        granted = self._session.capabilities()
        role_views = views_for(granted)
        # Only the page shown first is built now; the others when first shown (an
        # admin's four pages cost about as much to build as the rest of start-up).
        for role_view in role_views:
            # "&&": a title's "&" is text ("Campaigns & leads"), not a mnemonic.
            title = role_view.translated_title().replace("&", "&&")
            self.pages.addTab(_PendingPage(role_view.factory), title)
        role = self._session.actor.role
        start_page = read_option(start_page_option(role)) or default_start_page(granted)
        for index, role_view in enumerate(role_views):
            if start_page and role_view.title == start_page:
                self.pages.setCurrentIndex(index)
        if self.pages.count():
            self.page(self.pages.currentIndex())
        self.pages.currentChanged.connect(self._build_shown_page)

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

    def page(self, index: int) -> QWidget:
        """The view on tab ``index``, built now if it has not been shown yet."""
        widget = self.pages.widget(index)
        assert widget is not None, f"no page {index}"
        if not isinstance(widget, _PendingPage):
            return widget
        view = widget.factory(self._context)
        lay_out_page(view)  # PAGE_MARGINS and SPACING, alike on every page
        current, title = self.pages.currentIndex(), self.pages.tabText(index)
        # Swapped in place without telling listeners: to them the tab never changed.
        blocked = self.pages.blockSignals(True)
        try:
            self.pages.removeTab(index)
            self.pages.insertTab(index, view, title)
            self.pages.setCurrentIndex(current)
        finally:
            self.pages.blockSignals(blocked)
        widget.deleteLater()
        return view

    @Slot(int)
    def _build_shown_page(self, index: int) -> None:
        if index >= 0:
            self.page(index)

    # -- menus ------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], key: StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(key, StandardKey):
            action.setShortcuts(standard_shortcuts(key))
        elif key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        self.sync_controller = SyncController(self._context, self)
        # File › Switch User…: ui/app.py opens the new session's window on ``switched``.
        self.user_switcher = UserSwitcher(self._context, self, self.sync_controller.tokens)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(self.tr("&New Contact…"), self.new_record, StandardKey.New)
        self.save_action = self._action(self.tr("&Save"), self.save_page, StandardKey.Save)
        self.close_action = self._action(self.tr("&Close Window"), self.close, StandardKey.Close)
        self.quit_action = self._action(self.tr("&Quit"), self.quit_app, StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.new_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        # Import…, Export…, Find duplicates… for the roles that get them (ui/data_transfer).
        self.transfer_actions = add_transfer_actions(file_menu, self._context, self)
        file_menu.addSeparator()
        file_menu.addAction(self.user_switcher.action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo_last, StandardKey.Undo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        history = self._context.undo
        history.changed.connect(self._show_undo_state)
        history.undone.connect(
            lambda label: self.statusBar().showMessage(
                self.tr("Undone: %1").replace("%1", label), STATUS_MESSAGE_MS
            )
        )
        history.refused.connect(
            lambda reason: self.statusBar().showMessage(
                self.tr("Not undone: %1").replace("%1", reason), STATUS_MESSAGE_MS
            )
        )
        self._show_undo_state()
        self.find_action = self._action(self.tr("&Find…"), self.focus_search, StandardKey.Find)
        self.preferences_action = self._action(
            self.tr("&Preferences…"), self.show_preferences, StandardKey.Preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index in range(self.pages.count()):
            action = QAction(self.pages.tabText(index), self)
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(
                lambda _checked=False, page=index: self.pages.setCurrentIndex(page)
            )
            view_menu.addAction(action)
            self._page_actions.append(action)

        # Sync now, Conflicts…, Sign in…, Sign out; its status corner joins the status bar.
        self.sync_controller.add_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.user_guide_action = self._action(
            self.tr("ContactDesk &User Guide"), self.open_user_guide, StandardKey.HelpContents
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "Ctrl+/"
        )
        self.about_action = self._action(self.tr("&About ContactDesk"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        for action in (self.user_guide_action, self.shortcuts_action, self.about_action):
            help_menu.addAction(action)
        self.pages.currentChanged.connect(self._enable_page_actions)
        self._enable_page_actions()

    @Slot()
    def undo_last(self) -> None:
        """Undo the newest undoable action (accept, reject, stage move, call, delete)."""
        self._context.undo.undo_last(self._context)

    @Slot()
    def _show_undo_state(self) -> None:
        history = self._context.undo
        self.undo_action.setEnabled(history.can_undo)
        label = history.last_label
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", label) if label else self.tr("&Undo")
        )

    def _page_method(self, name: str) -> Callable[[], object] | None:
        method = getattr(self.pages.currentWidget(), name, None)
        return method if callable(method) else None

    @Slot()
    def _enable_page_actions(self) -> None:
        self.save_action.setEnabled(self._page_method("save") is not None)

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
    def new_record(self) -> None:
        """The page's own "new" (a campaign, a segment), else a new contact."""
        page_new = self._page_method("new_record")
        if page_new is not None:
            page_new()
            return
        dialog = RecordFormDialog(self._session, self._context.worker, "contact", None, parent=self)
        dialog.open()

    @Slot()
    def save_page(self) -> None:
        save = self._page_method("save")
        if save is not None:
            save()

    @Slot()
    def quit_app(self) -> None:
        self.close()

    @Slot()
    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self)
        dialog.accepted.connect(self._apply_preferences)
        dialog.open()
        return dialog

    @Slot()
    def _apply_preferences(self) -> None:
        # New windows and dialogs speak the new language at once; this one at next start.
        app = QCoreApplication.instance()
        if app is not None:
            install_language(app, read_option(LANGUAGE))

    @Slot()
    def open_user_guide(self) -> None:
        self.open_url(user_guide_url(self._session.actor.role))

    @Slot()
    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.open()
        return dialog

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About ContactDesk"), self.about_text())

    def about_text(self) -> str:
        return (
            self.tr(
                "ContactDesk %1\n\nContact management for sales and marketing teams.\n\n"
                "Store: %2\nData folder: %3"
            )
            .replace("%1", __version__)
            .replace("%2", str(self._session.store.path or ""))
            .replace("%3", str(data_dir()))
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
        self.sync_controller.stop()
        self._context.worker.shutdown()
        self._context.relay.detach()
        super().closeEvent(event)
