"""A rep with a territory, her deals in it and outside it, one won, and a company target.

Shared by the sales dashboard's UI test and the ``report --user`` CLI test. Dates
are relative to today, as the dashboard's default ranges are: the won deal
closed within the trailing quarter, the open ones close within the next half year.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from contactdesk.selling.opportunity_progress import WinCapture, move_opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo, create_user, find_user
from contactdesk.services.targets import set_target
from contactdesk.store import Store

TERRITORY = "Scotland"
ELSEWHERE = "Wales"
WON_AMOUNT = 30_000
TARGET = 120_000


@dataclass(frozen=True)
class TerritoryDeals:
    rep: UserInfo
    in_territory: uuid.UUID
    elsewhere: uuid.UUID


def build_territory_deals(store: Store, username: str = "tess") -> TerritoryDeals:
    """``username`` (sales, Scotland) owns 3 deals: one won, one open there, one open in Wales."""
    admin = Actor.system()
    create_user(store, admin, username, display_name="Tess Tait", role="sales", team="north",
                territory=TERRITORY)  # fmt: skip
    rep = find_user(store, username)
    today = date.today()
    account = unit_of_work.create(
        store, admin, "account", {"name": "Highland Freight", "owner_id": rep.id}
    ).record_id

    def deal(name: str, territory: str, amount: int, stage: str) -> uuid.UUID:
        values = {"name": name, "account_id": account, "stage_id": stage, "amount": amount,
                  "territory": territory, "expected_close": today + timedelta(days=30),
                  "owner_id": rep.id}  # fmt: skip
        return unit_of_work.create(store, admin, "opportunity", values).record_id

    won = deal("Highland depot", TERRITORY, WON_AMOUNT, "Negotiation")
    move_opportunity(store, rep.actor(), won, "Won", now=datetime.now(UTC) - timedelta(days=3),
                     win=WinCapture("Routes planned in a day", rep.id))  # fmt: skip
    in_territory = deal("Highland fleet", TERRITORY, 40_000, "Proposal")
    elsewhere = deal("Cardiff pilot", ELSEWHERE, 9_000, "Discovery")
    set_target(store, admin, metric="revenue", period="quarter", day=today, value=TARGET,
               level="company")  # fmt: skip
    return TerritoryDeals(rep, in_territory, elsewhere)
