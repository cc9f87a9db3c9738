"""Admins add, rename and retire custom fields; retiring keeps the data."""

from __future__ import annotations

from collections.abc import Sequence

from contactdesk.services import governance
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import require
from contactdesk.services.changes import ChangeSet
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store


def require_admin(store: Store, actor: Actor) -> None:
    """Refuse anyone whose role may not administer: governance is theirs alone."""
    require(store, actor, "administer", governance.GOVERNING)


def add_custom_field(
    store: Store,
    actor: Actor,
    entity: str,
    name: str,
    field_type: str,
    *,
    label: str | None = None,
    choices: Sequence[str] | None = None,
) -> ChangeSet:
    """Define a custom field on ``entity`` with a default rule for every role.

    Each role starts with the access it has to the record's title field: the roles
    that work on the record (edit its name) can fill the new field in at once, those
    that only read such records read it, and those that never see them do not.
    """
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        governance.add_field(
            work.session, work, entity, name, field_type, label=label, choices=choices
        )
    return ChangeSet(work.changes)


def update_custom_field(
    store: Store,
    actor: Actor,
    entity: str,
    name: str,
    *,
    label: str | None = None,
    choices: Sequence[str] | None = None,
    retired: bool | None = None,
) -> ChangeSet:
    """Relabel a custom field, change its choices, or retire/restore it (data is kept)."""
    require_admin(store, actor)
    with unit_of_work(store, actor) as work:
        definition = governance.field_named(work.session, entity, name)
        governance.change_field(
            work.session, work, definition, label=label, choices=choices, retired=retired
        )
    return ChangeSet(work.changes)
