"""Every stored word the core offers has a title to show instead (ui/enum_titles.py)."""

from __future__ import annotations

import pytest

from contactdesk.marketing.campaigns import CAMPAIGN_STATES
from contactdesk.model.marketing import CHANNELS, COLLATERAL_KINDS
from contactdesk.model.selling import (
    ACTIVITY_KINDS,
    INTEL_KINDS,
    LEAD_STATUSES,
    MARKET_TOPICS,
    ORIGINS,
)
from contactdesk.selling.call_logging import CALL_OUTCOMES, OBJECTION_TAGS
from ui import enum_titles
from ui.enum_titles import stored_word_title
from ui.sales.activity_dialogs import MEETING_OUTCOMES


@pytest.mark.parametrize(
    ("words", "titles"),
    [
        (CHANNELS, enum_titles.CHANNELS),
        (COLLATERAL_KINDS, enum_titles.COLLATERAL_KINDS),
        (LEAD_STATUSES, enum_titles.LEAD_STATUSES),
        (ACTIVITY_KINDS, enum_titles.ACTIVITY_KINDS),
        (INTEL_KINDS, enum_titles.INTEL_KINDS),
        (MARKET_TOPICS, enum_titles.MARKET_TOPICS),
        (ORIGINS, enum_titles.ORIGINS),
        (CAMPAIGN_STATES, enum_titles.CAMPAIGN_STATES),
        (CALL_OUTCOMES + MEETING_OUTCOMES, enum_titles.OUTCOMES),
        (OBJECTION_TAGS, enum_titles.OBJECTIONS),
    ],
)
def test_each_stored_word_has_a_title(words: tuple[str, ...], titles: dict[str, str]) -> None:
    assert sorted(set(words) - set(titles)) == []


def test_a_stored_word_reads_as_its_title_and_anything_else_as_written() -> None:
    stored = ("follow_up", "paid_search", "competitor lock-in", "running", "marketing", "Acme Ltd")
    shown = [stored_word_title(text) for text in stored]
    assert shown == ["Follow-up", "Paid search", "Competitor lock-in", "Running", "Marketing",
                     "Acme Ltd"]  # fmt: skip
