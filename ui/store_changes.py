"""Brings the store's change notices onto the UI thread.

The store calls its listeners on whichever thread committed the change (usually
the database worker). Widgets and models must only be touched on the UI thread,
so the listener does nothing but emit a signal; Qt queues it to the receivers'
thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from contactdesk.services.changes import ChangeSet
from contactdesk.store import Store


class StoreChangeRelay(QObject):
    """Re-emits each committed ChangeSet of ``store`` as ``changed`` (a queued signal)."""

    changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        store.add_listener(self._on_store_change)

    def _on_store_change(self, changes: ChangeSet) -> None:
        # Runs on the writing thread: emitting is the only safe thing to do here.
        self.changed.emit(changes)

    def detach(self) -> None:
        """Stop listening; call before the store closes."""
        self._store.remove_listener(self._on_store_change)
