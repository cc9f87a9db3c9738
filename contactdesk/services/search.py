"""Search as you type over contacts and accounts, through the FTS5 index.

Each word the user types becomes a prefix term; all must match (in any of name,
company, email, phone). Phone-like input is normalised the way phones are
stored, so "020 7946" finds "+4420 7946...". Results honour the role's record
scope and field rules like every other read.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import phonenumbers
from sqlalchemy import column, select, table, text

from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.field_values import DEFAULT_PHONE_REGION
from contactdesk.services.phone_regions import company_phone_region
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import Record, page_records, records_by_id
from contactdesk.store.local_store import Store

SEARCHABLE = ("contact", "account")
TOKEN = re.compile(r"\w+", re.UNICODE)
PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]{3,}$")
# FTS columns and the field whose visibility governs matching in them.
COLUMN_FIELDS = {
    "contact": {
        "name": "display_name",
        "company": "account_id",
        "email": "email",
        "phone": "phone",
    },
    "account": {"name": "name", "company": "name", "phone": "phone"},
}


@dataclass(frozen=True)
class SearchHit:
    entity: str
    record: Record


def match_expression(
    query: str, region: Callable[[], str] = lambda: DEFAULT_PHONE_REGION
) -> str | None:
    """The FTS5 MATCH expression for what the user typed; None for blank input.

    ``region`` is asked only for a number typed in national form (read in it).
    """
    stripped = query.strip()
    if not stripped:
        return None
    if PHONE_LIKE.match(stripped) and sum(c.isdigit() for c in stripped) >= 3:
        digits = _phone_digits(stripped, region)
        return f'phone : "{digits}"*'
    tokens = TOKEN.findall(stripped)
    if not tokens:
        return None
    return " AND ".join(f'"{token}"*' for token in tokens)


def _phone_digits(query: str, region: Callable[[], str]) -> str:
    digits = "".join(c for c in query if c.isdigit())
    if query.lstrip().startswith("+"):
        return digits
    if digits.startswith("0"):
        # National format: swap the trunk prefix for the country code, as stored.
        code = phonenumbers.country_code_for_region(region())
        return f"{code}{digits[1:]}" if code else digits
    return digits


def _columns_filter(policy: Policy, entity: str) -> str:
    """Restrict matching to FTS columns whose field the role may see."""
    visible = [col for col, field in COLUMN_FIELDS[entity].items() if policy.can_see(entity, field)]
    return "{" + " ".join(visible) + "}" if visible else ""


SEARCH_DOCS = table("search_docs", column("rowid"), column("entity"), column("record_id"))
SEARCH_INDEX = table("search_index", column("rowid"))


def search_ids(
    store: Store, actor: Actor, query: str, *, limit: int = 50, entity: str | None = None
) -> list[tuple[str, uuid.UUID]]:
    """(entity, id) of records in the actor's scope whose indexed fields match ``query``.

    Matching is restricted to columns whose field the role may see, so a hidden
    email can never make a record match; the scope is applied inside the same
    query so that ``limit`` counts only records the actor may open.
    """
    entities = [entity] if entity else list(SEARCHABLE)
    found: list[tuple[str, uuid.UUID]] = []
    with store.reading() as session:
        # A number typed in national form is read where the company is (the setting
        # is read only then: this runs on every keystroke).
        expression = match_expression(query, lambda: company_phone_region(session))
        if expression is None:
            return []
        policy = policy_for(store, session, actor.role)
        for name in entities:
            scoped = _scoped_match(policy, name, expression)
            if scoped is None:
                continue
            spec = ENTITIES[name]
            records: Any = spec.model.__table__
            statement = (
                select(SEARCH_DOCS.c.record_id)
                .select_from(
                    SEARCH_INDEX.join(SEARCH_DOCS, SEARCH_DOCS.c.rowid == SEARCH_INDEX.c.rowid)
                )
                .where(text("search_index MATCH :match"), SEARCH_DOCS.c.entity == name)
                .limit(limit - len(found))
            )
            if spec.owner_field is not None and policy.scope != "all":
                statement = statement.join(records, records.c.id == SEARCH_DOCS.c.record_id).where(
                    scope_clause(spec, policy, actor)
                )
            rows = session.execute(statement, {"match": scoped})
            found.extend((name, uuid.UUID(hex=row[0])) for row in rows)
            if len(found) >= limit:
                break
    return found


def _scoped_match(policy: Policy, entity: str, expression: str) -> str | None:
    columns = _columns_filter(policy, entity)
    if not columns:
        return None
    # The kind term lets FTS5 intersect doclists instead of the query joining
    # every match to search_docs only to drop the other kind.
    kind = f'kind : "{entity}"'
    if expression.startswith("phone :"):
        return f"{kind} AND {expression}" if "phone" in columns else None
    return f"{kind} AND {columns} : ({expression})"


def search_records(
    store: Store, actor: Actor, query: str, *, limit: int = 50, entity: str | None = None
) -> list[SearchHit]:
    """Records matching ``query`` as ``actor`` sees them (scope and field rules applied).

    An empty query lists records in their default order, up to ``limit``.
    """
    entities = [entity] if entity else list(SEARCHABLE)
    hits: list[SearchHit] = []
    if not query.strip():
        for name in entities:
            remaining = limit - len(hits)
            if remaining <= 0:
                break
            page = page_records(store, actor, name, limit=remaining)
            hits.extend(SearchHit(name, row) for row in page.rows)
        return hits
    candidates = search_ids(store, actor, query, limit=limit, entity=entity)
    for name in entities:
        ids = [record_id for kind, record_id in candidates if kind == name]
        if ids:
            rows = records_by_id(store, actor, name, ids)
            hits.extend(
                SearchHit(name, rows[str(record_id)]) for record_id in ids if str(record_id) in rows
            )
    return hits[:limit]
