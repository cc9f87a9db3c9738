"""JSON settings marketing owns, written inside a caller's unit of work.

Stored in the shared ``settings`` table (no new table, no migration), so they
sync like the hand-off rules do: each write is a logged change of the setting.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from contactdesk.model import Setting
from contactdesk.services.changes import Change
from contactdesk.services.unit_of_work import UnitOfWork


def read_in(work: UnitOfWork, key: str) -> Any:
    """A setting's value inside an open unit of work, or None when never written."""
    return work.session.scalar(select(Setting.value).where(Setting.key == key))


def write_in(work: UnitOfWork, key: str, value: Any) -> None:
    """Create or replace setting ``key`` in ``work``'s transaction, logging the change."""
    setting = work.session.scalar(select(Setting).where(Setting.key == key))
    if setting is None:
        setting = Setting(key=key, value=value)
        work.session.add(setting)
        work.session.flush()
        work.record_change(Change("setting", setting.id, "create", {key: (None, value)}))
    elif setting.value != value:
        work.record_change(Change("setting", setting.id, "update", {key: (setting.value, value)}))
        setting.value = value
