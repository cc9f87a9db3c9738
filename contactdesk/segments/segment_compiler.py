"""Compile a segment definition into one SQL condition on ``contacts`` for one actor.

Field conditions reuse ``record_queries.condition_clause``, so segments check
fields, operators and values exactly as list filters do (except that "is", "is not"
and "is one of" on free text ignore case, on the NOCASE indexes of migration
20261202_segment_nocase): an unknown field, a
field the role may not see, a bad operator or value is refused here, before
any query runs; a custom field becomes a correlated EXISTS on ``custom_values``
there. The company's fields become ``account_id IN (...)``; related data
becomes EXISTS subqueries (``related_conditions``).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, select, true

from contactdesk.errors import ValidationError
from contactdesk.model import Account, Contact
from contactdesk.segments.related_conditions import CompileContext, related_clause
from contactdesk.segments.segment_definition import (
    ACCOUNT_PREFIX,
    FieldCondition,
    Group,
    Node,
    RelatedCondition,
    SegmentDefinition,
)
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import META_FIELDS, scope_clause
from contactdesk.services.record_queries import Condition, condition_clause

CONTACT = ENTITIES["contact"]
ACCOUNT = ENTITIES["account"]


def segment_clause(definition: SegmentDefinition, context: CompileContext) -> ColumnElement[bool]:
    """The WHERE clause selecting the definition's contacts, record scope included."""
    return and_(
        scope_clause(CONTACT, context.policy, context.actor), _group(definition.root, context)
    )


def _group(group: Group, context: CompileContext) -> ColumnElement[bool]:
    clauses = [_node(item, context) for item in group.items]
    if not clauses:
        return true()
    return and_(*clauses) if group.match == "all" else or_(*clauses)


def _node(node: Node, context: CompileContext) -> ColumnElement[bool]:
    if isinstance(node, Group):
        return _group(node, context)
    if isinstance(node, RelatedCondition):
        return related_clause(context, node.related, node.op, node.value)
    return _field(node, context)


def _field(condition: FieldCondition, context: CompileContext) -> ColumnElement[bool]:
    if condition.field.startswith(ACCOUNT_PREFIX):
        name = condition.field[len(ACCOUNT_PREFIX) :]
        _require_known(ACCOUNT.name, name, context)
        companies = select(Account.id).where(
            condition_clause(
                ACCOUNT,
                context.policy,
                Condition(name, condition.op, condition.value),
                fold_case=True,
            ),
            scope_clause(ACCOUNT, context.policy, context.actor),
        )
        return Contact.account_id.in_(companies)
    _require_known(CONTACT.name, condition.field, context)
    return condition_clause(
        CONTACT,
        context.policy,
        Condition(condition.field, condition.op, condition.value),
        fold_case=True,
    )


def _require_known(entity: str, name: str, context: CompileContext) -> None:
    # An unknown name must say "no such field", not "may not see": the latter
    # would suggest that the field exists and is being kept from the user.
    known = name in ENTITIES[entity].by_name or name in META_FIELDS
    if not known and context.policy.custom_by_name(entity, name) is None:
        raise ValidationError(f"{entity}.{name}", "no such field")
