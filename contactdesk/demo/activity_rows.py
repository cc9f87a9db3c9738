"""Demo activities: about three per contact, laid out around the current week.

Most are done (in the past half year), some are overdue (due before this week,
not done), some are due this week and some are planned for the coming weeks.
Won opportunities get a done hand-over activity for the after-sale owner, in the
days after the win. The calls objections were heard in, and their next steps, come
from the intel generator (``Pipeline.calls``) and are written here with the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contactdesk.demo.customer_rows import Customers
from contactdesk.demo.demo_context import MINUTES_PER_DAY, RECORD_COLUMNS, DemoContext
from contactdesk.demo.selling_rows import Pipeline
from contactdesk.demo.table_rows import TableRows
from contactdesk.demo.vocabulary import ACTIVITY_KINDS, ACTIVITY_SUBJECTS, OUTCOMES

ACTIVITY_COLUMNS = (*RECORD_COLUMNS, "kind", "subject", "contact_id", "account_id",
                    "opportunity_id", "lead_id", "owner_id", "due_at", "done_at", "outcome",
                    "notes", "close_reason")
# How many activities contact number i gets cycles through this, averaging three.
PER_CONTACT = (1, 3, 5, 2, 4)
DONE, OVERDUE, THIS_WEEK = 0.64, 0.72, 0.87  # cumulative shares; the rest is upcoming


def expected_activities(contacts: int, won: int) -> int:
    full, rest = divmod(contacts, len(PER_CONTACT))
    return full * sum(PER_CONTACT) + sum(PER_CONTACT[:rest]) + won


def activity_rows(context: DemoContext, customers: Customers, pipeline: Pipeline) -> TableRows:
    count = expected_activities(len(customers.contact_ids), len(pipeline.won)) + len(
        pipeline.calls
    )
    return TableRows("activities", ACTIVITY_COLUMNS, _activities(context, customers, pipeline),
                     count)


def _activities(
    context: DemoContext, customers: Customers, pipeline: Pipeline
) -> Iterator[tuple[Any, ...]]:
    rng = context.rng
    random = rng.random
    stored = context.clock.stored
    new_id = context.ids
    account_ids = customers.account_ids
    account_names = customers.account_names
    contact_accounts = customers.contact_accounts
    contact_owners = customers.contact_owners
    leads = pipeline.lead_of_contact
    opportunities = pipeline.opportunity_of_contact
    day = MINUTES_PER_DAY
    n_kinds, n_outcomes, cycle = len(ACTIVITY_KINDS), len(OUTCOMES), len(PER_CONTACT)
    for index, contact_id in enumerate(customers.contact_ids):
        account = contact_accounts[index]
        account_id = account_ids[account] if account >= 0 else None
        company = account_names[account] if account >= 0 else None
        owner = contact_owners[index]
        lead_id = leads.get(index)
        opportunity_id = opportunities.get(index)
        for number in range(PER_CONTACT[index % cycle]):
            kind = ACTIVITY_KINDS[int(random() * n_kinds)]
            options = ACTIVITY_SUBJECTS[kind]
            subject = options[int(random() * len(options))]
            if company is not None:
                subject = f"{subject} – {company}"
            slot = 8 * 60 + int(random() * 36) * 15  # 08:00-16:45 on the week's clock
            where = random()
            done = outcome = None
            if where < DONE:
                due = stored(-(1 + int(random() * 180)) * day + slot)
                done = due
                outcome = OUTCOMES[int(random() * n_outcomes)] if kind != "task" else None
            elif where < OVERDUE:
                due = stored(-(1 + int(random() * 21)) * day + slot)
            elif where < THIS_WEEK:
                due = stored(int(random() * 5) * day + slot)
            else:
                due = stored((7 + int(random() * 42)) * day + slot)
            created = stored(-(181 + int(random() * 30)) * day + slot)
            if number:
                yield (new_id(), created, done or created, 0, kind, subject, contact_id,
                       account_id, None, None, owner, due, done, outcome, None, None)
            else:
                yield (new_id(), created, done or created, 0, kind, subject, contact_id,
                       account_id, opportunity_id, lead_id, owner, due, done, outcome, None,
                       None)
    for index, opportunity_id, owner in pipeline.won:
        account = customers.contact_accounts[index]
        # Handed over in the days after the win, never before it.
        closed_day = pipeline.deal_days[opportunity_id][1]
        assert closed_day is not None
        handed_day = closed_day + 1 + int(random() * 3)
        if handed_day < 0:
            due = stored(handed_day * day + 11 * 60)
        else:  # won yesterday (15:00): handed over the same afternoon
            due = stored(closed_day * day + 16 * 60 + 30)
        yield (context.new_id(), due, due, 0, "handover", "Hand over to account management",
               customers.contact_ids[index], account_ids[account] if account >= 0 else None,
               opportunity_id, None, owner, due, due, "handed over", None, None)
    # The calls field intel was heard in (built with the intel, see selling_rows).
    yield from pipeline.calls
