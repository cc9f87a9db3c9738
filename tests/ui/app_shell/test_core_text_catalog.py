"""The words the core shows on screen are all in the catalogue lupdate reads."""

from __future__ import annotations

from ui.core_text_catalog import CORE_TEXTS
from ui.core_text_collection import collect_core_texts


def test_every_core_word_on_screen_is_in_the_catalogue() -> None:
    missing = collect_core_texts() - set(CORE_TEXTS)
    assert missing == set(), "run `python -m ui.core_text_collection` and translate the new words"


def test_the_catalogue_holds_field_labels_and_report_titles() -> None:
    assert {
        "Keep in touch every (days)",
        "Lead sources",
        "Where do enquiries really come from?",
    } <= set(CORE_TEXTS)
