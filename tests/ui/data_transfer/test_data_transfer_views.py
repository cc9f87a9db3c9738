"""The import wizard maps and runs an import; the duplicate review merges a pair."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from contactdesk.model import Contact
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.store import Store
from ui.data_transfer.duplicate_review import DuplicateReview
from ui.data_transfer.import_wizard import ImportWizard
from ui.view_context import ViewContext

DATA = Path(__file__).parents[2] / "data"


def _count(store: Store, **where: str) -> int:
    with store.reading() as session:
        query = select(func.count()).select_from(Contact)
        for name, value in where.items():
            query = query.where(getattr(Contact, name) == value)
        return int(session.scalar(query) or 0)


def _wizard_on(qtbot, context: ViewContext, path: Path) -> ImportWizard:
    wizard = ImportWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    return wizard


def _past_review(qtbot, wizard: ImportWizard, choice: str = "update") -> None:
    """Wait for the trial run's counts, choose what matches get, run it to the result page."""
    qtbot.waitUntil(lambda: wizard.review_page.trial is not None, timeout=10_000)
    for button in wizard.review_page.choices.buttons():
        if button.property("on_match") == choice:
            button.setChecked(True)
    wizard.next()
    qtbot.waitUntil(
        lambda: wizard.import_result is not None or wizard.error is not None, timeout=10_000
    )


def test_mapping_step_recognises_the_google_layout(
    qtbot,
    context_for: Callable[[str], ViewContext],
) -> None:
    wizard = _wizard_on(qtbot, context_for("maria"), DATA / "google_contacts_current.csv")
    assert "google-contacts" in wizard.mapping_page.layout_label.text()
    assert wizard.mapping_page.mapping() is wizard.mapping_page.preview.mapping  # type: ignore[union-attr]


def test_mapping_step_maps_an_unknown_header_by_choice_and_imports(
    qtbot,
    context_for: Callable[[str], ViewContext],
    store: Store,
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Who,Reach\nWanda Wizard,wanda@wiz.example\n")
    context = context_for("ada")
    wizard = _wizard_on(qtbot, context, path)
    page = wizard.mapping_page
    page.chooser(0).setCurrentIndex(page.chooser(0).findData("full_name"))
    page.chooser(1).setCurrentIndex(page.chooser(1).findData("email"))
    wizard.next()
    _past_review(qtbot, wizard)
    assert wizard.error is None
    assert _count(store, display_name="Wanda Wizard", email="wanda@wiz.example") == 1


def test_result_page_lists_skipped_rows_and_revert_removes_the_import(
    qtbot,
    context_for: Callable[[str], ViewContext],
    store: Store,
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Notes\nRevert Me,rm@x.example,\n,,no name here\n")
    wizard = _wizard_on(qtbot, context_for("ada"), path)
    wizard.next()
    _past_review(qtbot, wizard)
    wizard.next()
    assert wizard.result_page.skipped.item(0).text().startswith("Line 3:")
    wizard.revert()
    qtbot.waitUntil(lambda: "reverted" in wizard.result_page.summary.text(), timeout=10_000)
    assert _count(store, display_name="Revert Me") == 0


def test_result_page_lists_a_value_kept_as_unverified_text(
    qtbot,
    context_for: Callable[[str], ViewContext],
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nOdd Mail,odd at example\n")
    wizard = _wizard_on(qtbot, context_for("ada"), path)
    wizard.next()
    _past_review(qtbot, wizard)
    wizard.next()
    shown = wizard.result_page.skipped.item(0).text()
    assert shown.startswith("Line 2 imported;") and "unverified email" in shown


def test_a_second_import_shows_the_matches_before_it_and_skips_them_when_asked(
    qtbot,
    context_for: Callable[[str], ViewContext],
    store: Store,
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nTwice Seen,twice@x.example\nOnce More,once@x.example\n")
    context = context_for("ada")
    first = _wizard_on(qtbot, context, path)
    first.next()
    _past_review(qtbot, first)
    path.write_text("Name,Email\nTwice Seen,twice@x.example\nNew Person,new@x.example\n\n")
    wizard = _wizard_on(qtbot, context, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.review_page.trial is not None, timeout=10_000)
    counts = wizard.review_page.counts.text()
    assert "New: 1." in counts and "name and company): 1." in counts
    # What each choice would do, counted before anything is stored.
    review = wizard.review_page
    assert review.update_choice.text().endswith(": 0 would change, 1 are the same")
    assert review.skip_choice.text() == "Skip those rows: 1 left as they are"
    assert review.add_choice.text() == "Add them as new records anyway: 1 more contacts"
    assert _count(store, display_name="New Person") == 0
    _past_review(qtbot, wizard, "skip")
    wizard.next()
    summary = wizard.result_page.summary.text()
    assert "Imported 1 contacts" in summary
    assert "left 0 unchanged, skipped 1 that matched" in summary
    assert "Blank rows: 1" in summary
    assert (_count(store, email="twice@x.example"), _count(store, display_name="New Person")) == (
        1,
        1,
    )


def test_duplicate_review_merges_the_chosen_pair_and_undo_restores_it(
    qtbot,
    context_for: Callable[[str], ViewContext],
    store: Store,
) -> None:
    for name in ("Dupe One", "Dupe Two"):
        unit_of_work.create(
            store, Actor.system(), "contact", {"display_name": name, "email": "same@dupe.example"}
        )
    review = DuplicateReview(context_for("ada"))
    qtbot.addWidget(review)
    review.find_candidates()
    qtbot.waitUntil(lambda: review.candidates.count() > 0, timeout=20_000)
    review.candidates.setCurrentRow(0)
    qtbot.waitUntil(lambda: review.table.rowCount() > 0, timeout=10_000)
    review.merge()
    qtbot.waitUntil(lambda: review.last_merge is not None, timeout=10_000)
    assert _count(store, email="same@dupe.example") == 1
    review.undo()
    qtbot.waitUntil(lambda: "undone" in review.status.text(), timeout=10_000)
    assert _count(store, email="same@dupe.example") == 2
