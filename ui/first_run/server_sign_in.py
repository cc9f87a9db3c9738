"""The seam to the sync sign-in dialog (ui/sync, issue 7), found by name at run time.

The first-run welcome offers "Connect to a server" only when the sync front end
provides ``ui.sync.sign_in_dialog.SignInDialog``, a QDialog built as
``SignInDialog(store, parent)`` whose ``exec()`` signs the store in. Until then the
option is shown disabled, with a tooltip saying why.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from contactdesk.store import Store

SIGN_IN_MODULE = "ui.sync.sign_in_dialog"
SIGN_IN_CLASS = "SignInDialog"


def sign_in_dialog_class() -> Any | None:
    """The sync sign-in dialog class, or None while ui/sync does not provide one."""
    try:
        module = importlib.import_module(SIGN_IN_MODULE)
    except ModuleNotFoundError as error:
        if error.name is not None and SIGN_IN_MODULE.startswith(error.name):
            return None
        raise
    return getattr(module, SIGN_IN_CLASS, None)


def server_sign_in_available() -> bool:
    return sign_in_dialog_class() is not None


def sign_in(store: Store, parent: QWidget | None = None) -> bool:
    """Run the sign-in dialog on ``store``; True when the user signed in."""
    dialog_class = sign_in_dialog_class()
    if dialog_class is None:
        return False
    dialog = dialog_class(store, parent)
    return bool(dialog.exec() == QDialog.DialogCode.Accepted)
