"""Starting the desktop app: ``run(store_path)`` is what ``contactdesk`` calls with no subcommand.

Order: application, its names (QSettings files), icon and language -> open or
create the store (the first-run welcome when no store was named and the default
one does not exist yet) -> decide whom the app acts for -> main window. A
ContactDeskError on the way is shown in a message box with its own message,
never as a traceback. ``run_smoke_test`` is the bundle's self-check.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication, QMessageBox

from contactdesk import __version__
from contactdesk.errors import ContactDeskError
from contactdesk.paths import default_store_path
from contactdesk.services.capabilities import roles_with
from contactdesk.services.directory import list_users
from contactdesk.store import Store
from contactdesk.store.store_health import StoreUnusable
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.first_run.welcome_flow import open_first_store
from ui.main_thread_gc import collect_on_main_thread
from ui.main_window import MainWindow
from ui.platform_check import platform_problem
from ui.recovery.automatic_snapshots import AutomaticSnapshots
from ui.recovery.integrity_watch import IntegrityWatch
from ui.recovery.store_recovery import recover_store
from ui.resource_files import application_icon
from ui.session_start import choose_session, open_or_create_store
from ui.settings import APPLICATION, LANGUAGE, ORGANIZATION, read_option
from ui.store_changes import StoreChangeRelay
from ui.style import apply_style
from ui.translation import install_language
from ui.view_context import ViewContext


def application() -> QApplication:
    """The QApplication, created once, with the names QSettings and About use."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("contactdesk")
    app.setWindowIcon(application_icon())
    apply_style(app)
    install_language(app, read_option(LANGUAGE))
    collect_on_main_thread(app)
    return app


def build_main_window(session: AppSession, worker: DatabaseWorker | None = None) -> MainWindow:
    """The main window for ``session``, with its own database worker and change relay."""
    worker = worker or DatabaseWorker()
    relay = StoreChangeRelay(session.store)
    window = MainWindow(ViewContext(session, worker, relay))
    # The window owns both, so they live (and are cleaned up) with it.
    worker.setParent(window)
    relay.setParent(window)
    return window


def start(store_path: Path | None) -> tuple[Store, MainWindow] | None:
    """Open the store and build the window; None when the user quit or the store failed."""
    path = store_path if store_path is not None else default_store_path()
    try:
        if store_path is None and not path.exists():
            first = open_first_store(path)
            if first is None:
                return None
            store = first
        else:
            store = open_or_create_store(path)
    except StoreUnusable as problem:
        # A damaged, locked or unreadable store: offer the ways forward
        # (restore, re-sync, read-only) rather than just an error.
        recovered = recover_store(path, problem)
        if recovered is None:
            return None
        store = recovered
    except ContactDeskError as error:
        show_error(
            QCoreApplication.translate("App", "The store %1 could not be opened.\n\n%2")
            .replace("%1", str(path))
            .replace("%2", str(error))
        )
        return None
    try:
        session = choose_session(store)
        if session is None:
            store.close()
            return None
        window = build_main_window(session)
        _guard_store(store, window)
        keep_switching(window)
        return store, window
    except ContactDeskError as error:
        store.close()
        show_error(str(error))
        return None


# The window on screen: a switch replaces it, and Python must hold the new one.
OPEN_WINDOWS: list[MainWindow] = []


def keep_switching(window: MainWindow) -> None:
    """When ``window``'s user switches (File › Switch User…), open the new session's window.

    The new window is shown before the old one closes, so the app does not quit
    and the store stays open; the old window stops its worker, relay and sync.
    """
    OPEN_WINDOWS.append(window)

    def replace(session: AppSession) -> None:
        new_window = build_main_window(session)
        _guard_store(session.store, new_window)
        keep_switching(new_window)
        new_window.show()
        window.close()
        OPEN_WINDOWS.remove(window)

    window.user_switcher.switched.connect(replace)


def _guard_store(store: Store, window: MainWindow) -> None:
    """Start-up and daily snapshots, and the full integrity check, on the window's worker."""
    if store.path is None:
        return
    worker = window.context.worker
    AutomaticSnapshots(store.path, worker, parent=window).start()
    IntegrityWatch(store.path, worker, parent=window).start()


def show_error(message: str) -> None:
    QMessageBox.critical(None, QCoreApplication.translate("App", "ContactDesk"), message)


# How long the smoke test waits for the window to appear (a loaded CI machine is slow).
SMOKE_TIMEOUT_MS = 30_000


def ensure_platform() -> None:
    """Raise a one-line ContactDeskError when Qt could not show a window here (no display...)."""
    problem = platform_problem()
    if problem is not None:
        raise ContactDeskError(problem)


def run(store_path: Path | None) -> int:
    """Run the desktop app until its window closes; returns the exit code."""
    ensure_platform()
    app = application()
    started = start(store_path)
    if started is None:
        return 1
    store, window = started
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


def run_smoke_test(
    store_path: Path, screenshot: Path | None = None, timeout_ms: int = SMOKE_TIMEOUT_MS
) -> int:
    """Open ``store_path`` (migrating it), show the main window, quit once it is on screen.

    Acts as the store's first administrator (or its owner when it has no users),
    so no dialog waits for input. "On screen" means the platform exposed the window
    (under X: mapped by the server), not merely ``show()`` called. ``screenshot``
    saves what the screen then shows (the X server's picture under xcb). Prints the
    window title; 0 when it all worked, 1 when the window never appeared.
    """
    try:
        ensure_platform()
        app = application()
        store = open_or_create_store(store_path)
    except ContactDeskError as error:
        print(f"contactdesk: {error}", file=sys.stderr)
        return 1
    try:
        users = list_users(store)
        administering = roles_with(store, "administer")
        admins = [user for user in users if user.role in administering] or users
        session = (
            AppSession(store, admins[0].actor(), admins[0]) if admins else choose_session(store)
        )
        if session is None:
            return 1
        window = build_main_window(session)
        window.show()
        if not _wait_until_exposed(app, window, timeout_ms):
            print(
                f"contactdesk: the main window did not appear within {timeout_ms} ms",
                file=sys.stderr,
            )
            return 1
        if screenshot is not None and not _save_screen(window, screenshot):
            print(f"contactdesk: could not save the screenshot {screenshot}", file=sys.stderr)
            return 1
        print(f"window shown: {window.windowTitle()} ({window.pages.count()} pages)")
        window.close()
        return 0
    finally:
        store.close()


def _wait_until_exposed(app: QApplication, window: MainWindow, timeout_ms: int) -> bool:
    deadline = QDeadlineTimer(timeout_ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            # One more round so the first paint reaches the screen before a grab.
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 200)
            return True
    return False


def _save_screen(window: MainWindow, path: Path) -> bool:
    """The whole screen as the display shows it (falls back to the window's own picture)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = window.screen().grabWindow(0)
    if picture.isNull():
        picture = window.grab()
    return picture.save(str(path))


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
