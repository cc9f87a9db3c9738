"""Search as you type over contacts and accounts, through the FTS5 index.

Each word the user types becomes a prefix term; all must match (in any of name,
company, email, phone). Phone-like input is normalised the way phones are
stored, so "020 7946" finds "+4420 7946...". Results honour the role's record
scope and field rules like every other read.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import phonenumbers
from sqlalchemy import text

from contactdesk.services.actor import Actor
from contactdesk.services.field_rules import Policy
from contactdesk.services.policy_cache import policy_for
from contactdesk.services.record_queries import Condition, Record, page_records
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


def match_expression(query: str, region: str = "GB") -> str | None:
    """The FTS5 MATCH expression for what the user typed; None for blank input."""
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


def _phone_digits(query: str, region: str) -> str:
    digits = "".join(c for c in query if c.isdigit())
    if query.lstrip().startswith("+"):
        return digits
    if digits.startswith("0"):
        # National format: swap the trunk prefix for the country code, as stored.
        code = phonenumbers.country_code_for_region(region)
        return f"{code}{digits[1:]}" if code else digits
    return digits


def _columns_filter(policy: Policy, entity: str) -> str:
    """Restrict matching to FTS columns whose field the role may see."""
    visible = [col for col, field in COLUMN_FIELDS[entity].items() if policy.can_see(entity, field)]
    return "{" + " ".join(visible) + "}" if visible else ""


def search_ids(
    store: Store, actor: Actor, query: str, *, limit: int = 50, entity: str | None = None
) -> list[tuple[str, uuid.UUID]]:
    """(entity, id) of records whose indexed fields match ``query``, best first.

    Scope is applied by the caller through page_records; this returns candidates
    only from columns the role may see, so a hidden email can never match.
    """
    expression = match_expression(query)
    if expression is None:
        return []
    entities = [entity] if entity else list(SEARCHABLE)
    found: list[tuple[str, uuid.UUID]] = []
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        for name in entities:
            columns = _columns_filter(policy, name)
            if not columns:
                continue
            if expression.startswith("phone :"):
                if "phone" not in columns:
                    continue
                scoped = expression
            else:
                scoped = f"{columns} : ({expression})"
            rows = session.execute(
                text(
                    "SELECT d.record_id FROM search_index "
                    "JOIN search_docs AS d ON d.rowid = search_index.rowid "
                    "WHERE search_index MATCH :match AND d.entity = :entity "
                    "LIMIT :limit"
                ),
                {"match": scoped, "entity": name, "limit": limit * 4},
            )
            found.extend((name, uuid.UUID(hex=row[0])) for row in rows)
    return found


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
        ids = [str(record_id) for kind, record_id in candidates if kind == name]
        if not ids:
            continue
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            page = page_records(
                store, actor, name, limit=len(chunk), where=[Condition("id", "in", chunk)]
            )
            hits.extend(SearchHit(name, row) for row in page.rows)
    order = {str(record_id): index for index, (_, record_id) in enumerate(candidates)}
    hits.sort(key=lambda hit: order.get(hit.record["id"], 0))
    return hits[:limit]
