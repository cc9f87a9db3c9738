"""HTTP endpoints of sync: push a batch, pull the feed, list and resolve kept conflicts."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from contactdesk.server.auth.dependencies import CurrentUser
from contactdesk.server.dependencies import Db, Settings
from contactdesk.server.sync import (
    conflicts_service,
    history_service,
    pull_service,
    push_service,
)
from contactdesk.server.sync.schemas import (
    ConflictResolution,
    HistoryPage,
    KeptConflictView,
    PullResponse,
    PushRequest,
    PushResponse,
    RecordHistoryRequest,
    RecordHistoryResponse,
)
from contactdesk.sync_protocol import MAX_PAGE, MAX_VERSION

router = APIRouter(prefix="/sync", tags=["sync"])


@router.post("/push", response_model=PushResponse)
def push(body: PushRequest, user: CurrentUser, db: Db, settings: Settings) -> PushResponse:
    """Apply a batch of outbox changes; one outcome per change, in order.

    403 (a field the role may not edit, a record outside its scope), 422 (a
    bad value) and 409 (a uniqueness rule) refuse the whole batch: nothing of
    it is applied, and the body names the change, record and field.
    """
    with db.transaction() as session:
        results = push_service.push_changes(session, user.actor, body.changes, settings.clock())
    return PushResponse(results=results)


class PullPage(JSONResponse):
    """A pull page serialised once, by the model the service built (not validated again).

    A JSONResponse, so the OpenAPI document publishes the page's model as the body.
    """

    def render(self, content: Any) -> bytes:
        return content if isinstance(content, bytes) else super().render(content)


@router.get("/changes", response_model=PullResponse, response_class=PullPage)
def pull(
    user: CurrentUser,
    db: Db,
    since: Annotated[
        int, Query(ge=0, le=MAX_VERSION, description="The cursor of the last page")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
    epoch: Annotated[
        int | None, Query(ge=0, le=MAX_VERSION, description="The epoch the client holds")
    ] = None,
) -> Response:
    """One page of the feed since ``since``, holding only what the user's role may see.

    The page is a ``PullResponse`` the service built from typed values; FastAPI
    would validate and serialise it again through ``response_model`` (which stays
    declared, so the schema is still published), so it is written to JSON once here.
    """
    with db.snapshot() as session:
        page = pull_service.pull_changes(session, user.actor, since, limit, epoch)
    return PullPage(page.model_dump_json().encode())


@router.get("/history", response_model=HistoryPage, response_class=PullPage)
def history(
    user: CurrentUser,
    db: Db,
    since: Annotated[
        int, Query(ge=0, le=MAX_VERSION, description="The cursor of the last history page")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 500,
) -> Response:
    """Who changed which field of which record, from what to what, after ``since``.

    Only records in the user's scope today, only fields the role may see; a
    change that touched hidden fields alone is not listed. Written to JSON
    once, like a pull page.
    """
    with db.snapshot() as session:
        page = history_service.history_page(session, user.actor, since, limit)
    return PullPage(page.model_dump_json().encode())


@router.post("/history/records", response_model=RecordHistoryResponse)
def records_history(body: RecordHistoryRequest, user: CurrentUser, db: Db) -> RecordHistoryResponse:
    """The whole visible history of some records (ones newly in the user's scope).

    A read with a body (up to 500 ids do not fit a query string); changes nothing.
    """
    with db.snapshot() as session:
        return history_service.records_history(session, user.actor, body.record_ids)


@router.get("/conflicts", response_model=list[KeptConflictView])
def conflicts(user: CurrentUser, db: Db) -> list[KeptConflictView]:
    """The caller's unresolved conflicts (original, mine, theirs per field)."""
    with db.snapshot() as session:
        return conflicts_service.open_conflicts(session, user.actor)


@router.post("/conflicts/{conflict_id}/resolve", response_model=KeptConflictView)
def resolve(
    conflict_id: uuid.UUID, body: ConflictResolution, user: CurrentUser, db: Db, settings: Settings
) -> KeptConflictView:
    with db.transaction() as session:
        return conflicts_service.resolve_conflict(
            session, user.actor, conflict_id, body.resolution, settings.clock()
        )
