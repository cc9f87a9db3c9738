"""Push: idempotent per change id, per-field merge, kept conflicts, tombstones, refusals."""

from __future__ import annotations

import uuid
from unittest.mock import ANY

from conftest import Api, change, created


def outcome_of(answer: object) -> dict[str, object]:
    body = answer.json()  # type: ignore[attr-defined]
    result: dict[str, object] = body["results"][0]
    return result


def test_a_create_is_applied_with_a_new_version(api: Api) -> None:
    answer = api.push("sam", change("contact", uuid.uuid4(), display_name="Ann Lee"))
    assert answer.status_code == 200
    outcome = outcome_of(answer)
    assert outcome["status"] == "applied"
    assert isinstance(outcome["version"], int) and outcome["version"] > 0


def test_a_retried_change_gets_its_first_outcome_and_applies_once(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    edit = change("contact", contact, "update", version, city="Leeds")
    first = outcome_of(api.push("sam", edit))
    again = outcome_of(api.push("sam", edit))
    assert again == first
    feed = api.pull_all("sam", since=version)
    assert feed[("contact", contact)]["version"] == first["version"]


def test_a_retried_batch_applies_none_of_its_changes_twice(api: Api) -> None:
    batch = [change("contact", uuid.uuid4(), display_name=f"C{i}") for i in range(3)]
    first = api.push("sam", *batch).json()["results"]
    again = api.push("sam", *batch).json()["results"]
    assert again == first
    assert len({outcome["version"] for outcome in first}) == 3


def test_edits_of_different_fields_of_one_record_both_apply(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    mine = outcome_of(api.push("sam", change("contact", contact, "update", version, city="Leeds")))
    theirs = outcome_of(api.push("ada", change("contact", contact, "update", version, title="CFO")))
    assert mine["status"] == theirs["status"] == "applied"
    fields = api.pull_all("sam")[("contact", contact)]["fields"]
    assert fields["city"] == "Leeds" and fields["title"] == "CFO"


def test_an_edit_of_a_field_changed_since_its_base_is_a_conflict(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    api.push("ada", change("contact", contact, "update", version, city="Leeds"))
    outcome = outcome_of(
        api.push("sam", change("contact", contact, "update", version, city="Hull"))
    )
    assert outcome["status"] == "conflict"
    assert outcome["conflicts"] == [
        {
            "field": "city",
            "original": "York",
            "mine": "Hull",
            "theirs": "Leeds",
            "server_version": version + 1,
            "changed_by": "ada",
            "changed_at": ANY,
        }
    ]
    assert api.pull_all("sam")[("contact", contact)]["fields"]["city"] == "Leeds"


def test_a_conflict_names_who_changed_the_server_value_and_when(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    api.push("ada", change("contact", contact, "update", version, city="Leeds"))
    outcome = outcome_of(
        api.push("sam", change("contact", contact, "update", version, city="Hull"))
    )
    (conflict,) = outcome["conflicts"]
    assert conflict["changed_by"] == "ada"
    assert conflict["changed_at"] is not None


def test_a_conflict_is_kept_for_its_author_to_resolve(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    api.push("ada", change("contact", contact, "update", version, city="Leeds"))
    api.push("sam", change("contact", contact, "update", version, city="Hull"))
    kept = api.client.get("/sync/conflicts", headers=api.as_user("sam")).json()
    assert [(c["record_id"], c["field"], c["mine"], c["theirs"]) for c in kept] == [
        (contact, "city", "Hull", "Leeds")
    ]
    resolved = api.client.post(
        f"/sync/conflicts/{kept[0]['id']}/resolve",
        json={"resolution": "theirs"},
        headers=api.as_user("sam"),
    )
    assert resolved.status_code == 200
    assert api.client.get("/sync/conflicts", headers=api.as_user("sam")).json() == []


def test_a_conflicting_edit_still_applies_its_other_fields(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    api.push("ada", change("contact", contact, "update", version, city="Leeds"))
    outcome = outcome_of(
        api.push("sam", change("contact", contact, "update", version, city="Hull", title="CEO"))
    )
    assert outcome["status"] == "conflict" and outcome["applied_fields"] == ["title"]
    assert api.pull_all("sam")[("contact", contact)]["fields"]["title"] == "CEO"


def test_the_same_value_set_on_both_sides_is_not_a_conflict(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    api.push("ada", change("contact", contact, "update", version, city="Leeds"))
    outcome = outcome_of(
        api.push("sam", change("contact", contact, "update", version, city="Leeds"))
    )
    assert outcome["status"] == "applied"


def test_an_update_after_a_create_in_one_batch_is_not_a_conflict(api: Api) -> None:
    contact = str(uuid.uuid4())
    answer = api.push(
        "sam",
        change("contact", contact, display_name="Ann Lee"),
        change("contact", contact, "update", 0, display_name="Ann Leigh"),
    )
    assert [o["status"] for o in answer.json()["results"]] == ["applied", "applied"]


def test_a_delete_leaves_a_tombstone_in_the_feed(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    outcome = outcome_of(api.push("sam", change("contact", contact, "delete", version)))
    assert outcome["status"] == "applied"
    record = api.pull_all("sam", since=version)[("contact", contact)]
    assert record["action"] == "delete" and record["fields"] == {}


def test_an_edit_racing_a_delete_is_a_conflict_not_a_resurrection(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    api.push("ada", change("contact", contact, "delete", version))
    outcome = outcome_of(
        api.push("sam", change("contact", contact, "update", version, city="Leeds"))
    )
    assert outcome["status"] == "conflict" and outcome["record_deleted"] is True
    assert api.pull_all("sam")[("contact", contact)]["action"] == "delete"


def test_deleting_a_record_edited_since_its_base_is_a_conflict(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    api.push("ada", change("contact", contact, "update", version, city="Leeds"))
    outcome = outcome_of(api.push("sam", change("contact", contact, "delete", version)))
    assert outcome["status"] == "conflict"
    assert [c["field"] for c in outcome["conflicts"]] == ["city"]
    assert api.pull_all("sam")[("contact", contact)]["action"] == "upsert"


def test_deleting_a_contact_tombstones_the_activities_it_cascades_to(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    activity, _ = created(api, "sam", "activity", kind="call", subject="Intro", contact_id=contact)
    api.push("sam", change("contact", contact, "delete", version))
    assert api.pull_all("sam")[("activity", activity)]["action"] == "delete"


def test_a_write_to_a_read_only_field_is_403_naming_it_and_applies_nothing(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    fresh = str(uuid.uuid4())
    answer = api.push(
        "sam",
        change("contact", fresh, display_name="Bob Roe"),
        change("contact", contact, "update", version, city="Leeds", owner_id=None),
    )
    assert answer.status_code == 403
    body = answer.json()
    assert body["field"] == "contact.owner_id" and "contact.owner_id" in body["detail"]
    assert body["record_id"] == contact
    feed = api.pull_all("sam")
    assert ("contact", fresh) not in feed
    assert feed[("contact", contact)]["fields"]["city"] is None


def test_a_write_to_a_record_outside_the_users_scope_is_403(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    answer = api.push("sue", change("contact", contact, "update", version, city="Leeds"))
    assert answer.status_code == 403
    assert "outside the record scope" in answer.json()["detail"]


def test_a_bad_value_is_422_naming_the_field(api: Api) -> None:
    answer = api.push("sam", change("contact", uuid.uuid4(), display_name="A", email="not-mail"))
    assert answer.status_code == 422
    assert answer.json()["field"] == "contact.email"


def test_an_unknown_field_is_422_naming_it(api: Api) -> None:
    answer = api.push("sam", change("contact", uuid.uuid4(), display_name="A", shoe_size=9))
    assert answer.status_code == 422
    assert answer.json()["field"] == "contact.shoe_size"


def test_an_update_of_an_unknown_record_is_rejected_with_a_reason(api: Api) -> None:
    outcome = outcome_of(api.push("sam", change("contact", uuid.uuid4(), "update", 1, city="X")))
    assert outcome["status"] == "rejected" and "no contact" in str(outcome["reason"])


def test_a_merge_repoints_links_and_leaves_the_loser_as_a_tombstone(api: Api) -> None:
    winner, _ = created(api, "sam", "contact", display_name="Ann Lee")
    loser, loser_version = created(api, "sam", "contact", display_name="Ann Lee (dup)")
    activity, _ = created(api, "sam", "activity", kind="call", subject="Intro", contact_id=loser)
    merge = change("contact", loser, "merge", loser_version, merged_into=winner)
    assert outcome_of(api.push("sam", merge))["status"] == "applied"
    feed = api.pull_all("sam")
    assert feed[("contact", loser)]["action"] == "delete"
    assert feed[("contact", loser)]["merged_into"] == winner
    assert feed[("activity", activity)]["fields"]["contact_id"] == winner


def test_a_merge_moves_links_through_the_unit_of_work_so_a_link_the_role_may_not_move_refuses_it(
    api: Api,
) -> None:
    winner, _ = created(api, "sam", "contact", display_name="Ann Lee")
    loser, loser_version = created(api, "sam", "contact", display_name="Ann Lee (dup)")
    lead, _ = created(api, "mia", "lead", contact_id=loser)
    merge = change("contact", loser, "merge", loser_version, merged_into=winner)

    answer = api.push("sam", merge)

    assert answer.status_code == 403
    assert "role 'sales' may not edit field lead.contact_id" in answer.text
    feed = api.pull_all("ada")
    assert feed[("lead", lead)]["fields"]["contact_id"] == loser
    assert feed[("contact", loser)]["action"] != "delete"


def test_a_change_breaking_a_record_rule_is_rejected_alone_with_the_rules_message(
    api: Api,
) -> None:
    contact, _ = created(api, "sam", "contact", display_name="Ann Lee")
    lead, version = created(api, "mia", "lead", contact_id=contact)
    fresh = str(uuid.uuid4())
    answer = api.push(
        "ada",
        change("lead", lead, "update", version, quality=42),
        change("contact", fresh, display_name="Bob Roe"),
    )
    assert answer.status_code == 200
    refused, applied = answer.json()["results"]
    assert refused["status"] == "rejected"
    assert refused["reason"] == (
        "lead.quality: rate the lead's quality from 1 to 5 (rule: lead quality 1-5)"
    )
    assert applied["status"] == "applied"
    feed = api.pull_all("mia")
    assert feed[("lead", lead)]["version"] == version
    assert feed[("lead", lead)]["fields"]["quality"] is None


def test_a_lead_pushed_as_accepted_without_the_accept_step_is_rejected(api: Api) -> None:
    contact, _ = created(api, "sam", "contact", display_name="Ann Lee")
    lead, version = created(api, "mia", "lead", contact_id=contact)
    answer = api.push("mia", change("lead", lead, "update", version, status="accepted"))
    outcome = outcome_of(answer)
    assert outcome["status"] == "rejected" and "rule: lead status steps" in str(outcome["reason"])


def test_collateral_pushed_with_stage_names_is_kept_by_stage_id(api: Api) -> None:
    """As on the desktop (issue 16.8): a renamed stage keeps its collateral on every device."""
    stages = api.client.get("/admin/funnel-stages", headers=api.as_user("ada")).json()
    ids = {stage["name"]: uuid.UUID(stage["id"]).hex for stage in stages}
    record, _version = created(api, "ada", "collateral", title="Price sheet", kind="price_sheet",
                               url="https://example.com/p.pdf", stages=["Proposal"])  # fmt: skip
    fields = api.pull_all("ada")[("collateral", record)]["fields"]
    assert fields["stages"] == [ids["Proposal"]]
