"""The sync wire format, shared by the server and the desktop sync client.

Every request to the server (except ``/health``) carries the header
``X-ContactDesk-Protocol: <PROTOCOL_VERSION>``; a server refuses any other
version with 426 and a message naming both. Field values travel as JSON:
dates and datetimes as ISO 8601 text, ids as UUID text, money as numbers.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from contactdesk.services.text_checks import unwritable_part

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-ContactDesk-Protocol"
# Bounded so that no client value can overflow a BIGINT column.
MAX_VERSION = 2**62
MAX_BATCH = 500
MAX_PAGE = 1000
# Fields one pushed change may carry: more than any entity has, built-in and custom.
MAX_FIELDS_PER_CHANGE = 200

# Text without NUL characters, which PostgreSQL refuses in text columns.
NoNulText = Annotated[str, StringConstraints(pattern=r"^[^\x00]*$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"^[^\x00]*$")]
FieldName = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=r"^[^\x00]*$")]
Secret = Annotated[str, StringConstraints(min_length=1, max_length=1024, pattern=r"^[^\x00]*$")]
Operation = Literal["create", "update", "delete", "merge"]
Version = Annotated[int, Field(ge=0, le=MAX_VERSION)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RequestModel(WireModel):
    """A body a client sends: every value in it must be writable back out as JSON.

    A lone surrogate or a NaN would be stored and then fail every later read
    that serialises it (the whole feed for everyone), so it is refused here
    with a 422 naming where it is.
    """

    @field_validator("*", mode="after")
    @classmethod
    def _writable(cls, value: Any, info: ValidationInfo) -> Any:
        problem = unwritable_part(value, info.field_name or "")
        if problem:
            raise ValueError(problem)
        return value


# -- errors ---------------------------------------------------------------


class ErrorBody(WireModel):
    """The body of every 4xx answer: a message a person can act on, and what it names."""

    detail: str
    code: str
    field: str | None = None
    change_id: uuid.UUID | None = None
    record_id: uuid.UUID | None = None


# -- auth -----------------------------------------------------------------


class LoginRequest(RequestModel):
    """``device`` is the client store's own random id: signing in again from it
    revokes the token it had, so one device holds one live token."""

    username: Name
    password: Secret
    device: Name | None = None


class UserInfo(WireModel):
    id: uuid.UUID
    username: str
    display_name: str
    role: str
    team: str | None


class LoginResponse(WireModel):
    token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime
    user: UserInfo


class PasswordChange(RequestModel):
    current_password: Secret
    new_password: Secret


class AppPasswordRequest(RequestModel):
    """A new app password for one phone or calendar app, named so the user knows it later."""

    label: Name


class AppPasswordView(WireModel):
    id: uuid.UUID
    label: str
    created_at: datetime
    last_used_at: datetime | None = None


class AppPasswordCreated(AppPasswordView):
    """The new app password: ``password`` is shown this once and never again."""

    password: str


# -- push -----------------------------------------------------------------


class PushedChange(RequestModel):
    """One change from a client's outbox.

    ``fields`` holds only the fields the user changed, by field name (built-in
    or custom), with their new values. A merge carries ``{"merged_into": WINNER_ID}``
    and has ``record_id`` = the loser. ``base_version`` is the record version the
    edit was made on (0 for a create).
    """

    change_id: uuid.UUID
    entity: Name
    record_id: uuid.UUID
    op: Operation
    base_version: Version = 0
    fields: dict[FieldName, JsonValue] = Field(
        default_factory=dict,
        max_length=MAX_FIELDS_PER_CHANGE,
        # Pydantic publishes the key pattern as patternProperties, which leaves other
        # keys open; the server refuses them, so the document says so.
        json_schema_extra={"additionalProperties": False},
    )


class PushRequest(RequestModel):
    changes: list[PushedChange] = Field(max_length=MAX_BATCH)


class FieldConflict(WireModel):
    """A field whose server value moved on since the change's base.

    ``original`` is the value at ``base_version``, ``mine`` the pushed one,
    ``theirs`` the server's (None for a deleted record). ``changed_by`` (user
    name) and ``changed_at`` say who made the server's value and when (protocol 1
    servers before they were added leave them out).
    """

    field: str
    original: JsonValue
    mine: JsonValue
    theirs: JsonValue
    server_version: int
    changed_by: str | None = None
    changed_at: datetime | None = None


class ChangeOutcome(WireModel):
    """The answer to one pushed change.

    - ``applied``: every field applied; ``version`` is the record's new version.
    - ``conflict``: the fields in ``conflicts`` were not applied and are kept
      on the server for the user to resolve; ``applied_fields`` (if any) were
      applied, and ``version`` is the record's version after this change.
      ``record_deleted`` says the record was deleted on the server.
    - ``rejected``: nothing applied; ``reason`` says why (no such record, id taken).
    """

    change_id: uuid.UUID
    status: Literal["applied", "conflict", "rejected"]
    version: int | None = None
    applied_fields: list[str] = Field(default_factory=list)
    conflicts: list[FieldConflict] = Field(default_factory=list)
    record_deleted: bool = False
    reason: str | None = None


class PushResponse(WireModel):
    results: list[ChangeOutcome]


# -- pull -----------------------------------------------------------------


class FeedRecord(WireModel):
    """The current state of one record changed since the cursor.

    ``action`` is ``upsert`` (store these visible fields), ``delete`` (tombstone;
    ``merged_into`` names the winner of a merge) or ``purge`` (the record left
    this user's scope: drop it, it was not deleted).
    """

    entity: str
    id: uuid.UUID
    version: int
    action: Literal["upsert", "delete", "purge"]
    fields: dict[str, JsonValue] = Field(default_factory=dict)
    merged_into: uuid.UUID | None = None


class PullResponse(WireModel):
    """One page of the feed.

    Apply ``changes`` and store ``cursor`` in one transaction; pull again while
    ``has_more``. When ``resync_required`` is true no changes are sent: purge
    the ``hidden_fields`` (entity -> field names) from the store, search index
    and caches, push the outbox, then pull from cursor 0 with the new ``epoch``
    and drop every local record the snapshot does not deliver.
    """

    protocol_version: int = PROTOCOL_VERSION
    epoch: int
    resync_required: bool
    hidden_fields: dict[str, list[str]]
    changes: list[FeedRecord]
    cursor: int
    has_more: bool
    # The feed's newest sequence number when the page was read: how far a pull goes
    # (a first sync shows cursor / latest as a percentage). None from older servers.
    latest: int | None = None


# -- history --------------------------------------------------------------


class FieldMove(WireModel):
    """One field of an update: the value before and the value after."""

    old: JsonValue = None
    new: JsonValue = None


class HistoryChange(WireModel):
    """One accepted edit of a record, as a history line on another device.

    ``fields`` holds the fields of the update the reader may see, each with its
    old and new value. Protocol 1 servers send updates only (``op`` is there
    so that other kinds can be added without a new protocol). ``user_name`` is
    who made it (None for the server's own work), ``at`` when the server
    accepted it.
    """

    seq: int
    change_id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    op: Operation
    fields: dict[str, FieldMove] = Field(default_factory=dict)
    user_name: str | None = None
    at: datetime


class HistoryPage(WireModel):
    """One page of the history feed: changes after ``since`` this user may see.

    Store ``changes`` and ``cursor`` in one transaction; ask again while
    ``has_more``. After a resync (new epoch) a client drops what it holds and
    reads the history again from 0, as it does the records.
    """

    changes: list[HistoryChange]
    cursor: int
    has_more: bool


class RecordHistoryRequest(RequestModel):
    """The records whose whole history a client wants (records newly in its scope)."""

    record_ids: list[uuid.UUID] = Field(max_length=MAX_BATCH)


class RecordHistoryResponse(WireModel):
    """Every change of the asked records the user may see, oldest first."""

    changes: list[HistoryChange]


# -- conflicts ------------------------------------------------------------


class KeptConflictView(WireModel):
    id: uuid.UUID
    change_id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    field: str
    original: JsonValue
    mine: JsonValue
    theirs: JsonValue
    server_version: int
    record_deleted: bool
    created_at: datetime
    changed_by: str | None = None
    changed_at: datetime | None = None
    resolved_at: datetime | None
    resolution: str | None
    # "phone" for an edit made over CardDAV or CalDAV (optional: absent from older servers).
    source: str | None = None


class ConflictResolution(RequestModel):
    """How the user settled a conflict; the client pushes the chosen value as an edit."""

    resolution: Literal["mine", "theirs", "merged", "dismissed"]
