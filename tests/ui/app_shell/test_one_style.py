"""One visual style: colours, sizes and banners come from one style sheet, by role.

No view carries a style sheet of its own (the rule matrix's access colours are the
one exception: they encode a cell's value); every role a view names is styled by
resources/styles/contactdesk.qss, and the application applies that sheet at start.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from ui.style import ROLES, apply_style, set_role, style_sheet

UI = Path(__file__).resolve().parents[3] / "ui"
OWN_STYLE_ALLOWED = {"style.py", "rule_matrix_editor.py"}


def test_no_view_sets_a_style_sheet_of_its_own() -> None:
    offenders = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if path.name not in OWN_STYLE_ALLOWED and "setStyleSheet(" in path.read_text()
    ]
    assert offenders == []


def test_every_role_named_in_the_views_is_styled_by_the_sheet() -> None:
    named = {
        match
        for path in UI.rglob("*.py")
        for match in re.findall(r'set_role\([^,]+, "([a-z-]+)"\)', path.read_text())
    }
    styled = set(re.findall(r'\[role="([a-z-]+)"\]', style_sheet()))
    assert named  # the views do use roles
    assert named <= set(ROLES) <= styled


def test_the_application_applies_the_sheet_and_a_role_changes_the_look(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = app.styleSheet()
    try:
        apply_style(app)
        assert 'QLabel[role="error"]' in app.styleSheet()
        plain, error = QLabel("Saved"), set_role(QLabel("Could not save"), "error")
        for label in (plain, error):
            qtbot.addWidget(label)
            label.show()
        assert error.font().weight() == QFont.Weight.DemiBold  # font-weight: 600
        assert plain.font().weight() == QFont.Weight.Normal
    finally:
        app.setStyleSheet(previous)


def test_an_unknown_role_is_refused(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="no style role"):
        set_role(label, "shouting")
