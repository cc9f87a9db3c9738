"""ui.app: a store that cannot be opened is explained in a message box, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactdesk.services.store_opening import open_store
from contactdesk.store.store_health import StoreUnusable
from ui import app


def test_a_file_that_is_not_a_store_offers_recovery_and_returns_no_window_if_declined(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[StoreUnusable] = []

    def decline(path: Path, problem: StoreUnusable) -> None:
        offered.append(problem)

    monkeypatch.setattr(app, "recover_store", decline)
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("these are my notes, not a database")
    assert app.start(not_a_store) is None
    assert len(offered) == 1
    assert "not a ContactDesk store" in str(offered[0])
    assert not_a_store.read_text() == "these are my notes, not a database"


def test_a_recovered_store_opens_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.db"
    open_store(good).close()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    monkeypatch.setattr(app, "recover_store", lambda path, problem: open_store(good))
    started = app.start(damaged)
    assert started is not None
    store, window = started
    qtbot.addWidget(window)
    assert store.path == good
    store.close()


def test_run_returns_one_when_the_store_cannot_be_opened(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "show_error", lambda message: None)
    assert app.run(tmp_path / "missing-folder" / "store.db") == 1
