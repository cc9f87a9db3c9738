"""``contactdesk target set|show``: outcome targets and their attainment.

``set`` is what the targets view does: one target per outcome, period and
holder (setting it again changes its value). ``show`` lists the targets whose
period contains ``--date`` (default today) with what has been achieved.
``record add target`` writes the same records field by field.
"""

from __future__ import annotations

import argparse
from datetime import date

from contactdesk.cli.campaign_command import acting_user
from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ValidationError
from contactdesk.model.selling import TARGET_METRICS, TARGET_PERIODS
from contactdesk.services.directory import find_user
from contactdesk.services.targets import set_target, target_attainment, targets_on
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="target_action", required=True)
    setting = actions.add_parser("set", help="set an outcome target for a period")
    add_store_option(setting)
    setting.add_argument("--user", metavar="NAME", help="act as this admin or marketer")
    setting.add_argument("--metric", required=True, choices=TARGET_METRICS)
    setting.add_argument("--period", required=True, choices=TARGET_PERIODS)
    setting.add_argument("--date", metavar="DATE", help="a day in the period (default today)")
    setting.add_argument("--value", required=True, type=float)
    holder = setting.add_mutually_exclusive_group()
    holder.add_argument("--rep", metavar="NAME", help="a sales rep's username")
    holder.add_argument("--team", metavar="T")
    holder.add_argument("--territory", metavar="T")
    setting.add_argument("--json", action="store_true")
    show = actions.add_parser("show", help="targets of a day's periods, with attainment")
    add_store_option(show)
    show.add_argument("--user", metavar="NAME", help="read as this user")
    show.add_argument("--date", metavar="DATE", help="the day (default today)")
    show.add_argument("--json", action="store_true")


def _day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("--date", f"{text!r} is not a date (YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        if args.target_action == "set":
            return _set(store, args)
        return _show(store, args)
    finally:
        store.close()


def _set(store: Store, args: argparse.Namespace) -> int:
    actor = acting_user(store, args.user)
    level = "rep" if args.rep else "team" if args.team else "territory" if args.territory else None
    target_id = set_target(
        store,
        actor,
        metric=args.metric,
        period=args.period,
        day=_day(args.date),
        value=args.value,
        level=level or "company",
        user_id=find_user(store, args.rep).id if args.rep else None,
        team=args.team,
        territory=args.territory,
    )
    found = target_attainment(store, actor, target_id)
    if args.json:
        print_json(found.to_json())
    else:
        print(f"{found.metric} target for {found.holder}, {found.period} from "
              f"{found.starts_on.isoformat()}: {found.value:g} (achieved {found.actual:g})")
    return 0


def _show(store: Store, args: argparse.Namespace) -> int:
    rows = [found.to_json() for found in targets_on(store, acting_user(store, args.user),
                                                    _day(args.date))]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, ["metric", "period", "starts_on", "holder", "value", "actual",
                           "attainment"])
    return 0
