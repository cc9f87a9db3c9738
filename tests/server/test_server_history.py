"""History feed: who changed which field of a record, from what to what, as the role may see it."""

from __future__ import annotations

import uuid
from typing import Any

from conftest import Api, campaign_fields, change, created
from sqlalchemy import update

from contactdesk.server.database import Database
from contactdesk.server.sync.tables import FeedChange


def _edit(api: Api, username: str, entity: str, record_id: str, base: int, **fields: Any) -> int:
    answer = api.push(username, change(entity, record_id, "update", base, **fields))
    assert answer.status_code == 200, answer.text
    outcome = answer.json()["results"][0]
    assert outcome["status"] == "applied", outcome
    return int(outcome["version"])


def test_an_update_is_listed_with_each_fields_old_and_new_value_and_its_author(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    _edit(api, "ada", "contact", contact, version, city="Leeds")
    [line] = api.history_of("sam", contact)
    assert line["op"] == "update"
    assert line["fields"] == {"city": {"old": "York", "new": "Leeds"}}
    assert line["user_name"] == "ada"


def test_a_create_is_not_listed_its_values_are_the_records_first_state(api: Api) -> None:
    contact, _ = created(api, "sam", "contact", display_name="Ann Lee")
    assert api.history_of("sam", contact) == []


def test_a_field_hidden_from_the_role_is_left_out_of_an_update(api: Api) -> None:
    campaign, version = created(api, "mia", "campaign", **campaign_fields(budget=5000))
    _edit(api, "mia", "campaign", campaign, version, budget=7000, channel="email")
    [update_line] = api.history_of("sam", campaign)
    assert update_line["fields"] == {"channel": {"old": "webinar", "new": "email"}}


def test_an_update_of_hidden_fields_only_is_not_listed_at_all(api: Api) -> None:
    campaign, version = created(api, "mia", "campaign", **campaign_fields(budget=5000))
    _edit(api, "mia", "campaign", campaign, version, budget=7000)
    assert api.history_of("sam", campaign) == []
    assert [line["op"] for line in api.history_of("mia", campaign)] == ["update"]


def test_a_record_outside_the_users_scope_has_no_history_for_it(api: Api) -> None:
    contact, version = created(api, "sue", "contact", display_name="Sue's")
    _edit(api, "sue", "contact", contact, version, city="Hull")
    assert api.history_of("sam", contact) == []


def test_a_record_handed_to_another_owner_takes_its_history_with_it(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    _edit(api, "ada", "contact", contact, version, owner_id=api.user_id("sue"))
    assert api.history_of("sam", contact) == []
    [handover] = api.history_of("sue", contact)
    assert handover["fields"]["owner_id"]["new"] == api.user_id("sue")


def test_a_deleted_record_has_no_history_left_to_send(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Gone Soon")
    version = _edit(api, "sam", "contact", contact, version, city="Ely")
    api.push("sam", change("contact", contact, "delete", version))
    assert api.history_of("sam", contact) == []


def test_pages_follow_the_cursor_and_the_last_one_ends_at_the_feeds_newest_number(
    api: Api,
) -> None:
    ids = set()
    for i in range(5):
        contact, version = created(api, "sam", "contact", display_name=f"C{i}")
        _edit(api, "sam", "contact", contact, version, city=f"Town {i}")
        ids.add(contact)
    newest = api.pull("sam", since=0, limit=1).json()["latest"]
    seen: list[str] = []
    since, pages = newest - 10, 0
    while True:
        page = api.history("sam", since=since, limit=2).json()
        seen += [line["record_id"] for line in page["changes"]]
        since, pages = page["cursor"], pages + 1
        if not page["has_more"]:
            break
    assert set(seen) == ids and len(seen) == 5 and pages == 3
    assert since == newest


def test_the_cursor_moves_past_changes_the_user_may_not_see(api: Api) -> None:
    contact, version = created(api, "sue", "contact", display_name="Sue's")
    _edit(api, "sue", "contact", contact, version, city="Hull")
    newest = api.pull("sam", since=0, limit=1).json()["latest"]
    page = api.history("sam", since=newest - 2, limit=10).json()
    assert page == {"changes": [], "cursor": newest, "has_more": False}


def test_a_change_logged_before_old_values_were_kept_reads_them_from_earlier_changes(
    api: Api, database: Database
) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    edited = _edit(api, "sam", "contact", contact, version, city="Leeds")
    with database.transaction() as session:
        session.execute(update(FeedChange).where(FeedChange.seq == edited).values(old=None))
    [line] = api.history_of("sam", contact)
    assert line["fields"] == {"city": {"old": "York", "new": "Leeds"}}


def test_a_bad_cursor_is_refused_with_422(api: Api) -> None:
    answer = api.history("sam", since=-1)
    assert answer.status_code == 422


def _records_history(api: Api, username: str, *record_ids: str) -> list[dict[str, Any]]:
    answer = api.client.post(
        "/sync/history/records",
        json={"record_ids": list(record_ids)},
        headers=api.as_user(username),
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json()["changes"])


def test_a_record_handed_over_brings_its_whole_history_to_the_new_owner(api: Api) -> None:
    contact, version = created(api, "sue", "contact", display_name="Ann Lee", city="York")
    version = _edit(api, "sue", "contact", contact, version, city="Hull")
    _edit(api, "ada", "contact", contact, version, owner_id=api.user_id("sam"))
    lines = _records_history(api, "sam", contact)
    assert [line["user_name"] for line in lines] == ["sue", "ada"]
    assert lines[0]["fields"]["city"] == {"old": "York", "new": "Hull"}


def test_asking_for_the_history_of_records_out_of_scope_gets_nothing(api: Api) -> None:
    contact, version = created(api, "sue", "contact", display_name="Sue's")
    _edit(api, "sue", "contact", contact, version, city="Hull")
    assert _records_history(api, "sam", contact) == []


def test_asking_for_the_history_of_too_many_records_is_refused_with_422(api: Api) -> None:
    ids = [str(uuid.uuid4()) for _ in range(501)]
    answer = api.client.post(
        "/sync/history/records", json={"record_ids": ids}, headers=api.as_user("sam")
    )
    assert answer.status_code == 422
