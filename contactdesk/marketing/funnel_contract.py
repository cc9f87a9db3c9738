"""The funnel contract: stages, owning teams, qualification threshold and follow-up hours
agreed by both teams as one versioned agreement, with every earlier version kept.

The live terms are the funnel stages (``funnel`` service) and the hand-off
rules (``company_settings``); agreeing snapshots them as the next version with
its "agreed on" date. Reports ask ``contract_in_force(store, day)`` which
version their numbers were measured under. Versions live in the
``funnel_contract`` setting (a short list that changes a few times a year).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from contactdesk.errors import ValidationError
from contactdesk.marketing.marketing_settings import read_in, write_in
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import handoff_rules, read_setting
from contactdesk.services.custom_fields import require_admin
from contactdesk.services.funnel import list_stages
from contactdesk.services.unit_of_work import unit_of_work
from contactdesk.store.local_store import Store

CONTRACT_KEY = "funnel_contract"


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


def _versions(value: Any) -> list[FunnelContract]:
    raw = value.get("versions", []) if isinstance(value, dict) else []
    return sorted((FunnelContract.from_json(item) for item in raw), key=lambda c: c.version)


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


def agree_funnel_contract(
    store: Store, actor: Actor, agreed_on: date, note: str = ""
) -> FunnelContract:
    """Record the live terms as the next version, agreed on ``agreed_on`` (admins).

    Refused when the terms equal the latest version: a version is a change of
    agreement, not a signature on the same one.
    """
    require_admin(actor)
    live = live_terms(store)
    with unit_of_work(store, actor) as work:
        history = _versions(read_in(work, CONTRACT_KEY))
        if history and history[-1].terms() == live.terms():
            raise ValidationError(
                "funnel_contract", f"nothing changed since version {history[-1].version}"
            )
        if history and history[-1].agreed_on and agreed_on < history[-1].agreed_on:
            raise ValidationError(
                "funnel_contract.agreed_on",
                f"must not be before version {history[-1].version}'s date",
            )
        contract = FunnelContract(
            version=(history[-1].version + 1) if history else 1,
            agreed_on=agreed_on,
            stages=live.stages,
            score_threshold=live.score_threshold,
            follow_up_hours=live.follow_up_hours,
            note=note.strip(),
            recorded_by=actor.username,
        )
        versions = [item.to_json() for item in [*history, contract]]
        write_in(work, CONTRACT_KEY, {"versions": versions})
    return contract
