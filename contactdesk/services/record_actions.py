"""Which record actions (create, edit, delete) a role's field rules allow on an entity.

Views ask this to show or enable their New / Edit / Delete buttons; the unit of
work still refuses what the rules forbid, so a button is presentation only.
Read from the role's rules (data an admin edits), never from the role's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store


@dataclass(frozen=True)
class RecordActions:
    create: bool
    edit: bool
    delete: bool


def record_actions(store: Store, actor: Actor, entity: str) -> RecordActions:
    """What ``actor`` may do with records of ``entity``.

    Create needs every required field editable (a record without them is refused);
    delete needs the title field editable, as ``UnitOfWork.delete`` checks.
    """
    spec = entity_spec(entity)
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        editable = {
            name for name in policy.visible_field_names(entity) if policy.can_edit(entity, name)
        }
    required = {field.name for field in spec.fields if field.required and not field.system}
    return RecordActions(
        create=bool(editable) and required <= editable,
        edit=bool(editable),
        delete=spec.title_field in editable,
    )
