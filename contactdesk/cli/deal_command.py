"""``contactdesk deal move``: move a deal to a funnel stage, with what won and lost must capture.

The same service as the pipeline board's drag: won needs ``--win-story`` and
``--after-sale-owner`` (who looks after the customer now; a hand-over activity
is recorded), lost needs ``--lost-reason`` and takes ``--competitor``.
"""

from __future__ import annotations

import argparse
import uuid

from contactdesk.cli.output import print_json
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.cli.time_options import add_now_option, now_of
from contactdesk.errors import ValidationError
from contactdesk.selling.opportunity_progress import LossCapture, WinCapture, move_opportunity
from contactdesk.services.directory import find_user
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="deal_action", required=True)
    move = actions.add_parser("move", help="move a deal to another funnel stage")
    move.add_argument("deal_id", metavar="DEAL_ID")
    move.add_argument("stage", metavar="STAGE", help="the stage's name")
    add_store_option(move)
    move.add_argument("--user", required=True, metavar="NAME")
    move.add_argument("--win-story", metavar="TEXT", help="won: what made the customer buy")
    move.add_argument("--after-sale-owner", metavar="NAME", help="won: who looks after them now")
    move.add_argument("--lost-reason", metavar="R", help="lost: why")
    move.add_argument("--competitor", metavar="NAME", help="lost: the competitor who won it")
    add_now_option(move)
    move.add_argument("--json", action="store_true")


def _deal_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError("opportunity.id", f"{text!r} is not a record id") from None


def _win(store: Store, args: argparse.Namespace) -> WinCapture | None:
    if args.win_story is None and args.after_sale_owner is None:
        return None
    if args.after_sale_owner is None:
        raise ValidationError(
            "account.after_sale_owner_id", "a won deal needs --after-sale-owner NAME"
        )
    return WinCapture(args.win_story or "", find_user(store, args.after_sale_owner).id)


def run(args: argparse.Namespace) -> int:
    deal_id = _deal_id(args.deal_id)
    store = open_existing_store(args)
    try:
        actor = find_user(store, args.user).actor()
        loss = (
            LossCapture(args.lost_reason or "", args.competitor)
            if args.lost_reason is not None or args.competitor is not None
            else None
        )
        moved = move_opportunity(
            store, actor, deal_id, args.stage, now=now_of(args), win=_win(store, args), loss=loss
        )
    finally:
        store.close()
    if args.json:
        print_json({
            "id": str(moved.opportunity_id),
            "stage": moved.stage.name,
            "outcome": moved.stage.outcome,
        })
    else:
        print(f"moved to {moved.stage.name}")
    return 0
