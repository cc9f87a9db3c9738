"""Pull: the feed since a cursor, in pages, holding only what the user's role may see."""

from __future__ import annotations

from conftest import Api, campaign_fields, change, created


def test_sales_receives_its_own_and_unassigned_records_only(api: Api) -> None:
    own, _ = created(api, "sam", "contact", display_name="Own")
    theirs, _ = created(api, "sue", "contact", display_name="Sue's")
    unassigned, version = created(api, "ada", "contact", display_name="Nobody's")
    api.push("ada", change("contact", unassigned, "update", version, owner_id=None))
    feed = api.pull_all("sam")
    assert feed[("contact", own)]["action"] == "upsert"
    assert feed[("contact", unassigned)]["action"] == "upsert"
    assert feed[("contact", theirs)]["action"] == "purge"
    assert feed[("contact", theirs)]["fields"] == {}


def test_sales_never_receives_campaign_budget_or_spend(api: Api) -> None:
    campaign, _ = created(api, "mia", "campaign", **campaign_fields())
    fields = api.pull_all("sam")[("campaign", campaign)]["fields"]
    assert "name" in fields
    assert "budget" not in fields and "spend" not in fields


def test_sales_is_told_campaign_budget_and_spend_are_hidden(api: Api) -> None:
    page = api.pull("sam", since=0, limit=1).json()
    assert {"budget", "spend"} <= set(page["hidden_fields"]["campaign"])


def test_marketing_receives_every_owners_records_and_campaign_budget(api: Api) -> None:
    contact, _ = created(api, "sue", "contact", display_name="Sue's")
    campaign, _ = created(api, "mia", "campaign", **campaign_fields(budget=5000))
    feed = api.pull_all("mia")
    assert feed[("contact", contact)]["action"] == "upsert"
    assert feed[("campaign", campaign)]["fields"]["budget"] == 5000
    assert api.pull("mia", since=0, limit=1).json()["hidden_fields"] == {}


def test_admin_receives_every_field_of_every_record(api: Api) -> None:
    contact, _ = created(api, "sue", "contact", display_name="Sue's", city="York")
    campaign, _ = created(api, "mia", "campaign", **campaign_fields(spend=10))
    feed = api.pull_all("ada")
    assert feed[("contact", contact)]["fields"]["city"] == "York"
    assert feed[("campaign", campaign)]["fields"]["spend"] == 10


def test_a_record_handed_to_another_owner_is_purged_from_the_previous_one(api: Api) -> None:
    contact, version = created(api, "sam", "contact", display_name="Ann Lee")
    sue = api.user_id("sue")
    api.push("ada", change("contact", contact, "update", version, owner_id=sue))
    assert api.pull_all("sam", since=version)[("contact", contact)]["action"] == "purge"
    assert api.pull_all("sue", since=version)[("contact", contact)]["action"] == "upsert"


def test_pages_follow_the_cursor_until_has_more_is_false(api: Api) -> None:
    ids = {created(api, "sam", "contact", display_name=f"C{i}")[0] for i in range(7)}
    start = api.pull("sam", since=0, limit=1000).json()["cursor"] - 7
    seen: list[str] = []
    since, pages = start, 0
    while True:
        page = api.pull("sam", since=since, limit=3).json()
        assert page["cursor"] >= since
        seen += [record["id"] for record in page["changes"]]
        since, pages = page["cursor"], pages + 1
        if not page["has_more"]:
            break
    assert set(seen) == ids and len(seen) == 7 and pages == 3


def test_the_page_carries_the_epoch_and_protocol_version(api: Api) -> None:
    page = api.pull("sam", since=0, limit=5).json()
    assert page["protocol_version"] == 1
    assert page["epoch"] == 0 and page["resync_required"] is False


def test_governance_data_travels_in_the_feed(api: Api) -> None:
    entities = {entity for entity, _ in api.pull_all("sam")}
    assert {"role", "user", "field_definition", "field_rule", "funnel_stage", "setting"} <= entities


def test_a_role_receives_its_own_field_rules_only(api: Api) -> None:
    feed = api.pull_all("sam")
    sales_role = next(
        r for (e, _), r in feed.items() if e == "role" and r["fields"]["name"] == "sales"
    )
    rules = [r for (e, _), r in feed.items() if e == "field_rule"]
    assert rules and all(r["fields"]["role_id"] == sales_role["id"] for r in rules)


def test_an_admin_change_of_a_setting_reaches_clients_through_the_feed(api: Api) -> None:
    cursor = api.pull("sam", since=0, limit=1000).json()["cursor"]
    while api.pull("sam", since=cursor, limit=1000).json()["has_more"]:
        cursor = api.pull("sam", since=cursor, limit=1000).json()["cursor"]
    put = api.client.put(
        "/admin/settings/goal_metric", json={"value": "volume"}, headers=api.as_user("ada")
    )
    assert put.status_code == 200
    changed = list(api.pull_all("sam", since=cursor).values())
    assert [(r["entity"], r["fields"]["value"]) for r in changed] == [("setting", "volume")]


def hide(api: Api, role: str, entity: str, field: str, access: str = "hidden") -> None:
    answer = api.client.put(
        "/admin/rules",
        json={"role": role, "entity": entity, "field": field, "access": access},
        headers=api.as_user("ada"),
    )
    assert answer.status_code == 200, answer.text


def test_hiding_a_field_bumps_the_epoch_and_tells_clients_to_purge_it(api: Api) -> None:
    held_epoch = api.pull("sam", since=0, limit=1).json()["epoch"]
    hide(api, "sales", "contact", "city")
    page = api.pull("sam", since=0, limit=50, epoch=held_epoch).json()
    assert page["resync_required"] is True and page["epoch"] > held_epoch
    assert "city" in page["hidden_fields"]["contact"]
    assert page["changes"] == [] and page["cursor"] == 0


def test_after_a_resync_the_hidden_field_is_absent_from_the_feed(api: Api) -> None:
    contact, _ = created(api, "sam", "contact", display_name="Ann Lee", city="York")
    hide(api, "sales", "contact", "city")
    fields = api.pull_all("sam")[("contact", contact)]["fields"]
    assert "city" not in fields and fields["display_name"] == "Ann Lee"


def test_showing_a_field_again_bumps_the_epoch_so_clients_fetch_it(api: Api) -> None:
    hide(api, "sales", "contact", "city")
    held_epoch = api.pull("sam", since=0, limit=1).json()["epoch"]
    hide(api, "sales", "contact", "city", access="read")
    page = api.pull("sam", since=0, limit=1, epoch=held_epoch).json()
    assert page["resync_required"] is True


def test_a_rule_change_for_one_role_leaves_other_roles_epochs_alone(api: Api) -> None:
    held_epoch = api.pull("mia", since=0, limit=1).json()["epoch"]
    hide(api, "sales", "contact", "city")
    assert api.pull("mia", since=0, limit=1, epoch=held_epoch).json()["resync_required"] is False


def test_a_custom_field_reaches_the_roles_that_see_it(api: Api) -> None:
    created_field = api.client.post(
        "/admin/fields",
        json={"entity": "contact", "name": "shoe_size", "label": "Shoe size", "type": "number"},
        headers=api.as_user("ada"),
    )
    assert created_field.status_code == 201, created_field.text
    contact, _ = created(api, "sam", "contact", display_name="Ann Lee", shoe_size=42)
    assert api.pull_all("sam")[("contact", contact)]["fields"]["shoe_size"] == 42
    hide(api, "sales", "contact", "shoe_size")
    assert "shoe_size" not in api.pull_all("sam")[("contact", contact)]["fields"]
