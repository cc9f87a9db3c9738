"""One sync: push the outbox in batches, then pull the feed page by page, resuming anywhere.

Every step commits on its own: a batch's outcomes with the change-log marks,
a page with its cursor. A sync interrupted at any point (killed, offline,
cancelled) resumes from what was committed; a retried push applies once on
the server (change ids), a re-pulled page rewrites the same state. When the
server says the role's view changed (a new epoch), the engine purges the
fields the role lost, pushes what it has, fetches a fresh snapshot from
cursor 0 and purges every record the snapshot did not deliver.

Runs on a worker thread or in the CLI, never on the UI thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from contactdesk.errors import ContactDeskError
from contactdesk.marketing.follow_up_clock import enforce_follow_up_clocks, may_enforce_clocks
from contactdesk.model import ChangeLog, SnapshotSeen
from contactdesk.model.base import utc_now
from contactdesk.services.changes import Change, ChangeSet
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import Policy, load_policy
from contactdesk.services.policy_cache import forget_policies
from contactdesk.store.local_store import Store
from contactdesk.sync import apply_feed, conflicts, outbox, purge, remote_history
from contactdesk.sync.server_client import ServerClient, SyncError
from contactdesk.sync.sync_state import mark_synced, signed_in_actor, sync_state
from contactdesk.sync_protocol import (
    MAX_BATCH,
    MAX_PAGE,
    ChangeOutcome,
    FeedRecord,
    PullResponse,
)

Progress = Callable[[int, int], None]


class SyncCancelled(ContactDeskError):
    """The user stopped the sync; what was committed so far stays."""


@dataclass
class SyncReport:
    """What one sync moved. ``outcomes`` maps each change-log entry's id to its push status."""

    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    purged: int = 0
    history: int = 0  # changes made on other devices, newly kept for record history
    resynced: bool = False
    clock_misses: int = 0  # leads re-routed or escalated after the pull
    outcomes: dict[uuid.UUID, str] = field(default_factory=dict)
    conflict_lines: list[str] = field(default_factory=list)


class SyncEngine:
    """Syncs one store with one server as the store's signed-in user."""

    def __init__(
        self,
        store: Store,
        client: ServerClient,
        *,
        page_size: int = MAX_PAGE,
        batch_size: int = MAX_BATCH,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.page_size = page_size
        self.batch_size = batch_size
        self.progress = progress or (lambda _done, _total: None)
        self.cancelled = cancelled or (lambda: False)
        # The feed's newest sequence number as the last pulled page saw it.
        self._feed_latest: int | None = None

    def sync(self) -> SyncReport:
        """Push, tell the server of settled conflicts, pull; returns what moved.

        Raises SyncError (unreachable, refused, protocol) or SyncCancelled;
        either way everything committed before stays and the next sync resumes.
        """
        purge.protect_deleted_content(self.store.engine)
        self._feed_latest = None
        report = SyncReport()
        self._push_all(report)
        self._report_resolutions()
        self._pull_all(report)
        self._pull_history(report)
        self._adopt_phone_conflicts(report)
        mark_synced(self.store, utc_now())
        if self._enforce_clocks(report):
            self._push_all(report)
        return report

    def _adopt_phone_conflicts(self, report: SyncReport) -> None:
        """Copy the server's conflicts of phone edits (CardDAV, CalDAV) into this store."""
        rows = self.client.open_conflicts()
        if not any(row.get("source") == conflicts.PHONE_SOURCE for row in rows):
            with self.store.reading() as session:
                if not conflicts.has_open_phone_conflicts(session):
                    return  # nothing to copy and nothing to close: no write at all
        with self.store.transaction() as session:
            titles = {}
            for row in rows:
                if row.get("source") == conflicts.PHONE_SOURCE:
                    record_id = uuid.UUID(str(row["record_id"]))
                    titles[record_id] = _title(session, str(row["entity"]), record_id)
            report.conflicts += conflicts.adopt_phone_conflicts(session, rows, titles)

    def _enforce_clocks(self, report: SyncReport) -> bool:
        """Re-route or escalate leads whose deadline passed, once the feed is current.

        Only a user who may re-route leads does it (a marketer or admin); the
        re-routes are pushed in the same sync so every rep sees them at once.
        """
        actor = signed_in_actor(self.store)
        if actor is None or not may_enforce_clocks(self.store, actor):
            return False
        report.clock_misses = len(enforce_follow_up_clocks(self.store, actor, utc_now()))
        return report.clock_misses > 0

    # -- transactions ------------------------------------------------------

    @contextmanager
    def _feed_transaction(self) -> Iterator[Session]:
        """A transaction that may hold references to records this role cannot see.

        A contact the rep owns may point at an account owned by someone else,
        which the server never sends; the store is a partial replica, so
        foreign keys are not enforced while writing what the server sent.
        """
        with self.store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
            try:
                with (
                    Session(bind=connection, expire_on_commit=False) as session,
                    session.begin(),
                ):
                    yield session
            finally:
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()

    def _role(self) -> str:
        with self.store.reading() as session:
            role = sync_state(session).role
        if not role:
            raise SyncError("this store is not signed in to a server", "authentication")
        return role

    def _check_cancelled(self) -> None:
        if self.cancelled():
            raise SyncCancelled("sync stopped; it resumes where it left off next time")

    # -- push --------------------------------------------------------------

    def _push_all(self, report: SyncReport) -> None:
        role = self._role()
        while True:
            self._check_cancelled()
            with self.store.reading() as session:
                # Nothing to push: a role an admin just created is not on this
                # device before the first pull, and needs no policy yet.
                if outbox.nothing_pending(session):
                    return
                policy = load_policy(session, role)
                items = outbox.next_batch(session, policy, self.batch_size)
            if not items:
                return
            to_send = [item for item in items if item.change.op != "update" or item.change.fields]
            try:
                answers = self.client.push([item.change for item in to_send]) if to_send else []
            except SyncError as error:
                refused = _named_item(items, error)
                if refused is None:
                    raise
                self._keep_refusal(refused, str(error), policy, report)
                continue
            with self._feed_transaction() as session:
                sent = {id(item) for item in to_send}
                _mark_pushed(session, [item for item in items if id(item) not in sent])
                applied: list[tuple[outbox.OutboxItem, ChangeOutcome]] = []
                for item, answer in zip(to_send, answers, strict=True):
                    if answer.status == "applied":
                        applied.append((item, answer))
                        continue
                    # Settled in order: what an applied change did comes before this one.
                    _settle_applied(session, applied, report)
                    applied = []
                    self._settle(session, policy, item, answer, report)
                _settle_applied(session, applied, report)

    def _keep_refusal(
        self, item: outbox.OutboxItem, reason: str, policy: Policy, report: SyncReport
    ) -> None:
        """A change the server refuses outright is kept as a conflict; the rest go on."""
        answer = ChangeOutcome(change_id=item.change.change_id, status="rejected", reason=reason)
        with self._feed_transaction() as session:
            self._settle(session, policy, item, answer, report)

    def _settle(
        self,
        session: Session,
        policy: Policy,
        item: outbox.OutboxItem,
        answer: ChangeOutcome,
        report: SyncReport,
    ) -> None:
        change = item.change
        _mark_pushed(session, [item])
        report.outcomes.update(dict.fromkeys(item.change_ids, answer.status))
        if answer.status == "applied":
            report.pushed += 1
            if answer.version is not None:
                apply_feed.set_version(session, change.entity, change.record_id, answer.version)
                # Edits made on top of this one were made on its result.
                session.execute(
                    update(ChangeLog)
                    .where(
                        ChangeLog.record_id == change.record_id,
                        ChangeLog.pushed_at.is_(None),
                        ChangeLog.base_version < answer.version,
                    )
                    .values(base_version=answer.version)
                )
            return
        title = _title(session, change.entity, change.record_id)
        kept = conflicts.keep_outcome(session, change, answer, title)
        report.conflict_lines.extend(
            f"{change.entity} {title or change.record_id}: {c.field}"
            f" (mine {c.mine!r}, theirs {c.theirs!r})"
            for c in answer.conflicts
        )
        if answer.status == "rejected":
            report.rejected += 1
            report.conflict_lines.append(
                f"{change.entity} {title or change.record_id}: refused ({answer.reason})"
            )
            _restart_snapshot(session)
            return
        report.pushed += 1
        report.conflicts += kept
        if answer.record_deleted:
            apply_feed.remove_record(session, change.entity, change.record_id)
        elif change.op in ("delete", "merge"):
            # The record was removed here but lives on there: fetch it back.
            _restart_snapshot(session)
        else:
            theirs = {c.field: c.theirs for c in answer.conflicts}
            apply_feed.write_server_values(session, policy, change.entity, change.record_id, theirs)
            if answer.version is not None:
                apply_feed.set_version(session, change.entity, change.record_id, answer.version)

    def _report_resolutions(self) -> None:
        with self.store.reading() as session:
            settled = conflicts.unreported_resolutions(session)
        if not settled:
            return
        on_server = {
            (str(row.get("change_id")), str(row.get("field"))): str(row.get("id"))
            for row in self.client.open_conflicts()
        }
        with self.store.transaction() as session:
            for local in settled:
                server_id = on_server.get((str(local.change_id), local.field))
                if server_id is not None:
                    self.client.resolve_conflict(server_id, conflicts.server_resolution(local))
                row = session.merge(local)
                row.reported_at = utc_now()

    # -- pull --------------------------------------------------------------

    def _pull_all(self, report: SyncReport) -> None:
        """Pull and apply page after page; the next page is fetched while one is applied.

        Pulls only read, so asking for the page after ``page.cursor`` before this
        page is written changes nothing on the server; the answer is used only
        if the store then asks for exactly that page (same cursor and epoch),
        and an error fetching it surfaces where the plain pull would have.
        """
        role = self._role()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
            ahead: tuple[tuple[int, int | None], Future[PullResponse]] | None = None
            try:
                while True:
                    self._check_cancelled()
                    with self.store.reading() as session:
                        state = sync_state(session)
                        resyncing = state.resync_cursor is not None
                        since = (
                            state.resync_cursor if state.resync_cursor is not None else state.cursor
                        )
                        epoch = state.epoch
                    if ahead is not None and ahead[0] == (since, epoch):
                        page = ahead[1].result()
                    else:
                        page = self.client.pull(since, self.page_size, epoch)
                    ahead = None
                    if page.resync_required:
                        self._start_resync(page, report)
                        self._push_all(report)
                        continue
                    if page.has_more:
                        ahead = (
                            (page.cursor, page.epoch),
                            fetcher.submit(
                                self.client.pull, page.cursor, self.page_size, page.epoch
                            ),
                        )
                    self._apply(page, role, resyncing, report)
                    if not page.has_more:
                        self._feed_latest = page.latest
                        return
            finally:
                # A page fetched ahead and not used (cancelled, failed, the store
                # moved on): wait for it and drop its answer.
                if ahead is not None and not ahead[1].cancel():
                    ahead[1].exception()

    def _pull_history(self, report: SyncReport) -> None:
        """Read the history feed to its end, then fetch the history of records that arrived.

        Each page commits with its cursor; records wanting their history leave
        the list in the transaction that stores it. Either resumes anywhere.
        """
        while True:
            self._check_cancelled()
            with self.store.reading() as session:
                since = remote_history.history_cursor(session)
            if self._feed_latest is not None and since >= self._feed_latest:
                # The history feed is read up to where the pull found the feed's end:
                # nothing to ask for (a no-op sync makes one request, not two).
                break
            page = self.client.history(since, self.page_size)
            with self._feed_transaction() as session:
                report.history += remote_history.store_history_page(session, page)
            if not page.has_more:
                break
        while True:
            self._check_cancelled()
            with self.store.reading() as session:
                wanted = remote_history.wanted_records(session, MAX_BATCH)
            if not wanted:
                return
            lines = self.client.records_history(wanted)
            with self._feed_transaction() as session:
                report.history += remote_history.store_records_history(session, wanted, lines)

    def _start_resync(self, page: PullResponse, report: SyncReport) -> None:
        with self._feed_transaction() as session:
            report.purged += purge.purge_hidden_fields(session, page.hidden_fields)
            # What other devices' history said was filtered for the old view.
            remote_history.forget_remote_history(session)
            state = sync_state(session)
            state.epoch = page.epoch
            state.resync_cursor = 0
            session.execute(delete(SnapshotSeen))
        self._compact()
        forget_policies(self.store)
        # Open forms and lists drop the fields the role lost, now rather than at the next edit.
        self.store.notify(_rules_changed(page.hidden_fields))
        report.resynced = True

    def _apply(self, page: PullResponse, role: str, resyncing: bool, report: SyncReport) -> None:
        finished_resync = False
        with self._feed_transaction() as session:
            if not resyncing:
                remote_history.note_arrivals(session, page.changes)
            result = apply_feed.apply_page(session, page.changes, role, snapshot=resyncing)
            state = sync_state(session)
            state.epoch = page.epoch
            if resyncing:
                state.resync_cursor = page.cursor
                if not page.has_more:
                    report.purged += purge.purge_unseen_records(session)
                    report.purged += purge.purge_hidden_fields(session, page.hidden_fields)
                    state.cursor = page.cursor
                    state.resync_cursor = None
                    finished_resync = True
            else:
                state.cursor = page.cursor
        if result.governance_changed:
            forget_policies(self.store)
        if finished_resync:
            self._compact()
        # After the commit, so that views reading on the relay see what the page wrote.
        self.store.notify(_announcement(page.changes))
        report.pulled += len(page.changes)
        report.applied += result.applied
        report.purged += result.purged
        if page.latest is not None and page.has_more:
            # Feed positions, not record counts: the share of the feed read so far.
            self.progress(page.cursor, max(page.latest, page.cursor))
        else:
            self.progress(report.pulled, report.pulled + (self.page_size if page.has_more else 0))

    def _compact(self) -> None:
        with self.store.engine.connect() as connection:
            purge.compact_search_and_log(connection)
        # Snapshots still hold what the role just lost: they go at the same sync.
        purge.replace_snapshots(self.store.path)


def _announcement(records: list[FeedRecord]) -> ChangeSet:
    """What a pulled page changed, as the store's listeners (open forms, lists) expect it.

    Governance records (rules, fields, roles) are announced like any change, so that
    a form showing a field the role just lost rebuilds without it.
    """
    return ChangeSet(
        [
            Change(record.entity, record.id, "update" if record.action == "upsert" else "delete")
            for record in records
        ]
    )


def _rules_changed(hidden_fields: dict[str, list[str]]) -> ChangeSet:
    """A resync's notice: the role's rules changed and these entities lost fields."""
    # No one record changed; the nil id says "the entity as a whole".
    entities = ("field_rule", *sorted(hidden_fields))
    return ChangeSet([Change(entity, uuid.UUID(int=0), "update") for entity in entities])


def _settle_applied(
    session: Session, settled: list[tuple[outbox.OutboxItem, ChangeOutcome]], report: SyncReport
) -> None:
    """``_settle`` for a run of applied changes, in a few executemany statements.

    The same writes in the same order: each record takes its new version (never
    moving back), and pending edits of the record not yet marked pushed when its
    turn comes (its later entries; earlier ones are pushed by then) are rebased
    on it. Then the run's entries are marked pushed.
    """
    if not settled:
        return
    versions: dict[str, list[dict[str, Any]]] = {}
    rebases: list[dict[str, Any]] = []
    for item, answer in settled:
        change = item.change
        report.outcomes.update(dict.fromkeys(item.change_ids, answer.status))
        report.pushed += 1
        if answer.version is None:
            continue
        versions.setdefault(change.entity, []).append(
            {"key": change.record_id, "new_version": answer.version}
        )
        rebases.append(
            {"key": change.record_id, "new_version": answer.version, "after": max(item.seqs)}
        )
    for entity, rows in versions.items():
        table = apply_feed.table_of(entity)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("key"), table.c.version < bindparam("new_version"))
            .values(version=bindparam("new_version"))
            .execution_options(synchronize_session=False),
            rows,
        )
    if rebases:
        log = ChangeLog.__table__
        assert isinstance(log, Table)
        session.execute(
            update(log)
            .where(
                log.c.record_id == bindparam("key"),
                log.c.pushed_at.is_(None),
                log.c.seq > bindparam("after"),
                log.c.base_version < bindparam("new_version"),
            )
            .values(base_version=bindparam("new_version"))
            .execution_options(synchronize_session=False),
            rebases,
        )
    _mark_pushed(session, [item for item, _answer in settled])


def _mark_pushed(session: Session, items: list[outbox.OutboxItem]) -> None:
    """Mark the items' entries pushed; a coalesced item's entries learn the id it went under."""
    seqs = [seq for item in items for seq in item.seqs]
    if not seqs:
        return
    session.execute(update(ChangeLog).where(ChangeLog.seq.in_(seqs)).values(pushed_at=utc_now()))
    for item in items:
        if len(item.seqs) > 1:
            session.execute(
                update(ChangeLog)
                .where(ChangeLog.seq.in_(item.seqs))
                .values(pushed_as=item.change.change_id)
            )


def _restart_snapshot(session: Session) -> None:
    """Fetch every record afresh before this sync ends: the local copy is no longer true."""
    state = sync_state(session)
    state.resync_cursor = 0
    session.execute(delete(SnapshotSeen))


def _named_item(items: list[outbox.OutboxItem], error: SyncError) -> outbox.OutboxItem | None:
    if error.code != "refused" or error.change_id is None:
        return None
    for item in items:
        if str(item.change.change_id) == error.change_id:
            return item
    return None


def _title(session: Session, entity: str, record_id: uuid.UUID) -> str | None:
    spec = ENTITIES.get(entity)
    if spec is None:
        return None
    table = apply_feed.table_of(entity)
    value = session.scalar(select(table.c[spec.title_field]).where(table.c.id == record_id))
    return None if value is None else str(value)
