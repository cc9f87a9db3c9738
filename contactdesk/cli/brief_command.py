"""``contactdesk brief list|show|read|ready|readiness``: launch briefs from a terminal.

``list`` shows the current briefs with the user's own marks; ``read`` and
``ready`` mark a brief for the user (a rep); ``readiness`` shows, per team and
per rep, who read it and who is ready. ``--json`` prints the same data.
"""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from typing import Any

from contactdesk.cli.campaign_command import acting_user
from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ValidationError
from contactdesk.marketing.launch_briefs import (
    brief_readiness,
    briefs_for_rep,
    get_brief,
    mark_brief_read,
    mark_brief_ready,
)
from contactdesk.services.actor import Actor
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="brief_action", required=True)
    listing = actions.add_parser("list", help="current briefs with your marks")
    show = actions.add_parser("show", help="one brief in full")
    read = actions.add_parser("read", help="mark a brief read")
    ready = actions.add_parser("ready", help="mark yourself ready to sell what it launches")
    readiness = actions.add_parser("readiness", help="who read it and who is ready, per team")
    for action in (show, read, ready, readiness):
        action.add_argument("brief_id", metavar="BRIEF_ID")
    for action in (listing, show, read, ready, readiness):
        add_store_option(action)
        action.add_argument("--user", metavar="NAME", help="act as this user")
        action.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        actor = acting_user(store, args.user)
        return _ACTIONS[args.brief_action](store, actor, args)
    finally:
        store.close()


def _brief_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ValidationError("BRIEF_ID", f"{text!r} is not a brief id") from None


def _list(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    rows = [
        {
            "id": item.brief["id"],
            "title": item.brief["title"],
            "starts_on": item.brief.get("starts_on"),
            "read_at": item.read_at,
            "ready_at": item.ready_at,
        }
        for item in briefs_for_rep(store, actor, date.today())
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["id", "title", "starts_on", "read_at", "ready_at"])
    return 0


def _show(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    brief = get_brief(store, actor, _brief_id(args.brief_id))
    if args.json:
        print_json(brief)
    else:
        for name, value in brief.items():
            if value not in (None, "", []):
                print(f"{name}: {value}")
    return 0


def _mark(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    action = mark_brief_ready if args.brief_action == "ready" else mark_brief_read
    action(store, actor, _brief_id(args.brief_id))
    word = "ready" if args.brief_action == "ready" else "read"
    if args.json:
        print_json({"brief_id": args.brief_id, "marked": word})
    else:
        print(f"marked {word}")
    return 0


def _readiness(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    report = brief_readiness(store, actor, _brief_id(args.brief_id), date.today())
    teams = [vars(team) | {"not_ready": list(team.not_ready)} for team in report.teams]
    reps: list[dict[str, Any]] = [
        {"name": rep.name, "team": rep.team, "read_at": rep.read_at, "ready_at": rep.ready_at}
        for rep in report.reps
    ]
    if args.json:
        print_json(
            {
                "brief": report.title,
                "starts_on": report.starts_on,
                "days_to_start": report.days_to_start,
                "teams": teams,
                "reps": reps,
            }
        )
        return 0
    print(f"{report.title}: starts {report.starts_on or 'undated'}")
    print_table(teams, ["team", "reps", "read", "ready", "not_ready"])
    print_table(reps, ["name", "team", "read_at", "ready_at"])
    return 0


_ACTIONS = {
    "list": _list,
    "show": _show,
    "read": _mark,
    "ready": _mark,
    "readiness": _readiness,
}
