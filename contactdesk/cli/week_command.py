"""``contactdesk week``: a sales rep's week plan as a table, JSON or an .ics file."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ContactDeskError
from contactdesk.locale_text import day_text, moment_text, output_locale
from contactdesk.selling.week_calendar import write_week_calendar
from contactdesk.selling.week_plan import PLAN_KINDS, PlanItem, WeekPlan, week_plan
from contactdesk.services.directory import find_user

ITEM_COLUMNS = ["due", "kind", "subject", "contact", "company", "value", "score", "flag"]
# A deal's value is written with its currency (the row's "currency").
MONEY = {"value": "currency"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--user", required=True, metavar="NAME", help="the rep's username")
    parser.add_argument("--date", metavar="D", help="any day of the week to plan (YYYY-MM-DD)")
    parser.add_argument(
        "--now", metavar="TIME", help="the clock to plan against (ISO time; default: now)"
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=PLAN_KINDS,
        metavar="KIND",
        help=f"only this kind of work (repeatable): {', '.join(PLAN_KINDS)}",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--ics", type=Path, metavar="OUT", help="write the week to an .ics file")


def _parse_day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ContactDeskError(f"--date {text!r} is not a date (use YYYY-MM-DD)") from None


def _parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ContactDeskError(f"--now {text!r} is not a time (use ISO 8601)") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def run(args: argparse.Namespace) -> int:
    day = _parse_day(args.date)
    now = _parse_now(args.now)
    store = open_existing_store(args)
    try:
        user = find_user(store, args.user)
        plan = week_plan(store, user.actor(), user.id, now=now, day=day, kinds=args.kind)
        if args.ics is not None:
            if not args.ics.parent.exists():
                raise ContactDeskError(f"folder {args.ics.parent} does not exist")
            count = write_week_calendar(
                plan, args.ics, calendar_name=f"{user.display_name} – week of {plan.week.monday}"
            )
            print(f"wrote {count} events to {args.ics}")
        elif args.json:
            print_json(plan_as_json(plan, user.username))
        else:
            _print_plan(plan, user.display_name)
        return 0
    finally:
        store.close()


def plan_as_json(plan: WeekPlan, username: str) -> dict[str, Any]:
    """The plan as plain JSON data: one key per section of the sales view."""
    return {
        "user": username,
        "week_start": plan.week.monday,
        "week_end": plan.week.sunday,
        "now": plan.now,
        "overdue": {"total": plan.overdue_total, "items": [_item(i) for i in plan.overdue]},
        "days": [
            {"date": day.day, "total": day.total, "items": [_item(i) for i in day.items]}
            for day in plan.days
        ],
        "leads_without_next_step": [asdict(lead) for lead in plan.leads_without_next_step],
        "lapsed_accounts": [asdict(account) for account in plan.lapsed_accounts],
        "campaigns": [asdict(campaign) for campaign in plan.campaigns],
        "unread_briefs": [asdict(brief) for brief in plan.unread_briefs],
    }


def _item(item: PlanItem) -> dict[str, Any]:
    return {**asdict(item), "done": item.done}


def _row(item: PlanItem) -> dict[str, Any]:
    flag = "overdue" if item.overdue else ("done" if item.done else "")
    return {
        "due": moment_text(item.due_at, output_locale(), weekday=True),
        "kind": item.kind,
        "subject": item.subject,
        "contact": item.contact_name,
        "company": item.account_name,
        "value": item.opportunity_value,
        "currency": item.opportunity_currency,
        "score": item.lead_score,
        "flag": flag,
    }


def _print_plan(plan: WeekPlan, name: str) -> None:
    locale = output_locale()
    monday = day_text(plan.week.monday, locale, weekday=True)
    sunday = day_text(plan.week.sunday, locale, weekday=True)
    print(f"Week of {monday} – {sunday} for {name}")
    if plan.campaigns:
        print("\nCampaigns running")
        print_table(
            [
                {"campaign": c.name, "channel": c.channel, "ends": c.ends_on,
                 "expected leads": c.expected_leads}
                for c in plan.campaigns
            ],
            ["campaign", "channel", "ends", "expected leads"],
        )  # fmt: skip
    for brief in plan.unread_briefs:
        launches = day_text(brief.starts_on, locale, weekday=True)
        print(f"Unread launch brief: {brief.title} (launches {launches})")
    print(f"\nOverdue ({plan.overdue_total})")
    if plan.overdue:
        print_table([_row(item) for item in plan.overdue], ITEM_COLUMNS, money=MONEY)
    for day in plan.days:
        print(f"\n{day_text(day.day, locale, weekday=True)} ({day.total})")
        if day.items:
            print_table([_row(item) for item in day.items], ITEM_COLUMNS, money=MONEY)
    if plan.leads_without_next_step:
        print("\nOpen leads with no next step")
        print_table(
            [
                {"contact": lead.contact_name, "status": lead.status, "score": lead.score,
                 "source": lead.source}
                for lead in plan.leads_without_next_step
            ],
            ["contact", "status", "score", "source"],
        )  # fmt: skip
    if plan.lapsed_accounts:
        print("\nKeep in touch: cadence ran out")
        print_table(
            [
                {"account": a.name, "every (days)": a.keep_in_touch_days,
                 "last contact": a.last_done_at.date() if a.last_done_at else "never"}
                for a in plan.lapsed_accounts
            ],
            ["account", "every (days)", "last contact"],
        )  # fmt: skip
