"""Renders each view offscreen to a PNG: ``python -m ui.screenshots --out docs/screenshots``.

Each scene is a function that builds a widget from a SceneContext; register it
with ``@scene("name")`` and it is rendered to ``name.png``. Adding a view to the
screenshots is one decorated function here. Without ``--store`` the scenes run
on a fresh deterministic demo store (``contactdesk.demo``), so the pictures only
change when the code does.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Offscreen unless told otherwise: the script runs in CI and on machines without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from contactdesk.demo import generate_demo
from contactdesk.demo.demo_history import add_colleague_changes
from contactdesk.services import unit_of_work
from contactdesk.services.directory import UserInfo, list_users
from contactdesk.services.record_queries import page_records
from contactdesk.store import Store, open_store
from ui.admin.admin_screenshot_scenes import ADMIN_SCENES
from ui.app import application
from ui.app_session import AppSession
from ui.app_shell_scenes import APP_SHELL_SCENES
from ui.data_transfer.data_transfer_scenes import DATA_TRANSFER_SCENES
from ui.database_worker import DatabaseWorker
from ui.dialogs.user_picker_dialog import UserPickerDialog
from ui.forms.record_form_dialog import RecordFormDialog
from ui.main_window import MainWindow
from ui.marketing.marketing_scenes import MARKETING_SCENES
from ui.marketing_tools.marketing_tools_scenes import MARKETING_TOOLS_SCENES
from ui.sales.sales_screenshot_scenes import SALES_SCENES
from ui.store_changes import StoreChangeRelay
from ui.sync.sync_scenes import SYNC_SCENES
from ui.view_context import ViewContext
from ui.views.contact_list_view import ContactListView

WINDOW_SIZE = (1280, 800)
DEMO_CONTACTS = 2000
DEMO_SEED = 7
SETTLE_MS = 400


@dataclass
class SceneContext:
    """What a scene builds from: the store, sessions for its users, and a way to settle."""

    store: Store
    _contexts: list[ViewContext] = field(default_factory=list)

    def user(self, role: str) -> UserInfo:
        """The first user (by name) with ``role``; the demo has several of each."""
        users = [user for user in list_users(self.store) if user.role == role]
        if not users:
            raise SystemExit(f"the store has no {role} user to take screenshots as")
        return users[0]

    def session(self, role: str) -> AppSession:
        user = self.user(role)
        return AppSession(self.store, user.actor(), user)

    def view_context(self, role: str) -> ViewContext:
        """A view context acting as the first user of ``role``, with its own worker."""
        context = ViewContext(self.session(role), DatabaseWorker(), StoreChangeRelay(self.store))
        self._contexts.append(context)
        return context

    def main_window(self, role: str) -> MainWindow:
        window = MainWindow(self.view_context(role))
        window.resize(*WINDOW_SIZE)
        return window

    def settle(self, until: Callable[[], bool] | None = None, timeout_ms: int = 10_000) -> None:
        """Let timers fire and database work finish (and ``until`` hold) before grabbing."""
        clock = QElapsedTimer()
        clock.start()
        while clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            time.sleep(0.01)
            for context in self._contexts:
                context.worker.wait_until_idle(100)
            if clock.elapsed() >= SETTLE_MS and (until is None or until()):
                return
        raise SystemExit("a scene did not settle in time")

    def close(self) -> None:
        for context in self._contexts:
            context.worker.shutdown()
            context.relay.detach()


Scene = Callable[[SceneContext], QWidget]
SCENES: dict[str, Scene] = {}


def scene(name: str) -> Callable[[Scene], Scene]:
    """Register a scene rendered to ``<name>.png``."""

    def register(build: Scene) -> Scene:
        SCENES[name] = build
        return build

    return register


# -- scenes --------------------------------------------------------------------


@scene("main_window_sales")
def main_window_sales(context: SceneContext) -> QWidget:
    return context.main_window("sales")


@scene("main_window_marketing")
def main_window_marketing(context: SceneContext) -> QWidget:
    return context.main_window("marketing")


@scene("contact_search")
def contact_search(context: SceneContext) -> QWidget:
    window = context.main_window("marketing")
    window.show()
    page = window.pages.currentWidget()
    assert isinstance(page, ContactListView)
    page.search_box.setText("ma")
    context.settle(lambda: page.search_model.query == "ma")
    return window


@scene("contact_detail")
def contact_detail(context: SceneContext) -> QWidget:
    view = context.view_context("marketing")
    record = page_records(view.session.store, view.session.actor, "contact", limit=1).rows[0]
    dialog = RecordFormDialog(view.session, view.worker, "contact", record["id"])
    dialog.resize(560, 640)
    context.settle(lambda: dialog.form.definition is not None)
    return dialog


@scene("contact_history")
def contact_history(context: SceneContext) -> QWidget:
    view = context.view_context("sales")
    store, actor = view.session.store, view.session.actor
    record = page_records(store, actor, "contact", limit=1).rows[0]
    marketer, admin = context.user("marketing").username, context.user("admin").username
    day = datetime(2026, 11, 16, 9, 30, tzinfo=UTC)
    add_colleague_changes(
        store,
        "contact",
        record["id"],
        [
            (admin, day, {"city": ("Bristol", record.get("city"))}),
            (marketer, day + timedelta(days=2, hours=5), {"title": ("Buyer", record.get("title"))}),
        ],
    )
    unit_of_work.update(store, actor, "contact", record["id"], {"notes": "Asked for the ROI sheet"})
    dialog = RecordFormDialog(view.session, view.worker, "contact", record["id"])
    dialog.resize(760, 520)
    dialog.show_history()
    context.settle(lambda: bool(dialog.history and dialog.history.rows()))
    return dialog


@scene("user_picker")
def user_picker(context: SceneContext) -> QWidget:
    dialog = UserPickerDialog(list_users(context.store))
    dialog.resize(560, 420)
    return dialog


SCENES.update(MARKETING_SCENES)  # type: ignore[arg-type]  # marketing's scenes, ui/marketing

# Marketing's working tools (campaigns, collateral, launch brief, lead list).
SCENES.update(MARKETING_TOOLS_SCENES)


# The admin view's scenes (rule matrix, custom fields, funnel, preview as role).
SCENES.update(ADMIN_SCENES)

# The sales view's scenes (week plan, contact card, call dialog, lead inbox).
SCENES.update(SALES_SCENES)


# The app shell's scenes (first-run welcome, preferences, a view in German).
SCENES.update(APP_SHELL_SCENES)

# Import wizard, duplicate review and export dialog (ui/data_transfer).
SCENES.update(DATA_TRANSFER_SCENES)

# Sign-in, the status bar's sync corner, a first sync's progress, the conflict center (ui/sync).
SCENES.update(SYNC_SCENES)


# -- rendering -----------------------------------------------------------------


def render(names: list[str], store: Store, out: Path) -> list[Path]:
    """Render the named scenes of ``SCENES`` to PNGs in ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    context = SceneContext(store)
    try:
        for name in names:
            widget = SCENES[name](context)
            widget.show()
            context.settle()
            target = out / f"{name}.png"
            if not widget.grab().save(str(target)):
                raise SystemExit(f"could not write {target}")
            widget.close()
            widget.deleteLater()
            written.append(target)
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--store", type=Path, help="store to show (default: a fresh demo)")
    parser.add_argument("--scene", action="append", choices=sorted(SCENES), help="only these")
    args = parser.parse_args(argv)
    application()
    with tempfile.TemporaryDirectory() as scratch:
        # Screenshots must not read or change the user's real settings (window size, last user).
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, scratch)
        store_path = args.store
        if store_path is None:
            store_path = Path(scratch) / "demo.db"
            generate_demo(store_path, contacts=DEMO_CONTACTS, seed=DEMO_SEED)
        store = open_store(store_path)
        try:
            for path in render(args.scene or list(SCENES), store, args.out):
                print(path)
        finally:
            store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
