"""Reading and writing the store's single sync-state row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from contactdesk.model import (
    ChangeLog,
    RemoteChange,
    RemoteHistoryWanted,
    SnapshotSeen,
    SyncConflict,
    SyncState,
)
from contactdesk.model.sync_state import SYNC_STATE_ID
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.store.local_store import Store


def sync_state(session: Session) -> SyncState:
    """The state row, created (empty: never synced) on first use."""
    state = session.get(SyncState, SYNC_STATE_ID)
    if state is None:
        state = SyncState(id=SYNC_STATE_ID, cursor=0)
        session.add(state)
        session.flush()
    return state


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: where the store syncs to, when it last did, what waits."""

    server_url: str | None
    username: str | None
    last_sync_at: datetime | None
    pending_changes: int
    open_conflicts: int

    @property
    def signed_in(self) -> bool:
        return self.server_url is not None and self.username is not None


def pending_filter() -> list[ColumnElement[bool]]:
    """The change-log rows the outbox still has to push (synced entities only)."""
    return [ChangeLog.pushed_at.is_(None), ChangeLog.entity.in_(list(ENTITIES))]


def read_status(store: Store) -> SyncStatus:
    """The store's sync status; runs on the database worker."""
    with store.reading() as session:
        state = session.get(SyncState, SYNC_STATE_ID)
        pending = session.scalar(
            select(func.count()).select_from(ChangeLog).where(*pending_filter())
        )
        conflicts = session.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        )
    return SyncStatus(
        server_url=state.server_url if state else None,
        username=state.username if state else None,
        last_sync_at=state.last_sync_at if state else None,
        pending_changes=int(pending or 0),
        open_conflicts=int(conflicts or 0),
    )


def mark_synced(store: Store, at: datetime) -> None:
    """Record that a sync finished at ``at`` (what the status bar calls "last synced")."""
    with store.transaction() as session:
        sync_state(session).last_sync_at = at


def remember_sign_in(store: Store, server_url: str, user: Actor) -> None:
    """Record which server and user this store syncs as (the token goes to the keyring)."""
    with store.transaction() as session:
        state = sync_state(session)
        if state.server_url not in (None, server_url) or (
            state.user_id is not None and state.user_id != user.user_id
        ):
            # Another server or user: the feed position means nothing there, and what the
            # store holds was filtered for someone else. Read the feed anew as a resync, so
            # that at its end whatever the new user's feed did not deliver (another team's
            # records) and every field their role may not see leave the file
            # (SyncEngine's end of a resync: purge_unseen_records, purge_hidden_fields).
            state.cursor = 0
            state.epoch = None
            state.resync_cursor = 0
            state.history_cursor = 0
            for kept_for_the_old_view in (SnapshotSeen, RemoteChange, RemoteHistoryWanted):
                session.execute(delete(kept_for_the_old_view))
        state.server_url = server_url
        state.username = user.username
        state.user_id = user.user_id
        state.role = user.role
        state.team = user.team


def signed_in_actor(store: Store) -> Actor | None:
    """The user this store is signed in to a server as, or None."""
    with store.reading() as session:
        state = session.get(SyncState, SYNC_STATE_ID)
        if state is None or state.user_id is None or state.username is None or not state.role:
            return None
        return Actor(state.user_id, state.username, state.role, state.team)


def forget_sign_in(store: Store) -> None:
    """Sign out locally: keep the feed position and whose it is (the data is still this
    user's; a later sign-in as someone else starts the feed anew, see remember_sign_in)."""
    with store.transaction() as session:
        sync_state(session).username = None
