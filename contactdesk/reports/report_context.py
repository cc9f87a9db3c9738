"""What a report query runs with: one read session, the actor's rules, scope and segment.

Reports ask the context for record scope and the segment filter instead of
building them, so every report applies both the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, true
from sqlalchemy.orm import Session

from contactdesk.model import utc_now
from contactdesk.reports.report_params import ReportParams
from contactdesk.segments.segment_counts import segment_member_query
from contactdesk.segments.segment_members import materialise_members
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store


class ReportContext:
    """One report run for one actor. Not thread-safe: lives for one worker task."""

    def __init__(self, session: Session, store: Store, actor: Actor, params: ReportParams) -> None:
        self.session = session
        self.store = store
        self.actor = actor
        self.params = params
        self.policy: Policy = policy_for(store, session, actor.role)
        self.now = params.now or utc_now()
        self._members: Select[Any] | None = None

    def require(self, *fields: tuple[str, str]) -> None:
        """Refuse (AccessDenied) when the role may not see a field the report shows or groups by."""
        for entity, name in fields:
            self.policy.require_visible(entity, name)

    def can_see(self, entity: str, name: str) -> bool:
        return self.policy.can_see(entity, name)

    def scope(self, entity: str) -> ColumnElement[bool]:
        """Only the records of ``entity`` the actor may see."""
        return scope_clause(ENTITIES[entity], self.policy, self.actor)

    def in_segment(self, contact_id: Any) -> ColumnElement[bool]:
        """``contact_id IN (segment)``, or no condition when the report has no segment.

        The segment is evaluated once per context, on first use, into a
        temporary table (``segment_members``) that every later query probes.
        """
        if self.params.segment is None:
            return true()
        if self._members is None:
            members = segment_member_query(
                self.session, self.store, self.actor, self.params.segment
            )
            self._members = materialise_members(self.session, members)
        clause: ColumnElement[bool] = contact_id.in_(self._members)
        return clause

    def in_period(self, column: Any, params: ReportParams | None = None) -> ColumnElement[bool]:
        """``column`` within the report's date range (or ``params``'), half-open."""
        chosen = params or self.params
        return and_(column >= chosen.start, column < chosen.end)
