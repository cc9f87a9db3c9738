"""Bulk mode: rows are checked one by one like any create, then written and logged at once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.model import ChangeLog, Contact, ContactDetail
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.services.record_queries import get_record
from contactdesk.services.record_rules import RuleBroken
from contactdesk.services.unit_of_work import PreparedRecord, unit_of_work
from contactdesk.store import Store


def _count(store: Store, model: type) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_prepared_rows_are_written_and_logged_like_creates(store: Store, admin: Actor) -> None:
    with unit_of_work(store, admin) as work:
        prepared = [
            work.prepare_create("contact", {"first_name": f"Ann{n}", "last_name": "Lee"})
            for n in range(5)
        ]
        work.create_prepared(prepared[:3])
        work.log_pending()
        work.create_prepared(prepared[3:])
    assert _count(store, Contact) == _count(store, ChangeLog) == 5
    record = get_record(store, admin, "contact", prepared[0].record_id)
    assert record["display_name"] == "Ann0 Lee"
    with store.reading() as session:
        entry = session.scalars(select(ChangeLog).order_by(ChangeLog.seq)).first()
    assert entry is not None and entry.fields["display_name"] == [None, "Ann0 Lee"]


def test_a_row_breaking_a_rule_is_refused_before_anything_is_written(
    store: Store, admin: Actor
) -> None:
    campaign = {"name": "Spring", "channel": "webinar", "starts_on": "2026-03-01"}
    with unit_of_work(store, admin) as work, pytest.raises(RuleBroken, match="dates in order"):
        work.prepare_create("campaign", {**campaign, "ends_on": "2026-02-01"})
    assert _count(store, ChangeLog) == 0


def test_a_row_the_role_may_not_write_is_refused(store: Store, people: dict[str, UserInfo]) -> None:
    rita = people["rita"].actor()
    prepared: list[PreparedRecord] = []
    with unit_of_work(store, rita) as work:
        with pytest.raises(AccessDenied, match=r"contact\.owner_id"):
            work.prepare_create("contact", {"display_name": "A", "owner_id": people["sam"].id})
        prepared.append(work.prepare_create("contact", {"display_name": "B"}))
        work.create_prepared(prepared)
    record = get_record(store, rita, "contact", prepared[0].record_id)
    assert record["owner_id"] == str(people["rita"].id)


def test_a_prepared_record_gets_the_defaults_a_create_would_give(
    store: Store, admin: Actor
) -> None:
    with unit_of_work(store, admin) as work:
        contact = work.create("contact", {"display_name": "Lead contact"})
        prepared = work.prepare_create("lead", {"contact_id": contact})
        work.create_prepared([prepared])
    record = get_record(store, admin, "lead", prepared.record_id)
    assert record["status"] == "new" and record["score"] == 0.0


def test_parts_are_checked_with_their_record_and_logged_like_added_children(
    store: Store, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"].actor()
    extra = ("contact_detail", {"kind": "phone", "label": "home", "value": "+442079460000"})
    with unit_of_work(store, rita) as work:
        prepared = work.prepare_create("contact", {"display_name": "Ann"}, parts=[extra])
        work.create_prepared([prepared])
    with store.reading() as session:
        logged = {(e.entity, e.op) for e in session.scalars(select(ChangeLog))} - {
            ("user", "create")
        }
        details = list(session.scalars(select(ContactDetail.value)))
    assert logged == {("contact", "create"), ("contact_detail", "create")}
    assert details == ["+442079460000"]
    with unit_of_work(store, rita) as work, pytest.raises(ValidationError, match="not a part"):
        work.prepare_create("account", {"name": "Acme"}, parts=[extra])


def test_a_bulk_delete_removes_and_logs_each_record(store: Store, admin: Actor) -> None:
    with unit_of_work(store, admin) as work:
        made = [work.create("contact", {"display_name": f"Ann{n}"}) for n in range(3)]
    with unit_of_work(store, admin) as work:
        work.delete_many("contact", [(made[0], "Ann0"), (made[1], "Ann1")])
    assert _count(store, Contact) == 1
    with store.reading() as session:
        deleted = session.scalars(select(ChangeLog).where(ChangeLog.op == "delete")).all()
    assert sorted(entry.fields["display_name"][0] for entry in deleted) == ["Ann0", "Ann1"]


def test_a_bulk_delete_with_one_record_outside_the_scope_deletes_none(
    store: Store, admin: Actor, people: dict[str, UserInfo]
) -> None:
    rita, sam = people["rita"], people["sam"]
    with unit_of_work(store, admin) as work:
        hers = work.create("contact", {"display_name": "Hers", "owner_id": rita.id})
        his = work.create("contact", {"display_name": "His", "owner_id": sam.id})
    refused = pytest.raises(AccessDenied, match="outside the record scope")
    with refused, unit_of_work(store, rita.actor()) as work:
        work.delete_many("contact", [(hers, "Hers"), (his, "His")])
    assert _count(store, Contact) == 2
