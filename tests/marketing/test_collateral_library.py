"""The collateral library: what shows for a stage, product and industry; files open offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactdesk.errors import ValidationError
from contactdesk.marketing.collateral_library import (
    CollateralFile,
    add_collateral,
    collateral_for,
    open_collateral_file,
)
from contactdesk.services.actor import Actor
from contactdesk.services.funnel import list_stages
from contactdesk.store import Store

LINK = "https://files.example/doc"


def _add(store: Store, actor: Actor, title: str, **values: object) -> None:
    add_collateral(store, actor, {"title": title, "kind": "case_study", "url": LINK, **values})


def test_collateral_shows_for_its_stage_and_not_for_others(store: Store, marketer: Actor) -> None:
    _add(store, marketer, "Proposal pricing", kind="price_sheet", stages=["Proposal"])
    _add(store, marketer, "Discovery questions", stages=["Discovery"])

    titles = [item.title for item in collateral_for(store, marketer, "Proposal")]

    assert titles == ["Proposal pricing"]


def test_collateral_shows_for_a_stage_given_by_id(store: Store, marketer: Actor) -> None:
    _add(store, marketer, "Proposal pricing", stages=["Proposal"])
    proposal = next(stage for stage in list_stages(store) if stage.name == "Proposal")

    assert [item.title for item in collateral_for(store, marketer, proposal.id)] == [
        "Proposal pricing"
    ]


def test_collateral_for_another_industry_is_left_out(store: Store, marketer: Actor) -> None:
    _add(store, marketer, "Hospital case", stages=["Proposal"], industries=["Healthcare"])

    assert collateral_for(store, marketer, "Proposal", industry="Retail") == []


def test_the_most_specific_collateral_comes_first(store: Store, marketer: Actor) -> None:
    _add(store, marketer, "A general deck")
    _add(store, marketer, "Z hospital case", stages=["Proposal"], industries=["Healthcare"])

    titles = [i.title for i in collateral_for(store, marketer, "Proposal", industry="Healthcare")]

    assert titles == ["Z hospital case", "A general deck"]


def test_a_stored_document_opens_offline_from_a_temporary_file(
    store: Store, marketer: Actor, tmp_path: Path
) -> None:
    document = CollateralFile("case.pdf", b"%PDF-1.4 proof", "application/pdf")
    collateral_id = add_collateral(
        store, marketer, {"title": "Case", "kind": "case_study"}, file=document
    )

    path = open_collateral_file(store, marketer, collateral_id, folder=tmp_path)

    assert (path.name, path.read_bytes()) == ("case.pdf", b"%PDF-1.4 proof")


def test_collateral_needs_a_link_or_a_file(store: Store, marketer: Actor) -> None:
    with pytest.raises(ValidationError, match="link or attach"):
        add_collateral(store, marketer, {"title": "Nothing", "kind": "brochure"})


def test_an_unknown_stage_is_refused_by_name(store: Store, marketer: Actor) -> None:
    with pytest.raises(ValidationError, match="unknown stage 'Pitch'"):
        _add(store, marketer, "Deck", stages=["Pitch"])
