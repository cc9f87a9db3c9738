"""JSON settings marketing owns, written inside a caller's unit of work.

Stored in the shared ``settings`` table (no new table, no migration), so they
sync like the hand-off rules do: each write is a logged change of the setting.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from contactdesk.model import Setting
from contactdesk.services.company_settings import write_setting
from contactdesk.services.unit_of_work import UnitOfWork


def read_in(work: UnitOfWork, key: str) -> Any:
    """A setting's value inside an open unit of work, or None when never written."""
    return work.session.scalar(select(Setting.value).where(Setting.key == key))


# Kept under its local name for the marketing modules that call it.
write_in = write_setting
