"""The records a reference or stage field can point at, as (id, label) pairs. Runs on the worker.

Read through the services as the acting role sees them: a record outside the
role's scope is not offered, and a title field the role may not see is shown
as the record's id instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from contactdesk.errors import ContactDeskError
from contactdesk.services.actor import Actor
from contactdesk.services.directory import list_users
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.funnel import list_stages
from contactdesk.services.record_queries import Condition, page_records
from contactdesk.services.search import SEARCHABLE, search_records
from contactdesk.store import Store

OPTION_LIMIT = 50


@dataclass(frozen=True)
class ReferenceOption:
    id: str
    label: str


def reference_options(
    store: Store, actor: Actor, target: str, text: str = "", *, limit: int = OPTION_LIMIT
) -> list[ReferenceOption]:
    """Up to ``limit`` records of ``target`` matching ``text`` (all of them for an empty text)."""
    needle = text.strip()
    if target == "user":
        users = [u for u in list_users(store) if needle.lower() in u.display_name.lower()]
        return [ReferenceOption(str(u.id), u.display_name) for u in users[:limit]]
    if target == "funnel_stage":
        return [ReferenceOption(str(s.id), s.name) for s in list_stages(store)]
    spec = ENTITIES.get(target)
    if spec is None:
        return []
    title = spec.title_field
    if needle and target in SEARCHABLE:
        hits = search_records(store, actor, needle, limit=limit, entity=target)
        rows = [hit.record for hit in hits]
    else:
        where = [Condition(title, "contains", needle)] if needle else []
        try:
            rows = page_records(store, actor, target, limit=limit, where=where).rows
        except ContactDeskError:
            # The role may not see (so not filter by) the title; offer nothing to pick.
            return []
    return [ReferenceOption(row["id"], str(row.get(title) or row["id"])) for row in rows]
