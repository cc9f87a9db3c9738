"""Duplicates by phone: a shared mobile is one person, a shared switchboard is not."""

from __future__ import annotations

import uuid
from typing import Any

from contactdesk.duplicates import find_duplicate_candidates
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store

SYSTEM = Actor.system()
SWITCHBOARD = "+442079460000"


def _contact(store: Store, **values: Any) -> uuid.UUID:
    return unit_of_work.create(store, SYSTEM, "contact", values).record_id


def _phone_pairs(store: Store) -> set[frozenset[uuid.UUID]]:
    return {
        frozenset((c.first_id, c.second_id))
        for c in find_duplicate_candidates(store, SYSTEM).candidates
        if c.reason == "phone"
    }


def test_contacts_sharing_a_mobile_are_paired_whatever_their_names(store: Store) -> None:
    a = _contact(store, display_name="Kim Park", mobile="+447700900123")
    b = _contact(store, display_name="K. Park-Lee", mobile="+447700900123")
    assert _phone_pairs(store) == {frozenset((a, b))}


def test_a_number_one_holds_as_mobile_and_the_other_as_phone_pairs_them(store: Store) -> None:
    a = _contact(store, display_name="Kim Park", mobile="+447700900123")
    b = _contact(store, display_name="Dana Holt", phone="+447700900123")
    assert _phone_pairs(store) == {frozenset((a, b))}


def test_colleagues_sharing_a_switchboard_number_are_not_paired(store: Store) -> None:
    for name in ("Ann Lee", "Tom Hale", "Priya Nair", "Jon Weiss", "Mara Stone"):
        _contact(store, display_name=name, phone=SWITCHBOARD)
    assert _phone_pairs(store) == set()


def test_alike_names_on_one_switchboard_number_are_paired(store: Store) -> None:
    for name in ("Ann Lee", "Tom Hale", "Priya Nair"):
        _contact(store, display_name=name, phone=SWITCHBOARD)
    bob = _contact(store, display_name="Bob Smith", phone=SWITCHBOARD)
    robert = _contact(store, display_name="Robert Smith", phone=SWITCHBOARD)
    assert _phone_pairs(store) == {frozenset((bob, robert))}


def test_alike_names_are_found_on_a_switchboard_larger_than_full_pairing(store: Store) -> None:
    for n in range(30):
        _contact(store, display_name=f"Colleague {n:02d} Q{n * 7919 % 97}", phone=SWITCHBOARD)
    jon = _contact(store, display_name="Jon Smith", phone=SWITCHBOARD)
    john = _contact(store, display_name="John Smith", phone=SWITCHBOARD)
    assert frozenset((jon, john)) in _phone_pairs(store)
