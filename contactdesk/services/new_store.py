"""A new, empty store for a real team: the schema, the shipped defaults and its first admin.

The desktop's first run and ``contactdesk init`` both call ``create_store``; a
team starts from it instead of from the demo.
"""

from __future__ import annotations

from pathlib import Path

from contactdesk.errors import ContactDeskError, ValidationError
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import write_setting
from contactdesk.services.directory import UserInfo, create_user, find_user
from contactdesk.services.store_opening import open_store
from contactdesk.services.unit_of_work import unit_of_work

COMPANY_SETTING = "company_name"


def create_store(
    path: Path | str,
    admin: str,
    *,
    company: str | None = None,
    admin_display_name: str | None = None,
) -> UserInfo:
    """Create the store at ``path`` with its first admin; returns that admin.

    Refuses a path that exists (a store, or any other file): creating a store
    never opens, changes or replaces one. On failure the new file is removed
    again, so a retry finds nothing half-made.
    """
    path = Path(path)
    if path.exists():
        raise ContactDeskError(f"{path} already exists; a new store needs a new path")
    if company is not None and not company.strip():
        raise ValidationError("company", "must not be empty")
    store = open_store(path)
    try:
        create_user(store, Actor.system(), admin, display_name=admin_display_name, role="admin")
        if company is not None:
            with unit_of_work(store, Actor.system()) as work:
                write_setting(work, COMPANY_SETTING, company.strip())
        first_admin = find_user(store, admin.strip())
    except BaseException:
        store.engine.dispose()
        _remove_store_files(path)
        raise
    store.close()
    return first_admin


def _remove_store_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
