"""A small store with figures small enough to compute every report by hand.

Built through the services. ``created_at`` cannot be set through them, so the
reports that count by creation time (leads, opportunities, new accounts,
objections) see every record as created today; everything else is dated
relative to today. The figures each test expects are stated in the test.

    accounts  Alpha Ltd   Healthcare, 120 staff, North, market share 20
              Beta plc    Retail, 2000 staff, South, market share 10
    contacts  Ann (Alpha, CFO, loyalty 5)   Ben (Alpha, CTO, loyalty 2)
              Cara (Beta, CFO, loyalty 8)   Dan (Beta, Buyer)
    campaigns Spring Webinar (webinar, -20..+10, spend 1000)
              Trade Show (event, -40..-25, spend 3000)
    leads     L1 Ann  Spring webinar  rita accepted  handed -10 due -8 first -9  (kept)
              L2 Ben  Spring webinar  rita rejected "no budget" handed -10 due -8 first -5 (missed)
              L3 Cara Trade Show event sam accepted  handed -20 due -18 no follow-up (missed)
              L4 Dan  no campaign website sam handed_off handed -1 due +1 (open)
    opps      O1 Alpha/Ann  L1 Spring  Won  10000 margin 4000 inbound  closed -5 North
              O2 Beta/Cara  L3 Trade   Lost  5000 margin 1000 outbound closed -3 South
              O3 Alpha/Ben             Proposal 8000 margin 3000 outbound close +30 North
              O4 Beta/Dan              Negotiation 4000 inbound close +60 South
              O5 Beta/Cara             Won 6000 margin 2000 inbound closed -40 South
    intel     objections price@Proposal (Ben, Ann), security@Discovery (Cara);
              win story on O1 ("Saved hours on follow-ups", DeskSuite), on O5
              ("Renewed for the offline mode", DeskSuite; won before the 30 days)
    A won deal is created open and moved to won once its story exists, and a
    decided lead carries when and how it was rated: the records' own rules.
    activity  a call with Ann due -3
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from contactdesk.services.actor import Actor
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.directory import create_user, find_user
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store import Store


@dataclass
class CrmFixture:
    store: Store
    today: date
    ids: dict[str, uuid.UUID] = field(default_factory=dict)

    def at(self, days: int) -> datetime:
        """Noon UTC ``days`` from today."""
        return datetime.combine(self.today + timedelta(days=days), time(12), tzinfo=UTC)

    def day(self, days: int) -> date:
        return self.today + timedelta(days=days)


def build_crm(store: Store) -> CrmFixture:
    """Fill ``store`` with the records described in the module docstring."""
    admin = Actor.system()
    for name, role, team in (
        ("rita", "sales", "north"),
        ("sam", "sales", "south"),
        ("mia", "marketing", None),
    ):
        create_user(store, admin, name, display_name=name.capitalize(), role=role, team=team)
    add_custom_field(store, admin, "contact", "loyalty", "number", label="Loyalty")
    crm = CrmFixture(store, datetime.now(UTC).date())
    ids = crm.ids
    rita, sam = find_user(store, "rita").id, find_user(store, "sam").id
    with unit_of_work(store, admin) as work:
        ids["alpha"] = work.create(
            "account",
            {
                "name": "Alpha Ltd",
                "industry": "Healthcare",
                "employees": 120,
                "region": "North",
                "territory": "North",
                "market_share": 20,
            },
        )
        ids["beta"] = work.create(
            "account",
            {
                "name": "Beta plc",
                "industry": "Retail",
                "employees": 2000,
                "region": "South",
                "territory": "South",
                "market_share": 10,
            },
        )
        for key, name, account, title, loyalty in (
            ("ann", "Ann Archer", "alpha", "CFO", 5),
            ("ben", "Ben Baker", "alpha", "CTO", 2),
            ("cara", "Cara Cole", "beta", "CFO", 8),
            ("dan", "Dan Dale", "beta", "Buyer", None),
        ):
            values: dict[str, object] = {
                "display_name": name,
                "account_id": ids[account],
                "title": title,
                "email": f"{key}@example.com",
            }
            if loyalty is not None:
                values["loyalty"] = loyalty
            ids[key] = work.create("contact", values)
        ids["spring"] = work.create(
            "campaign",
            {
                "name": "Spring Webinar",
                "channel": "webinar",
                "starts_on": crm.day(-20),
                "ends_on": crm.day(10),
                "budget": 2000,
                "spend": 1000,
            },
        )
        ids["trade"] = work.create(
            "campaign",
            {
                "name": "Trade Show",
                "channel": "event",
                "starts_on": crm.day(-40),
                "ends_on": crm.day(-25),
                "budget": 3000,
                "spend": 3000,
            },
        )
        leads = (
            ("l1", "ann", "spring", "webinar", rita, "accepted", -10, -8, -9, None),
            ("l2", "ben", "spring", "webinar", rita, "rejected", -10, -8, -5, "no budget"),
            ("l3", "cara", "trade", "event", sam, "accepted", -20, -18, None, None),
            ("l4", "dan", None, "website", sam, "handed_off", -1, 1, None, None),
        )
        for key, contact, campaign, source, owner, status, handed, due, first, reason in leads:
            decided = (
                {f"{status}_at": crm.at(handed + 1), "quality": 3}
                if status in ("accepted", "rejected")
                else {}
            )
            ids[key] = work.create(
                "lead",
                {
                    **decided,
                    "contact_id": ids[contact],
                    "campaign_id": ids[campaign] if campaign else None,
                    "source": source,
                    "owner_id": owner,
                    "status": status,
                    "handed_off_at": crm.at(handed),
                    "follow_up_due_at": crm.at(due),
                    "first_follow_up_at": crm.at(first) if first is not None else None,
                    "rejection_reason": reason,
                    "score": 70,
                },
            )
        opportunities = (
            (
                "o1",
                "Alpha deal",
                "alpha",
                "ann",
                "l1",
                "spring",
                "Won",
                10000,
                4000,
                "inbound",
                -5,
                None,
                "North",
            ),
            (
                "o2",
                "Beta deal",
                "beta",
                "cara",
                "l3",
                "trade",
                "Lost",
                5000,
                1000,
                "outbound",
                -3,
                None,
                "South",
            ),
            (
                "o3",
                "Alpha expansion",
                "alpha",
                "ben",
                None,
                None,
                "Proposal",
                8000,
                3000,
                "outbound",
                None,
                30,
                "North",
            ),
            (
                "o4",
                "Beta renewal",
                "beta",
                "dan",
                None,
                None,
                "Negotiation",
                4000,
                None,
                "inbound",
                None,
                60,
                "South",
            ),
            (
                "o5",
                "Old win",
                "beta",
                "cara",
                None,
                None,
                "Won",
                6000,
                2000,
                "inbound",
                -40,
                None,
                "South",
            ),
        )
        for (
            key,
            name,
            account,
            contact,
            lead,
            campaign,
            stage,
            amount,
            margin,
            origin,
            closed,
            expected,
            territory,
        ) in opportunities:
            ids[key] = work.create(
                "opportunity",
                {
                    "name": name,
                    "account_id": ids[account],
                    "contact_id": ids[contact],
                    "lead_id": ids[lead] if lead else None,
                    "campaign_id": ids[campaign] if campaign else None,
                    # Won only once the win story exists (the opportunity's rule).
                    "stage_id": "Negotiation" if stage == "Won" else stage,
                    "lost_reason": "chose a competitor" if stage == "Lost" else None,
                    "amount": amount,
                    "margin": margin,
                    "origin": origin,
                    "territory": territory,
                    "product": "DeskSuite",
                    "closed_at": crm.at(closed) if closed is not None else None,
                    "expected_close": crm.day(expected) if expected is not None else None,
                },
            )
        for tag, stage, contact, text in (
            ("price", "Proposal", "ben", "Too expensive"),
            ("price", "Proposal", "ann", "Budget is tight"),
            ("security", "Discovery", "cara", "Data offline?"),
        ):
            work.create(
                "intel",
                {
                    "kind": "objection",
                    "tag": tag,
                    "stage_id": stage,
                    "contact_id": ids[contact],
                    "text": text,
                },
            )
        ids["story"] = work.create(
            "intel",
            {
                "kind": "win_story",
                "tag": "speed",
                "text": "Saved hours on follow-ups",
                "opportunity_id": ids["o1"],
                "account_id": ids["alpha"],
                "contact_id": ids["ann"],
                "product": "DeskSuite",
            },
        )
        work.create(
            "intel",
            {
                "kind": "win_story",
                "tag": "offline",
                "text": "Renewed for the offline mode",
                "opportunity_id": ids["o5"],
                "account_id": ids["beta"],
                "contact_id": ids["cara"],
                "product": "DeskSuite",
            },
        )
        for won in ("o1", "o5"):
            work.update("opportunity", ids[won], {"stage_id": "Won"})
        work.create(
            "activity",
            {
                "kind": "call",
                "subject": "Check-in",
                "contact_id": ids["ann"],
                "due_at": crm.at(-3),
                "done_at": crm.at(-3),
            },
        )
    return crm
