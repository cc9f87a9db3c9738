"""Lead scores sales can see through: score = fit + engagement + history.

- **fit** (0-40): the buyer's title (15 senior, 8 manager, 3 other), company
  size (15 from 250 staff, 10 from 50, 6 from 10, 2 below) and industry (10
  where customers already buy, per won opportunities; 4 for another known one).
- **engagement** (0-40): the enquiry source (``SOURCE_POINTS``), 5 for coming
  from a campaign, 5 per activity done with the contact in the last 30 days
  (at most 4 count).
- **history** (-20..+20): learned from sales' accept/reject decisions and 1-5
  quality ratings on other leads with the same source and the same campaign.
  Each group's acceptance rate is smoothed with a Beta(5, 5) prior,
  ``(accepted + 5) / (decided + 10)``, so a few rejections barely move it; where
  sales rated leads of the group, the rating (1 = 0, 5 = 1) is smoothed the same
  way and the group's rate is the mean of the two. The part is
  ``40 * (mean rate of the groups - 0.5)``. ``learned_weights`` shows how each
  group's points moved against a month ago.

Each part is rounded to one decimal and the score is their sum, so the parts a
lead card shows always add up. ``rescore_leads`` writes the parts of open leads
(new or handed off); decided leads keep the score they were judged with.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.model import (
    Account,
    Activity,
    Campaign,
    Contact,
    FunnelStage,
    Lead,
    Opportunity,
)
from contactdesk.services.actor import Actor
from contactdesk.services.changes import ChangeSet
from contactdesk.services.company_settings import HandoffRules, handoff_rules
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

SENIOR_WORDS = (
    "chief",
    "ceo",
    "cfo",
    "cto",
    "coo",
    "director",
    "head",
    "vp",
    "president",
    "owner",
    "founder",
    "partner",
)
MANAGER_WORDS = ("manager", "lead", "officer", "controller")
TITLE_POINTS = {"senior": 15.0, "manager": 8.0, "other": 3.0}
SIZE_BANDS = ((250, 15.0), (50, 10.0), (10, 6.0), (1, 2.0))
BUYING_INDUSTRY_POINTS = 10.0
OTHER_INDUSTRY_POINTS = 4.0

SOURCE_POINTS = {
    "referral": 15.0,
    "existing customer": 15.0,
    "webinar": 12.0,
    "trade show": 10.0,
    "website form": 10.0,
    "partner": 10.0,
    "paid search": 6.0,
    "newsletter": 5.0,
    "social media": 4.0,
    "cold call": 2.0,
}
OTHER_SOURCE_POINTS = 3.0
CAMPAIGN_POINTS = 5.0
RECENT_DAYS = 30
POINTS_PER_ACTIVITY = 5.0
ACTIVITIES_COUNTED = 4

# Beta(5, 5): ten imagined decisions, half accepted, before any real one counts.
PRIOR_DECISIONS = 10.0
PRIOR_RATE = 0.5
HISTORY_SPAN = 40.0

OPEN_STATUSES = ("new", "handed_off")


@dataclass(frozen=True)
class ScoreReason:
    """One line of a score's explanation: which part, why, how many points."""

    part: str
    label: str
    points: float


@dataclass(frozen=True)
class LeadScore:
    """A lead's score in parts; ``total`` is exactly their sum."""

    fit: float
    engagement: float
    history: float
    reasons: tuple[ScoreReason, ...] = ()

    @property
    def total(self) -> float:
        return round(self.fit + self.engagement + self.history, 1)

    def qualifies(self, rules: HandoffRules) -> bool:
        """Whether the score reaches the hand-off rules' qualification threshold."""
        return self.total >= rules.score_threshold


@dataclass(frozen=True)
class LeadFacts:
    """What scoring looks at for one lead."""

    lead_id: uuid.UUID
    source: str | None
    campaign_id: uuid.UUID | None
    status: str
    title: str | None
    employees: int | None
    industry: str | None
    recent_activities: int
    quality: int | None = None  # sales' 1-5 rating of this lead, once given


@dataclass(frozen=True)
class Decisions:
    """Accepted and rejected counts of a group of leads."""

    accepted: int = 0
    rejected: int = 0
    rated: int = 0  # leads of the group sales gave a 1-5 quality rating
    rating_total: float = 0.0  # their ratings as 0..1 (1 -> 0, 5 -> 1), summed


@dataclass(frozen=True)
class ScoringInputs:
    """Store-wide facts every lead's score draws on, read once per scoring run."""

    buying_industries: frozenset[str]
    by_source: dict[str, Decisions]
    by_campaign: dict[uuid.UUID, Decisions]


def smoothed_acceptance(decisions: Decisions) -> float:
    """Acceptance rate with the Beta(5, 5) prior: ``(accepted + 5) / (decided + 10)``."""
    decided = decisions.accepted + decisions.rejected
    return (decisions.accepted + PRIOR_RATE * PRIOR_DECISIONS) / (decided + PRIOR_DECISIONS)


def smoothed_rating(decisions: Decisions) -> float:
    """Mean rating as 0..1 with the same prior: ``(rating_total + 5) / (rated + 10)``."""
    prior = PRIOR_RATE * PRIOR_DECISIONS
    return (decisions.rating_total + prior) / (decisions.rated + PRIOR_DECISIONS)


def group_rate(decisions: Decisions) -> float:
    """What sales' verdicts say of a group: acceptance, averaged with the rating once rated."""
    acceptance = smoothed_acceptance(decisions)
    if not decisions.rated:
        return acceptance
    return (acceptance + smoothed_rating(decisions)) / 2


def group_points(decisions: Decisions) -> float:
    """The history points one group alone would give."""
    return round(HISTORY_SPAN * (group_rate(decisions) - PRIOR_RATE), 1)


def _title_band(title: str | None) -> str | None:
    if not title or not title.strip():
        return None
    words = title.casefold().replace("-", " ").replace("/", " ").split()
    if any(word in SENIOR_WORDS for word in words):
        return "senior"
    if any(word in MANAGER_WORDS for word in words):
        return "manager"
    return "other"


def _fit(facts: LeadFacts, inputs: ScoringInputs) -> list[ScoreReason]:
    reasons = []
    band = _title_band(facts.title)
    if band is not None:
        reasons.append(ScoreReason("fit", f"title {facts.title} ({band})", TITLE_POINTS[band]))
    if facts.employees:
        for floor, points in SIZE_BANDS:
            if facts.employees >= floor:
                reasons.append(ScoreReason("fit", f"{facts.employees} employees", points))
                break
    if facts.industry:
        if facts.industry in inputs.buying_industries:
            label, points = f"{facts.industry}: customers buy here", BUYING_INDUSTRY_POINTS
        else:
            label, points = f"{facts.industry}: no won deal yet", OTHER_INDUSTRY_POINTS
        reasons.append(ScoreReason("fit", label, points))
    return reasons


def _engagement(facts: LeadFacts) -> list[ScoreReason]:
    reasons = []
    if facts.source:
        points = SOURCE_POINTS.get(facts.source.casefold(), OTHER_SOURCE_POINTS)
        reasons.append(ScoreReason("engagement", f"source {facts.source}", points))
    if facts.campaign_id is not None:
        reasons.append(ScoreReason("engagement", "came from a campaign", CAMPAIGN_POINTS))
    counted = min(facts.recent_activities, ACTIVITIES_COUNTED)
    if counted:
        label = f"{facts.recent_activities} activities in the last {RECENT_DAYS} days"
        reasons.append(ScoreReason("engagement", label, counted * POINTS_PER_ACTIVITY))
    return reasons


def _without_own(decisions: Decisions, facts: LeadFacts) -> Decisions:
    """A decided lead's own verdict (and rating) must not score the lead itself."""
    rated = facts.quality is not None
    return Decisions(
        decisions.accepted - (facts.status == "accepted"),
        decisions.rejected - (facts.status == "rejected"),
        decisions.rated - rated,
        decisions.rating_total - (_as_unit(facts.quality) if facts.quality is not None else 0.0),
    )


def _as_unit(quality: int) -> float:
    """A 1-5 rating as 0..1."""
    return (quality - 1) / 4


def _history(facts: LeadFacts, inputs: ScoringInputs) -> list[ScoreReason]:
    groups: list[tuple[str, Decisions]] = []
    if facts.source:
        found = inputs.by_source.get(facts.source.casefold(), Decisions())
        groups.append((f"source {facts.source}", _without_own(found, facts)))
    if facts.campaign_id is not None:
        found = inputs.by_campaign.get(facts.campaign_id, Decisions())
        groups.append(("this campaign", _without_own(found, facts)))
    if not groups:
        return []
    rates = [group_rate(decisions) for _, decisions in groups]
    points = HISTORY_SPAN * (sum(rates) / len(rates) - PRIOR_RATE)
    label = "; ".join(_group_label(name, d) for name, d in groups)
    return [ScoreReason("history", label, round(points, 1))]


def _group_label(name: str, decisions: Decisions) -> str:
    label = (
        f"{name}: sales accepted {decisions.accepted} of {decisions.accepted + decisions.rejected}"
    )
    if decisions.rated:
        average = 1 + 4 * decisions.rating_total / decisions.rated
        label += f", rated {average:.1f} of 5 on average ({decisions.rated} rated)"
    return label


def score_lead(facts: LeadFacts, inputs: ScoringInputs) -> LeadScore:
    """The score of one lead from its facts (pure: no store access)."""
    reasons = [*_fit(facts, inputs), *_engagement(facts), *_history(facts, inputs)]

    def part(name: str) -> float:
        return round(sum(reason.points for reason in reasons if reason.part == name), 1)

    return LeadScore(part("fit"), part("engagement"), part("history"), tuple(reasons))


def load_inputs(session: Session, decided_by: datetime | None = None) -> ScoringInputs:
    """Read the won industries and sales' decisions and ratings by source and campaign.

    ``decided_by`` counts only leads accepted or rejected by then (what was
    learned at that time); None counts every decision.
    """
    won = select(Account.industry).join(Opportunity, Opportunity.account_id == Account.id)
    won = won.join(FunnelStage, FunnelStage.id == Opportunity.stage_id)
    buying = frozenset(
        industry
        for industry in session.scalars(won.where(FunnelStage.outcome == "won").distinct())
        if industry
    )
    decided: list[ColumnElement[bool]] = [Lead.status.in_(("accepted", "rejected"))]
    if decided_by is not None:
        decided.append(func.coalesce(Lead.accepted_at, Lead.rejected_at) <= decided_by)
    by_source = _decisions_by(session, func.lower(Lead.source), decided)
    by_campaign = _decisions_by(session, Lead.campaign_id, decided)
    return ScoringInputs(buying, by_source, by_campaign)


def _decisions_by(
    session: Session, key: Any, decided: list[ColumnElement[bool]]
) -> dict[Any, Decisions]:
    """Accepted, rejected and rated counts (and rating sum) per value of ``key``: one GROUP BY."""
    accepted = func.sum(case((Lead.status == "accepted", 1), else_=0))
    rejected = func.sum(case((Lead.status == "rejected", 1), else_=0))
    rated = func.count(Lead.quality)
    rating_total = func.sum((Lead.quality - 1) / 4.0)
    rows = session.execute(
        select(key, accepted, rejected, rated, rating_total)
        .where(*decided, key.is_not(None))
        .group_by(key)
    )
    return {
        value: Decisions(int(a or 0), int(r or 0), int(n or 0), float(total or 0.0))
        for value, a, r, n, total in rows
    }


@dataclass(frozen=True)
class WeightMove:
    """What sales' verdicts on one source or campaign are worth now and a month ago."""

    kind: str  # "source" or "campaign"
    key: str  # the source, or the campaign's id
    name: str
    decisions: Decisions
    points_now: float
    points_month_ago: float


def learned_weights(store: Store, now: datetime) -> list[WeightMove]:
    """Each source's and campaign's history points now and 30 days ago, biggest move first."""
    month_ago = now - timedelta(days=30)
    with store.reading() as session:
        current, earlier = load_inputs(session), load_inputs(session, month_ago)
        names = dict(
            session.execute(
                select(Campaign.id, Campaign.name).where(Campaign.id.in_(list(current.by_campaign)))
            ).all()
        )
    moves = [
        WeightMove(
            "source",
            source,
            source,
            decisions,
            group_points(decisions),
            group_points(earlier.by_source.get(source, Decisions())),
        )
        for source, decisions in current.by_source.items()
    ] + [
        WeightMove(
            "campaign",
            str(campaign_id),
            names.get(campaign_id, str(campaign_id)),
            decisions,
            group_points(decisions),
            group_points(earlier.by_campaign.get(campaign_id, Decisions())),
        )
        for campaign_id, decisions in current.by_campaign.items()
    ]
    return sorted(moves, key=lambda m: (-abs(m.points_now - m.points_month_ago), m.kind, m.name))


def load_facts(session: Session, lead_ids: Sequence[uuid.UUID], now: datetime) -> list[LeadFacts]:
    """The scoring facts of the given leads (in chunks, to stay under SQLite's variable cap)."""
    facts: list[LeadFacts] = []
    since = now - timedelta(days=RECENT_DAYS)
    for start in range(0, len(lead_ids), 500):
        chunk = list(lead_ids[start : start + 500])
        rows = session.execute(
            select(
                Lead.id,
                Lead.source,
                Lead.campaign_id,
                Lead.status,
                Lead.contact_id,
                Lead.quality,
                Contact.title,
                Account.employees,
                Account.industry,
            )
            .join(Contact, Contact.id == Lead.contact_id)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(Lead.id.in_(chunk))
        ).all()
        contacts = {row.contact_id for row in rows}
        activity_counts: dict[uuid.UUID | None, int] = dict(
            (key, count)
            for key, count in session.execute(
                select(Activity.contact_id, func.count())
                .where(Activity.contact_id.in_(contacts), Activity.done_at >= since)
                .group_by(Activity.contact_id)
            ).all()
        )
        facts.extend(
            LeadFacts(
                row.id,
                row.source,
                row.campaign_id,
                row.status,
                row.title,
                row.employees,
                row.industry,
                int(activity_counts.get(row.contact_id, 0)),
                row.quality,
            )
            for row in rows
        )
    return facts


def score_in(
    work: UnitOfWork, lead_ids: Sequence[uuid.UUID], now: datetime
) -> dict[uuid.UUID, LeadScore]:
    """Score and store the given leads inside an open unit of work; their scores by id."""
    inputs = load_inputs(work.session)
    scores: dict[uuid.UUID, LeadScore] = {}
    for facts in load_facts(work.session, lead_ids, now):
        score = score_lead(facts, inputs)
        scores[facts.lead_id] = score
        work.update(
            "lead",
            facts.lead_id,
            {
                "score_fit": score.fit,
                "score_engagement": score.engagement,
                "score_history": score.history,
                "score": score.total,
            },
        )
    return scores


def rescore_leads(
    store: Store,
    actor: Actor,
    now: datetime,
    lead_ids: Iterable[uuid.UUID] | None = None,
) -> ChangeSet:
    """Recompute and store the score parts of the given leads, or of every open lead.

    Run after sales decided on leads (history moves) or facts changed. One unit
    of work: all scores change together or none do.
    """
    require_marketing(store, actor, "hand_off_leads", "rescore leads")
    with unit_of_work(store, actor) as work:
        if lead_ids is None:
            ids = list(work.session.scalars(select(Lead.id).where(Lead.status.in_(OPEN_STATUSES))))
        else:
            ids = list(lead_ids)
        score_in(work, ids, now)
    return ChangeSet(work.changes)


def explain_score(store: Store, actor: Actor, lead_id: uuid.UUID, now: datetime) -> LeadScore:
    """The lead's score as it would be computed now, with a reason per point (the lead card)."""
    with store.reading() as session:
        facts = load_facts(session, [lead_id], now)
        if not facts:
            raise NotFound(f"no lead with id {lead_id}")
        return score_lead(facts[0], load_inputs(session))


def qualification_threshold(store: Store) -> float:
    """The score a lead needs before hand-off (from the hand-off rules)."""
    return handoff_rules(store).score_threshold
