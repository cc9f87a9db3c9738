"""First run, from the welcome dialog's choice to an open store.

Runs on the UI thread before the main window exists. The demo was written by the
dialog (on the worker); an empty store is created with the first admin the dialog
asked for (``create_store``, as ``contactdesk init``); a server connection starts
from a new empty store, then signed in through ``server_sign_in``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from contactdesk.services.new_store import create_store
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from ui.database_worker import DatabaseWorker
from ui.first_run.server_sign_in import server_sign_in_available, sign_in
from ui.first_run.welcome_dialog import FirstRunChoice, WelcomeDialog
from ui.session_start import create_empty_store

DialogRunner = Callable[[WelcomeDialog], int]
SignIn = Callable[[Store, QWidget | None], bool]


def open_first_store(
    path: Path,
    parent: QWidget | None = None,
    *,
    run_dialog: DialogRunner = WelcomeDialog.exec,
    server_available: bool | None = None,
    run_sign_in: SignIn = sign_in,
    demo_contacts: int | None = None,
) -> Store | None:
    """Ask how to start and open the store at ``path``; None when the user closed the welcome.

    Tests pass ``run_dialog`` (clicks a choice), ``server_available`` and
    ``run_sign_in`` instead of the real sync dialog, and a small demo.
    """
    worker = DatabaseWorker()
    try:
        options = {} if demo_contacts is None else {"demo_contacts": demo_contacts}
        dialog = WelcomeDialog(
            path,
            worker,
            server_available=(
                server_sign_in_available() if server_available is None else server_available
            ),
            parent=parent,
            **options,
        )
        accepted = run_dialog(dialog) == QDialog.DialogCode.Accepted
        worker.wait_until_idle()
        choice = dialog.choice
        first_admin = dialog.first_admin
        dialog.deleteLater()
    finally:
        worker.shutdown()
    if not accepted or choice is None:
        return None
    if choice is FirstRunChoice.DEMO:
        return open_store(path)
    if choice is FirstRunChoice.EMPTY and first_admin is not None:
        create_store(
            path,
            first_admin.username,
            company=first_admin.company,
            admin_display_name=first_admin.display_name,
        )
        return open_store(path)
    store = create_empty_store(path)
    if choice is FirstRunChoice.SERVER:
        run_sign_in(store, parent)
    return store
