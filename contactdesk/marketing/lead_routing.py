"""Choosing the rep a lead goes to under the routing rules. Pure: no store access.

Order of the rules, for a lead whose company has a territory and an industry:

1. an industry mapped to a team keeps the lead inside that team;
2. with ``match_territory``, the rep(s) covering the territory get it, if under
   the load cap;
3. otherwise the team covering the territory (or the industry's team, or every
   rep when neither says) shares it round-robin: the next rep in username
   order after the team's last assignee, skipping reps at the cap;
4. when every candidate is at the cap, the lead is not routed (reported).

A ``Router`` keeps the loads and round-robin cursors as it assigns, so a bulk
hand-off spreads leads exactly as one-by-one hand-offs would.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from contactdesk.marketing.routing_rules import RoutingRules

ALL_REPS = "*"


@dataclass(frozen=True)
class Rep:
    """A sales rep as routing sees them."""

    id: uuid.UUID
    username: str
    display_name: str
    team: str | None
    territory: str | None
    is_team_lead: bool = False


@dataclass(frozen=True)
class Route:
    """Where a lead goes and the rule that sent it there."""

    rep: Rep
    reason: str


@dataclass(frozen=True)
class NoRoute:
    """No rep could take the lead, and why."""

    reason: str


class Router:
    """Assigns leads to reps under ``rules``, tracking open loads and round-robin cursors."""

    def __init__(
        self,
        rules: RoutingRules,
        reps: Sequence[Rep],
        open_loads: Mapping[uuid.UUID, int],
        cursors: Mapping[str, str],
    ) -> None:
        self.rules = rules
        self.reps = sorted(reps, key=lambda rep: rep.username)
        self.loads = {rep.id: open_loads.get(rep.id, 0) for rep in self.reps}
        # cursor key (a team name or ALL_REPS) -> id (str) of the last rep assigned
        self.cursors = dict(cursors)

    def under_cap(self, rep: Rep) -> bool:
        cap = self.rules.max_open_leads
        return cap is None or self.loads[rep.id] < cap

    def route(
        self,
        territory: str | None,
        industry: str | None,
        exclude: Iterable[uuid.UUID] = (),
    ) -> Route | NoRoute:
        """Choose a rep for a lead and count it against their load."""
        excluded = set(exclude)
        pool = [rep for rep in self.reps if rep.id not in excluded]
        why = ""
        team = self.rules.industry_teams.get(industry or "")
        if team is not None:
            pool = [rep for rep in pool if rep.team == team]
            why = f"industry {industry} goes to team {team}; "
        if not pool:
            return NoRoute(f"{why}no sales rep to route to")
        if self.rules.match_territory and territory:
            local = [rep for rep in pool if rep.territory == territory]
            local_cursor = f"territory:{territory}"
            chosen = self._next(local, local_cursor)
            if chosen is not None:
                return self._assign(chosen, f"{why}covers territory {territory}", local_cursor)
            teams = {rep.team for rep in local}
            if teams:
                team = next(iter(sorted(t or "" for t in teams)))
                pool = [rep for rep in pool if rep.team == team]
                why += f"territory {territory} rep at the cap; "
        cursor = team if team is not None else ALL_REPS
        chosen = self._next(pool, cursor)
        if chosen is None:
            cap = self.rules.max_open_leads
            return NoRoute(f"{why}every eligible rep has {cap} open leads (the cap)")
        label = f"round-robin in team {team}" if team is not None else "round-robin"
        return self._assign(chosen, f"{why}{label}", cursor)

    def assign_to(self, rep: Rep) -> None:
        """Count a lead handed to ``rep`` directly (not routed) against their load."""
        self.loads[rep.id] = self.loads.get(rep.id, 0) + 1

    def _next(self, candidates: Sequence[Rep], cursor: str) -> Rep | None:
        if not candidates:
            return None
        ordered = sorted(candidates, key=lambda rep: rep.username)
        last = self.cursors.get(cursor)
        start = 0
        if last is not None:
            ids = [str(rep.id) for rep in ordered]
            if last in ids:
                start = ids.index(last) + 1
            else:
                # The last assignee left the pool: continue after their place by name.
                names = {str(rep.id): rep.username for rep in self.reps}
                last_name = names.get(last, "")
                start = sum(1 for rep in ordered if rep.username <= last_name)
        for offset in range(len(ordered)):
            rep = ordered[(start + offset) % len(ordered)]
            if self.under_cap(rep):
                return rep
        return None

    def _assign(self, rep: Rep, reason: str, cursor: str | None) -> Route:
        self.loads[rep.id] += 1
        if cursor is not None:
            self.cursors[cursor] = str(rep.id)
        return Route(rep, reason)
