"""``contactdesk call log``: log a call the way the call dialog does, next step and all.

The same service as the desktop's call dialog: one unit of work writes the
call, its objections and competitor mentions as field intel, an enquiry-source
correction and the next step. A call needs a next step: a dated follow-up
(``--next-step-at`` with ``--next-step``) or an explicit ``--close REASON``.
"""

from __future__ import annotations

import argparse
import uuid

from contactdesk.cli.output import print_json
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.cli.time_options import add_now_option, now_of, parse_moment
from contactdesk.errors import ValidationError
from contactdesk.selling.call_logging import CallReport, CloseOut, FollowUp, NextStep, log_call
from contactdesk.selling.call_logging import Objection as CallObjection
from contactdesk.services.directory import find_user


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="call_action", required=True)
    log = actions.add_parser("log", help="log a call with its next step")
    add_store_option(log)
    log.add_argument("--user", required=True, metavar="NAME", help="the rep who made the call")
    log.add_argument("--contact", required=True, metavar="ID", help="the contact's id")
    log.add_argument("--outcome", required=True, metavar="TEXT", help="how the call went")
    log.add_argument("--next-step-at", metavar="DATETIME", help="when to follow up")
    log.add_argument("--next-step", metavar="TEXT", help="what the follow-up is")
    log.add_argument("--close", metavar="REASON", help="no next step, on purpose: why")
    log.add_argument("--objection", action="append", default=[], metavar="TAG[:TEXT]",
                     help="an objection the customer raised (repeat for more)")
    log.add_argument("--competitor", action="append", default=[], metavar="NAME",
                     help="a competitor the customer mentioned (repeat for more)")
    log.add_argument("--source", metavar="SOURCE", help="the corrected enquiry source")
    log.add_argument("--notes", metavar="TEXT")
    log.add_argument("--planned", metavar="ID", help="the planned call activity this completes")
    add_now_option(log)
    log.add_argument("--json", action="store_true")


def _next_step(args: argparse.Namespace) -> NextStep:
    if args.close is not None:
        if args.next_step_at or args.next_step:
            raise ValidationError("call.next_step", "give a follow-up or --close, not both")
        return CloseOut(args.close)
    if args.next_step_at is None or args.next_step is None:
        raise ValidationError(
            "call.next_step",
            "a call needs a next step: --next-step-at DATETIME --next-step TEXT, or --close REASON",
        )
    return FollowUp(parse_moment(args.next_step_at, "--next-step-at"), args.next_step)


def _objection(text: str) -> CallObjection:
    tag, _, note = text.partition(":")
    return CallObjection(tag.strip(), note.strip() or None)


def _id(text: str, option: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError(option, f"{text!r} is not a record id") from None


def run(args: argparse.Namespace) -> int:
    report = CallReport(
        contact_id=_id(args.contact, "call.contact"),
        outcome=args.outcome,
        next_step=_next_step(args),
        notes=args.notes,
        objections=tuple(_objection(text) for text in args.objection),
        competitors=tuple(args.competitor),
        enquiry_source=args.source,
        planned_activity_id=_id(args.planned, "call.planned") if args.planned else None,
    )
    store = open_existing_store(args)
    try:
        logged = log_call(store, find_user(store, args.user).actor(), report, now=now_of(args))
    finally:
        store.close()
    if args.json:
        print_json({
            "call_id": str(logged.call_id),
            "follow_up_id": str(logged.follow_up_id) if logged.follow_up_id else None,
            "intel_ids": [str(i) for i in logged.changes.ids("intel")],
        })
    else:
        print(f"logged call {logged.call_id}")
        if logged.follow_up_id:
            print(f"next step {logged.follow_up_id}")
    return 0
