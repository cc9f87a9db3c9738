"""Demo users, campaigns, segments, collateral, a launch brief and targets (the small tables)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from contactdesk.demo.demo_context import MINUTES_PER_DAY, RECORD_COLUMNS, DemoContext
from contactdesk.demo.table_rows import TableRows
from contactdesk.demo.vocabulary import CAMPAIGN_THEMES, COLLATERAL_ITEMS, PRODUCTS
from contactdesk.model.marketing import CHANNELS

# Enquiry source a lead from a campaign of each channel is recorded with.
CHANNEL_SOURCES = {
    "email": "newsletter",
    "webinar": "webinar",
    "event": "trade show",
    "paid_search": "paid search",
    "social": "social media",
    "content": "website form",
    "referral": "referral",
    "direct": "cold call",
}


def _record(
    context: DemoContext, max_days: int = 400, min_days: int = 180
) -> tuple[str, str, str, int]:
    stamp = context.past_stamp(max_days, min_days)
    return context.new_id(), stamp, stamp, 0


def user_rows(context: DemoContext) -> TableRows:
    columns = (*RECORD_COLUMNS, "username", "display_name", "email", "role_id", "team",
               "territory", "is_team_lead", "active")
    rows = []
    for user in context.team.everyone:
        stamp = context.past_stamp(720, 400)
        rows.append((user.id, stamp, stamp, 0, user.username, user.display_name, user.email,
                     context.role_ids[user.role], user.team, user.territory,
                     int(user.is_team_lead), 1))
    return TableRows("users", columns, rows)


def segment_rows(context: DemoContext) -> tuple[TableRows, list[str]]:
    """Saved contact segments (``segments.segment_definition`` version 2) and their ids."""
    definitions = {
        "Finance buyers": [
            {"field": "title", "op": "in", "value": ["CFO", "Finance Director"]}],
        "IT decision makers, North": [
            {"field": "title", "op": "in", "value": ["Head of IT", "CTO", "IT Manager"]},
            {"field": "region", "op": "eq", "value": "North"}],
        "People at large healthcare accounts": [
            {"field": "account.industry", "op": "eq", "value": "Healthcare"},
            {"field": "account.employees", "op": "ge", "value": 250}],
    }
    owner = context.team.marketers[0].id
    rows = []
    for name, conditions in definitions.items():
        definition = {"version": 2, "root": {"match": "all", "items": conditions}}
        rows.append((*_record(context), name, json.dumps(definition), owner))
    columns = (*RECORD_COLUMNS, "name", "definition", "owner_id")
    return TableRows("segments", columns, rows), [row[0] for row in rows]


def campaign_rows(context: DemoContext, segment_ids: list[str]) -> TableRows:
    """Campaigns a third past, a third running this week, the rest upcoming.

    Fills ``context.campaign_ids`` / ``campaign_sources`` for the lead generator.
    """
    rng = context.rng
    rows = []
    for index, theme in enumerate(CAMPAIGN_THEMES):
        channel = CHANNELS[index % len(CHANNELS)]
        phase = index % 3
        length = rng.choice((14, 28, 42, 56))
        if phase == 0:  # finished
            start = -rng.randint(length + 7, 300)
        elif phase == 1:  # running this week
            start = -rng.randint(3, length - 3)
        else:  # upcoming
            start = rng.randint(7, 60)
        budget = float(rng.choice((2500, 5000, 8000, 12000, 20000, 35000)))
        if start > 0:
            spend = 0.0
        elif start + length < 0:
            spend = round(budget * rng.uniform(0.8, 1.05), 2)
        else:
            spend = round(budget * (-start) / length, 2)
        expected = int(budget / rng.choice((80, 120, 200, 350)))
        marketer = context.team.marketers[index % len(context.team.marketers)]
        segment = segment_ids[index % len(segment_ids)] if index % 4 == 0 else None
        rows.append((*_record(context), theme, channel, PRODUCTS[index % len(PRODUCTS)],
                     segment, context.clock.day(start), context.clock.day(start + length),
                     budget, spend, expected, marketer.id))
        context.campaign_ids.append(rows[-1][0])
        context.campaign_sources.append(CHANNEL_SOURCES[channel])
        context.campaign_starts.append(start)
    columns = (*RECORD_COLUMNS, "name", "channel", "product", "segment_id", "starts_on",
               "ends_on", "budget", "spend", "expected_leads", "owner_id")
    return TableRows("campaigns", columns, rows)


def collateral_rows(context: DemoContext) -> tuple[TableRows, list[str]]:
    """Collateral tied to funnel stages (by stage id, as the app stores them), and the ids."""
    rows = []
    # Each item is tagged with the products and industries it is about (none: any industry).
    for title, kind, stages, value_points, products, industries in COLLATERAL_ITEMS:
        slug = "-".join(title.lower().replace(":", "").split()[:5])
        rows.append((*_record(context), title, kind,
                     f"https://files.contactdesk.example/collateral/{slug}", None, None, None,
                     value_points, json.dumps(list(products)), json.dumps(list(industries)),
                     json.dumps(sorted(context.stage_ids[name] for name in stages))))
    columns = (*RECORD_COLUMNS, "title", "kind", "url", "file_name", "file_mime", "file_data",
               "value_points", "products", "industries", "stages")
    return TableRows("collateral", columns, rows), [row[0] for row in rows]


def launch_brief_rows(context: DemoContext, collateral_ids: list[str]) -> list[TableRows]:
    """One launch brief for the upcoming Field App, and each rep's readiness for it."""
    campaign_index = CAMPAIGN_THEMES.index("Field App Launch")
    brief: tuple[Any, ...] = (
        *_record(context, 200), "Field App launch", "Field App",
        context.campaign_ids[campaign_index],
        "Sales teams that visit customers on site: logistics, construction, healthcare.",
        "Log calls, check a customer's history and plan the day from a phone, offline.",
        "Saves reps 20-30 minutes a day of admin typed up in the evening.",
        "Pilot at a 40-rep haulage firm: 4 hours a week back per rep (case study).",
        "Works fully offline and syncs when back in signal; same data as the desktop.",
        "Contact list, call logging, calendar sync.",
        json.dumps(collateral_ids[:3]), context.clock.day(21),
    )
    brief_columns = (*RECORD_COLUMNS, "title", "product", "campaign_id", "audience",
                     "what_it_does", "value", "proof", "differentiators", "table_stakes",
                     "collateral_ids", "starts_on")
    readiness = []
    for index, rep in enumerate(context.team.reps):
        read = context.past_stamp(20) if index % 4 != 3 else None
        ready = read if read is not None and index % 2 == 0 else None
        readiness.append((*_record(context, 60, 30), brief[0], rep.id, read, ready))
    readiness_columns = (*RECORD_COLUMNS, "brief_id", "user_id", "read_at", "ready_at")
    return [
        TableRows("launch_briefs", brief_columns, [brief]),
        TableRows("brief_readiness", readiness_columns, readiness),
    ]


# The funnel contract's history: (weeks before the demo week, weekday, threshold, hours, note).
# Version 1 set the first hand-off rules; version 2 raised the threshold after a review
# and is in force (the store's hand-off rules, 60 and 48 hours, are its terms).
CONTRACT_VERSIONS = (
    (34, 1, 50.0, 72, "First agreement: leads from 50 points, first contact within three days."),
    (9, 3, 60.0, 48, "Threshold up to 60 after the lead-quality review; follow-up within 48 h."),
)
# The proposal waiting for the sales lead: marketing wants faster follow-up.
OPEN_PROPOSAL = (4, 60.0, 24, "Webinar leads go cold fast: first contact within 24 hours.")


def funnel_contract_rows(
    context: DemoContext, stages: list[tuple[str, str, float]]
) -> TableRows:
    """The ``funnel_contract`` setting: two agreed versions and an open proposal.

    ``stages`` are the store's funnel (name, owning team, probability) in order.
    Marketing proposed each version a week before the sales lead (Nora) agreed
    to it; the dates run in order, the last agreement nine weeks before the
    demo week, the open proposal four days before it.
    """
    marketer = context.team.marketers[0].username
    sales_lead = next(rep.username for rep in context.team.reps if rep.is_team_lead)
    agreed_stages = [
        {"name": name, "owner_team": team, "probability": probability}
        for name, team, probability in stages
    ]
    versions = []
    for number, (weeks, weekday, threshold, hours, note) in enumerate(CONTRACT_VERSIONS, 1):
        versions.append({
            "version": number, "agreed_on": context.clock.day(-7 * weeks + weekday),
            "stages": agreed_stages, "score_threshold": threshold, "follow_up_hours": hours,
            "note": f"{note} Proposed by {marketer} a week before.", "recorded_by": sales_lead,
        })  # fmt: skip
    days, threshold, hours, note = OPEN_PROPOSAL
    proposal = {
        "terms": {"version": 0, "agreed_on": None, "stages": agreed_stages,
                  "score_threshold": threshold, "follow_up_hours": hours, "note": note,
                  "recorded_by": ""},
        "proposed_by": marketer, "proposed_on": context.clock.day(-days), "agreed_by": [],
    }  # fmt: skip
    stamp = context.clock.stored(-days * 24 * 60 + 10 * 60)
    value = json.dumps({"versions": versions, "proposal": proposal})
    row = (context.new_id(), stamp, stamp, 0, "funnel_contract", value)
    return TableRows("settings", (*RECORD_COLUMNS, "key", "value"), [row])



# Outcome targets of the quarter in force: (metric, level, team, value per demo contact). A
# "rep" target is Ned's (the guides' rep), a "territory" one his territory. For 5,000
# contacts: revenue 2.0 M, 35 new accounts, 30 won deals a sales team, 10 for Ned, 80,000
# margin in the territory; two-thirds into a quarter the demo's deals reach about 75 %.
TARGET_REP = "ned.north"
TARGETS_PER_CONTACT: tuple[tuple[str, str, str | None, float], ...] = (
    ("revenue", "company", None, 400.0),
    ("new_accounts", "company", None, 0.007),
    ("won_deals", "team", "north", 0.006),
    ("won_deals", "team", "south", 0.006),
    ("won_deals", "rep", None, 0.002),
    ("margin", "territory", None, 16.0),
)


def _two_figures(value: float) -> float:
    """``value`` to two significant figures (at least 1), as a person would set a target."""
    if value < 10:
        return float(max(1, round(value)))
    scale = 10 ** (len(str(int(value))) - 2)
    return float(round(value / scale) * scale)


def target_rows(context: DemoContext, contacts: int, quarter_start: date) -> TableRows:
    """The quarter's outcome targets, sized to the demo: the Targets page, the dashboards
    and ``contactdesk report targets`` show how far each has come."""
    rep = next(rep for rep in context.team.reps if rep.username == TARGET_REP)
    stamp = context.clock.stored(-7 * MINUTES_PER_DAY)
    rows = [
        (context.new_id(), stamp, stamp, 0, metric, "quarter", quarter_start.isoformat(), level,
         rep.id if level == "rep" else None, team,
         rep.territory if level == "territory" else None,
         _two_figures(per_contact * contacts), None)
        for metric, level, team, per_contact in TARGETS_PER_CONTACT
    ]  # fmt: skip
    columns = (*RECORD_COLUMNS, "metric", "period", "starts_on", "level", "user_id", "team",
               "territory", "value", "notes")  # fmt: skip
    return TableRows("targets", columns, rows)
