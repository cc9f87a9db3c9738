"""What a screenshot scene builds from: the store, sessions for its users, and a way to settle."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QElapsedTimer
from PySide6.QtWidgets import QWidget

from contactdesk.services.directory import UserInfo, list_users
from contactdesk.store import Store
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.main_window import MainWindow
from ui.store_changes import StoreChangeRelay
from ui.view_context import ViewContext

WINDOW_SIZE = (1280, 800)
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
