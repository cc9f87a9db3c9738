"""The report view: run a report, see table and chart, drill down, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from crm_fixture import CrmFixture
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QCategoryAxis
from PySide6.QtCore import QDate, Qt

from contactdesk.reports.report_result import ANY
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from tests.funnel_agreement import agree_live_terms
from ui.marketing.report_table_model import ReportTableModel
from ui.marketing.report_view import ReportView
from ui.settings import NUMBER_LOCALE, write_option
from ui.view_context import ViewContext


def lead_sources(qtbot, crm: CrmFixture, context: ViewContext) -> ReportView:
    view = ReportView(context)
    qtbot.addWidget(view)
    view.select_report("lead-sources")
    start = crm.day(-29)
    view.from_edit.setDate(QDate(start.year, start.month, start.day))
    view.run_report()
    qtbot.waitUntil(lambda: view.result is not None)
    return view


def objections(qtbot, crm: CrmFixture, context: ViewContext) -> ReportView:
    """The objections report, chosen after lead sources (its figures must not stay)."""
    view = lead_sources(qtbot, crm, context)
    view.select_report("objections")
    view.run_report()
    qtbot.waitUntil(lambda: view.result is not None and view.result.name == "objections")
    return view


def test_running_a_report_fills_the_table(qtbot, crm: CrmFixture, marketer: ViewContext) -> None:
    view = lead_sources(qtbot, crm, marketer)
    assert view.model.rowCount() == 3
    assert view.model.index(0, 5).data() == "€10,000.00"  # every deal in the company's euros
    # An enquiry source is what people typed: shown as written, never titled.
    sources = {view.model.index(row, 0).data() for row in range(view.model.rowCount())}
    assert "webinar" in sources


def test_amounts_in_several_currencies_are_shown_without_a_symbol(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    unit_of_work.update(
        crm.store, Actor.system(), "opportunity", crm.ids["o5"], {"currency": "USD"}
    )
    view = lead_sources(qtbot, crm, marketer)
    # Reports add amounts as they are: no currency would be true of the sum.
    assert view.model.index(0, 5).data() == "10,000.00"


def test_running_a_report_draws_its_chart(qtbot, crm: CrmFixture, marketer: ViewContext) -> None:
    view = lead_sources(qtbot, crm, marketer)
    (series,) = view.chart.chart().series()
    assert isinstance(series, QAbstractBarSeries)
    assert [bar_set.label() for bar_set in series.barSets()] == [
        "Leads",
        "Opportunities",
        "Won deals",
    ]


def test_double_clicking_a_row_opens_the_records_behind_it(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    with qtbot.waitSignal(view.drilled) as drilled:
        view.table.doubleClicked.emit(view.model.index(0, 0))
    assert drilled.args[0].total == 2  # the two webinar leads
    assert view.drill_dialog is not None
    assert view.drill_dialog.table.rowCount() == 2


def test_clicking_a_bar_drills_down_to_its_row(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    (series,) = view.chart.chart().series()
    assert isinstance(series, QAbstractBarSeries)
    with qtbot.waitSignal(view.drilled) as drilled:
        series.barSets()[0].clicked.emit(1)  # second bar: the trade show lead
    assert drilled.args[0].total == 1


def test_objections_bars_drill_into_every_stage(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = objections(qtbot, crm, marketer)
    assert view.result is not None
    assert view.result.chart.drill_keys[0] == ("price", ANY)


def test_csv_export_writes_the_rows(
    qtbot, crm: CrmFixture, marketer: ViewContext, tmp_path: Path
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    target = tmp_path / "sources.csv"
    view.export_to(target, "csv")
    qtbot.waitUntil(lambda: view.status.text() == "Exported 3 rows.")
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 4


def test_pdf_export_writes_a_pdf_with_table_and_chart(
    qtbot, crm: CrmFixture, marketer: ViewContext, tmp_path: Path
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    target = tmp_path / "sources.pdf"
    view.export_to(target, "pdf")
    assert target.read_bytes().startswith(b"%PDF")
    assert view.progress.isHidden()


def test_report_table_model_passes_the_model_tester(
    qtbot, qtmodeltester, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    model = ReportTableModel()
    model.set_result(view.result)
    qtmodeltester.check(model)


def test_the_marketing_page_is_in_a_marketers_main_window(qtbot, marketer: ViewContext) -> None:
    from ui.main_window import MainWindow
    from ui.marketing.marketing_view import MarketingView

    window = MainWindow(marketer)
    qtbot.addWidget(window)
    pages = [window.page(i) for i in range(window.pages.count())]
    assert any(isinstance(page, MarketingView) for page in pages)


def test_the_view_states_the_funnel_contract_version_measured_under(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    agree_live_terms(marketer.session.store, date(2000, 1, 1))
    view = lead_sources(qtbot, crm, marketer)
    assert "funnel contract version 1 (agreed 2000-01-01)" in view.notes.text()


def test_the_page_opens_with_a_hint_not_a_blank(qtbot, marketer: ViewContext) -> None:
    view = ReportView(marketer)
    qtbot.addWidget(view)
    view.show()
    assert view.result is None and view.empty_hint.isVisible()
    assert "press Run" in view.empty_hint.text()


def test_choosing_another_report_never_keeps_the_old_figures(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    view.show()
    old = view.result
    # The user picks the next report with the keyboard: it runs at once.
    view.report_box.setFocus()
    qtbot.keyClick(view.report_box, Qt.Key.Key_Down)
    assert view.report_name() != "lead-sources"
    qtbot.waitUntil(lambda: view.result is not None and view.result is not old)
    assert view.result.name == view.report_name()
    # Chosen in code, a report clears what was shown and says what to do.
    view.select_report("lead-sources")
    assert view.result is None and view.model.rowCount() == 0
    assert view.empty_hint.isVisible() and not view.chart.isVisible()


def test_the_drill_down_closes_with_escape_and_opens_a_record(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    with qtbot.waitSignal(view.drilled):
        view.table.doubleClicked.emit(view.model.index(0, 0))
    dialog = view.drill_dialog
    assert dialog is not None and dialog.open_button.isEnabled()
    dialog.table.selectRow(0)
    dialog.open_button.click()
    assert view.record_dialog is not None and view.record_dialog.isVisible()
    view.record_dialog.close()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_new_result_closes_the_old_drill_down(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = lead_sources(qtbot, crm, marketer)
    with qtbot.waitSignal(view.drilled):
        view.table.doubleClicked.emit(view.model.index(0, 0))
    dialog = view.drill_dialog
    assert dialog is not None and dialog.isVisible()
    view.select_report("objections")
    assert not dialog.isVisible() and view.drill_dialog is None


def test_chart_values_read_in_the_users_locale_not_as_raw_numbers(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    write_option(NUMBER_LOCALE, "en_US")
    view = ReportView(marketer)
    qtbot.addWidget(view)
    view.select_report("campaign-roi")
    view.run_report()
    qtbot.waitUntil(lambda: view.result is not None)
    (axis,) = [a for a in view.chart.chart().axes() if isinstance(a, QCategoryAxis)]
    labels = axis.categoriesLabels()
    assert labels
    # "10,000" in the chosen number style, never "10000".
    assert any("," in label for label in labels), labels
    assert not any(label.isdigit() and len(label) > 3 for label in labels), labels


def test_objections_read_as_words_in_table_chart_and_axis(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    view = objections(qtbot, crm, marketer)
    assert view.model.index(0, 0).data() == "Price"  # stored as "price"
    (bars,) = [a for a in view.chart.chart().axes() if isinstance(a, QBarCategoryAxis)]
    assert "Price" in bars.categories()
    (values,) = [a for a in view.chart.chart().axes() if isinstance(a, QCategoryAxis)]
    assert values.titleText() == "Count"  # the core's "count"
