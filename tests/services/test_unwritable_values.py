"""The desktop's change path refuses what no later read could write out (issue 18, findings 1, 5).

The same checks as the server's edge, in the unit of work every desktop write
goes through: a lone surrogate in any text field, a number that is not finite,
an object or list where text belongs, a setting nested past any real one. Each
is a ValidationError naming ``entity.field``, and nothing is written.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from contactdesk.errors import ValidationError
from contactdesk.model import ChangeLog
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import write_setting
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.store import Store

SURROGATE = "Ann\ud800"


def logged(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def text_fields(entity: str) -> list[str]:
    return [f.name for f in ENTITIES[entity].fields if f.type in ("text", "longtext")]


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        *((name, SURROGATE, "lone surrogate") for name in text_fields("contact")),
        ("first_name", 12345, "not a number"),
        ("first_name", {"a": 1}, "not an object"),
        ("first_name", ["Ann"], "not a list"),
        ("notes", float("nan"), "not a number"),
    ],
)
def test_a_contact_value_no_read_could_write_is_refused_by_name(
    store: Store, admin: Actor, field: str, value: Any, why: str
) -> None:
    values = {"display_name": "Ann", field: value}
    before = logged(store)
    with pytest.raises(ValidationError) as refused:
        unit_of_work.create(store, admin, "contact", values)
    assert f"contact.{field}" in str(refused.value), why
    assert logged(store) == before


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_number_that_is_not_finite_is_refused(store: Store, admin: Actor, value: float) -> None:
    before = logged(store)
    with pytest.raises(ValidationError, match=r"account\.market_share"):
        unit_of_work.create(store, admin, "account", {"name": "Acme", "market_share": value})
    assert logged(store) == before


def test_a_setting_no_read_could_write_is_refused(store: Store, admin: Actor) -> None:
    deep: Any = "leaf"
    for _ in range(25):
        deep = {"in": deep}
    before = logged(store)
    for value in ({"note": SURROGATE}, {"rate": float("nan")}, deep):
        with pytest.raises(ValidationError), unit_of_work.unit_of_work(store, admin) as work:
            write_setting(work, "zz", value)
    assert logged(store) == before
