"""The shape of a segment: nested groups of conditions, read from and written to JSON.

A definition is plain data: the same JSON is stored in ``segments.definition``,
sent by sync, typed on the command line and built by the segment builder.

    {"version": 2, "root": {"match": "all", "items": [
        {"field": "title", "op": "in", "value": ["CFO", "CTO"]},
        {"field": "account.industry", "op": "eq", "value": "Healthcare"},
        {"related": "activity_within_days", "op": "within", "value": 30},
        {"match": "any", "items": [...]}]}}

Contact fields are named as they are (custom fields too); the company's fields
as ``account.<name>``. Related-data conditions name a kind from
``related_conditions.RELATED_KINDS``. The older flat form written by the demo
(``{"entity": "contact" | "account", "where": [conditions]}``) is read as one
"all" group. Parsing checks the shape only; whether a role may use a field is
checked when the definition is compiled for that role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from contactdesk.errors import ValidationError

MATCHES = ("all", "any")
ACCOUNT_PREFIX = "account."
DEFINITION_VERSION = 2


@dataclass(frozen=True)
class FieldCondition:
    """``field op value`` on a contact field, or on its company's (``account.<name>``)."""

    field: str
    op: str = "eq"
    value: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "op": self.op, "value": self.value}


@dataclass(frozen=True)
class RelatedCondition:
    """A condition on data linked to the contact (leads, opportunities, activities)."""

    related: str
    op: str = "eq"
    value: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"related": self.related, "op": self.op, "value": self.value}


@dataclass(frozen=True)
class Group:
    """Conditions and groups combined with AND (``all``) or OR (``any``); empty matches all."""

    match: str = "all"
    items: tuple[Node, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {"match": self.match, "items": [item.to_json() for item in self.items]}


Node = Union[FieldCondition, RelatedCondition, Group]  # noqa: UP007 - runtime alias used before 3.12 syntax


@dataclass(frozen=True)
class SegmentDefinition:
    """A whole segment definition: its root group."""

    root: Group = field(default_factory=Group)

    def to_json(self) -> dict[str, Any]:
        """The JSON-safe form stored in ``segments.definition``."""
        return {"version": DEFINITION_VERSION, "root": self.root.to_json()}

    def is_empty(self) -> bool:
        return not self.root.items


def parse_definition(data: Any) -> SegmentDefinition:
    """Read a stored or typed definition; ValidationError names what is malformed and where."""
    if isinstance(data, SegmentDefinition):
        return data
    if not isinstance(data, dict):
        raise ValidationError("segment", "a definition must be a JSON object")
    if "root" in data:
        return SegmentDefinition(_group(data["root"], "root"))
    if "where" in data:
        return SegmentDefinition(_legacy(data))
    raise ValidationError("segment", "a definition needs a 'root' group")


def _legacy(data: dict[str, Any]) -> Group:
    entity = data.get("entity", "contact")
    if entity not in ("contact", "account"):
        raise ValidationError(
            "segment.entity", f"segments select contacts or accounts, not {entity!r}"
        )
    where = data["where"]
    if not isinstance(where, list):
        raise ValidationError("segment.where", "must be a list of conditions")
    prefix = ACCOUNT_PREFIX if entity == "account" else ""
    items: list[Node] = []
    for index, raw in enumerate(where):
        condition = _node(raw, f"where[{index}]")
        if isinstance(condition, FieldCondition) and prefix:
            condition = FieldCondition(prefix + condition.field, condition.op, condition.value)
        items.append(condition)
    return Group("all", tuple(items))


def _group(raw: Any, where: str) -> Group:
    if not isinstance(raw, dict):
        raise ValidationError(f"segment.{where}", "a group must be an object")
    match = raw.get("match", "all")
    if match not in MATCHES:
        raise ValidationError(f"segment.{where}.match", f"{match!r} is not 'all' or 'any'")
    items = raw.get("items", [])
    if not isinstance(items, list):
        raise ValidationError(f"segment.{where}.items", "must be a list")
    return Group(match, tuple(_node(item, f"{where}.items[{i}]") for i, item in enumerate(items)))


def _node(raw: Any, where: str) -> Node:
    if not isinstance(raw, dict):
        raise ValidationError(f"segment.{where}", "a condition must be an object")
    if "items" in raw or "match" in raw:
        return _group(raw, where)
    op = raw.get("op", "eq")
    if not isinstance(op, str):
        raise ValidationError(f"segment.{where}.op", "must be text")
    if "related" in raw:
        kind = raw["related"]
        if not isinstance(kind, str):
            raise ValidationError(f"segment.{where}.related", "must be text")
        return RelatedCondition(kind, op, raw.get("value"))
    name = raw.get("field")
    if not isinstance(name, str) or not name:
        raise ValidationError(f"segment.{where}", "a condition needs a 'field' or 'related' kind")
    return FieldCondition(name, op, raw.get("value"))


def all_of(*items: Node) -> SegmentDefinition:
    """A definition matching contacts that meet every one of ``items``."""
    return SegmentDefinition(Group("all", tuple(items)))
