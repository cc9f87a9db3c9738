"""Request and response bodies of the sync endpoints (defined once, in sync_protocol)."""

from __future__ import annotations

from contactdesk.sync_protocol import (
    ConflictResolution,
    HistoryPage,
    KeptConflictView,
    PullResponse,
    PushRequest,
    PushResponse,
    RecordHistoryRequest,
    RecordHistoryResponse,
)

__all__ = [
    "ConflictResolution",
    "HistoryPage",
    "KeptConflictView",
    "PullResponse",
    "PushRequest",
    "PushResponse",
    "RecordHistoryRequest",
    "RecordHistoryResponse",
]
