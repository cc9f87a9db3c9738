"""What a view is given when the main window builds it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.store_changes import StoreChangeRelay
from ui.undo_history import UndoHistory


@dataclass(frozen=True)
class ViewContext:
    """The session (store + actor), the database worker, and the store's change signal.

    Views run service calls that may take time through ``worker`` and refresh
    from ``relay.changed`` (connect QObject slots, so Qt queues them to the UI thread).
    ``undo`` is the window's undo history (``ui.undo_history.submit_undoable``).
    """

    session: AppSession
    worker: DatabaseWorker
    relay: StoreChangeRelay
    undo: UndoHistory = field(default_factory=UndoHistory)
