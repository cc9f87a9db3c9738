"""The rules marketing routes leads by, stored as the ``lead_routing`` setting.

- ``match_territory``: a lead goes to the rep whose territory is its company's.
- ``industry_teams``: an industry's leads go to a named sales team.
- ``max_open_leads``: a rep holding this many handed-off, undecided leads gets
  no more (None: no cap).
- ``on_expired``: what happens to a lead whose follow-up clock ran out:
  ``reroute`` (to another rep by these rules) or ``escalate`` (to the team lead).

Round-robin within a team is always on: where several reps qualify, the next
one after the team's last assignee (the ``lead_routing_cursor`` setting) gets it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from contactdesk.errors import ValidationError
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.marketing.marketing_settings import write_in
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.company_settings import read_setting
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

RULES_KEY = "lead_routing"
CURSOR_KEY = "lead_routing_cursor"
EXPIRY_ACTIONS = ("reroute", "escalate")


@dataclass(frozen=True)
class RoutingRules:
    """How leads find a rep; see the module docstring for each rule."""

    match_territory: bool = True
    industry_teams: Mapping[str, str] = field(default_factory=dict)
    max_open_leads: int | None = None
    on_expired: str = "reroute"

    def to_json(self) -> dict[str, Any]:
        value = asdict(self)
        value["industry_teams"] = dict(self.industry_teams)
        return value

    @classmethod
    def from_json(cls, value: Any) -> RoutingRules:
        """Read the stored setting; anything missing takes its default."""
        if not isinstance(value, dict):
            return cls()
        return cls(
            match_territory=bool(value.get("match_territory", True)),
            industry_teams=dict(value.get("industry_teams") or {}),
            max_open_leads=value.get("max_open_leads"),
            on_expired=str(value.get("on_expired", "reroute")),
        )


def routing_rules(store: Store) -> RoutingRules:
    """The routing rules in force (defaults until marketing sets them)."""
    return RoutingRules.from_json(read_setting(store, RULES_KEY))


def check_rules(rules: RoutingRules) -> None:
    """Refuse rules that cannot work, naming the rule."""
    if rules.max_open_leads is not None and rules.max_open_leads < 1:
        raise ValidationError("lead_routing.max_open_leads", "must be at least 1 (or no cap)")
    if rules.on_expired not in EXPIRY_ACTIONS:
        raise ValidationError(
            "lead_routing.on_expired", f"must be one of {', '.join(EXPIRY_ACTIONS)}"
        )
    for industry, team in rules.industry_teams.items():
        if not industry.strip() or not team.strip():
            raise ValidationError("lead_routing.industry_teams", "name an industry and a team")


def set_routing_rules(store: Store, actor: Actor, rules: RoutingRules) -> ChangeSet:
    """Replace the routing rules (marketing or admin)."""
    require_marketing(store, actor, "hand_off_leads", "change routing rules")
    check_rules(rules)
    with unit_of_work(store, actor) as work:
        write_in(work, RULES_KEY, rules.to_json())
    return ChangeSet(work.changes)
