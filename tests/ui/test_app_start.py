"""ui.app: a store that cannot be opened is explained in a message box, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import app


def test_a_file_that_is_not_a_store_shows_the_reason_and_returns_no_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app, "show_error", shown.append)
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("these are my notes, not a database")
    assert app.start(not_a_store) is None
    assert len(shown) == 1
    assert "not a ContactDesk store" in shown[0]
    assert "Traceback" not in shown[0]


def test_run_returns_one_when_the_store_cannot_be_opened(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "show_error", lambda message: None)
    assert app.run(tmp_path / "missing-folder" / "store.db") == 1
