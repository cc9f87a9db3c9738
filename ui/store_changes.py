"""Brings the store's change notices onto the UI thread.

The store calls its listeners on whichever thread committed the change (usually
the database worker). Widgets and models must only be touched on the UI thread,
so the listener does nothing but emit a signal; Qt queues it to the receivers'
thread.

A relay is often a child of a widget that is deleted while the store lives on (a
form closed, the admin's role preview rebuilt after a rule change). It stops
listening when it is destroyed, and a notice that races with its deletion on the
writing thread is dropped: a deleted relay has no one left to tell.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Signal

from contactdesk.services.changes import ChangeSet
from contactdesk.store import Store


class StoreChangeRelay(QObject):
    """Re-emits each committed ChangeSet of ``store`` as ``changed`` (a queued signal)."""

    changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._listener = _forwarder(self, store)
        store.add_listener(self._listener)
        self.destroyed.connect(partial(store.remove_listener, self._listener))

    def detach(self) -> None:
        """Stop listening; call before the store closes."""
        self._store.remove_listener(self._listener)


def _forwarder(relay: StoreChangeRelay, store: Store) -> Callable[[ChangeSet], None]:
    def forward(changes: ChangeSet) -> None:
        # Runs on the writing thread: emitting is the only safe thing to do here.
        if not shiboken6.isValid(relay):
            store.remove_listener(forward)
            return
        try:
            relay.changed.emit(changes)
        except RuntimeError:
            # Deleted on the UI thread between the check and the emit.
            store.remove_listener(forward)

    return forward
