"""Screenshot scenes of sync, for ``screenshots``: sign-in, the status bar, the conflict center.

The status bar and conflict center need a signed-in store with pending edits
and kept conflicts; they are built in a small store of their own (a scratch
folder), never in the store the other scenes show. The conflicts are kept
through ``contactdesk.sync.conflicts`` exactly as a push answer keeps them.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QWidget

from contactdesk.demo import generate_demo
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, list_users
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.sync import conflicts
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.sync_state import mark_synced, read_status, remember_sign_in
from contactdesk.sync_protocol import (
    AppPasswordCreated,
    AppPasswordView,
    ChangeOutcome,
    FieldConflict,
    PushedChange,
)
from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.main_window import MainWindow
from ui.store_changes import StoreChangeRelay
from ui.sync.conflict_center import ConflictCenterDialog
from ui.sync.phone_access_dialog import PhoneAccessDialog
from ui.sync.sign_in_dialog import SignInDialog
from ui.view_context import ViewContext

if TYPE_CHECKING:
    from contactdesk.sync.server_client import ServerClient
    from screenshots.scene_context import SceneContext

SERVER_URL = "https://contactdesk.example.com"
SCENE_CONTACTS = 60
# A fixed clock, so the pictures change only when the code does.
NOW = datetime(2025, 3, 14, 9, 42, tzinfo=UTC)
# field, original, mine, theirs, who changed theirs, minutes before NOW
CONFLICTS = (
    ("title", "Buyer", "Head of Procurement", "Procurement Lead", 95),
    ("phone", "+44 20 7946 0018", "+44 20 7946 0958", "+44 7700 900 461", 40),
    ("notes", "Prefers email", "Call after 3 pm; budget signed off", "Wants a demo first", 12),
)


class _SyncSceneStore:
    """A small demo store signed in as its first sales rep, made once per render."""

    store: Store | None = None

    @classmethod
    def get(cls) -> Store:
        if cls.store is None:
            path = Path(tempfile.mkdtemp(prefix="contactdesk-sync-scenes-")) / "sync.db"
            generate_demo(path, contacts=SCENE_CONTACTS, seed=7)
            cls.store = open_store(path)
            _prepare(cls.store)
        return cls.store


def _rep(store: Store) -> UserInfo:
    return next(user for user in list_users(store) if user.role == "sales")


def _prepare(store: Store) -> None:
    rep = _rep(store)
    actor = rep.actor()
    remember_sign_in(store, SERVER_URL, actor)
    mark_synced(store, NOW - timedelta(minutes=7))
    record = unit_of_work.create(
        store, actor, "contact", {"display_name": "Carla Conflict", "title": "Head of Procurement"}
    ).record_id
    for name in ("Pia Pending", "Otto Offline"):
        unit_of_work.create(store, actor, "contact", {"display_name": name})
    other = next(user for user in list_users(store) if user.role == "marketing")
    _keep_conflicts(store, actor, record, other.username)


def _keep_conflicts(store: Store, actor: Actor, record_id: uuid.UUID, other: str) -> None:
    change = PushedChange(
        change_id=uuid.uuid4(),
        entity="contact",
        record_id=record_id,
        op="update",
        base_version=3,
        fields={field: mine for field, _original, mine, _theirs, _ago in CONFLICTS},
    )
    outcome = ChangeOutcome(
        change_id=change.change_id,
        status="conflict",
        version=5,
        conflicts=[
            FieldConflict(
                field=field,
                original=original,
                mine=mine,
                theirs=theirs,
                server_version=5,
                changed_by=other,
                changed_at=NOW - timedelta(minutes=ago),
            )
            for field, original, mine, theirs, ago in CONFLICTS
        ],
    )
    with store.transaction() as session:
        conflicts.keep_outcome(session, change, outcome, "Carla Conflict")


def _rep_context(context: SceneContext) -> ViewContext:
    store = _SyncSceneStore.get()
    rep = _rep(store)
    view_context = ViewContext(
        AppSession(store, rep.actor(), rep), DatabaseWorker(), StoreChangeRelay(store)
    )
    # The scene context shuts the worker down and detaches the relay after rendering.
    context._contexts.append(view_context)
    return view_context


def sync_sign_in(context: SceneContext) -> QWidget:
    dialog = SignInDialog(context.store, None, server_url=SERVER_URL, tokens=TokenStore())
    dialog.user_edit.setText("sam")
    dialog.password_edit.setText("correct-horse")
    dialog.resize(480, 300)
    return dialog


def sync_status_bar(context: SceneContext) -> QWidget:
    view_context = _rep_context(context)
    window = MainWindow(view_context)
    window.resize(1280, 800)
    controller = window.sync_controller
    context.settle(lambda: controller.status is not None)
    # No server behind the scene: show the store's real status, not "sign in again".
    controller.stop()
    status = read_status(view_context.session.store)
    controller.widget.show_status(status)
    controller.widget.syncing(False)
    return window


def sync_first_sync_progress(context: SceneContext) -> QWidget:
    view_context = _rep_context(context)
    window = MainWindow(view_context)
    window.resize(1280, 800)
    controller = window.sync_controller
    context.settle(lambda: controller.status is not None)
    controller.stop()
    controller.widget.show_status(read_status(view_context.session.store))
    controller.widget.syncing(True)
    controller.widget.show_progress(42_000, 100_000)
    return window


def sync_conflict_center(context: SceneContext) -> QWidget:
    view_context = _rep_context(context)
    dialog = ConflictCenterDialog(
        view_context.session.store, view_context.session.actor, view_context.worker
    )
    context.settle(lambda: dialog.table.rowCount() == len(CONFLICTS))
    return dialog


class _PhonePasswords:
    """The app passwords a scene shows: a stand-in for the server, none being behind it."""

    def __init__(self) -> None:
        made = datetime(2026, 11, 30, 8, 15, tzinfo=UTC)
        self.rows = [
            AppPasswordView(
                id=uuid.UUID(int=1), label="iPhone", created_at=made, last_used_at=made
            ),
        ]

    def app_passwords(self) -> list[AppPasswordView]:
        return list(self.rows)

    def create_app_password(self, label: str) -> AppPasswordCreated:
        made = AppPasswordCreated(
            id=uuid.UUID(int=2),
            label=label,
            created_at=datetime(2026, 12, 2, 9, 30, tzinfo=UTC),
            password="kq7m2x-hp4wza-n8tr3e-vd6ycs",
        )
        self.rows.append(AppPasswordView.model_validate(made.model_dump(exclude={"password"})))
        return made

    def close(self) -> None:
        return None


def sync_phone_access(context: SceneContext) -> QWidget:
    passwords = _PhonePasswords()
    dialog = PhoneAccessDialog(
        lambda: cast("ServerClient", passwords),
        SERVER_URL,
        "sam",
        DatabaseWorker(immediate=True),
    )
    dialog.label_edit.setText("Android (DAVx5)")
    dialog.create_password()
    dialog.resize(560, 480)
    return dialog


SYNC_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "sync_sign_in": sync_sign_in,
    "sync_status_bar": sync_status_bar,
    "sync_first_sync_progress": sync_first_sync_progress,
    "sync_conflict_center": sync_conflict_center,
    "sync_phone_access": sync_phone_access,
}
