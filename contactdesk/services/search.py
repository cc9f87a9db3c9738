"""Search as you type over contacts and accounts.

Words: each word the user types becomes a prefix term of the FTS5 index; all
must match (in any of name, company, email, phone).

Numbers: phone-like input is normalised the way phones are stored (E.164, so
"020 7946" in the UK is "+44207946") and read as a range of the B-tree index on
each phone column. FTS5 answered a long digit prefix by merging the doclist of
every token under it before the first row (119 ms for "07700 9" on 1M demo
contacts, whose numbers share that prefix); the range stops after ``limit``.

Results honour the role's record scope and field rules like every other read:
a column the role may not see cannot make a record match, and the scope is
applied inside the matching so that ``limit`` counts only records the actor may
open. Each entity is one statement: matching ids and their records together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    bindparam,
    column,
    literal_column,
    select,
    table,
    text,
    union,
)
from sqlalchemy.sql.visitors import replacement_traverse

from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, EntitySpec
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.field_values import DEFAULT_PHONE_REGION
from contactdesk.services.phone_regions import company_phone_region
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import (
    Record,
    matching_query,
    page_records,
    records_matching,
)
from contactdesk.store.local_store import Store

SEARCHABLE = ("contact", "account")
TOKEN = re.compile(r"\w+", re.UNICODE)
PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]{3,}$")
# FTS columns and the field whose visibility governs matching in them.
COLUMN_FIELDS = {
    "contact": {
        "name": "display_name",
        "company": "account_id",
        # The email and phone texts hold the additional ones too (contact_details).
        "email": "email",
        "phone": "phone",
    },
    "account": {"name": "name", "company": "name", "phone": "phone"},
}
# Stored phone columns searched by number; each is matched only if the role sees it.
PHONE_COLUMNS = {"contact": ("phone", "mobile"), "account": ("phone",)}

SEARCH_DOCS = table("search_docs", column("rowid"), column("entity"), column("record_id"))
SEARCH_INDEX = table("search_index", column("rowid"))
CONTACT_DETAILS = table("contact_details", column("contact_id"), column("kind"), column("value"))


@dataclass(frozen=True)
class SearchHit:
    entity: str
    record: Record


def phone_prefix(
    query: str, region: Callable[[], str] = lambda: DEFAULT_PHONE_REGION
) -> str | None:
    """The E.164 prefix ("+44207946") a phone-like query stands for; None for other text.

    ``region`` is asked only for a number typed in national form (read in it).
    """
    stripped = query.strip()
    if not PHONE_LIKE.match(stripped) or sum(c.isdigit() for c in stripped) < 3:
        return None
    digits = "".join(c for c in stripped if c.isdigit())
    if stripped.startswith("+") or not digits.startswith("0"):
        return f"+{digits}"
    # National format: swap the trunk prefix for the country code, as stored.
    # phonenumbers is imported here, not at start: most searches are words.
    import phonenumbers

    code = phonenumbers.country_code_for_region(region())
    return f"+{code}{digits[1:]}" if code else f"+{digits}"


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for the words typed; None if there are none."""
    tokens = TOKEN.findall(query)
    if not tokens:
        return None
    return " AND ".join(f'"{token}"*' for token in tokens)


def search_records(
    store: Store, actor: Actor, query: str, *, limit: int = 50, entity: str | None = None
) -> list[SearchHit]:
    """Records matching ``query`` as ``actor`` sees them (scope and field rules applied).

    An empty query lists records in their default order, up to ``limit``.
    Within an entity, hits come in the entity's list order (contacts by name).
    """
    entities = [entity] if entity else list(SEARCHABLE)
    if not query.strip():
        return _first_records(store, actor, entities, limit)
    hits: list[SearchHit] = []
    with store.reading() as session:
        # A number typed in national form is read where the company is (the setting
        # is read only then: this runs on every keystroke).
        phone = phone_prefix(query, lambda: company_phone_region(session))
        expression = None if phone else match_expression(query)
        if phone is None and expression is None:
            return []
        policy = policy_for(store, session, actor.role)
        for name in entities:
            remaining = limit - len(hits)
            if remaining <= 0:
                break
            statement = _statement(policy, ENTITIES[name], actor, phone is not None)
            if statement is None:
                continue
            if phone is not None:
                upper = phone[:-1] + chr(ord(phone[-1]) + 1)
                values = {"prefix": phone, "upper": upper, "limit": remaining}
            else:
                values = {"match": _kind_match(policy, name, str(expression)), "limit": remaining}
            records = records_matching(session, policy, name, statement, values, remaining)
            hits.extend(SearchHit(name, record) for record in records)
    return hits


# (id(policy), entity, by number, actor) -> (policy, the records query or None).
# Statements are built once with bound parameters and reused: building and
# keying a fresh SQLAlchemy statement per keystroke cost more than running it.
_STATEMENTS: dict[tuple[int, str, bool, Actor], tuple[Policy, Any]] = {}
STATEMENT_CACHE_SIZE = 64


def _statement(policy: Policy, spec: EntitySpec, actor: Actor, by_number: bool) -> Any:
    key = (id(policy), spec.name, by_number, actor)
    cached = _STATEMENTS.get(key)
    if cached is not None and cached[0] is policy:
        return cached[1]
    ids = _phone_ids(spec, policy, actor) if by_number else _word_ids(spec, policy, actor)
    built = None if ids is None else matching_query(policy, spec.name, ids)
    if len(_STATEMENTS) >= STATEMENT_CACHE_SIZE:
        _STATEMENTS.clear()
    _STATEMENTS[key] = (policy, built)
    return built


def _first_records(store: Store, actor: Actor, entities: list[str], limit: int) -> list[SearchHit]:
    hits: list[SearchHit] = []
    for name in entities:
        remaining = limit - len(hits)
        if remaining <= 0:
            break
        page = page_records(store, actor, name, limit=remaining)
        hits.extend(SearchHit(name, row) for row in page.rows)
    return hits


def _phone_ids(spec: EntitySpec, policy: Policy, actor: Actor) -> Any:
    """Ids whose visible phone columns start with :prefix: one index range each.

    :upper closes the range: the stored numbers are "+digits", so the prefix
    with its last digit raised by one (after "9" comes ":") is the first
    string past every number that starts with the prefix.
    """
    records: Any = spec.model.__table__
    prefix, upper = bindparam("prefix", type_=String()), bindparam("upper", type_=String())
    scope = _unindexed_owner(spec, scope_clause(spec, policy, actor))
    branches = [
        select(records.c.id)
        .where(records.c[name] >= prefix, records.c[name] < upper, scope)
        .limit(bindparam("limit", type_=Integer()))
        for name in PHONE_COLUMNS[spec.name]
        if policy.can_see(spec.name, name)
    ]
    if spec.name == "contact" and policy.can_see("contact", "phone"):
        # Additional phones (a card's third TEL) count as the phone field, as in exports.
        value = literal_column("contact_details.value COLLATE NOCASE", type_=String())
        branches.append(
            select(CONTACT_DETAILS.c.contact_id.label("id"))
            .join(records, records.c.id == CONTACT_DETAILS.c.contact_id)
            .where(value >= prefix, value < upper, CONTACT_DETAILS.c.kind == "phone", scope)
            .limit(bindparam("limit", type_=Integer()))
        )
    if not branches:
        return None
    if len(branches) == 1:
        return branches[0]
    # Each branch keeps its LIMIT inside a subquery (SQLite allows none on a
    # compound's members); UNION drops a contact whose phone and mobile both match.
    return union(*(select(branch.subquery().c.id) for branch in branches))


def _unindexed_owner(spec: EntitySpec, scope: ColumnElement[bool]) -> ColumnElement[bool]:
    """``scope`` with its owner column written ``+owner_id``, so no index serves it.

    A rep's scope "owner = me OR owner IS NULL" otherwise tempts SQLite into
    reading every record the rep owns (a MULTI-INDEX OR) and testing each
    number, instead of reading the number range and testing each owner.
    """
    if spec.owner_field is None:
        return scope
    records: Any = spec.model.__table__
    owner = records.c[spec.owner_field]
    plain = literal_column(f"+{records.name}.{owner.name}", type_=owner.type)

    def swap(element: Any, **_: Any) -> Any:
        return plain if element is owner else None

    replaced: ColumnElement[bool] = replacement_traverse(scope, {}, swap)
    return replaced


def _word_ids(spec: EntitySpec, policy: Policy, actor: Actor) -> Any:
    """Ids whose FTS row matches :match (see _kind_match), in the actor's scope."""
    if not _visible_columns(policy, spec.name):
        return None
    records: Any = spec.model.__table__
    statement = (
        select(SEARCH_DOCS.c.record_id)
        .select_from(SEARCH_INDEX.join(SEARCH_DOCS, SEARCH_DOCS.c.rowid == SEARCH_INDEX.c.rowid))
        .where(text("search_index MATCH :match"))
        .limit(bindparam("limit", type_=Integer()))
    )
    if spec.owner_field is not None and policy.scope != "all":
        statement = statement.join(records, records.c.id == SEARCH_DOCS.c.record_id).where(
            scope_clause(spec, policy, actor)
        )
    return statement


def _visible_columns(policy: Policy, entity: str) -> list[str]:
    return [col for col, field in COLUMN_FIELDS[entity].items() if policy.can_see(entity, field)]


def _kind_match(policy: Policy, entity: str, expression: str) -> str:
    """The MATCH text: the words, in the FTS columns the role may see, of this kind.

    The kind term lets FTS5 intersect doclists instead of the query joining
    every match to search_docs only to drop the other kind.
    """
    columns = " ".join(_visible_columns(policy, entity))
    return f'kind : "{entity}" AND {{{columns}}} : ({expression})'
