"""Finding contacts that are probably the same person, over a whole store.

Three passes, each bounded so a million contacts take minutes, not hours:

* same email (case-insensitive): one GROUP BY, in SQL;
* same phone number (stored in E.164 form): a shared mobile is one person, but
  an office number is shared by everyone at the switchboard, so contacts who
  share only a landline are paired only when their names are alike too;
* similar name at a similar company: contacts are read in ``sort_key`` order
  (an index), cut into blocks that share a blocking key (the last name and
  the first initial), and only pairs inside a block are scored with rapidfuzz.
  Comparing every pair would be 5 * 10^11 comparisons; blocks make it linear.

Runs on any thread; reads in one short session per pass.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, literal_column, null, select, union_all

from contactdesk.model import Account, Contact
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

NAME_SCORE = 90.0
COMPANY_SCORE = 85.0
# Names of two contacts sharing only an office number must be at least this alike
# ("Bob Smith" / "Robert Smith" is 76; two colleagues are usually under 50).
LANDLINE_NAME_SCORE = 75.0
# A group this large (one switchboard number on 300 contacts) pairs its first member
# with each other one instead of every pair with every other.
FULL_PAIRING_LIMIT = 20
# Larger blocks are scored in windows of this many neighbours in sort order.
BLOCK_WINDOW = 400
FETCH_ROWS = 10_000

CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class DuplicateCandidate:
    """Two contacts that look like one person, why, and how sure (0-100)."""

    first_id: uuid.UUID
    second_id: uuid.UUID
    reason: str
    detail: str
    score: float


@dataclass
class CandidateReport:
    """Candidate pairs (capped at ``limit``) and how many each pass found in all."""

    candidates: list[DuplicateCandidate] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    _seen: set[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=set, repr=False)

    def add(self, candidate: DuplicateCandidate, limit: int) -> None:
        key = tuple(sorted((candidate.first_id, candidate.second_id)))
        pair = (key[0], key[1])
        if pair in self._seen:
            return
        self.counts[candidate.reason] = self.counts.get(candidate.reason, 0) + 1
        if len(self.candidates) < limit:
            self._seen.add(pair)
            self.candidates.append(candidate)


def _phone_candidates(session: Any, policy: Any, scope: Any) -> Iterator[DuplicateCandidate]:
    """Contacts sharing a number: a mobile on either side, or a landline and a similar name."""
    numbers = [
        select(
            Contact.id.label("id"),
            getattr(Contact, name).label("number"),
            literal_column(f"'{name}'").label("kind"),
            Contact.display_name.label("name"),
        ).where(getattr(Contact, name).is_not(None), scope)
        for name in ("phone", "mobile")
        if policy.can_see("contact", name)
    ]
    if not numbers:
        return
    both = union_all(*numbers).subquery()
    shared = (
        select(both.c.number)
        .group_by(both.c.number)
        .having(func.count(func.distinct(both.c.id)) > 1)
    )
    rows = session.execute(
        select(both.c.number, both.c.kind, both.c.id, both.c.name)
        .where(both.c.number.in_(shared))
        .order_by(both.c.number, both.c.id)
    )
    for number, group in itertools.groupby(rows, key=lambda row: row[0]):
        members: dict[uuid.UUID, tuple[str, set[str]]] = {}
        for _, kind, record_id, name in group:
            members.setdefault(record_id, ((name or "").casefold(), set()))[1].add(kind)
        mobiles = sorted(i for i, (_, kinds) in members.items() if "mobile" in kinds)
        for first, second in _pairs(sorted(members)):
            if first in mobiles or second in mobiles:
                yield DuplicateCandidate(first, second, "phone", number, 100.0)
        landline = [(i, name) for i, (name, kinds) in sorted(members.items()) if kinds == {"phone"}]
        yield from _alike_on_one_line(number, landline)


def _alike_on_one_line(
    number: str, members: list[tuple[uuid.UUID, str]]
) -> Iterator[DuplicateCandidate]:
    """Pairs of contacts sharing one office number whose names are alike."""
    names = [name for _, name in members]
    for first, second, score in _alike_names(names, LANDLINE_NAME_SCORE):
        yield DuplicateCandidate(members[first][0], members[second][0], "phone", number, score)


def _alike_names(names: list[str], cutoff: float) -> Iterator[tuple[int, int, float]]:
    """(index, later index, score) of names at least ``cutoff`` alike.

    Each name is compared with the next BLOCK_WINDOW ones only, so a huge list
    costs n * window, not n squared.
    """
    for index, name in enumerate(names):
        following = names[index + 1 : index + 1 + BLOCK_WINDOW]
        for _, score, offset in process.extract(
            name, following, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=None
        ):
            yield index, index + 1 + offset, float(score)


def _pairs(ids: list[uuid.UUID]) -> Iterator[tuple[uuid.UUID, uuid.UUID]]:
    if len(ids) <= FULL_PAIRING_LIMIT:
        yield from itertools.combinations(ids, 2)
    else:
        yield from ((ids[0], other) for other in ids[1:])


def _split_ids(joined: str) -> list[uuid.UUID]:
    return sorted({uuid.UUID(part) for part in joined.split(",")})


def blocking_key(sort_key: str) -> str:
    """The last name and first initial of a ``"last first"`` sort key."""
    last, _, first = sort_key.partition(" ")
    return f"{last} {first[:1]}"


def _score_block(
    rows: list[tuple[uuid.UUID, str, str]],
) -> Iterator[tuple[uuid.UUID, uuid.UUID, float, str]]:
    """Pairs in one block (in sort order) with a similar name and a compatible company."""
    for first, second, score in _alike_names([name for _, name, _ in rows], NAME_SCORE):
        record_id, name, company = rows[first]
        other_id, other_name, other_company = rows[second]
        different_company = (
            company and other_company and fuzz.ratio(company, other_company) < COMPANY_SCORE
        )
        if not different_company:
            yield record_id, other_id, score, f"{name} / {other_name}"


def _blocks(rows: Iterable[Any]) -> Iterator[list[tuple[uuid.UUID, str, str]]]:
    for _, group in itertools.groupby(rows, key=lambda row: blocking_key(row[1] or "")):
        block = [(row[0], (row[2] or "").casefold(), (row[3] or "").casefold()) for row in group]
        if len(block) > 1:
            yield block


def find_duplicate_candidates(
    store: Store,
    actor: Actor,
    *,
    limit: int = 5_000,
    progress: Callable[[str], None] | None = None,
    cancelled: CancelCheck | None = None,
) -> CandidateReport:
    """Pairs of contacts ``actor`` may see that are probably one person.

    Email and phone matches come first (score 100), then similar name and
    company. ``cancelled()`` is checked between passes and blocks; a cancelled
    search returns what it found so far.
    """
    report = CandidateReport()
    spec = ENTITIES["contact"]
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        scope = scope_clause(spec, policy, actor)
        if policy.can_see("contact", "email"):
            email = func.lower(Contact.email)
            for key, joined in session.execute(
                select(email, func.group_concat(Contact.id))
                .where(Contact.email.is_not(None), scope)
                .group_by(email)
                .having(func.count() > 1)
            ):
                for first, second in _pairs(_split_ids(joined)):
                    report.add(DuplicateCandidate(first, second, "email", key, 100.0), limit)
        if progress is not None:
            progress("email")
        if cancelled is not None and cancelled():
            return report
        for candidate in _phone_candidates(session, policy, scope):
            report.add(candidate, limit)
        if progress is not None:
            progress("phone")
        company: Any = Account.name if policy.can_see("contact", "account_id") else null()
        query = (
            select(Contact.id, Contact.sort_key, Contact.display_name, company)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(scope)
            .order_by(Contact.sort_key, Contact.id)
            .execution_options(yield_per=FETCH_ROWS)
        )
        for count, block in enumerate(_blocks(session.execute(query))):
            if count % 1000 == 0 and cancelled is not None and cancelled():
                return report
            for first, second, score, detail in _score_block(block):
                report.add(DuplicateCandidate(first, second, "name", detail, score), limit)
        if progress is not None:
            progress("name")
    return report
