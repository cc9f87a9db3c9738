"""``contactdesk lead handoff|clocks|accept|reject``: hand leads to sales, act on missed
deadlines, and the rep's verdict on a handed-off lead (rating 1-5, reason when rejected).

``lead clocks`` records every lead whose follow-up clock ran out and re-routes
or escalates it by the routing rules: run it from cron (a marketer's sync and
the lead list's "Act on missed deadlines" button do the same; opening a view never does).

Prints what was handed to whom and what was skipped, with the reason; with
``--json`` the report as ``{"segment", "handed_off": [...], "skipped": [...],
"counts": {...}}``. Runs as the store's owner unless ``--user NAME`` is given.
"""

from __future__ import annotations

import argparse
import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

from contactdesk.cli.campaign_command import acting_user
from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.cli.time_options import add_now_option, now_of, parse_moment
from contactdesk.errors import ValidationError
from contactdesk.marketing.campaigns import campaign_by_name
from contactdesk.marketing.follow_up_clock import enforce_follow_up_clocks
from contactdesk.marketing.lead_handoff import find_rep, hand_off_leads, hand_off_segment
from contactdesk.marketing.lead_scoring import (
    explain_score,
    learned_weights,
    qualification_threshold,
)
from contactdesk.marketing.routing_rules import EXPIRY_ACTIONS, routing_rules, set_routing_rules
from contactdesk.model.base import utc_now
from contactdesk.selling.lead_inbox import REJECTION_REASONS, accept_lead, reject_lead
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.store import Store

# When an accepted lead's first follow-up is planned if the rep names no time.
FIRST_FOLLOW_UP = timedelta(days=1)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="lead_action", required=True)
    handoff = actions.add_parser("handoff", help="hand a segment's leads to sales")
    add_store_option(handoff)
    which = handoff.add_mutually_exclusive_group(required=True)
    which.add_argument("--segment", metavar="NAME", help="saved segment")
    which.add_argument(
        "--lead", action="append", metavar="LEAD_ID", help="existing leads (re-hand them)"
    )
    target = handoff.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", metavar="REP", help="the sales rep's username")
    target.add_argument("--route", action="store_true", help="route by the routing rules")
    handoff.add_argument("--campaign", metavar="NAME", help="campaign new leads come from")
    handoff.add_argument("--user", metavar="NAME", help="act as this marketer")
    handoff.add_argument("--json", action="store_true")
    clocks = actions.add_parser("clocks", help="re-route or escalate leads whose deadline passed")
    add_store_option(clocks)
    clocks.add_argument("--user", metavar="NAME", help="act as this marketer")
    clocks.add_argument("--json", action="store_true")
    for verdict, summary in (("accept", "accept a handed-off lead"),
                             ("reject", "reject a handed-off lead, with the reason")):
        action = actions.add_parser(verdict, help=summary, description=summary)
        action.add_argument("lead_id", metavar="LEAD_ID")
        add_store_option(action)
        action.add_argument("--user", required=True, metavar="NAME", help="the rep")
        action.add_argument("--quality", type=int, metavar="1-5", help="how good the lead was")
        action.add_argument("--reason", metavar="R",
                            help="reject: " + " | ".join(REJECTION_REASONS))
        action.add_argument("--note", metavar="TEXT", help="reject: more on the reason")
        action.add_argument("--follow-up-at", metavar="DATETIME",
                            help="accept: the first follow-up (default: a day later)")
        add_now_option(action)
        action.add_argument("--json", action="store_true")
    explain = actions.add_parser("explain", help="why a lead scored what it did")
    explain.add_argument("lead_id", metavar="LEAD_ID")
    weights = actions.add_parser("weights", help="learned score weights now and a month ago")
    for action in (explain, weights):
        add_store_option(action)
        action.add_argument("--json", action="store_true")
    routing = actions.add_parser("routing", help="show the routing rules, or change them")
    add_store_option(routing)
    routing.add_argument("--user", metavar="NAME", help="act as this marketer")
    routing.add_argument("--match-territory", choices=["yes", "no"])
    routing.add_argument(
        "--industry-team", action="append", metavar="INDUSTRY=TEAM", help="replaces the list"
    )
    routing.add_argument("--max-open", type=int, metavar="N", help="open leads per rep (0: no cap)")
    routing.add_argument("--on-expired", choices=list(EXPIRY_ACTIONS))
    routing.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    if args.lead_action == "clocks":
        return _clocks(args)
    if args.lead_action in ("explain", "weights"):
        return _score_command(args)
    if args.lead_action in ("accept", "reject"):
        return _verdict(args)
    if args.lead_action == "routing":
        return _routing(args)
    store = open_existing_store(args)
    try:
        actor = acting_user(store, args.user)
        rep = find_rep(store, args.to) if args.to else None
        campaign = campaign_by_name(store, args.campaign) if args.campaign else None
        if args.lead:
            report = hand_off_leads(
                store, actor, [_lead_id(text) for text in args.lead], utc_now(), to_rep=rep
            )
        else:
            report = hand_off_segment(
                store, actor, args.segment, utc_now(), to_rep=rep, campaign_id=campaign
            )
    finally:
        store.close()
    if args.json:
        print_json({"segment": args.segment, **report.to_json()})
        return 0
    print(f"handed off {len(report.handed_off)}, skipped {len(report.skipped)}")
    if report.handed_off:
        print_table([vars(r) for r in report.handed_off], ["contact", "owner", "score", "reason"])
    if report.skipped:
        print_table([vars(r) for r in report.skipped], ["contact", "score", "reason"])
    return 0


def _clocks(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        misses = enforce_follow_up_clocks(store, acting_user(store, args.user), utc_now())
    finally:
        store.close()
    rows = [
        {
            "lead_id": str(miss.lead_id),
            "due_at": miss.due_at.isoformat(),
            "action": miss.action,
            "new_owner_id": str(miss.new_owner_id) if miss.new_owner_id else None,
            "reason": miss.reason,
        }
        for miss in misses
    ]
    if args.json:
        print_json({"missed": rows, "count": len(rows)})
        return 0
    print(f"missed deadlines handled: {len(rows)}")
    if rows:
        print_table(rows, ["lead_id", "due_at", "action", "new_owner_id", "reason"])
    return 0


def _score_command(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        if args.lead_action == "explain":
            return _explain(store, args)
        moves = learned_weights(store, utc_now())
    finally:
        store.close()
    rows = [
        {
            "kind": move.kind,
            "name": move.name,
            "accepted": move.decisions.accepted,
            "rejected": move.decisions.rejected,
            "rated": move.decisions.rated,
            "points_now": move.points_now,
            "points_month_ago": move.points_month_ago,
        }
        for move in moves
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(rows, list(rows[0]) if rows else ["kind", "name"])
    return 0


def _lead_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError("LEAD_ID", f"{text!r} is not a lead id") from None


def _explain(store: Store, args: argparse.Namespace) -> int:
    lead_id = _lead_id(args.lead_id)
    score = explain_score(store, Actor.system(), lead_id, utc_now())
    reasons = [vars(reason) for reason in score.reasons]
    if args.json:
        print_json(
            {
                "score": score.total,
                "fit": score.fit,
                "engagement": score.engagement,
                "history": score.history,
                "reasons": reasons,
            }
        )
        return 0
    print(
        f"score {score.total:g} = fit {score.fit:g} + engagement {score.engagement:g}"
        f" + history {score.history:g}"
    )
    print_table(reasons, ["part", "label", "points"])
    return 0


def _verdict(args: argparse.Namespace) -> int:
    try:
        lead_id = uuid.UUID(args.lead_id.strip())
    except ValueError:
        raise ValidationError("lead.id", f"{args.lead_id!r} is not a record id") from None
    if args.quality is None:
        raise ValidationError("lead.quality", "rate the lead's quality with --quality 1-5")
    now = now_of(args)
    store = open_existing_store(args)
    try:
        actor = find_user(store, args.user).actor()
        if args.lead_action == "accept":
            follow_up = (
                parse_moment(args.follow_up_at, "--follow-up-at")
                if args.follow_up_at
                else now + FIRST_FOLLOW_UP
            )
            verdict = accept_lead(
                store, actor, lead_id, quality=args.quality, follow_up_at=follow_up, now=now
            )
        else:
            if args.reason is None:
                raise ValidationError("lead.rejection_reason", "a rejection needs --reason")
            verdict = reject_lead(
                store, actor, lead_id, reason=args.reason, quality=args.quality, now=now,
                note=args.note,
            )
    finally:
        store.close()
    status = "accepted" if args.lead_action == "accept" else "rejected"
    follow_up_id = str(verdict.follow_up_id) if verdict.follow_up_id else None
    if args.json:
        print_json({"id": str(lead_id), "status": status, "follow_up_id": follow_up_id})
    else:
        print(f"lead {lead_id} {status}" + (f", follow-up {follow_up_id}" if follow_up_id else ""))
    return 0


def _routing(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        rules = routing_rules(store)
        changes: dict[str, Any] = {}
        if args.match_territory is not None:
            changes["match_territory"] = args.match_territory == "yes"
        if args.industry_team is not None:
            pairs = [item.partition("=") for item in args.industry_team]
            changes["industry_teams"] = {name.strip(): team.strip() for name, _, team in pairs}
        if args.max_open is not None:
            changes["max_open_leads"] = args.max_open or None
        if args.on_expired is not None:
            changes["on_expired"] = args.on_expired
        if changes:
            rules = replace(rules, **changes)
            set_routing_rules(store, acting_user(store, args.user), rules)
        threshold = qualification_threshold(store)
    finally:
        store.close()
    shown = {**rules.to_json(), "score_threshold": threshold}
    if args.json:
        print_json(shown)
    else:
        for name, value in shown.items():
            print(f"{name}: {value}")
    return 0
