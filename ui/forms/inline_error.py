"""A message shown next to the input it is about: empty and hidden until there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.style import set_role


class InlineError(QLabel):
    """Red, word-wrapped, hidden while empty; screen readers hear it as an alert text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        set_role(self, "error")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


def with_inline_error(widget: QWidget, error: InlineError) -> QWidget:
    """``widget`` with its error message right under it, as one form cell."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return cell
