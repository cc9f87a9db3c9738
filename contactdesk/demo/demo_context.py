"""What every demo generator shares: the seeded random source, the clock, the cast."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from contactdesk.demo.reference_week import WeekClock
from contactdesk.demo.row_formats import IdSequence
from contactdesk.demo.team import DemoTeam, demo_team

# created_at, updated_at, version: the columns every record starts with.
RECORD_COLUMNS = ("id", "created_at", "updated_at", "version")
MINUTES_PER_DAY = 24 * 60


@dataclass
class DemoContext:
    """State handed from one generator to the next, in a fixed order (determinism)."""

    rng: random.Random
    clock: WeekClock
    team: DemoTeam
    role_ids: dict[str, str]
    stage_ids: dict[str, str]
    ids: IdSequence
    campaign_ids: list[str] = field(default_factory=list)
    campaign_sources: list[str] = field(default_factory=list)
    # Day offsets (from the week start) on which each campaign starts.
    campaign_starts: list[int] = field(default_factory=list)

    @classmethod
    def create(
        cls, seed: int, clock: WeekClock, role_ids: dict[str, str], stage_ids: dict[str, str]
    ) -> DemoContext:
        rng = random.Random(seed)
        ids = IdSequence(rng)
        return cls(rng, clock, demo_team(ids), role_ids, stage_ids, ids)

    def new_id(self) -> str:
        return self.ids()

    def past_stamp(self, max_days: int, min_days: int = 1) -> str:
        """A stored time between ``max_days`` and ``min_days`` before the week start."""
        days = self.rng.randint(min_days, max_days)
        quarter_hours = self.rng.randrange(32, 72)  # 08:00-17:45
        return self.clock.stored(-days * MINUTES_PER_DAY + quarter_hours * 15)
