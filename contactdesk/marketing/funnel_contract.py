"""The funnel contract: stages, owning teams, qualification threshold and follow-up hours
agreed by both teams as one versioned agreement, with every earlier version kept.

The live terms are the funnel stages (``funnel`` service) and the hand-off
rules (``company_settings``). Marketing (or an admin) proposes: the live
stages with their owning teams, and the hand-off threshold and follow-up hours
it wants. Sales agrees: a sales team lead, or, when the company setting
``funnel_agreement`` says ``both_leads``, the sales and the marketing team
lead. The last needed agreement makes the proposal the next version with its
"agreed on" date and puts its threshold and hours in force. Reports ask
``contract_in_force(store, day)`` which version their numbers were measured
under. Versions and the open proposal live in the ``funnel_contract`` setting
(a short list that changes a few times a year).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.marketing.marketing_settings import read_in, write_in
from contactdesk.model import Role, User
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import can
from contactdesk.services.company_settings import handoff_rules, read_setting
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.funnel import list_stages
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

CONTRACT_KEY = "funnel_contract"
AGREEMENT_KEY = "funnel_agreement"
# Who must agree to a proposal: a sales team lead, or the sales and the marketing lead.
AGREEMENT_RULES = {"sales_lead": ("sales",), "both_leads": ("sales", "marketing")}


@dataclass(frozen=True)
class ContractStage:
    """A funnel stage as agreed: its name, the team that owns it, its win probability."""

    name: str
    owner_team: str
    probability: float


@dataclass(frozen=True)
class FunnelContract:
    """One version of the agreement. ``version`` 0 means the live terms, not yet agreed."""

    version: int
    agreed_on: date | None
    stages: tuple[ContractStage, ...]
    score_threshold: float
    follow_up_hours: int
    note: str = ""
    recorded_by: str = ""

    def terms(self) -> tuple[Any, ...]:
        """What was agreed, without who and when: equal terms mean nothing changed."""
        return (self.stages, self.score_threshold, self.follow_up_hours)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "agreed_on": self.agreed_on.isoformat() if self.agreed_on else None,
            "stages": [vars(stage) for stage in self.stages],
            "score_threshold": self.score_threshold,
            "follow_up_hours": self.follow_up_hours,
            "note": self.note,
            "recorded_by": self.recorded_by,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> FunnelContract:
        agreed = value.get("agreed_on")
        return cls(
            version=int(value["version"]),
            agreed_on=date.fromisoformat(agreed) if agreed else None,
            stages=tuple(
                ContractStage(s["name"], s["owner_team"], float(s["probability"]))
                for s in value.get("stages", [])
            ),
            score_threshold=float(value["score_threshold"]),
            follow_up_hours=int(value["follow_up_hours"]),
            note=str(value.get("note", "")),
            recorded_by=str(value.get("recorded_by", "")),
        )


@dataclass(frozen=True)
class ContractProposal:
    """Terms proposed and not yet agreed: who proposed them, when, and who agreed so far."""

    terms: FunnelContract
    proposed_by: str
    proposed_on: date
    agreed_by: tuple[tuple[str, str], ...]  # (team, username) of each lead who agreed
    needed: tuple[str, ...]  # the teams whose lead must agree

    def waiting_for(self) -> tuple[str, ...]:
        """The teams whose lead has not agreed yet."""
        done = {team for team, _ in self.agreed_by}
        return tuple(team for team in self.needed if team not in done)

    def to_json(self) -> dict[str, Any]:
        """The stored form; ``waiting_for`` is derived, shown only to readers."""
        return {
            "terms": self.terms.to_json(),
            "waiting_for": list(self.waiting_for()),
            "proposed_by": self.proposed_by,
            "proposed_on": self.proposed_on.isoformat(),
            "agreed_by": [list(pair) for pair in self.agreed_by],
        }


def _versions(value: Any) -> list[FunnelContract]:
    raw = value.get("versions", []) if isinstance(value, dict) else []
    return sorted((FunnelContract.from_json(item) for item in raw), key=lambda c: c.version)


def _proposal(value: Any, needed: tuple[str, ...]) -> ContractProposal | None:
    raw = value.get("proposal") if isinstance(value, dict) else None
    if not isinstance(raw, dict):
        return None
    return ContractProposal(
        terms=FunnelContract.from_json(raw["terms"]),
        proposed_by=str(raw["proposed_by"]),
        proposed_on=date.fromisoformat(raw["proposed_on"]),
        agreed_by=tuple((str(team), str(name)) for team, name in raw.get("agreed_by", [])),
        needed=needed,
    )


def agreement_rule(store: Store) -> str:
    """``sales_lead`` (the default) or ``both_leads``: whose agreement a proposal needs."""
    value = read_setting(store, AGREEMENT_KEY)
    return value if value in AGREEMENT_RULES else "sales_lead"


def pending_proposal(store: Store) -> ContractProposal | None:
    """The proposal waiting for agreement, or None."""
    return _proposal(read_setting(store, CONTRACT_KEY), AGREEMENT_RULES[agreement_rule(store)])


def live_terms(store: Store) -> FunnelContract:
    """The terms in the store now (version 0 until agreed): stages and hand-off rules."""
    rules = handoff_rules(store)
    stages = tuple(
        ContractStage(stage.name, stage.owner_team, stage.probability)
        for stage in list_stages(store)
    )
    return FunnelContract(0, None, stages, rules.score_threshold, rules.follow_up_hours)


def contract_history(store: Store) -> list[FunnelContract]:
    """Every agreed version, oldest first."""
    return _versions(read_setting(store, CONTRACT_KEY))


def current_contract(store: Store) -> FunnelContract | None:
    """The latest agreed version, or None before the first agreement."""
    history = contract_history(store)
    return history[-1] if history else None


def contract_in_force(store: Store, day: date) -> FunnelContract | None:
    """The version in force on ``day``: the latest agreed on or before it (None: none yet)."""
    # Versions are agreed in date order (enforced on agreeing), so the last one
    # agreed on or before the day is the one in force.
    agreed = [c for c in contract_history(store) if c.agreed_on is not None and c.agreed_on <= day]
    return agreed[-1] if agreed else None


def contracts_in_force_between(store: Store, start: date, end: date) -> list[FunnelContract]:
    """Every version in force at some time from ``start`` to ``end``, oldest first."""
    history = [c for c in contract_history(store) if c.agreed_on is not None]
    at_start = [c for c in history if c.agreed_on is not None and c.agreed_on <= start]
    during = [c for c in history if c.agreed_on is not None and start < c.agreed_on <= end]
    return at_start[-1:] + during


def terms_match_contract(store: Store) -> bool:
    """Whether the live stages and hand-off rules are exactly the latest agreed version."""
    current = current_contract(store)
    return current is not None and current.terms() == live_terms(store).terms()


def propose_funnel_contract(
    store: Store,
    actor: Actor,
    proposed_on: date,
    *,
    score_threshold: float | None = None,
    follow_up_hours: int | None = None,
    note: str = "",
) -> ContractProposal:
    """Propose the live stages with this threshold and these hours (marketing or admins).

    A new proposal replaces an open one (and its agreements): sales agrees to
    exactly the terms it was shown. Refused when the terms equal the latest version.
    """
    require_marketing(store, actor, "hand_off_leads", "propose the funnel contract")
    live = live_terms(store)
    threshold = live.score_threshold if score_threshold is None else float(score_threshold)
    hours = live.follow_up_hours if follow_up_hours is None else int(follow_up_hours)
    if not 0 <= threshold <= 100:
        raise ValidationError("funnel_contract.score_threshold", "must be between 0 and 100")
    if not 1 <= hours <= 24 * 60:
        raise ValidationError("funnel_contract.follow_up_hours", "must be between 1 and 1440")
    terms = replace(
        live, score_threshold=threshold, follow_up_hours=hours, note=note.strip()
    )
    needed = AGREEMENT_RULES[agreement_rule(store)]
    with unit_of_work(store, actor) as work:
        stored = read_in(work, CONTRACT_KEY)
        history = _versions(stored)
        if history and history[-1].terms() == terms.terms():
            raise ValidationError(
                "funnel_contract", f"nothing changed since version {history[-1].version}"
            )
        proposal = ContractProposal(terms, actor.username, proposed_on, (), needed)
        value = dict(stored) if isinstance(stored, dict) else {}
        write_in(work, CONTRACT_KEY, {**value, "proposal": proposal.to_json()})
    return proposal


def _led_team(session: Session, actor: Actor) -> str | None:
    """The team (its role's name) ``actor`` leads, or None for anyone who leads none."""
    row = session.execute(
        select(User.is_team_lead, Role.name)
        .join(Role, Role.id == User.role_id)
        .where(User.id == actor.user_id)
    ).first()
    return str(row[1]) if row is not None and row[0] else None


def _lead_of(work: UnitOfWork, actor: Actor) -> str:
    """The team ``actor`` leads; refused unless a team lead."""
    team = _led_team(work.session, actor)
    if team is None:
        raise AccessDenied(f"only a team lead may agree to the funnel contract ({actor.username})")
    return team


def agree_funnel_contract(
    store: Store, actor: Actor, agreed_on: date, note: str = ""
) -> FunnelContract | ContractProposal:
    """Agree to the open proposal as a team lead; the last needed agreement makes it a version.

    Returns the new version once every needed lead agreed (its threshold and
    hours then become the hand-off rules), else the proposal with this agreement.
    """
    needed = AGREEMENT_RULES[agreement_rule(store)]
    with unit_of_work(store, actor) as work:
        team = _lead_of(work, actor)
        stored = read_in(work, CONTRACT_KEY)
        proposal = _proposal(stored, needed)
        if proposal is None:
            raise ValidationError("funnel_contract", "no proposal to agree to")
        if team not in proposal.waiting_for():
            raise AccessDenied(
                f"{actor.username} leads {team}; the proposal waits for: "
                + (", ".join(proposal.waiting_for()) or "nobody")
            )
        agreed = replace(proposal, agreed_by=(*proposal.agreed_by, (team, actor.username)))
        history = _versions(stored)
        if agreed.waiting_for():
            write_in(work, CONTRACT_KEY, {**stored, "proposal": agreed.to_json()})
            return agreed
        if history and history[-1].agreed_on and agreed_on < history[-1].agreed_on:
            raise ValidationError(
                "funnel_contract.agreed_on",
                f"must not be before version {history[-1].version}'s date",
            )
        contract = replace(
            proposal.terms,
            version=(history[-1].version + 1) if history else 1,
            agreed_on=agreed_on,
            note=" ".join(part for part in (proposal.terms.note, note.strip()) if part),
            recorded_by=", ".join(name for _, name in agreed.agreed_by),
        )
        versions = [item.to_json() for item in [*history, contract]]
        write_in(work, CONTRACT_KEY, {"versions": versions})
        write_in(
            work,
            "handoff",
            {
                "score_threshold": contract.score_threshold,
                "follow_up_hours": contract.follow_up_hours,
            },
        )
    return contract


def set_agreement_rule(store: Store, actor: Actor, rule: str) -> None:
    """Whose agreement a proposal needs: ``sales_lead`` or ``both_leads`` (admins)."""
    require_admin(store, actor)
    if rule not in AGREEMENT_RULES:
        raise ValidationError(AGREEMENT_KEY, f"must be one of {', '.join(AGREEMENT_RULES)}")
    with unit_of_work(store, actor) as work:
        write_in(work, AGREEMENT_KEY, rule)


@dataclass(frozen=True)
class ContractOverview:
    """What the funnel contract page shows one user, and what that user may do there."""

    history: tuple[FunnelContract, ...]
    proposal: ContractProposal | None
    live: FunnelContract
    live_matches: bool  # the live terms are exactly the latest version
    rule: str
    may_propose: bool
    may_agree: bool  # a lead of a team the open proposal waits for


def contract_overview(store: Store, actor: Actor) -> ContractOverview:
    """Versions, the open proposal and the live terms, with what ``actor`` may do."""
    history = tuple(contract_history(store))
    proposal = pending_proposal(store)
    live = live_terms(store)
    waiting = proposal.waiting_for() if proposal is not None else ()
    with store.reading() as session:
        leads = _led_team(session, actor)
    return ContractOverview(
        history=history,
        proposal=proposal,
        live=live,
        live_matches=terms_match_contract(store),
        rule=agreement_rule(store),
        may_propose=can(store, actor, "hand_off_leads"),
        may_agree=leads is not None and leads in waiting,
    )
