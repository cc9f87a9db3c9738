"""``contactdesk funnel show|propose|agree|rule``: the funnel contract between the teams.

``show`` prints the agreed versions, the open proposal and the live terms;
``propose`` (marketing or an admin) proposes the live stages with a hand-off
threshold and follow-up hours; ``agree`` (a sales team lead, or each team lead
the company's ``rule`` asks for) agrees to the open proposal, and the last
needed agreement makes it the next version. ``--json`` prints
``{"agreed": [...], "proposal": {...} | null, "live": {...}, "rule": ...}``
for ``show`` and the resulting version or proposal for the others.
"""

from __future__ import annotations

import argparse
from typing import Any

from contactdesk.cli.campaign_command import acting_user, day_option
from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.marketing.funnel_contract import (
    AGREEMENT_RULES,
    ContractProposal,
    FunnelContract,
    agree_funnel_contract,
    agreement_rule,
    contract_history,
    live_terms,
    pending_proposal,
    propose_funnel_contract,
    set_agreement_rule,
)
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="funnel_action", required=True)
    show = actions.add_parser("show", help="agreed versions, the open proposal, live terms")
    propose = actions.add_parser("propose", help="propose the funnel contract (marketing)")
    propose.add_argument("--threshold", type=float, metavar="SCORE", help="hand-off score 0-100")
    propose.add_argument("--follow-up-hours", type=int, metavar="H", help="follow-up deadline")
    agree = actions.add_parser("agree", help="agree to the open proposal (a team lead)")
    rule = actions.add_parser("rule", help="whose agreement a proposal needs (admins)")
    rule.add_argument("rule", choices=list(AGREEMENT_RULES))
    for action in (show, propose, agree, rule):
        add_store_option(action)
        action.add_argument("--user", metavar="NAME", help="act as this user")
        action.add_argument("--json", action="store_true")
    for action in (propose, agree):
        action.add_argument("--date", metavar="DATE", help="the day (default today)")
        action.add_argument("--note", default="", help="what changed and why")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        actor = acting_user(store, args.user)
        if args.funnel_action == "show":
            return _show(store, as_json=args.json)
        if args.funnel_action == "rule":
            set_agreement_rule(store, actor, args.rule)
            return _show(store, as_json=args.json)
        if args.funnel_action == "propose":
            result: FunnelContract | ContractProposal = propose_funnel_contract(
                store,
                actor,
                day_option(args.date),
                score_threshold=args.threshold,
                follow_up_hours=args.follow_up_hours,
                note=args.note,
            )
        else:
            result = agree_funnel_contract(store, actor, day_option(args.date), args.note)
    finally:
        store.close()
    _print_result(result, as_json=args.json)
    return 0


def _print_result(result: FunnelContract | ContractProposal, *, as_json: bool) -> None:
    if as_json:
        print_json(result.to_json())
    elif isinstance(result, FunnelContract):
        print(f"agreed: funnel contract version {result.version} ({result.agreed_on})")
    elif result.waiting_for():
        print("proposed; waiting for the lead of: " + ", ".join(result.waiting_for()))


def _show(store: Store, *, as_json: bool) -> int:
    agreed = contract_history(store)
    proposal = pending_proposal(store)
    live = live_terms(store)
    if as_json:
        print_json(
            {
                "agreed": [version.to_json() for version in agreed],
                "proposal": proposal.to_json() if proposal else None,
                "live": live.to_json(),
                "rule": agreement_rule(store),
            }
        )
        return 0
    if agreed:
        print_table([_summary(version) for version in agreed], list(_summary(agreed[0])))
    else:
        print("no funnel contract agreed yet")
    if proposal is not None:
        terms = proposal.terms
        print(
            f"proposed by {proposal.proposed_by} on {proposal.proposed_on}: threshold"
            f" {terms.score_threshold:g}, follow-up {terms.follow_up_hours} h; waiting for the"
            f" lead of: {', '.join(proposal.waiting_for())}"
        )
    print(f"live terms (agreement needs: {agreement_rule(store).replace('_', ' ')}):")
    print_table([vars(stage) for stage in live.stages], ["name", "owner_team", "probability"])
    return 0


def _summary(version: FunnelContract) -> dict[str, Any]:
    return {
        "version": version.version,
        "agreed_on": version.agreed_on,
        "threshold": version.score_threshold,
        "follow_up_hours": version.follow_up_hours,
        "agreed_by": version.recorded_by,
        "note": version.note,
    }
