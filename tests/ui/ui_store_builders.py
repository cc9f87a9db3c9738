"""Ways UI tests put data and rules into a real store, through the services where they exist."""

from __future__ import annotations

from sqlalchemy import select

from contactdesk.model import FieldDefinition, FieldRule, Role
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.policy_cache import forget_policies
from contactdesk.store import Store


def add_contacts(store: Store, count: int, *, prefix: str = "Person") -> None:
    """``count`` unassigned contacts (visible to every role) at one company, in one unit."""
    system = Actor.system()
    account = unit_of_work.create(store, system, "account", {"name": "Acme Ltd"}).record_id
    with unit_of_work.unit_of_work(store, system) as work:
        for number in range(count):
            work.create(
                "contact",
                {
                    "display_name": f"{prefix} {number:04d}",
                    "email": f"{prefix.lower()}{number}@example.com",
                    "account_id": account,
                },
            )


def hide_from_role(store: Store, role: str, entity: str, field: str) -> None:
    """Set ``role``'s rule for ``entity.field`` to hidden directly, then drop cached policies."""
    with store.transaction() as session:
        rule = session.scalar(
            select(FieldRule)
            .join(Role, Role.id == FieldRule.role_id)
            .join(FieldDefinition, FieldDefinition.id == FieldRule.field_id)
            .where(Role.name == role)
            .where(FieldDefinition.entity == entity, FieldDefinition.name == field)
        )
        assert rule is not None, f"no rule for {role} on {entity}.{field}"
        rule.access = "hidden"
    forget_policies(store)
