"""What the segment builder offers a role: the fields it may filter by, with operators.

Built from the role's policy: a hidden field is simply not offered (and would
be refused by the compiler anyway). Custom fields come with their type and
choices; campaigns and funnel stages are offered by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from contactdesk.model import Campaign, FunnelStage
from contactdesk.segments.related_conditions import RELATED_KINDS
from contactdesk.segments.segment_definition import ACCOUNT_PREFIX
from contactdesk.segments.segment_values import has_known_values
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, FieldSpec
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

OPS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "text": ("eq", "ne", "in", "contains", "startswith", "empty", "filled"),
    "number": ("eq", "ne", "lt", "le", "gt", "ge", "empty", "filled"),
    "date": ("eq", "lt", "le", "gt", "ge", "empty", "filled"),
    "boolean": ("eq", "empty", "filled"),
    "choice": ("eq", "ne", "in", "empty", "filled"),
    "multi_choice": ("eq", "empty", "filled"),
}
TYPE_FAMILY = {
    "longtext": "text",
    "email": "text",
    "phone": "text",
    "url": "text",
    "integer": "number",
    "money": "number",
    "datetime": "date",
}
# References and stored lists make no sense typed by hand in a filter.
UNFILTERABLE = ("reference", "stage", "list", "stage_list")
BREAKDOWN_TYPES = ("text", "choice", "number", "boolean")


@dataclass(frozen=True)
class SegmentField:
    """One thing a condition can test: its key in a definition, label, value type, operators."""

    key: str
    label: str
    group: str  # "Contact", "Company" or "Related data"
    # text, number, date, boolean, choice, multi_choice, campaign, stage, days, period
    value_type: str
    ops: tuple[str, ...]
    choices: tuple[str, ...] = ()
    related: bool = False
    # The builder offers the field's known values to pick from (``segment_values``).
    known_values: bool = False


def _family(spec: FieldSpec) -> str:
    return TYPE_FAMILY.get(spec.type, spec.type)


def segment_fields(store: Store, actor: Actor) -> list[SegmentField]:
    """The fields and related conditions ``actor`` may build a segment from, in display order."""
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        campaigns = tuple(session.scalars(select(Campaign.name).order_by(Campaign.name)))
        stages = tuple(session.scalars(select(FunnelStage.name).order_by(FunnelStage.position)))
    found: list[SegmentField] = []
    for entity, prefix, group in (
        ("contact", "", "Contact"),
        ("account", ACCOUNT_PREFIX, "Company"),
    ):
        specs = policy.visible_builtin(entity) + [
            c.as_spec() for c in policy.visible_custom(entity)
        ]
        for spec in specs:
            if spec.type in UNFILTERABLE:
                continue
            family = _family(spec)
            key = prefix + spec.name
            found.append(
                SegmentField(
                    key,
                    spec.label,
                    group,
                    family,
                    OPS_BY_TYPE[family],
                    spec.choices,
                    known_values=family == "text" and has_known_values(policy, key),
                )
            )
    for kind in RELATED_KINDS.values():
        if not policy.can_see(*kind.reads):
            continue
        choices = (
            campaigns
            if kind.value_type == "campaign"
            else stages
            if kind.value_type == "stage"
            else ()
        )
        found.append(
            SegmentField(
                kind.name, kind.label, "Related data", kind.value_type, kind.ops, choices, True
            )
        )
    return found


def breakdown_choices(store: Store, actor: Actor) -> list[tuple[str, str]]:
    """(key, label) of what a segment can be broken down by for ``actor``."""
    options = [
        (field.key, f"{field.group}: {field.label}")
        for field in segment_fields(store, actor)
        if not field.related
        and field.value_type in BREAKDOWN_TYPES
        and "." not in field.key.removeprefix(ACCOUNT_PREFIX)
        and _builtin(field.key)
    ]
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        if policy.can_see("lead", "source"):
            options.append(("lead_source", "Related data: Lead source"))
        if policy.can_see("opportunity", "stage_id"):
            options.append(("stage", "Related data: Opportunity stage"))
    return options


def _builtin(key: str) -> bool:
    if key.startswith(ACCOUNT_PREFIX):
        return key[len(ACCOUNT_PREFIX) :] in ENTITIES["account"].by_name
    return key in ENTITIES["contact"].by_name
