"""The known values of a segment field, for the builder's value pickers.

Read from an index, one seek per distinct value ("the first value after the
last one shown"), so listing the 40 regions of a million contacts reads 40 index
entries, not a million rows. Values differing only in case are one value, as the
segment's comparison ignores case (``record_queries`` folds "is" on free text);
the picker shows the first spelling found.

Offered for the fields with a case-insensitive index (migration
20261202_segment_nocase) and for custom text fields (their values' index is
``(field_id, value_text)``). The role's field rules and record scope apply: a
hidden field has no values, and only records the actor may see contribute.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, exists, select

from contactdesk.errors import ValidationError
from contactdesk.model import CustomValue
from contactdesk.segments.segment_definition import ACCOUNT_PREFIX
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import FREE_TEXT_TYPES
from contactdesk.store.local_store import Store

# Built-in fields with a NOCASE index, by entity (migration 20261202_segment_nocase).
INDEXED_TEXT = {
    "contact": ("title", "region", "country"),
    "account": ("industry", "region", "territory", "country"),
}
KNOWN_VALUES_LIMIT = 200


def has_known_values(policy: Policy, key: str) -> bool:
    """True when the builder can offer a list of known values for segment field ``key``."""
    entity, name = _split(key)
    if name in INDEXED_TEXT[entity]:
        return True
    custom = policy.custom_by_name(entity, name)
    return custom is not None and custom.type in FREE_TEXT_TYPES


def known_values(
    store: Store, actor: Actor, key: str, *, limit: int = KNOWN_VALUES_LIMIT
) -> list[str]:
    """Up to ``limit`` distinct values of segment field ``key`` among records ``actor`` sees.

    In case-insensitive alphabetical order. Raises AccessDenied for a hidden field
    and ValidationError for a field without a list of known values.
    """
    entity, name = _split(key)
    spec = ENTITIES[entity]
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        policy.require_visible(entity, name)
        if not has_known_values(policy, key):
            raise ValidationError(key, "this field has no list of known values")
        scope = scope_clause(spec, policy, actor)
        table: Any = spec.model.__table__
        step: Any
        if name in INDEXED_TEXT[entity]:
            folded = table.c[name].collate("NOCASE")
            step = (
                select(table.c[name])
                .where(folded > bindparam("last"), scope)
                .order_by(folded)
                .limit(1)
            )
        else:
            custom = policy.custom_by_name(entity, name)
            assert custom is not None  # has_known_values checked it
            values: Any = CustomValue.__table__.c
            step = (
                select(values.value_text)
                .where(values.field_id == custom.id, values.value_text > bindparam("last"))
                .order_by(values.value_text)
                .limit(1)
            )
            # Only values of records the actor may see (one key probe per step).
            step = step.where(exists().where(table.c.id == values.record_id, scope))
        found: dict[str, str] = {}
        last = ""
        while len(found) < limit:
            value = session.scalar(step, {"last": last})
            if value is None:
                break
            found.setdefault(value.casefold(), value)
            last = value
    return sorted(found.values(), key=str.casefold)


def _split(key: str) -> tuple[str, str]:
    if key.startswith(ACCOUNT_PREFIX):
        return "account", key[len(ACCOUNT_PREFIX) :]
    return "contact", key
