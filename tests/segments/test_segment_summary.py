"""The builder's summary: count and breakdown together, the count over every group."""

from __future__ import annotations

import pytest
from crm_fixture import CrmFixture

from contactdesk.segments import segment_counts
from contactdesk.segments.segment_counts import count_segment, summarise_segment
from contactdesk.segments.segment_definition import FieldCondition, SegmentDefinition, all_of
from contactdesk.services.actor import Actor

MARKETING = Actor.for_role("marketing")


def test_summary_count_matches_the_segment_count(crm: CrmFixture) -> None:
    healthcare = all_of(FieldCondition("account.industry", "eq", "Healthcare"))
    summary = summarise_segment(crm.store, MARKETING, healthcare, "account.region")
    assert summary.count == count_segment(crm.store, MARKETING, healthcare)


def test_summary_counts_contacts_beyond_the_groups_it_lists(
    crm: CrmFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segment_counts, "BREAKDOWN_ROWS", 1)
    summary = summarise_segment(crm.store, MARKETING, SegmentDefinition(), "title")
    assert len(summary.breakdown) == 1
    assert summary.count == 4


def test_summary_of_an_empty_segment_counts_zero(crm: CrmFixture) -> None:
    nobody = all_of(FieldCondition("title", "eq", "Astronaut"))
    summary = summarise_segment(crm.store, MARKETING, nobody, "account.industry")
    assert (summary.count, summary.breakdown) == (0, [])


def test_summary_by_lead_source_still_counts_each_contact_once(crm: CrmFixture) -> None:
    summary = summarise_segment(crm.store, MARKETING, SegmentDefinition(), "lead_source")
    assert summary.count == 4
