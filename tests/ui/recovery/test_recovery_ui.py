"""Recovery in the desktop app: the problem dialog, restore window, history panel, failed save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from sqlalchemy import event

from contactdesk.services import directory, unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record, page_records
from contactdesk.services.rule_admin import set_rule
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.store.snapshots import list_snapshots, take_snapshot
from contactdesk.store.store_health import Problem, StoreUnusable
from ui.database_worker import DatabaseWorker
from ui.forms.record_form import RecordForm
from ui.recovery.automatic_snapshots import AutomaticSnapshots
from ui.recovery.integrity_watch import IntegrityWatch
from ui.recovery.record_history_panel import RecordHistoryPanel
from ui.recovery.restore_dialog import RestoreDialog
from ui.recovery.store_problem_dialog import RecoveryChoice, StoreProblemDialog
from ui.recovery.store_recovery import recover_store


def _truncated(path: Path) -> StoreUnusable:
    return StoreUnusable(path, Problem.TRUNCATED, "the file is shorter than it should be")


def _first_contact(store: Store, username: str) -> tuple[Actor, str]:
    actor = directory.find_user(store, username).actor()
    return actor, str(page_records(store, actor, "contact", limit=1).rows[0]["id"])


def test_the_problem_dialog_names_the_problem(qtbot, tmp_path: Path) -> None:
    dialog = StoreProblemDialog(_truncated(tmp_path / "store.db"), has_snapshots=True)
    qtbot.addWidget(dialog)
    assert "shorter than it should be" in dialog.message.text()


def test_a_damaged_store_offers_restore_resync_and_read_only(qtbot, tmp_path: Path) -> None:
    dialog = StoreProblemDialog(
        _truncated(tmp_path / "store.db"), has_snapshots=True, server_account="rita@server"
    )
    qtbot.addWidget(dialog)
    offered = {choice for choice, button in dialog.buttons.items() if button.isEnabled()}
    assert offered == set(RecoveryChoice)


def test_without_a_server_account_resync_is_explained_instead(qtbot, tmp_path: Path) -> None:
    dialog = StoreProblemDialog(_truncated(tmp_path / "store.db"), has_snapshots=True)
    qtbot.addWidget(dialog)
    assert not dialog.buttons[RecoveryChoice.RESYNC].isEnabled()
    assert any("contactdesk sync --store" in hint.text() for hint in dialog.hints)


def test_a_locked_store_offers_read_only_and_says_to_close_the_other_program(
    qtbot, tmp_path: Path
) -> None:
    problem = StoreUnusable(tmp_path / "store.db", Problem.LOCKED, "another program holds it")
    dialog = StoreProblemDialog(problem, has_snapshots=True)
    qtbot.addWidget(dialog)
    assert set(dialog.buttons) == {RecoveryChoice.OPEN_READ_ONLY, RecoveryChoice.QUIT}
    assert any("Close it" in hint.text() for hint in dialog.hints)


def test_choosing_read_only_opens_the_store_read_only(qtbot, store: Store) -> None:
    assert store.path is not None
    path = store.path

    def choose_read_only(dialog: QDialog) -> int:
        assert isinstance(dialog, StoreProblemDialog)
        dialog.buttons[RecoveryChoice.OPEN_READ_ONLY].click()
        return int(dialog.result())

    recovered = recover_store(path, _truncated(path), run_dialog=choose_read_only)
    assert recovered is not None
    try:
        assert recovered.read_only
    finally:
        recovered.close()


def test_the_restore_window_lists_snapshots_newest_first(qtbot, store: Store) -> None:
    assert store.path is not None
    take_snapshot(store.path, "daily")
    take_snapshot(store.path, "pre-import")
    dialog = RestoreDialog(store.path, DatabaseWorker(immediate=True))
    qtbot.addWidget(dialog)
    reasons = [dialog.snapshots.topLevelItem(i).text(1) for i in range(2)]
    assert reasons == ["pre-import", "daily"]


def test_restoring_over_unsynced_changes_asks_and_a_no_restores_nothing(
    qtbot, store: Store
) -> None:
    assert store.path is not None
    take_snapshot(store.path, "daily")
    actor, record_id = _first_contact(store, "rita")
    unit_of_work.update(store, actor, "contact", record_id, {"city": "Unsynced City"})
    store.close()
    asked: list[int] = []
    dialog = RestoreDialog(
        store.path,
        DatabaseWorker(immediate=True),
        confirm=lambda parent, lost: asked.append(len(lost)) is not None,
    )
    qtbot.addWidget(dialog)
    dialog.restore_selected()
    assert asked == [1]
    assert dialog.report is None
    reopened = open_store(store.path)
    try:
        assert get_record(reopened, actor, "contact", record_id)["city"] == "Unsynced City"
    finally:
        reopened.close()


def test_restoring_after_a_yes_keeps_a_safety_copy(qtbot, store: Store) -> None:
    assert store.path is not None
    take_snapshot(store.path, "daily")
    actor, record_id = _first_contact(store, "rita")
    unit_of_work.update(store, actor, "contact", record_id, {"city": "Unsynced City"})
    store.close()
    dialog = RestoreDialog(
        store.path, DatabaseWorker(immediate=True), confirm=lambda parent, lost: True
    )
    qtbot.addWidget(dialog)
    dialog.restore_selected()
    assert dialog.report is not None
    assert dialog.report.safety_copy.exists()
    assert [c.record_id for c in dialog.report.lost_changes] == [record_id]


def test_the_history_panel_shows_who_changed_what_from_what_to_what(qtbot, store: Store) -> None:
    actor, record_id = _first_contact(store, "rita")
    old_city = get_record(store, actor, "contact", record_id).get("city")
    unit_of_work.update(store, actor, "contact", record_id, {"city": "Leeds"})
    panel = RecordHistoryPanel(store, actor, DatabaseWorker(immediate=True))
    qtbot.addWidget(panel)
    panel.show_record("contact", record_id)
    _when, who, field, old, new = panel.rows()[0]
    assert (who, field, new) == ("rita (not yet synced)", "City", "Leeds")
    assert old == (old_city or "—")


def test_the_history_panel_leaves_out_a_field_hidden_from_the_role(qtbot, store: Store) -> None:
    actor, record_id = _first_contact(store, "rita")
    unit_of_work.update(store, Actor.system(), "contact", record_id, {"notes": "secret"})
    set_rule(store, Actor.system(), "sales", "contact.notes", "hidden")
    panel = RecordHistoryPanel(store, actor, DatabaseWorker(immediate=True))
    qtbot.addWidget(panel)
    panel.show_record("contact", record_id)
    assert all("secret" not in cell for row in panel.rows() for cell in row)


def test_a_save_that_hits_a_full_disk_keeps_the_typed_text_and_says_so(qtbot, store: Store) -> None:
    actor, record_id = _first_contact(store, "rita")
    form = RecordForm(store, actor, DatabaseWorker(immediate=True), "contact", record_id)
    qtbot.addWidget(form)
    notes = form.editors["notes"].input_widget()
    notes.clear()
    qtbot.keyClicks(notes, "Typed before the disk filled up. ")
    # Longer than a page: the row needs new pages, so the write cannot fit in free space.
    notes.insertPlainText("And a long account of the meeting. " * 200)
    typed = notes.toPlainText()
    # SQLite's cap on the file's pages makes the save fail with a real SQLITE_FULL.
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    event.listen(store.engine, "connect", lambda c, _: c.execute(f"PRAGMA max_page_count={pages}"))
    store.engine.dispose()
    with qtbot.waitSignal(form.save_failed) as failure:
        form.save()
    assert "the disk is full; nothing was saved" in failure.args[0]
    assert notes.toPlainText() == typed
    assert form.changed_values()["notes"] == typed.strip()


def test_automatic_snapshots_take_one_at_start_when_none_is_fresh(qtbot, store: Store) -> None:
    assert store.path is not None
    snapshots = AutomaticSnapshots(store.path, DatabaseWorker(immediate=True))
    with qtbot.waitSignal(snapshots.snapshot_taken):
        snapshots.start()
    assert [s.reason for s in list_snapshots(store.path)] == ["start-up"]


def test_automatic_snapshots_skip_start_when_a_fresh_one_exists(qtbot, store: Store) -> None:
    assert store.path is not None
    take_snapshot(store.path, "manual")
    snapshots = AutomaticSnapshots(store.path, DatabaseWorker(immediate=True))
    snapshots.start()
    assert [s.reason for s in list_snapshots(store.path)] == ["manual"]


def test_the_background_integrity_check_reports_damage(qtbot, store: Store) -> None:
    assert store.path is not None
    path = store.path
    store.close()
    with path.open("r+b") as handle:
        for page in range(3, 40):
            handle.seek(page * 4096)
            handle.write(b"\xff" * 64)
    watch = IntegrityWatch(path, DatabaseWorker(immediate=True))
    with qtbot.waitSignal(watch.damage_found) as found:
        watch.start(even_if_checked_on_open=True)
    assert found.args[0]


def test_the_background_integrity_check_is_quiet_on_a_healthy_store(
    qtbot, store: Store
) -> None:
    assert store.path is not None
    watch = IntegrityWatch(store.path, DatabaseWorker(immediate=True))
    damage: list[object] = []
    watch.damage_found.connect(damage.append)
    with qtbot.waitSignal(watch.checked):
        watch.start(even_if_checked_on_open=True)
    assert damage == []
