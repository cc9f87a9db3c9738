"""``contactdesk campaign add|list``: create campaigns and list them from a terminal.

Runs as the store's owner (admin rights) unless ``--user NAME`` names the
marketer to act as (and to own the new campaign).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ValidationError
from contactdesk.marketing.campaigns import CAMPAIGN_STATES, add_campaign, list_campaigns
from contactdesk.model.marketing import CHANNELS
from contactdesk.segments.saved_segments import open_segment
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.record_queries import get_record
from contactdesk.store import Store

LIST_COLUMNS = ["name", "channel", "state", "starts_on", "ends_on", "expected_leads", "leads"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="campaign_action", required=True)
    add = actions.add_parser("add", help="create a campaign")
    add_store_option(add)
    add.add_argument("--name", required=True)
    add.add_argument("--channel", required=True, help=" | ".join(CHANNELS))
    add.add_argument("--starts", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    add.add_argument("--ends", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    add.add_argument("--product")
    add.add_argument("--segment", metavar="NAME", help="the saved segment it targets")
    add.add_argument("--budget", type=float)
    add.add_argument("--spend", type=float, help="spend to date")
    add.add_argument("--expected-leads", type=int, metavar="N")
    add.add_argument("--user", metavar="NAME", help="act as this marketer (default: store owner)")
    add.add_argument("--json", action="store_true")

    listing = actions.add_parser("list", help="list campaigns")
    add_store_option(listing)
    listing.add_argument("--state", choices=CAMPAIGN_STATES, help="only those in this state")
    listing.add_argument("--date", metavar="DATE", help="the day states refer to (default today)")
    listing.add_argument("--user", metavar="NAME", help="list as this user sees them")
    listing.add_argument("--json", action="store_true")


def acting_user(store: Store, username: str | None) -> Actor:
    """The named user's actor, or the store owner's system actor."""
    return find_user(store, username).actor() if username else Actor.system()


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        actor = acting_user(store, args.user)
        if args.campaign_action == "add":
            return _add(store, actor, args)
        return _list(store, actor, args)
    finally:
        store.close()


def _add(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    values: dict[str, Any] = {
        "name": args.name,
        "channel": args.channel,
        "starts_on": args.starts,
        "ends_on": args.ends,
        "product": args.product,
        "budget": args.budget,
        "spend": args.spend,
        "expected_leads": args.expected_leads,
    }
    if args.segment:
        values["segment_id"] = open_segment(store, args.segment).id
    campaign_id = add_campaign(store, actor, {k: v for k, v in values.items() if v is not None})
    record = get_record(store, actor, "campaign", campaign_id)
    if args.json:
        print_json(record)
    else:
        print(f"added campaign {record['name']} ({record['starts_on']} to {record['ends_on']})")
    return 0


def day_option(text: str | None) -> date:
    """A --date option as a day (today when not given); a bad date names the option."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("--date", f"{text!r} is not a date (YYYY-MM-DD)") from None


def _list(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    summaries = list_campaigns(store, actor, day_option(args.date), state=args.state)
    rows = [
        {**summary.record, "state": summary.state, "leads": summary.leads_so_far}
        for summary in summaries
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, LIST_COLUMNS)
    return 0
