"""The call dialog: log a call in seconds, from the keyboard, with a required next step.

Tab walks the fields top to bottom; Ctrl+Enter saves. The dialog checks the
report with the service's own rule before saving (so "no next step" is refused
at once, inline), then saves through ``log_call`` on the database worker.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from contactdesk.errors import ContactDeskError
from contactdesk.selling.call_logging import (
    CALL_OUTCOMES,
    OBJECTION_TAGS,
    CallReport,
    CloseOut,
    FollowUp,
    LoggedCall,
    NextStep,
    Objection,
    check_call_report,
    log_call,
)
from ui.enum_titles import add_titled_items, chosen_word, objection_title, outcome_title
from ui.locale_formats import localise_date_edit
from ui.style import set_role
from ui.undo_history import submit_undoable
from ui.view_context import ViewContext

Clock = Callable[[], datetime]
FOLLOW_UP_HOUR = 9


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.utc()).toLocalTime()


def from_qdatetime(moment: QDateTime) -> datetime:
    return datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC)


class CallDialog(QDialog):
    """Log one call with ``contact_id``; ``saved`` carries the LoggedCall."""

    saved = Signal(object)

    def __init__(
        self,
        context: ViewContext,
        contact_id: uuid.UUID,
        contact_name: str,
        *,
        planned_activity_id: uuid.UUID | None = None,
        clock: Clock = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._contact_id = contact_id
        self._planned = planned_activity_id
        self._clock = clock
        self.setWindowTitle(self.tr("Log a call with %1").replace("%1", contact_name))
        self._contact_name = contact_name

        self.outcome = QComboBox()
        self.outcome.setEditable(True)
        add_titled_items(self.outcome, CALL_OUTCOMES, outcome_title)
        self.outcome.setCurrentIndex(-1)
        outcome_editor = self.outcome.lineEdit()
        if outcome_editor is not None:
            outcome_editor.setPlaceholderText(self.tr("How did it go?"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("What was said"))
        self.notes.setFixedHeight(70)
        self.objection_tags = QListWidget()
        self.objection_tags.setAccessibleName(self.tr("Objections"))
        self.objection_tags.setFlow(QListWidget.Flow.LeftToRight)
        self.objection_tags.setWrapping(True)
        self.objection_tags.setFixedHeight(52)
        for tag in OBJECTION_TAGS:
            item = QListWidgetItem(objection_title(tag))
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.objection_tags.addItem(item)
        self.objection_text = QLineEdit()
        self.objection_text.setPlaceholderText(self.tr("The objection in the customer's words"))
        self.competitor = QLineEdit()
        self.competitor.setPlaceholderText(self.tr("Competitor mentioned, if any"))
        self.competitor_note = QLineEdit()
        self.competitor_note.setPlaceholderText(self.tr("What they said about it"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Correct the enquiry source, if it was wrong"))

        form = QFormLayout()
        form.addRow(self.tr("&Outcome"), self.outcome)
        form.addRow(self.tr("&Notes"), self.notes)
        form.addRow(self.tr("Ob&jections"), self.objection_tags)
        form.addRow("", self.objection_text)
        form.addRow(self.tr("Co&mpetitor"), self.competitor)
        form.addRow("", self.competitor_note)
        form.addRow(self.tr("Enquiry &source"), self.source)

        self.follow_up_choice = QRadioButton(self.tr("&Follow up on"))
        self.close_choice = QRadioButton(self.tr("C&lose, because"))
        self._step_group = QButtonGroup(self)
        self._step_group.addButton(self.follow_up_choice)
        self._step_group.addButton(self.close_choice)
        self.follow_up_at = QDateTimeEdit()
        self.follow_up_at.setCalendarPopup(True)
        localise_date_edit(self.follow_up_at)
        self.follow_up_at.setDateTime(to_qdatetime(self._default_follow_up()))
        self.close_reason = QLineEdit()
        self.close_reason.setPlaceholderText(self.tr("Why no further step"))
        self.follow_up_at.dateTimeChanged.connect(lambda _: self.follow_up_choice.setChecked(True))
        self.close_reason.textEdited.connect(lambda _: self.close_choice.setChecked(True))
        step_box = QGroupBox(self.tr("Next step (required)"))
        steps = QGridLayout(step_box)
        steps.addWidget(self.follow_up_choice, 0, 0)
        steps.addWidget(self.follow_up_at, 0, 1)
        steps.addWidget(self.close_choice, 1, 0)
        steps.addWidget(self.close_reason, 1, 1)

        self.message = QLabel()
        self.message.setObjectName("inlineError")
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(step_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Keyboard-first: the order a rep fills the form in after hanging up.
        order: list[QWidget] = [
            self.outcome, self.notes, self.objection_tags, self.objection_text, self.competitor,
            self.competitor_note, self.source, self.follow_up_choice, self.follow_up_at,
            self.close_choice, self.close_reason, save,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.outcome.setFocus()
        self.resize(560, 600)

    def _default_follow_up(self) -> datetime:
        """Tomorrow at nine, local time: the usual answer, one keystroke away."""
        local = self._clock().astimezone()
        tomorrow = (local + timedelta(days=1)).replace(
            hour=FOLLOW_UP_HOUR, minute=0, second=0, microsecond=0
        )
        return tomorrow.astimezone(UTC)

    # -- reading the form ---------------------------------------------------------

    def next_step(self) -> NextStep | None:
        if self.follow_up_choice.isChecked():
            return FollowUp(from_qdatetime(self.follow_up_at.dateTime()))
        if self.close_choice.isChecked():
            return CloseOut(self.close_reason.text())
        return None

    def report(self) -> CallReport:
        tags = [
            self.objection_tags.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.objection_tags.count())
            if self.objection_tags.item(row).checkState() == Qt.CheckState.Checked
        ]
        text = self.objection_text.text().strip() or None
        objections = tuple(Objection(tag, text) for tag in tags)
        return CallReport(
            contact_id=self._contact_id,
            outcome=chosen_word(self.outcome),
            next_step=self.next_step(),
            notes=self.notes.toPlainText(),
            objections=objections,
            competitor=self.competitor.text(),
            competitor_note=self.competitor_note.text(),
            enquiry_source=self.source.text(),
            planned_activity_id=self._planned,
        )

    # -- saving -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter reaching the dialog (the shortcut did not take it: no active window).
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    @Slot()
    def save(self) -> None:
        report = self.report()
        now = self._clock()
        try:
            check_call_report(report, now=now)
        except ContactDeskError as error:
            self.show_problem(error)
            return
        store, actor = self._context.session.store, self._context.session.actor

        def write() -> LoggedCall:
            return log_call(store, actor, report, now=now)

        self.buttons.setEnabled(False)
        # Undoable (Ctrl+Z) until the next sync sends the call.
        submit_undoable(
            self._context,
            self.tr("log call with %1").replace("%1", self._contact_name),
            write,
            on_success=self._saved,
            on_failure=self._failed,
        )

    def _saved(self, logged: LoggedCall) -> None:
        self.saved.emit(logged)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_problem(error)

    def show_problem(self, error: BaseException) -> None:
        reason = getattr(error, "reason", None) or str(error)
        self.message.setText(self.tr("Not saved: %1").replace("%1", reason))
        self.message.show()
