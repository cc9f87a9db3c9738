"""Preferences: sync interval, server, language, date and number formats, start page per role.

Every field edits one option declared in ``ui.settings`` (its title is the
field's label); nothing is written until OK. The server password is not here:
it is asked at sign-in and kept in the keyring.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QUrl, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contactdesk.services.defaults import ROLE_CAPABILITIES
from ui.app_session import role_title
from ui.locale_formats import DATE_FORMATS, NUMBER_LOCALES, translated_title
from ui.role_views import default_start_page, views_for
from ui.settings import (
    DATE_FORMAT,
    LANGUAGE,
    NUMBER_LOCALE,
    SERVER_URL,
    START_PAGE_ROLES,
    SYNC_INTERVAL_MINUTES,
    Option,
    read_option,
    start_page_option,
    write_option,
)
from ui.translation import available_languages

SAMPLE_DATE = date(2025, 3, 31)
SAMPLE_NUMBER = 1234.56
MAX_SYNC_MINUTES = 24 * 60


def language_name(code: str) -> str:
    """A language in its own words ("Deutsch"), as people look for their own."""
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


class PreferencesDialog(QDialog):
    """Edits the user's preferences; ``apply()`` (run by OK) writes them to QSettings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))

        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(1, MAX_SYNC_MINUTES)
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setValue(read_option(SYNC_INTERVAL_MINUTES))
        self.server_url = QLineEdit(read_option(SERVER_URL))
        self.server_url.setPlaceholderText(self.tr("https://contactdesk.example.com"))
        self.server_url.setClearButtonEnabled(True)
        self.server_url.textChanged.connect(self._check_server_url)
        self.server_problem = QLabel()
        self.server_problem.setWordWrap(True)
        self.server_problem.hide()

        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        self._select(self.language, read_option(LANGUAGE))
        self.language_note = QLabel(
            self.tr("A new language shows in full when ContactDesk starts again.")
        )
        self.language_note.setWordWrap(True)

        self.date_format = QComboBox()
        for key, (_format, title) in DATE_FORMATS.items():
            self.date_format.addItem(translated_title(title), key)
        self._select(self.date_format, read_option(DATE_FORMAT))
        self.number_locale = QComboBox()
        for name, title in NUMBER_LOCALES.items():
            self.number_locale.addItem(translated_title(title), name)
        self._select(self.number_locale, read_option(NUMBER_LOCALE))
        self.format_preview = QLabel()
        self.format_preview.setAccessibleName(self.tr("Format example"))
        self.date_format.currentIndexChanged.connect(self._show_preview)
        self.number_locale.currentIndexChanged.connect(self._show_preview)
        self._show_preview()

        self.start_pages: dict[str, QComboBox] = {}
        start_group = QGroupBox(self.tr("Start page"))
        start_form = QFormLayout(start_group)
        for role in START_PAGE_ROLES:
            box = QComboBox()
            # The pages of a shipped role as it comes (an admin may give it more later).
            granted = frozenset(ROLE_CAPABILITIES.get(role, ()))
            default = next(
                (view for view in views_for(granted) if view.title == default_start_page(granted)),
                None,
            )
            box.addItem(
                self.tr("Default: %1").replace(
                    "%1", default.translated_title() if default else self.tr("First page")
                ),
                "",
            )
            for view in views_for(granted):
                box.addItem(view.translated_title(), view.title)
            self._select(box, read_option(start_page_option(role)))
            self.start_pages[role] = box
            start_form.addRow(self._label(role_title(role), box), box)

        sync_group = QGroupBox(self.tr("Sync"))
        sync_form = QFormLayout(sync_group)
        sync_form.addRow(
            self._option_label(SYNC_INTERVAL_MINUTES, self.sync_interval), self.sync_interval
        )
        sync_form.addRow(self._option_label(SERVER_URL, self.server_url), self.server_url)
        sync_form.addRow(self.server_problem)

        region_group = QGroupBox(self.tr("Language and formats"))
        region_form = QFormLayout(region_group)
        region_form.addRow(self._option_label(LANGUAGE, self.language), self.language)
        region_form.addRow(self.language_note)
        region_form.addRow(self._option_label(DATE_FORMAT, self.date_format), self.date_format)
        region_form.addRow(
            self._option_label(NUMBER_LOCALE, self.number_locale), self.number_locale
        )
        region_form.addRow(
            self._label(self.tr("Example"), self.format_preview), self.format_preview
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(sync_group)
        layout.addWidget(region_group)
        layout.addWidget(start_group)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- building --------------------------------------------------------------

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(self.tr("%1:").replace("%1", text))
        label.setBuddy(buddy)
        buddy.setAccessibleName(text)
        return label

    def _option_label(self, option: Option, buddy: QWidget) -> QLabel:  # type: ignore[type-arg]
        return self._label(option.translated_title(), buddy)

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    # -- behaviour ---------------------------------------------------------------

    @Slot()
    def _show_preview(self) -> None:
        name = self.number_locale.currentData()
        locale = QLocale(name) if name else QLocale()
        style = DATE_FORMATS[self.date_format.currentData()][0]
        shown_date = (
            SAMPLE_DATE.isoformat()
            if style is None
            else QLocale().toString(QDate(*SAMPLE_DATE.timetuple()[:3]), style)
        )
        self.format_preview.setText(
            self.tr("%1 · %2 · %3")
            .replace("%1", shown_date)
            .replace("%2", locale.toString(SAMPLE_NUMBER, "f", 2))
            .replace("%3", locale.toCurrencyString(SAMPLE_NUMBER, "€", 2))
        )

    @Slot(str)
    def _check_server_url(self, text: str) -> bool:
        """Shows why a server address cannot be used; True when it can (or is empty)."""
        url = QUrl(text.strip())
        valid = not text.strip() or (
            url.isValid() and url.scheme() in ("http", "https") and bool(url.host())
        )
        self.server_problem.setText(
            "" if valid else self.tr("The server address must start with https:// or http://.")
        )
        self.server_problem.setVisible(not valid)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        return valid

    def apply(self) -> None:
        """Write every field to its option."""
        write_option(SYNC_INTERVAL_MINUTES, self.sync_interval.value())
        write_option(SERVER_URL, self.server_url.text().strip())
        write_option(LANGUAGE, str(self.language.currentData()))
        write_option(DATE_FORMAT, str(self.date_format.currentData()))
        write_option(NUMBER_LOCALE, str(self.number_locale.currentData()))
        for role, box in self.start_pages.items():
            write_option(start_page_option(role), str(box.currentData()))

    def accept(self) -> None:
        if not self._check_server_url(self.server_url.text()):
            return
        self.apply()
        super().accept()
