"""Property: for any rule set and any records, a role never reads a field it may not see
and never writes one it may not edit."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactdesk.errors import AccessDenied, ValidationError
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import create_user, find_user
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.field_rules import META_FIELDS
from contactdesk.services.record_queries import get_record, label_key, page_records
from contactdesk.services.rule_admin import set_rule
from contactdesk.services.search import search_records
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store

FIELDS = (
    "display_name",
    "title",
    "email",
    "phone",
    "city",
    "enquiry_source",
    "notes",
    "account_id",
)
LEVELS = ("hidden", "read", "edit")
SAMPLE_VALUES = {
    "display_name": st.text(min_size=1, max_size=30).filter(
        lambda s: s.strip() and "\x00" not in s
    ),
    "title": st.sampled_from(["CFO", "CTO", "Buyer", "Ms Ünïcödé"]),
    "email": st.sampled_from(["a@b.example", "zoë@example.org", "x.y@corp.example"]),
    "phone": st.sampled_from(["020 7946 0018", "+1 415 555 0132"]),
    "city": st.text(max_size=20).filter(lambda s: "\x00" not in s),
    "enquiry_source": st.sampled_from(["web", "event", "referral"]),
    "notes": st.text(max_size=50).filter(lambda s: "\x00" not in s),
}


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("prop") / "store.db"
    store = open_store(path)
    create_user(store, Actor.system(), "rita", role="sales", team="north")
    account = unit_of_work.create(store, Actor.system(), "account", {"name": "Acme"}).record_id
    unit_of_work.create(
        store,
        Actor.system(),
        "contact",
        {"display_name": "Seed", "email": "seed@acme.example", "account_id": account},
    )
    yield store
    store.close()


def _allowed_keys(rules: dict[str, str]) -> set[str]:
    keys = set(META_FIELDS)
    for spec in ENTITIES["contact"].fields:
        level = rules.get(spec.name, "edit")
        if level != "hidden":
            keys.add(spec.name)
            if spec.target:
                keys.add(label_key(spec.name))
    return keys


rule_sets = st.fixed_dictionaries({field: st.sampled_from(LEVELS) for field in FIELDS})
record_values = st.fixed_dictionaries(
    {"display_name": SAMPLE_VALUES["display_name"]},
    optional={name: strategy for name, strategy in SAMPLE_VALUES.items() if name != "display_name"},
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rules=rule_sets, values=record_values, write_field=st.sampled_from(FIELDS[:-1]))
def test_no_read_shows_a_hidden_field_and_no_forbidden_write_succeeds(
    shared_store: Store, rules: dict[str, str], values: dict[str, str], write_field: str
) -> None:
    store = shared_store
    admin = Actor.system()
    for field, level in rules.items():
        set_rule(store, admin, "sales", f"contact.{field}", level)
    rita = find_user(store, "rita").actor()
    record_id = unit_of_work.create(
        store, admin, "contact", {**values, "owner_id": str(rita.user_id)}
    ).record_id

    allowed = _allowed_keys(rules)
    assert set(get_record(store, rita, "contact", record_id)) <= allowed
    for row in page_records(store, rita, "contact", limit=500).rows:
        assert set(row) <= allowed
    for hit in search_records(store, rita, values["display_name"][:3], entity="contact"):
        assert set(hit.record) <= allowed

    value = {"display_name": "Renamed", "phone": "020 7946 0999", "email": "new@x.example"}.get(
        write_field, "changed"
    )
    if rules[write_field] == "edit":
        # An editable field may still refuse a value; what it must not do is deny access.
        with contextlib.suppress(ValidationError):
            unit_of_work.update(store, rita, "contact", record_id, {write_field: value})
    else:
        with pytest.raises(AccessDenied, match=f"contact.{write_field}"):
            unit_of_work.update(store, rita, "contact", record_id, {write_field: value})
        with pytest.raises(AccessDenied):
            unit_of_work.create(store, rita, "contact", {"display_name": "X", write_field: value})
