"""At 200% font size the main window still fits a full-HD screen and clips no label or button."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

FULL_HD = QSize(1920, 1080)


@pytest.fixture
def double_font(qapp: QApplication) -> Iterator[None]:
    original = qapp.font()
    doubled = qapp.font()
    doubled.setPointSizeF(original.pointSizeF() * 2)
    qapp.setFont(doubled)
    yield
    qapp.setFont(original)


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_the_window_at_double_font_size_fits_a_full_hd_screen(
    double_font, main_window_for, username: str
) -> None:
    window = main_window_for(username)
    needed = window.minimumSizeHint()
    assert needed.width() <= FULL_HD.width() and needed.height() <= FULL_HD.height()


@pytest.mark.parametrize("username", ["rita", "maria", "ada"])
def test_no_label_or_button_of_the_first_page_is_narrower_than_its_text_at_double_font(
    qtbot, double_font, main_window_for, username: str
) -> None:
    window = main_window_for(username)
    window.resize(FULL_HD)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages.currentWidget()
    clipped = [
        f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < "
        f"{widget.minimumSizeHint().width()}"
        for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
        if widget.isVisible()
        and widget.text()
        and not (isinstance(widget, QLabel) and widget.wordWrap())
        and widget.width() < widget.minimumSizeHint().width()
    ]
    assert clipped == []


def test_the_preferences_fit_a_full_hd_screen_at_double_font(qtbot, double_font) -> None:
    from ui.preferences.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    needed = dialog.minimumSizeHint()
    assert needed.width() <= FULL_HD.width() and needed.height() <= FULL_HD.height()
