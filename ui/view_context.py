"""What a view is given when the main window builds it."""

from __future__ import annotations

from dataclasses import dataclass

from ui.app_session import AppSession
from ui.database_worker import DatabaseWorker
from ui.store_changes import StoreChangeRelay


@dataclass(frozen=True)
class ViewContext:
    """The session (store + actor), the database worker, and the store's change signal.

    Views run service calls that may take time through ``worker`` and refresh
    from ``relay.changed`` (connect QObject slots, so Qt queues them to the UI thread).
    """

    session: AppSession
    worker: DatabaseWorker
    relay: StoreChangeRelay
