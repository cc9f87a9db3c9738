"""Starting a session: open (or create) the store, then decide whom the app acts for.

Runs on the UI thread before the main window exists, when there is nothing yet
to keep responsive; the store is opened once and the user list is a few rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, list_users
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.sync.sync_state import signed_in_actor
from ui.app_session import AppSession
from ui.dialogs.user_picker_dialog import UserPickerDialog
from ui.settings import LAST_USER, read_option, write_option

DialogRunner = Callable[[UserPickerDialog], int]


def open_or_create_store(path: Path) -> Store:
    """The store at ``path``; a missing file becomes a new empty store.

    Seam for the first-run welcome (issue 9): when ``path`` does not exist, that
    dialog will offer the demo, an empty store or a server sign-in before this
    creates anything. Raises ContactDeskError with a plain message on failure.
    """
    if not path.exists():
        return create_empty_store(path)
    return open_store(path)


def create_empty_store(path: Path) -> Store:
    """A new store with the shipped roles and rules and no users."""
    return open_store(path)


def server_signed_in_user(store: Store) -> UserInfo | None:
    """The user this store is signed in to a server as, or None when it is not signed in.

    When it returns a user, the app acts as that user and does not ask. The
    server's copy of the user (display name, territory) is used once a sync has
    brought it; right after sign-in the store knows only the name and role.
    """
    actor = signed_in_actor(store)
    if actor is None or actor.user_id is None:
        return None
    known = {user.id: user for user in list_users(store, include_inactive=True)}
    local = known.get(actor.user_id)
    # Role and team as the server said at sign-in: the local row may predate a change.
    return UserInfo(
        id=actor.user_id,
        username=actor.username,
        display_name=local.display_name if local else actor.username,
        role=actor.role,
        team=actor.team,
        territory=local.territory if local else None,
        is_team_lead=local.is_team_lead if local else False,
        active=True,
    )


def choose_session(
    store: Store,
    parent: QWidget | None = None,
    *,
    run_dialog: DialogRunner = UserPickerDialog.exec,
) -> AppSession | None:
    """The session to open: the signed-in user, a user picked from the store, or the owner.

    Returns None when the user cancels the picker. ``run_dialog`` runs the
    picker modally; tests pass one that picks and accepts.
    """
    signed_in = server_signed_in_user(store)
    if signed_in is not None:
        return AppSession(store, signed_in.actor(), signed_in)
    users = list_users(store)
    if not users:
        # A brand-new store: only its owner can work in it, with admin rights.
        return AppSession(store, Actor.system(), None)
    dialog = UserPickerDialog(users, last_username=read_option(LAST_USER), parent=parent)
    if run_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    user = dialog.chosen_user()
    if user is None:
        return None
    write_option(LAST_USER, user.username)
    return AppSession(store, user.actor(), user)
