"""A sales rep's week: what is due each day, what is overdue, and what needs attention.

One call, ``week_plan(store, actor, user_id, now=...)``, answers the sales view and
``contactdesk week``. Every section is a few indexed queries with a limit, so the
cost does not grow with the store: activities are read by (owner_id, due_at)
ranges, leads by (owner_id, status), accounts by owner_id. A day or section with
more entries than its limit shows the first ones (a day its earliest, overdue its
most recent) and reports the true count alongside: a day's count reads only that
day, and the overdue count reads only the rep's open activities (the partial index
on open activities), never the done history.

Order is the order of the day: within a day and among overdue items, by due time.
A deal's value and a lead's score are shown beside each item, not used to sort it
(issue 20: a rep works down the day by the clock).

``kinds`` narrows the plan to some kinds of work (PLAN_KINDS: the activity kinds,
and "lead" for the open leads with no next step).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    bindparam,
    case,
    exists,
    func,
    null,
    select,
)
from sqlalchemy.orm import Session

from contactdesk.model import Account, Activity, Campaign, Contact, FunnelStage, Lead, Opportunity
from contactdesk.model.selling import ACTIVITY_KINDS
from contactdesk.selling.brief_reminders import BriefReminder, unread_briefs
from contactdesk.selling.contact_pipeline import OPEN_LEAD_STATUSES
from contactdesk.selling.week_window import WeekWindow
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import company_currency
from contactdesk.services.field_catalog import entity_spec
from contactdesk.services.field_rules import Policy, scope_clause
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

DAY_LIMIT = 50
OVERDUE_LIMIT = 50
FLAG_LIMIT = 30
# What the plan can be narrowed to: each activity kind, and the open leads without a next step.
LEAD_KIND = "lead"
PLAN_KINDS = (*ACTIVITY_KINDS, LEAD_KIND)


@dataclass(frozen=True)
class PlanItem:
    """One activity in the plan, with what it is for and what it is worth."""

    activity_id: uuid.UUID
    kind: str
    subject: str
    due_at: datetime
    done_at: datetime | None
    overdue: bool
    contact_id: uuid.UUID | None = None
    contact_name: str | None = None
    account_id: uuid.UUID | None = None
    account_name: str | None = None
    lead_id: uuid.UUID | None = None
    lead_score: float | None = None
    opportunity_id: uuid.UUID | None = None
    opportunity_name: str | None = None
    opportunity_value: float | None = None
    # ISO 4217 code of the value: the deal's own, else the company's currency.
    opportunity_currency: str | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class PlanDay:
    day: date
    items: list[PlanItem]
    # Every activity due that day, including any beyond DAY_LIMIT.
    total: int


@dataclass(frozen=True)
class LeadWithoutNextStep:
    """An open lead of the rep with no open activity planned for its contact."""

    lead_id: uuid.UUID
    contact_id: uuid.UUID
    contact_name: str | None
    status: str
    score: float | None
    source: str | None
    handed_off_at: datetime | None


@dataclass(frozen=True)
class LapsedAccount:
    """An account whose keep-in-touch cadence ran out (or that was never touched)."""

    account_id: uuid.UUID
    name: str
    keep_in_touch_days: int
    last_done_at: datetime | None
    due_since: datetime


@dataclass(frozen=True)
class RunningCampaign:
    campaign_id: uuid.UUID
    name: str
    channel: str
    product: str | None
    starts_on: date
    ends_on: date
    expected_leads: int | None


@dataclass(frozen=True)
class WeekPlan:
    user_id: uuid.UUID
    week: WeekWindow
    now: datetime
    overdue: list[PlanItem]
    # How many are overdue in all (the list holds the most recent OVERDUE_LIMIT).
    overdue_total: int
    days: list[PlanDay]
    leads_without_next_step: list[LeadWithoutNextStep]
    lapsed_accounts: list[LapsedAccount]
    campaigns: list[RunningCampaign]
    # Launch briefs the rep has not read whose launch is within 14 days.
    unread_briefs: list[BriefReminder] = field(default_factory=list)
    # True when a flag list was cut at FLAG_LIMIT.
    more_flags: dict[str, bool] = field(default_factory=dict)

    def items(self) -> list[PlanItem]:
        """Every activity of the week's days, day by day in plan order."""
        return [item for day in self.days for item in day.items]


def week_plan(
    store: Store,
    actor: Actor,
    user_id: uuid.UUID,
    *,
    now: datetime,
    day: date | None = None,
    tz: tzinfo = UTC,
    kinds: Collection[str] | None = None,
) -> WeekPlan:
    """The plan of ``user_id`` for the week containing ``day`` (default: ``now``'s week).

    ``now`` (aware) decides what is overdue and which cadences ran out; it is a
    parameter so that callers and tests control the clock. Read as ``actor``
    sees the store: records outside its scope are left out, hidden fields are
    None. ``kinds`` (a subset of PLAN_KINDS; None for everything) leaves out the
    other kinds of work, and the accounts to keep in touch with. Safe to call from
    any thread; runs a handful of indexed queries.
    """
    unknown = set(kinds or ()) - set(PLAN_KINDS)
    if unknown:
        raise ValueError(f"unknown kinds of work: {', '.join(sorted(unknown))}")
    activity_kinds = [kind for kind in ACTIVITY_KINDS if kinds is None or kind in kinds]
    week = WeekWindow.containing(day, tz) if day is not None else WeekWindow.around(now, tz)
    today_start = WeekWindow(now.astimezone(tz).date(), tz).start
    default_currency = company_currency(store)
    with store.reading() as session:
        policy = policy_for(store, session, actor.role)
        reader = _PlanReader(
            session, _statements(policy, actor), user_id, now, today_start, activity_kinds
        )
        reader.default_currency = default_currency  # a deal with no currency is in this one
        days = [reader.day(week, each) for each in week.days]
        overdue, overdue_total = reader.overdue()
        leads = reader.leads_without_next_step() if kinds is None or LEAD_KIND in kinds else []
        accounts = reader.lapsed_accounts() if kinds is None else []
        return WeekPlan(
            user_id=user_id,
            week=week,
            now=now,
            overdue=overdue,
            overdue_total=overdue_total,
            days=days,
            leads_without_next_step=leads[:FLAG_LIMIT],
            lapsed_accounts=accounts[:FLAG_LIMIT],
            campaigns=running_campaigns(session, policy, week),
            unread_briefs=unread_briefs(session, user_id, now.astimezone(tz).date()),
            more_flags={
                "leads_without_next_step": len(leads) > FLAG_LIMIT,
                "lapsed_accounts": len(accounts) > FLAG_LIMIT,
            },
        )


def running_campaigns(session: Session, policy: Policy, week: WeekWindow) -> list[RunningCampaign]:
    """Campaigns whose dates overlap ``week``, soonest ending first."""
    expected = _visible(policy, "campaign", "expected_leads", Campaign.expected_leads)
    product = _visible(policy, "campaign", "product", Campaign.product)
    rows = session.connection().execute(
        select(
            Campaign.id,
            Campaign.name,
            Campaign.channel,
            product,
            Campaign.starts_on,
            Campaign.ends_on,
            expected,
        )
        .where(Campaign.starts_on <= week.sunday, Campaign.ends_on >= week.monday)
        .order_by(Campaign.ends_on, Campaign.name)
    )
    return [RunningCampaign(*row) for row in rows]


def _visible(policy: Policy, entity: str, name: str, column: Any) -> Any:
    """``column`` if the role may see the field, else NULL: hidden values never leave here."""
    return column if policy.can_see(entity, name) else null().label(name)


def _count(where: ColumnElement[bool]) -> Select[Any]:
    # count(*), not count(id): with no kind filter the count reads the
    # (owner_id, due_at) index alone, never an activity row.
    return select(func.count()).select_from(Activity).where(where)


class _PlanStatements:
    """The plan's queries for one policy and reader, built once with bound parameters.

    Building SQLAlchemy statements costs more than running these indexed queries,
    so they are made once per (policy, reader) and executed with new values.
    """

    def __init__(self, policy: Policy, actor: Actor) -> None:
        self.policy = policy
        self.actor = actor
        any_kind = and_(Activity.owner_id == bindparam("user_id"), self._scope("activity"))
        mine = and_(any_kind, Activity.kind.in_(bindparam("kinds", expanding=True)))
        day_range = and_(Activity.due_at >= bindparam("start"), Activity.due_at < bindparam("end"))
        in_range = and_(mine, day_range)
        # ``done_at IS NULL`` lets SQLite use a partial index on open activities if present.
        before_today = and_(Activity.done_at.is_(None), Activity.due_at < bindparam("today"))
        overdue = and_(mine, before_today)
        self.day_items = self._items(in_range, DAY_LIMIT, Activity.due_at)
        self.day_count = _count(in_range)
        # Newest first: the overdue work a rep can still save is the recent work, and
        # walking (owner_id, due_at) backwards finds it without reading years of history.
        self.overdue_items = self._items(overdue, OVERDUE_LIMIT, Activity.due_at.desc())
        self.overdue_count = _count(overdue)
        # Every kind shown (the usual case): counts without the kind test stay on
        # the index; with it each counted activity's row is read (12 ms for a
        # rep's overdue work on a 100k store, ten times that at 1M).
        self.day_count_every_kind = _count(and_(any_kind, day_range))
        self.overdue_count_every_kind = _count(and_(any_kind, before_today))
        # Every kind shown: the same items without the kind test, run on the driver
        # (``_DriverQuery``): a plan is 14 of these statements and ~300 rows, and
        # SQLAlchemy's per-statement and per-row handling cost as much as SQLite.
        self.driver: dict[str, _DriverQuery] = {
            "day_items": _DriverQuery(
                self._items(and_(any_kind, day_range), DAY_LIMIT, Activity.due_at)
            ),
            "day_count": _DriverQuery(self.day_count_every_kind),
            "overdue_items": _DriverQuery(
                self._items(and_(any_kind, before_today), OVERDUE_LIMIT, Activity.due_at.desc())
            ),
            "overdue_count": _DriverQuery(self.overdue_count_every_kind),
        }
        self.leads = self._leads_without_next_step()
        self.lapsed = self._lapsed_accounts()
        self.driver["lapsed"] = _DriverQuery(self.lapsed)

    def _scope(self, entity: str) -> ColumnElement[bool]:
        return scope_clause(entity_spec(entity), self.policy, self.actor)

    def _items(self, where: ColumnElement[bool], limit: int, order: Any) -> Select[Any]:
        policy = self.policy
        amount = _visible(policy, "opportunity", "amount", Opportunity.amount)
        # A won or lost opportunity has nothing left at stake: it ranks as if absent.
        open_amount = case((FunnelStage.outcome == "open", amount), else_=None)
        return (
            select(
                Activity.id,
                Activity.kind,
                _visible(policy, "activity", "subject", Activity.subject),
                Activity.due_at,
                _visible(policy, "activity", "done_at", Activity.done_at),
                Contact.id,
                _visible(policy, "contact", "display_name", Contact.display_name),
                Account.id,
                _visible(policy, "account", "name", Account.name),
                Lead.id,
                _visible(policy, "lead", "score", Lead.score),
                Opportunity.id,
                _visible(policy, "opportunity", "name", Opportunity.name),
                open_amount,
                _visible(policy, "opportunity", "currency", Opportunity.currency),
            )
            .select_from(Activity)
            # Joined records outside the reader's scope come back as NULLs, not as rows lost.
            .outerjoin(Contact, and_(Contact.id == Activity.contact_id, self._scope("contact")))
            .outerjoin(Account, and_(Account.id == Activity.account_id, self._scope("account")))
            .outerjoin(Lead, and_(Lead.id == Activity.lead_id, self._scope("lead")))
            .outerjoin(
                Opportunity,
                and_(Opportunity.id == Activity.opportunity_id, self._scope("opportunity")),
            )
            .outerjoin(FunnelStage, FunnelStage.id == Opportunity.stage_id)
            .where(where)
            .order_by(order)
            .limit(limit)
        )

    def _leads_without_next_step(self) -> Select[Any]:
        policy = self.policy
        planned = exists().where(
            Activity.contact_id == Lead.contact_id,
            Activity.done_at.is_(None),
        )
        return (
            select(
                Lead.id,
                Lead.contact_id,
                _visible(policy, "contact", "display_name", Contact.display_name),
                Lead.status,
                _visible(policy, "lead", "score", Lead.score),
                _visible(policy, "lead", "source", Lead.source),
                _visible(policy, "lead", "handed_off_at", Lead.handed_off_at),
            )
            .select_from(Lead)
            .outerjoin(Contact, and_(Contact.id == Lead.contact_id, self._scope("contact")))
            .where(
                Lead.owner_id == bindparam("user_id"),
                Lead.status.in_(OPEN_LEAD_STATUSES),
                self._scope("lead"),
                ~planned,
            )
            .limit(FLAG_LIMIT + 1)
        )

    def _lapsed_accounts(self) -> Select[Any]:
        last_done = (
            select(func.max(Activity.done_at))
            .where(Activity.account_id == Account.id)
            .scalar_subquery()
        )
        # now - keep_in_touch_days per account, in SQL, so only lapsed accounts come
        # back; ``now`` is bound as naive-UTC text, the form datetimes are stored in.
        cutoff = func.datetime(
            bindparam("now_text", type_=String()),
            func.printf("-%d days", Account.keep_in_touch_days),
        )
        # Lapsed: nothing done since the cutoff. One probe of the
        # (account_id, done_at) index per account; max(done_at) is then read
        # only for the few accounts returned, not three times for every one.
        touched_since = exists().where(
            Activity.account_id == Account.id, Activity.done_at >= cutoff
        )
        columns: list[Any] = [
            Account.id,
            Account.name,
            Account.keep_in_touch_days,
            last_done.label("last"),
        ]
        return (
            select(*columns)
            .where(
                Account.owner_id == bindparam("user_id"),
                Account.keep_in_touch_days > 0,
                self._scope("account"),
                ~touched_since,
            )
            .limit(FLAG_LIMIT + 1)
        )


_new_object = object.__new__
_set_slot = object.__setattr__
_SAFETY_UNKNOWN = uuid.SafeUUID.unknown


def _stored_uuid(value: str | None) -> uuid.UUID | None:
    """A UUID from the store's 32 hex digits, without ``uuid.UUID``'s parsing of every form.

    A plan holds about a thousand ids; the general constructor was a tenth of its cost.
    """
    if value is None:
        return None
    made = _new_object(uuid.UUID)
    _set_slot(made, "int", int(value, 16))
    _set_slot(made, "is_safe", _SAFETY_UNKNOWN)
    return made


def _stored_moment(value: str | None) -> datetime | None:
    """An aware UTC datetime from the store's naive-UTC text (UtcDateTime's read)."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


_PLAN_ITEM_FIELDS = tuple(each.name for each in fields(PlanItem))


def _plan_item(values: tuple[Any, ...]) -> PlanItem:
    """A PlanItem of ``values`` in field order, without the frozen class's ``__init__``.

    That ``__init__`` sets its 15 fields one ``object.__setattr__`` at a time, about
    2 µs an item; a plan builds ~300. The item is the same (fields, equality, hash).
    """
    item = _new_object(PlanItem)
    item.__dict__.update(zip(_PLAN_ITEM_FIELDS, values, strict=True))
    return item


def _stored_item_row(row: Any) -> tuple[Any, ...]:
    """An item row as stored (hex ids, naive-UTC text) in the types ``_items`` reads."""
    uuid_of, moment = _stored_uuid, _stored_moment
    return (
        uuid_of(row[0]), row[1], row[2], moment(row[3]), moment(row[4]),
        uuid_of(row[5]), row[6], uuid_of(row[7]), row[8], uuid_of(row[9]), row[10],
        uuid_of(row[11]), row[12], row[13], row[14],
    )  # fmt: skip


def _bind_processor(kind: Any, dialect: Any) -> Any:
    return kind.dialect_impl(dialect).bind_processor(dialect)


class _DriverQuery:
    """A select compiled once per dialect and run as driver SQL, its rows as stored.

    Parameters are bound with their types' own processors (ids as hex, times as
    naive-UTC text), exactly as SQLAlchemy would bind them; the caller converts
    the few columns that need it.
    """

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self.dialect: Any = None
        self.sql = ""
        self.params: list[tuple[str, Any, Any]] = []

    def _compile(self, dialect: Any) -> None:
        compiled = self.statement.compile(dialect=dialect)
        binds = [compiled.binds[name] for name in compiled.positiontup or ()]
        # A bind with a value of its own (a LIMIT, a literal) keeps it; the others
        # (user_id, start, end, today) come from the caller by name.
        self.params = [
            (bind.key, bind.effective_value, _bind_processor(bind.type, dialect)) for bind in binds
        ]
        self.sql = compiled.string
        self.dialect = dialect

    def rows(self, connection: Connection, values: dict[str, Any]) -> list[Any]:
        if self.dialect is not connection.dialect:
            self._compile(connection.dialect)
        bound = []
        for name, default, process in self.params:
            value = values.get(name, default)
            bound.append(process(value) if process is not None and value is not None else value)
        # exec_driver_sql, not the DBAPI cursor: engine events (the query-plan
        # tests' recorder) still see the statement.
        result = connection.exec_driver_sql(self.sql, tuple(bound))
        try:
            # The driver's own tuples: no result-row objects for rows converted next anyway.
            rows = list(result.cursor.fetchall())
        finally:
            result.close()
        return rows


# (id(policy), reader) -> the policy the statements were built for, and the statements.
# The policy is kept so that a new policy at a reused id is never matched.
_STATEMENTS: dict[tuple[int, Actor], tuple[Policy, _PlanStatements]] = {}
STATEMENT_CACHE_SIZE = 32


def _statements(policy: Policy, actor: Actor) -> _PlanStatements:
    key = (id(policy), actor)
    cached = _STATEMENTS.get(key)
    if cached is not None and cached[0] is policy:
        return cached[1]
    if len(_STATEMENTS) >= STATEMENT_CACHE_SIZE:
        _STATEMENTS.clear()
    built = _PlanStatements(policy, actor)
    _STATEMENTS[key] = (policy, built)
    return built


class _PlanReader:
    """Runs the plan's statements for one rep inside one read session."""

    def __init__(
        self,
        session: Session,
        statements: _PlanStatements,
        user_id: uuid.UUID,
        now: datetime,
        today_start: datetime,
        kinds: list[str],
    ) -> None:
        self.session = session
        # Core execution on the session's connection: these are plain selects of
        # columns, and the ORM's result handling cost more than the queries.
        self.connection = session.connection()
        self.statements = statements
        self.user_id = user_id
        self.now = now
        self.today_start = today_start
        self.kinds = kinds
        self.every_kind = set(kinds) >= set(ACTIVITY_KINDS)
        self.default_currency: str | None = None

    def _plan_items(self, query: Select[Any], params: dict[str, Any]) -> list[PlanItem]:
        return self._items_of(self.connection.execute(query, params))

    def _driver_items(self, name: str, params: dict[str, Any]) -> list[PlanItem]:
        """``_plan_items`` of a driver query: the same items from the stored forms."""
        return self._items_of(
            map(_stored_item_row, self.statements.driver[name].rows(self.connection, params))
        )

    def _items_of(self, rows: Iterable[Any]) -> list[PlanItem]:
        items = []
        for row in rows:
            (
                activity_id,
                kind,
                subject,
                due_at,
                done_at,
                contact_id,
                contact_name,
                account_id,
                account_name,
                lead_id,
                score,
                opportunity_id,
                opportunity_name,
                amount,
                currency,
            ) = row
            items.append(
                _plan_item(
                    (
                        activity_id,
                        kind,
                        subject or "",
                        due_at,
                        done_at,
                        done_at is None and due_at < self.today_start,
                        contact_id,
                        contact_name,
                        account_id,
                        account_name,
                        lead_id,
                        score,
                        opportunity_id,
                        opportunity_name,
                        amount,
                        None if amount is None else currency or self.default_currency,
                    )
                )
            )
        return sorted(items, key=lambda item: item.due_at)

    def day(self, week: WeekWindow, day: date) -> PlanDay:
        if not self.kinds:
            return PlanDay(day, [], 0)
        params = {
            "user_id": self.user_id,
            "kinds": self.kinds,
            "start": week.day_start(day),
            "end": week.day_start(day + timedelta(days=1)),
        }
        if self.every_kind:
            items = self._driver_items("day_items", params)
            total = len(items)
            if total >= DAY_LIMIT:
                total = int(self.statements.driver["day_count"].rows(self.connection, params)[0][0])
            return PlanDay(day, items, total)
        items = self._plan_items(self.statements.day_items, params)
        total = len(items)
        if total >= DAY_LIMIT:
            total = int(self.connection.scalar(self.statements.day_count, params) or 0)
        return PlanDay(day, items, total)

    def overdue(self) -> tuple[list[PlanItem], int]:
        """Open activities due before today (the newest window, by time) and their count."""
        if not self.kinds:
            return [], 0
        params = {"user_id": self.user_id, "kinds": self.kinds, "today": self.today_start}
        if self.every_kind:
            items = self._driver_items("overdue_items", params)
            total = len(items)
            if total >= OVERDUE_LIMIT:
                driver = self.statements.driver["overdue_count"]
                total = int(driver.rows(self.connection, params)[0][0])
            return items, total
        items = self._plan_items(self.statements.overdue_items, params)
        total = len(items)
        if total >= OVERDUE_LIMIT:
            total = int(self.connection.scalar(self.statements.overdue_count, params) or 0)
        return items, total

    def leads_without_next_step(self) -> list[LeadWithoutNextStep]:
        """Open leads with no open activity for their contact; FLAG_LIMIT + 1 at most."""
        rows = self.connection.execute(self.statements.leads, {"user_id": self.user_id})
        found = [LeadWithoutNextStep(*row) for row in rows]
        return sorted(found, key=lambda lead: (-(lead.score or 0.0), str(lead.contact_name)))

    def lapsed_accounts(self) -> list[LapsedAccount]:
        """Accounts of the rep whose last done activity is older than their cadence."""
        if not self.statements.policy.can_see("account", "keep_in_touch_days"):
            return []
        now_text = self.now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        rows = self.statements.driver["lapsed"].rows(
            self.connection, {"user_id": self.user_id, "now_text": now_text}
        )
        lapsed = []
        for account_id, name, cadence, last in rows:
            days = int(cadence or 0)
            last_done_at = _as_utc(last)
            since = last_done_at + timedelta(days=days) if last_done_at else self.now
            lapsed.append(LapsedAccount(uuid.UUID(account_id), name, days, last_done_at, since))
        return sorted(lapsed, key=lambda account: (account.due_since, account.name))


def _as_utc(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
