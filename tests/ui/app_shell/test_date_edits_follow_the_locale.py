"""Every date edit shows dates in the user's locale and date style, not a fixed pattern.

An English speaker in the UK keeps day/month order (the system's locale speaks the
chosen language); a German sees "31.03.2026"; the ISO preference shows 2026-03-31.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, QLocale

from contactdesk.services.field_catalog import FieldSpec
from contactdesk.services.record_queries import page_records
from ui.forms.date_editors import DateEditor
from ui.locale_formats import date_edit_format
from ui.marketing.report_view import ReportView
from ui.marketing_tools.campaign_editor import CampaignEditor
from ui.sales.call_dialog import CallDialog
from ui.settings import DATE_FORMAT, write_option
from ui.translation import language_locale
from ui.view_context import ViewContext


@pytest.fixture
def locale_named() -> Iterator[Callable[[str], None]]:
    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(QLocale("en_US"))


def test_english_on_a_uk_system_keeps_the_uk_locale() -> None:
    assert language_locale("en", QLocale("en_GB")).name() == "en_GB"
    assert language_locale("de", QLocale("en_GB")).name() == "de_DE"
    assert language_locale("en", QLocale("de_DE")).name() == "en_US"


@pytest.mark.parametrize(
    ("locale", "shown"), [("en_GB", "31/03/2026"), ("de_DE", "31.03.2026"), ("en_US", "3/31/2026")]
)
def test_a_record_forms_date_reads_in_the_users_locale(
    qtbot, locale_named, locale: str, shown: str
) -> None:
    locale_named(locale)
    editor = DateEditor(FieldSpec("birthday", "Birthday", "date"))
    qtbot.addWidget(editor)
    editor.edit.setDate(QDate(2026, 3, 31))
    assert editor.edit.text() == shown


def test_the_iso_preference_shows_iso_dates_and_times(qtbot, locale_named) -> None:
    locale_named("de_DE")
    write_option(DATE_FORMAT, "iso")
    assert date_edit_format() == "yyyy-MM-dd"
    assert date_edit_format(with_time=True) == "yyyy-MM-dd HH:mm"


def test_report_and_campaign_dates_follow_the_locale(
    qtbot, locale_named, context_for: Callable[[str], ViewContext]
) -> None:
    locale_named("en_GB")
    reports = ReportView(context_for("maria"))
    qtbot.addWidget(reports)
    reports.from_edit.setDate(QDate(2026, 12, 3))
    assert reports.from_edit.text() == "03/12/2026"  # not 12/3/26
    campaign = CampaignEditor(context_for("maria"))
    qtbot.addWidget(campaign)
    campaign.starts_input.setDate(QDate(2026, 12, 3))
    assert campaign.starts_input.text() == "03/12/2026"


def test_a_calls_follow_up_time_reads_in_the_users_locale(
    qtbot, locale_named, context_for: Callable[[str], ViewContext]
) -> None:
    locale_named("de_DE")
    context = context_for("rita")
    contact = page_records(context.session.store, context.session.actor, "contact", limit=1)
    dialog = CallDialog(context, uuid.UUID(contact.rows[0]["id"]), "Someone")
    qtbot.addWidget(dialog)
    assert dialog.follow_up_at.displayFormat() == "dd.MM.yyyy HH:mm"
