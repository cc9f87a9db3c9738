"""The import wizard: choose a file, map columns, check the matches, run with progress, review.

One wizard for contacts, accounts and deals (issue 15 point 8): the first page
says what the file holds. Long work (trial run, import, revert) runs on the
shell's database worker; this widget only shows results. For contacts a
recognised layout (Google, Outlook...) is mapped on its own; for accounts and
deals each column is suggested onto the field its header names. The user can
override any column, including onto a custom field of that entity.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from contactdesk.importing import ColumnMapping, ColumnTarget, CsvPreview, preview_csv
from contactdesk.importing.column_mapping import TEXT_FIELDS
from contactdesk.importing.import_log import revert_import
from contactdesk.importing.match_updates import ON_MATCH_ADD, ON_MATCH_SKIP, ON_MATCH_UPDATE
from contactdesk.importing.record_import import RecordImportResult, import_records
from contactdesk.importing.record_mapping import RecordPreview, preview_records
from contactdesk.importing.store_import import ImportResult, detect_format, import_contacts
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.record_queries import visible_fields
from ui.database_worker import TaskControl, TaskHandle
from ui.enum_titles import field_title
from ui.locale_formats import format_number
from ui.view_context import ViewContext

AS_RECOGNISED = ""
NOT_IMPORTED = ""
CONTACTS = "contact"
CONTACT_FIELDS = frozenset(ENTITIES["contact"].by_name)
BASIC_SPECS = (
    "ignore",
    *sorted(TEXT_FIELDS),
    "email",
    "email:work",
    "email:home",
    "phone",
    "phone:work",
    "phone:mobile",
    "url",
    "address:work:street",
    "address:work:city",
    "address:work:postcode",
    "address:work:country",
    "birthday",
    "categories",
)


class FilePage(QWizardPage):
    """Step 1: what the file holds (contacts, accounts or deals) and which file."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "Contacts from a CSV export (Google, Outlook, Thunderbird...) or a vCard file; "
                "accounts or deals from a CSV file."
            )
        )
        self.entity = QComboBox()
        self.entity.setAccessibleName(self.tr("The file holds"))
        self.entity.addItem(self.tr("Contacts"), CONTACTS)
        self.entity.addItem(self.tr("Accounts"), "account")
        self.entity.addItem(self.tr("Deals"), "opportunity")
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File to import"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("The file holds"), self.entity)
        form.addRow(self.tr("File"), row)
        self.registerField("path*", self.path_edit)

    def chosen_entity(self) -> str:
        """``contact``, ``account`` or ``opportunity``."""
        return str(self.entity.currentData())

    @Slot()
    def _browse(self) -> None:
        if self.chosen_entity() == CONTACTS:
            kinds = self.tr("Address books (*.csv *.vcf *.txt)")
        else:
            kinds = self.tr("CSV files (*.csv *.txt)")
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), "", kinds)
        if chosen:
            self.path_edit.setText(chosen)


class MappingPage(QWizardPage):
    """Step 2: which column holds what (CSV only); recognised layouts come pre-mapped."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Map the columns"))
        self.layout_label = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Goes to")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.layout_label)
        box.addWidget(self.table)
        box.addWidget(self.problem)
        self.preview: CsvPreview | None = None
        self.record_preview: RecordPreview | None = None

    def initializePage(self) -> None:
        path = Path(str(self.field("path")))
        self.preview = None
        self.record_preview = None
        self.table.setRowCount(0)
        self.problem.clear()
        entity = self._wizard.file_page.chosen_entity()
        if entity != CONTACTS:
            self.record_preview = preview_records(
                self._wizard.context.session.store, self._wizard.context.session.actor, path, entity
            )
            self.show_record_preview(self.record_preview)
            return
        if detect_format(path) != "csv":
            self.layout_label.setText(self.tr("A vCard file: every card is read as it is."))
            return
        self.preview = preview_csv(path)
        self.show_preview(self.preview)

    def show_preview(self, preview: CsvPreview) -> None:
        """Fill the table from a preview: one row per column, with a target chooser."""
        if preview.layout:
            self.layout_label.setText(
                self.tr("Recognised layout: %1. Change any column below.").replace(
                    "%1", preview.layout
                )
            )
        else:
            self.layout_label.setText(self.tr("No known layout: choose what each column holds."))
        header = preview.first_rows[0] if preview.first_rows else ()
        sample = preview.first_rows[1] if len(preview.first_rows) > 1 else header
        self.table.setRowCount(len(header))
        specs = [*BASIC_SPECS, *self._wizard.custom_specs()]
        for row, name in enumerate(header):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            value = sample[row] if row < len(sample) else ""
            self.table.setItem(row, 1, QTableWidgetItem(value))
            chooser = QComboBox()
            if preview.mapping is not None:
                target = preview.mapping.targets.get(row)
                shown = _describe(target) if target else self.tr("kept in notes")
                chooser.addItem(self.tr("as recognised (%1)").replace("%1", shown), AS_RECOGNISED)
            for spec in specs:
                chooser.addItem(spec_title(spec), spec)
            self.table.setCellWidget(row, 2, chooser)

    def show_record_preview(self, preview: RecordPreview) -> None:
        """One row per column of an account or deal file, with the field it goes to."""
        what = self.tr("accounts") if preview.entity == "account" else self.tr("deals")
        self.layout_label.setText(
            self.tr(
                "Read as %1. Choose the field of %2 each column goes to; columns left "
                "as “not imported” are ignored."
            )
            .replace("%1", preview.encoding)
            .replace("%2", what)
        )
        sample = preview.rows[0] if preview.rows else ()
        self.table.setRowCount(len(preview.header))
        for row, name in enumerate(preview.header):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(sample[row] if row < len(sample) else ""))
            chooser = QComboBox()
            chooser.addItem(self.tr("not imported"), NOT_IMPORTED)
            for spec in preview.fields:
                chooser.addItem(spec.label, spec.name)
            chosen = preview.suggested.get(row)
            if chosen is not None:
                chooser.setCurrentIndex(chooser.findData(chosen))
            self.table.setCellWidget(row, 2, chooser)
        if not preview.fields:
            self.problem.setText(
                self.tr(
                    "Your role may fill no field of %1; an administrator decides that."
                ).replace("%1", what)
            )

    def record_mapping(self) -> dict[int, str]:
        """Column index -> field name, as the user settled it (accounts and deals)."""
        return {
            row: str(self.chooser(row).currentData())
            for row in range(self.table.rowCount())
            if self.chooser(row).currentData() != NOT_IMPORTED
        }

    def validatePage(self) -> bool:
        """Accounts and deals: every field filled by one column at most, and some column used."""
        if self.record_preview is None:
            return True
        chosen = self.record_mapping()
        labels = {spec.name: spec.label for spec in self.record_preview.fields}
        names = list(chosen.values())
        repeated = sorted({labels[name] for name in names if names.count(name) > 1})
        if repeated:
            self.problem.setText(
                self.tr("Each field takes one column: %1 is chosen more than once.").replace(
                    "%1", ", ".join(repeated)
                )
            )
            return False
        if not chosen:
            self.problem.setText(self.tr("Choose a field for at least one column."))
            return False
        self.problem.clear()
        return True

    def choose(self, column: str, field_name: str) -> None:
        """Send the column headed ``column`` to ``field_name`` ("" leaves it out)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == column:
                chooser = self.chooser(row)
                chooser.setCurrentIndex(chooser.findData(field_name))
                return
        raise KeyError(column)

    def chooser(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> ColumnMapping | None:
        """The mapping the user settled on (None: let the reader recognise the header)."""
        if self.preview is None:
            return None
        overrides = {
            row: str(self.chooser(row).currentData())
            for row in range(self.table.rowCount())
            if self.chooser(row).currentData() != AS_RECOGNISED
        }
        base = self.preview.mapping
        if base is None:
            return ColumnMapping.from_specs(overrides, has_header=True)
        if not overrides:
            return base
        targets = dict(base.targets)
        targets.update({row: ColumnTarget.parse(spec) for row, spec in overrides.items()})
        return dataclasses.replace(base, targets=targets)


def _describe(target: ColumnTarget) -> str:
    parts = [str(target.kind), target.name, target.label]
    return spec_title(":".join(part for part in parts if part))


def spec_title(spec: str) -> str:
    """What a column spec means, as a person reads it: "First name", "Email (work)",
    "Address (work): city" rather than ``first_name``, ``email:work``, ``address:work:city``."""
    head, _, rest = spec.partition(":")
    kinds = {
        "email": QCoreApplication.translate("ImportWizard", "Email"),
        "email_label": QCoreApplication.translate("ImportWizard", "Email label"),
        "phone": QCoreApplication.translate("ImportWizard", "Phone"),
        "phone_label": QCoreApplication.translate("ImportWizard", "Phone label"),
        "url": QCoreApplication.translate("ImportWizard", "Web address"),
        "url_label": QCoreApplication.translate("ImportWizard", "Web address label"),
        "address": QCoreApplication.translate("ImportWizard", "Address"),
        "address_label": QCoreApplication.translate("ImportWizard", "Address label"),
        "birthday": QCoreApplication.translate("ImportWizard", "Birthday"),
        "birthday_part": QCoreApplication.translate("ImportWizard", "Birthday"),
        "categories": QCoreApplication.translate("ImportWizard", "Categories"),
        "ignore": QCoreApplication.translate("ImportWizard", "not imported"),
        "extra": QCoreApplication.translate("ImportWizard", "Kept in notes"),
    }
    if head in ("field", "custom"):
        return field_title("contact", rest)
    if head not in kinds:
        return field_title("contact", spec)
    if head == "address" and rest:
        label, _, part = rest.rpartition(":")
        shown = f"{kinds[head]} ({label})" if label else kinds[head]
        return f"{shown}: {field_title('contact', part)}"
    return f"{kinds[head]} ({rest.replace(':', ', ')})" if rest else kinds[head]


class ReviewPage(QWizardPage):
    """Step 3: a trial run counts new rows and rows matching existing records; the user
    chooses what to do with the matches before anything is stored (issue 22)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check before importing"))
        self.trial: ImportResult | RecordImportResult | None = None
        self.counts = QLabel(self.tr("Reading the file…"))
        self.counts.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setAccessibleName(
            self.tr("Rows that cannot be imported, rows matching existing records")
        )
        self.choices = QButtonGroup(self)
        self.update_choice = QRadioButton(self.tr("Update the existing records they match"))
        self.skip_choice = QRadioButton(self.tr("Skip those rows"))
        self.add_choice = QRadioButton(self.tr("Add them as new records anyway"))
        box = QVBoxLayout(self)
        box.addWidget(self.counts)
        for button, value in (
            (self.update_choice, ON_MATCH_UPDATE),
            (self.skip_choice, ON_MATCH_SKIP),
            (self.add_choice, ON_MATCH_ADD),
        ):
            button.setProperty("on_match", value)
            self.choices.addButton(button)
            box.addWidget(button)
        self.update_choice.setChecked(True)
        box.addWidget(self.problems, 1)

    def initializePage(self) -> None:
        self.trial = None
        self.problems.clear()
        self.counts.setText(self.tr("Reading the file…"))
        self._wizard.start_trial()

    def show_trial(self, trial: ImportResult | RecordImportResult) -> None:
        """The counts of the trial run, and the rows it could not import, as the user decides."""
        self.trial = trial
        self.problems.clear()
        self.problems.addItems(skipped_lines(trial))
        if isinstance(trial, RecordImportResult):
            self._show_record_trial(trial)
        else:
            self._show_contact_trial(trial)
            self.problems.addItems(match_lines(trial))
        for button in self.choices.buttons():
            button.setEnabled(trial.duplicate_count > 0)
        self.completeChanged.emit()

    def _show_record_trial(self, trial: RecordImportResult) -> None:
        if trial.entity == "account":
            text = self.tr(
                "Read as %1. New accounts: %2. Matching existing accounts (same name or web "
                "domain): %3. Rows that cannot be imported: %4."
            )
        else:
            text = self.tr("Read as %1. New deals: %2. Rows that cannot be imported: %4.")
        self.counts.setText(
            text.replace("%1", trial.encoding)
            .replace("%2", format_number(trial.imported))
            .replace("%3", format_number(trial.duplicate_count))
            .replace("%4", format_number(trial.skipped_count))
        )

    def _show_contact_trial(self, trial: ImportResult) -> None:
        matched = format_number(trial.duplicate_count)
        # The trial runs as "update": what an update would change is known, each choice's count.
        self.update_choice.setText(
            self.tr("Update the existing records they match: %1 would change, %2 are the same")
            .replace("%1", format_number(trial.updated))
            .replace("%2", format_number(trial.unchanged))
        )
        self.skip_choice.setText(
            self.tr("Skip those rows: %1 left as they are").replace("%1", matched)
        )
        self.add_choice.setText(
            self.tr("Add them as new records anyway: %1 more contacts").replace(
                "%1", format_number(trial.added_on_add)
            )
        )
        self.counts.setText(
            self.tr(
                "Read as %1. New: %2. Matching existing records (same vCard UID, email or "
                "phone; a row with none of these, same name and company): %3. Repeated within "
                "the file: %4. Rows that cannot be imported: %5. Blank rows: %6, comment rows: %7."
            )
            .replace("%1", trial.encoding)
            .replace("%2", format_number(trial.imported + trial.companies_imported))
            .replace("%3", format_number(trial.duplicate_count))
            .replace("%4", format_number(trial.in_file_duplicate_count))
            .replace("%5", format_number(trial.skipped_count))
            .replace("%6", format_number(trial.blank_rows))
            .replace("%7", format_number(trial.comment_rows))
        )

    def on_match(self) -> str:
        """What the user chose for rows matching an existing record."""
        checked = self.choices.checkedButton()
        return str(checked.property("on_match")) if checked is not None else ON_MATCH_UPDATE

    def isComplete(self) -> bool:
        return self.trial is not None


class RunPage(QWizardPage):
    """Step 3: the import runs on the database worker; progress and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Importing"))
        self.progress = QProgressBar()
        self.status = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(wizard.cancel_import)
        box = QVBoxLayout(self)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addWidget(self.cancel_button)

    def initializePage(self) -> None:
        self._wizard.start_import()

    def isComplete(self) -> bool:
        return self._wizard.import_result is not None


class ResultPage(QWizardPage):
    """Step 4: what was imported, each skipped row with its line and reason, and Revert.

    Rows imported with a value kept as unverified text are listed after the
    skipped ones, so the user can fix those values in the contact.
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Import finished"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.skipped = QListWidget()
        self.skipped.setAccessibleName(self.tr("Skipped rows and values kept as text"))
        self.revert_button = QPushButton(self.tr("Revert this import"))
        self.revert_button.clicked.connect(wizard.revert)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.skipped, 1)
        box.addWidget(self.revert_button)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        if result is None:
            return
        self.skipped.clear()
        self.skipped.addItems(skipped_lines(result))
        if isinstance(result, RecordImportResult):
            self.summary.setText(record_summary_text(result))
            for column in result.unmapped:
                self.skipped.addItem(self.tr("Column %1 was not imported").replace("%1", column))
            return
        self.summary.setText(summary_text(result))
        for warning in result.warnings:
            self.skipped.addItem(
                self.tr("Line %1 imported; %2")
                .replace("%1", str(warning.location))
                .replace("%2", warning.message)
            )
        self.skipped.addItems(match_lines(result))
        for column, where in result.unmapped.items():
            self.skipped.addItem(
                self.tr("Column %1 has no field: kept in %2")
                .replace("%1", column)
                .replace("%2", where)
            )


def skipped_lines(result: ImportResult | RecordImportResult) -> list[str]:
    """Each row an import (or its trial) could not store: line, field and reason."""
    if isinstance(result, RecordImportResult):
        # The reason already reads "line N: field: why".
        return [row.reason for row in result.skipped]
    return [
        QCoreApplication.translate("ImportWizard", "Line %1: %2")
        .replace("%1", str(row.location))
        .replace("%2", row.reason)
        for row in result.skipped
    ]


def match_lines(result: ImportResult) -> list[str]:
    """Each row matching an existing record, then each row repeating an earlier one."""
    lines = [
        QCoreApplication.translate("ResultPage", "Line %1 matches %2 (%3)")
        .replace("%1", str(duplicate.location))
        .replace("%2", duplicate.existing_name)
        .replace("%3", duplicate.reason)
        for duplicate in result.duplicates
    ]
    lines += [
        QCoreApplication.translate("ResultPage", "Line %1 repeats line %2 (%3)")
        .replace("%1", str(repeat.location))
        .replace("%2", str(repeat.first_location))
        .replace("%3", repeat.reason)
        for repeat in result.in_file_duplicates
    ]
    return lines


def record_summary_text(result: RecordImportResult) -> str:
    """One paragraph of what an import of accounts or deals did."""
    if result.entity == "account":
        text = QCoreApplication.translate(
            "ImportWizard",
            "Read as %1. Imported %2 accounts; updated %3 existing accounts, skipped %4 that "
            "matched; %5 rows could not be imported.",
        )
    else:
        text = QCoreApplication.translate(
            "ImportWizard", "Read as %1. Imported %2 deals; %5 rows could not be imported."
        )
    return (
        text.replace("%1", result.encoding)
        .replace("%2", format_number(result.imported))
        .replace("%3", format_number(result.updated))
        .replace("%4", format_number(result.matched_skipped))
        .replace("%5", format_number(result.skipped_count))
    )


def summary_text(result: ImportResult) -> str:
    """One paragraph of what an import did, for the last page of the wizard."""
    text = QCoreApplication.translate(
        "ImportWizard",
        "Read as %1. Imported %2 contacts and %3 companies as accounts; updated %4 existing "
        "records, left %5 unchanged, skipped %6 that matched; %7 rows could not be imported. "
        "Repeated within the file: %8. Blank rows: %9, comment rows: %10. Values kept as "
        "text: %11.",
    )
    values = (
        result.encoding,
        result.imported,
        result.companies_imported,
        result.updated,
        result.unchanged,
        result.matched_skipped,
        result.skipped_count,
        result.in_file_duplicate_count,
        result.blank_rows,
        result.comment_rows,
        result.warning_count,
    )
    # Highest placeholder first, so %1 never eats the start of %10.
    for number in range(len(values), 0, -1):
        value = values[number - 1]
        shown = value if isinstance(value, str) else format_number(value)
        text = text.replace(f"%{number}", shown)
    return text


class ImportWizard(QWizard):
    """Choose → map → run (progress, cancel) → review skipped rows, revert."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Import"))
        self.import_result: ImportResult | RecordImportResult | None = None
        self.error: str | None = None
        self._handle: TaskHandle | None = None
        self.file_page = FilePage()
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        self.run_page = RunPage(self)
        self.result_page = ResultPage(self)
        pages = (self.file_page, self.mapping_page, self.review_page, self.run_page)
        for page in (*pages, self.result_page):
            self.addPage(page)
        self.resize(820, 560)

    def custom_specs(self) -> list[str]:
        """``custom:<name>`` for each custom contact field the user may see."""
        session = self.context.session
        fields = visible_fields(session.store, session.actor, "contact")
        return [f"custom:{f.name}" for f in fields if f.name not in CONTACT_FIELDS]

    def _import_task(self, on_match: str, *, dry_run: bool) -> Callable[[TaskControl], Any]:
        """A function for the worker that imports the chosen file as the user mapped it."""
        store, actor = self.context.session.store, self.context.session.actor
        path = Path(str(self.field("path")))
        entity = self.file_page.chosen_entity()
        columns = self.mapping_page.record_mapping() if entity != CONTACTS else {}
        mapping = self.mapping_page.mapping() if entity == CONTACTS else None

        def task(control: TaskControl) -> ImportResult | RecordImportResult:
            progress = None if dry_run else control.report_progress
            cancelled = None if dry_run else lambda: control.cancelled
            if entity == CONTACTS:
                return import_contacts(
                    store,
                    actor,
                    path,
                    mapping=mapping,
                    on_match=on_match,
                    dry_run=dry_run,
                    progress=progress,
                    cancelled=cancelled,
                )
            return import_records(
                store,
                actor,
                path,
                entity,
                mapping=columns,
                on_match=on_match,
                dry_run=dry_run,
                progress=progress,
                cancelled=cancelled,
            )

        return task

    def start_trial(self) -> None:
        """Count new and matching rows on the worker (a dry run: nothing is stored)."""
        self.error = None
        trial = self._import_task(ON_MATCH_UPDATE, dry_run=True)

        def failed(error: BaseException) -> None:
            self.error = str(error)
            self.review_page.counts.setText(
                self.tr("This file cannot be imported: %1").replace("%1", str(error))
            )

        self.context.worker.submit(trial, on_success=self.review_page.show_trial, on_failure=failed)

    def start_import(self) -> None:
        """Run the import on the database worker with the chosen mapping and match choice."""
        self.import_result, self.error = None, None
        path = Path(str(self.field("path")))
        task = self._import_task(self.review_page.on_match(), dry_run=False)

        self.run_page.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.run_page.cancel_button.setEnabled(True)
        self._handle = self.context.worker.submit(
            task,
            on_success=self._finished,
            on_failure=self._failed,
            on_progress=self._progressed,
        )

    @Slot()
    def cancel_import(self) -> None:
        """Stop the import: the worker rolls it back, nothing is stored."""
        if self._handle is not None and not self._handle.done:
            self._handle.cancel()
            self.run_page.status.setText(self.tr("Cancelled: nothing was imported."))
            self.run_page.cancel_button.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        self.run_page.progress.setRange(0, max(total, 1))
        self.run_page.progress.setValue(done)

    def _finished(self, result: Any) -> None:
        self.import_result = result
        self.run_page.cancel_button.setEnabled(False)
        self.run_page.progress.setValue(self.run_page.progress.maximum())
        self.run_page.status.setText(self.tr("Done."))
        self.run_page.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.error = str(error)
        self.run_page.cancel_button.setEnabled(False)
        self.run_page.status.setText(self.tr("Nothing was imported: %1").replace("%1", str(error)))

    @Slot()
    def revert(self) -> None:
        """Remove everything this import created (on the worker)."""
        if self.import_result is None:
            return
        store, actor = self.context.session.store, self.context.session.actor
        batch_id = self.import_result.batch_id
        self.result_page.revert_button.setEnabled(False)

        def task(control: TaskControl) -> object:
            return revert_import(store, actor, batch_id)

        self.context.worker.submit(
            task,
            on_success=lambda _: self.result_page.summary.setText(
                self.tr("The import was reverted.")
            ),
            on_failure=lambda error: self.result_page.summary.setText(str(error)),
        )
