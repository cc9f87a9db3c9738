"""Demo leads, opportunities and field intel, drawn over the generated contacts.

Proportions follow a working CRM: about 15% of contacts came in as a lead and
about 5% have an opportunity. Leads are in every status; opportunities in every
funnel stage, inbound (from a lead) and outbound (a rep's own prospecting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from contactdesk.demo.customer_rows import Customers
from contactdesk.demo.demo_context import MINUTES_PER_DAY, RECORD_COLUMNS, DemoContext
from contactdesk.demo.table_rows import TableRows
from contactdesk.demo.vocabulary import (
    ACTIVITY_SUBJECTS,
    COMPETITOR_MENTIONS,
    COMPETITORS,
    LOST_REASONS,
    MARKET_NOTES,
    OBJECTIONS,
    OUTCOMES,
    PRODUCTS,
    REJECTION_REASONS,
    WIN_STORIES,
)

LEAD_SHARE = 0.15
LEAD_STATUSES = (("new", 15), ("handed_off", 20), ("accepted", 45), ("rejected", 20))
# Accepted leads that became an opportunity, and contacts reps prospected themselves.
CONVERTED_SHARE = 0.5
OUTBOUND_SHARE = 0.017
STAGE_WEIGHTS = (("Qualified", 14), ("Discovery", 20), ("Proposal", 16), ("Negotiation", 10),
                 ("Won", 22), ("Lost", 18))
LEAD_COLUMNS = (*RECORD_COLUMNS, "contact_id", "campaign_id", "source", "score", "score_fit",
                "score_engagement", "score_history", "owner_id", "status", "handed_off_at",
                "follow_up_due_at", "first_follow_up_at", "accepted_at", "rejected_at",
                "rejection_reason", "rejection_note", "quality")
OPPORTUNITY_COLUMNS = (*RECORD_COLUMNS, "name", "account_id", "contact_id", "lead_id",
                       "campaign_id", "stage_id", "amount", "margin", "expected_close", "origin",
                       "owner_id", "product", "territory", "closed_at", "lost_reason",
                       "competitor")
INTEL_COLUMNS = (*RECORD_COLUMNS, "kind", "tag", "text", "contact_id", "account_id",
                 "opportunity_id", "activity_id", "stage_id", "product", "author_id", "topic")
REJECTION_NOTES = {
    "no budget": "Likes it but no budget until next financial year.",
    "wrong contact": "Not the decision maker; passed on the name of their IT lead.",
    "not in territory": "Head office is outside my territory.",
    "duplicate": "Already in talks with this company through another contact.",
    "too early": "Only researching; no project for at least six months.",
}


@dataclass
class Pipeline:
    """Leads and opportunities by contact index, for linking activities to them."""

    lead_of_contact: dict[int, str] = field(default_factory=dict)
    opportunity_of_contact: dict[int, str] = field(default_factory=dict)
    accepted_contacts: list[int] = field(default_factory=list)
    won: list[tuple[int, str, str | None]] = field(default_factory=list)  # contact, opp, owner
    # Contact index -> the day (offset from the week start) its lead was accepted.
    accepted_day: dict[int, int] = field(default_factory=dict)
    # Opportunity id -> (day it was opened, day it was closed or None), week-start offsets.
    deal_days: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    # Activity rows (ACTIVITY_COLUMNS) of the calls objections were heard in, and their
    # next steps: written with the other activities.
    calls: list[tuple[Any, ...]] = field(default_factory=list)


def lead_rows(context: DemoContext, customers: Customers, pipeline: Pipeline) -> TableRows:
    rng = context.rng
    random = rng.random
    clock = context.clock
    reps = context.team.reps
    statuses = [status for status, weight in LEAD_STATUSES for _ in range(weight)]
    rows: list[tuple[Any, ...]] = []
    for index, contact_id in enumerate(customers.contact_ids):
        if random() >= LEAD_SHARE:
            continue
        status = statuses[int(random() * len(statuses))]
        campaign = int(random() * len(context.campaign_ids)) if random() < 0.7 else -1
        # A lead comes from a campaign that had started (two days or more ago).
        if campaign >= 0 and context.campaign_starts[campaign] > -2:
            campaign = -1
        campaign_id = context.campaign_ids[campaign] if campaign >= 0 else None
        source = (context.campaign_sources[campaign] if campaign >= 0
                  else customers.contact_sources[index])
        fit, engagement, history = (round(random() * 100, 1) for _ in range(3))
        score = round(0.5 * fit + 0.35 * engagement + 0.15 * history, 1)
        owner: str | None = (customers.contact_owners[index]
                             or reps[int(random() * len(reps))].id)
        oldest = 120 if campaign < 0 else min(120, -context.campaign_starts[campaign])
        created_days = rng.randint(2, oldest)
        created = clock.stored(-created_days * MINUTES_PER_DAY + 9 * 60)
        handed: str | None = None
        follow_up: str | None = None
        first_follow_up: str | None = None
        accepted: str | None = None
        rejected: str | None = None
        reason: str | None = None
        note: str | None = None
        quality: int | None = None
        if status == "new":
            owner = None
        else:
            handed_minutes = -(created_days - 1) * MINUTES_PER_DAY + 10 * 60
            handed = clock.stored(handed_minutes)
            follow_up = clock.stored(handed_minutes + 48 * 60)
            if status == "handed_off":
                # Waiting for sales: half the deadlines already passed (before this week).
                if random() < 0.5:
                    follow_up = clock.stored(-rng.randint(1, 10) * MINUTES_PER_DAY + 17 * 60)
                else:
                    follow_up = clock.stored(rng.randint(0, 6) * MINUTES_PER_DAY + 17 * 60)
            else:
                # Sales answers in its working hours, the same day (from noon) or within three.
                wait = rng.randint(0, 3)
                slot = rng.randrange(48 if wait == 0 else 32, 72) * 15
                first_minutes = handed_minutes - 10 * 60 + wait * MINUTES_PER_DAY + slot
                first_follow_up = clock.stored(first_minutes)
                if status == "accepted":
                    accepted = first_follow_up
                    quality = rng.randint(3, 5)
                    pipeline.accepted_contacts.append(index)
                    pipeline.accepted_day[index] = first_minutes // MINUTES_PER_DAY
                else:
                    rejected = first_follow_up
                    reason = REJECTION_REASONS[int(random() * len(REJECTION_REASONS))]
                    note = REJECTION_NOTES[reason] if random() < 0.6 else None
                    quality = rng.randint(1, 2)
        lead_id = context.new_id()
        pipeline.lead_of_contact[index] = lead_id
        rows.append((lead_id, created, handed or created, 0, contact_id, campaign_id, source,
                     score, fit, engagement, history, owner, status, handed, follow_up,
                     first_follow_up, accepted, rejected, reason, note, quality))
    return TableRows("leads", LEAD_COLUMNS, rows)


def opportunity_rows(
    context: DemoContext, customers: Customers, pipeline: Pipeline, leads: TableRows
) -> TableRows:
    rng = context.rng
    random = rng.random
    clock = context.clock
    reps = context.team.reps
    stages = [name for name, weight in STAGE_WEIGHTS for _ in range(weight)]
    lead_campaigns = {row[4]: row[5] for row in leads.rows}  # contact id -> campaign id
    accepted = set(pipeline.accepted_contacts)
    rows: list[tuple[Any, ...]] = []
    for index, contact_id in enumerate(customers.contact_ids):
        account = customers.contact_accounts[index]
        if index in accepted:
            if random() >= CONVERTED_SHARE:
                continue
            if pipeline.accepted_day[index] > -3:
                continue  # accepted in the last days: not a deal yet
            origin = "inbound"
        elif random() < OUTBOUND_SHARE and account >= 0 and index not in pipeline.lead_of_contact:
            origin = "outbound"
        else:
            continue
        # The first dozen cycle through the stages, so small demos hold every one.
        counter = len(rows)
        if counter < 2 * len(STAGE_WEIGHTS):
            stage = STAGE_WEIGHTS[counter % len(STAGE_WEIGHTS)][0]
        else:
            stage = stages[int(random() * len(stages))]
        product = PRODUCTS[int(random() * len(PRODUCTS))]
        amount = float(rng.choice((2400, 4800, 7500, 12000, 18000, 30000, 60000, 120000)))
        margin = round(amount * rng.uniform(0.2, 0.6), 2)
        owner = customers.contact_owners[index] or reps[int(random() * len(reps))].id
        account_name = customers.account_names[account] if account >= 0 else "Private buyer"
        territory = customers.account_territories[account] if account >= 0 else "London"
        closed = lost_reason = competitor = None
        # Causes before effects: an inbound deal is opened after its lead was accepted,
        # and a closed one closes after it was opened, both before this week.
        if origin == "inbound":
            accepted_day = pipeline.accepted_day[index]
            opened_day = accepted_day + rng.randint(1, min(5, -2 - accepted_day))
        else:
            opened_day = -rng.randint(20, 240)
        closed_day: int | None = None
        if stage in ("Won", "Lost"):
            span = -1 - opened_day
            closed_day = opened_day + rng.randint(min(7, span), span)
            closed = clock.stored(closed_day * MINUTES_PER_DAY + 15 * 60)
            expected_close = clock.day(closed_day)
            if stage == "Lost":
                lost_reason = LOST_REASONS[int(random() * len(LOST_REASONS))]
                if lost_reason == "chose a competitor" or random() < 0.3:
                    competitor = COMPETITORS[int(random() * len(COMPETITORS))]
        else:
            expected_close = clock.day(rng.randint(7, 120))
            if random() < 0.2:
                competitor = COMPETITORS[int(random() * len(COMPETITORS))]
        created = clock.stored(opened_day * MINUTES_PER_DAY + rng.randrange(36, 68) * 15)
        opportunity_id = context.new_id()
        pipeline.deal_days[opportunity_id] = (opened_day, closed_day)
        lead_id = pipeline.lead_of_contact.get(index) if origin == "inbound" else None
        pipeline.opportunity_of_contact[index] = opportunity_id
        if stage == "Won":
            pipeline.won.append((index, opportunity_id, owner))
        rows.append((opportunity_id, created, closed or created, 0,
                     f"{account_name} – {product}",
                     customers.account_ids[account] if account >= 0 else None, contact_id,
                     lead_id, lead_campaigns.get(contact_id) if lead_id else None,
                     context.stage_ids[stage], amount, margin, expected_close, origin, owner,
                     product, territory, closed, lost_reason, competitor))
    return TableRows("opportunities", OPPORTUNITY_COLUMNS, rows)


def intel_rows(context: DemoContext, opportunities: TableRows, pipeline: Pipeline) -> TableRows:
    """Objections, competitor mentions and win stories on opportunities; a few market notes.

    An objection is heard in a call, as the call log records it in normal work: a
    done call activity on a working day between the deal's opening and its close,
    its next step (a follow-up a few days later), and the objection linked to that
    call, dated when the call was made, at the stage the deal was in then. A
    competitor on an open deal was mentioned in a call too; one a deal was lost to is
    recorded when it was lost, with the reason, as the stage move does.
    """
    rng = context.rng
    random = rng.random
    stage_names = {stage_id: name for name, stage_id in context.stage_ids.items()}
    rows: list[tuple[Any, ...]] = []
    for opp in opportunities.rows:
        opp_id, created, name, account_id, contact_id = opp[0], opp[1], opp[4], opp[5], opp[6]
        stage_id, owner, product, competitor = opp[9], opp[14], opp[15], opp[19]
        stage = stage_names[stage_id]
        # Objections are heard in a conversation: a deal past marketing's qualification,
        # with a person to talk to.
        call = None
        if random() < 0.5 and contact_id is not None and stage != "Qualified":
            tag, texts = OBJECTIONS[int(random() * len(OBJECTIONS))]
            call = _call_heard_in(context, pipeline, opp)
            if call is not None:
                call_id, heard, heard_stage = call
                rows.append((context.new_id(), heard, heard, 0, "objection", tag,
                             texts[int(random() * len(texts))], contact_id, account_id, opp_id,
                             call_id, context.stage_ids[heard_stage], product, owner, None))
        if competitor is not None and stage == "Lost":
            # Named when the deal was lost: the stage move records it with the reason.
            closed, reason = opp[17], opp[18]
            rows.append((context.new_id(), closed, closed, 0, "competitor", competitor, reason,
                         contact_id, account_id, opp_id, None, stage_id, product, owner, None))
        elif competitor is not None:
            # Heard in a call: the one the objection was raised in, or a call of its own.
            text = COMPETITOR_MENTIONS[int(random() * len(COMPETITOR_MENTIONS))]
            if call is None and contact_id is not None:
                call = _call_heard_in(context, pipeline, opp)
            mentioned_in: str | None = None
            heard, heard_stage = created, stage
            if call is not None:
                mentioned_in, heard, heard_stage = call
            rows.append((context.new_id(), heard, heard, 0, "competitor", competitor,
                         text.format(competitor=competitor), contact_id, account_id, opp_id,
                         mentioned_in, context.stage_ids[heard_stage], product, owner, None))
        if stage == "Won":
            story = WIN_STORIES[int(random() * len(WIN_STORIES))]
            closed = opp[17]  # the story is told when the deal is won
            rows.append((context.new_id(), closed, closed, 0, "win_story", product,
                         f"{name}: {story}", contact_id, account_id, opp_id, None, stage_id,
                         product, owner, None))
    # Market notes are about a customer's market: each is linked to an account in play.
    accounts = [opp[5] for opp in opportunities.rows if opp[5] is not None]
    for index, note in enumerate(MARKET_NOTES):
        rep = context.team.reps[index % len(context.team.reps)]
        stamp = context.past_stamp(60)
        account = accounts[index * 7 % len(accounts)] if accounts else None
        rows.append((context.new_id(), stamp, stamp, 0, "market_note", "market", note, None,
                     account, None, None, None, None, rep.id, "market_news"))
    return TableRows("intel", INTEL_COLUMNS, rows)


CALL_OUTCOMES_WITH_OBJECTION = ("interested", "asked to call back", "send information",
                                "meeting booked")
STAGES_BEFORE_CLOSE = ("Discovery", "Proposal", "Negotiation")


def _call_heard_in(
    context: DemoContext, pipeline: Pipeline, opp: Sequence[Any]
) -> tuple[str, str, str] | None:
    """The call (and its next step) field intel on ``opp`` was heard in, added to
    ``pipeline.calls``; returns its id, stored time and the deal's stage then.

    None when the deal was opened and closed on consecutive days (no day between).
    """
    rng = context.rng
    stored = context.clock.stored
    day = MINUTES_PER_DAY
    opp_id, name, account_id, contact_id, lead_id, stage_id, owner = (
        opp[0], opp[4], opp[5], opp[6], opp[7], opp[9], opp[14])
    opened_day, closed_day = pipeline.deal_days[opp_id]
    last_day = (closed_day if closed_day is not None else 0) - 1
    if last_day <= opened_day:
        return None
    call_day = rng.randint(opened_day + 1, last_day)
    heard = stored(call_day * day + rng.randrange(36, 66) * 15)  # 09:00-16:15
    if closed_day is None:
        stage = next(n for n, i in context.stage_ids.items() if i == stage_id)
    else:
        stage = STAGES_BEFORE_CLOSE[int(rng.random() * len(STAGES_BEFORE_CLOSE))]
    company = f" – {name.split(' – ')[0]}" if account_id is not None else ""
    subject = ACTIVITY_SUBJECTS["call"][int(rng.random() * len(ACTIVITY_SUBJECTS["call"]))]
    outcome = CALL_OUTCOMES_WITH_OBJECTION[int(rng.random() * len(CALL_OUTCOMES_WITH_OBJECTION))]
    call_id = context.new_id()
    pipeline.calls.append((call_id, heard, heard, 0, "call", f"{subject}{company}", contact_id,
                           account_id, opp_id, lead_id, owner, heard, heard, outcome, None, None))
    # The call's next step, a few days later; done if that day has passed (or the deal closed).
    step_day = call_day + rng.randint(2, 7)
    if closed_day is not None:
        step_day = min(step_day, closed_day)
    due = stored(step_day * day + rng.randrange(36, 66) * 15)
    done = due if step_day < 0 else None
    step_outcome = OUTCOMES[int(rng.random() * len(OUTCOMES))] if done else None
    pipeline.calls.append((context.new_id(), heard, done or heard, 0, "follow_up",
                           f"Follow up on the call{company}", contact_id, account_id, opp_id,
                           lead_id, owner, due, done, step_outcome, None, None))
    return call_id, heard, stage
