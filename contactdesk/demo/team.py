"""The people who work in a demo store: an admin, two marketers, two sales teams."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from contactdesk.demo.vocabulary import TEAMS

# username, display name, team lead?  (territories follow TEAMS, in this order)
SALES_REPS = {
    "north": (
        ("nora.north", "Nora Lindqvist", True),
        ("ned.north", "Ned Armstrong", False),
        ("nina.north", "Nina Douglas", False),
        ("noah.north", "Noah Fairbairn", False),
    ),
    "south": (
        ("sam.south", "Sam Okoye", True),
        ("sara.south", "Sara Whitfield", False),
        ("sid.south", "Sid Chaudhry", False),
        ("sue.south", "Sue Pemberton", False),
    ),
}
MARKETERS = (("mia.marketing", "Mia Hartley"), ("max.marketing", "Max Brennan"))


@dataclass(frozen=True)
class DemoUser:
    id: str
    username: str
    display_name: str
    role: str
    team: str | None = None
    territory: str | None = None
    is_team_lead: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@contactdesk.example"


@dataclass(frozen=True)
class DemoTeam:
    """Everyone, and the sales reps by the territory they cover."""

    admin: DemoUser
    marketers: tuple[DemoUser, ...]
    reps: tuple[DemoUser, ...]

    @property
    def everyone(self) -> tuple[DemoUser, ...]:
        return (self.admin, *self.marketers, *self.reps)

    def rep_for(self, territory: str) -> DemoUser:
        for rep in self.reps:
            if rep.territory == territory:
                return rep
        raise KeyError(territory)


def demo_team(new_id: Callable[[], str]) -> DemoTeam:
    """The fixed cast of users; ids come from ``new_id`` so they follow the seed."""
    admin = DemoUser(new_id(), "admin", "Ada Admin", "admin")
    marketers = tuple(DemoUser(new_id(), name, label, "marketing", "marketing")
                      for name, label in MARKETERS)
    reps = []
    for team, members in SALES_REPS.items():
        territories = TEAMS[team][1]
        for (username, label, lead), territory in zip(members, territories, strict=True):
            reps.append(DemoUser(new_id(), username, label, "sales", team, territory, lead))
    return DemoTeam(admin, marketers, tuple(reps))

