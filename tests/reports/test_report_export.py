"""Report results written to CSV and XLSX keep every row and the typed values."""

from __future__ import annotations

import csv
from pathlib import Path

from crm_fixture import CrmFixture
from openpyxl import load_workbook

from contactdesk.reports.report_export import export_report, report_as_data
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import run_report
from contactdesk.reports.report_result import ReportResult
from contactdesk.services.actor import Actor


def lead_sources(crm: CrmFixture) -> ReportResult:
    params = ReportParams(crm.day(-29), crm.today)
    return run_report(crm.store, Actor.for_role("marketing"), "lead-sources", params)


def test_csv_export_has_a_header_and_one_line_per_row(crm: CrmFixture, tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    written = export_report(lead_sources(crm), path, "csv")
    with path.open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    assert written == 3
    assert lines[0][:3] == ["Enquiry source", "Campaign", "Leads"]
    assert lines[1][:3] == ["webinar", "Spring Webinar", "2"]


def test_xlsx_export_keeps_numbers_as_numbers(crm: CrmFixture, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    export_report(lead_sources(crm), path, "xlsx")
    sheet = load_workbook(path).active
    assert sheet.cell(row=3, column=3).value == 2
    assert sheet.cell(row=3, column=6).value == 10000


def test_export_reports_progress_up_to_the_row_count(crm: CrmFixture, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_report(lead_sources(crm), tmp_path / "r.csv", "csv", lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)


def test_json_data_names_report_range_and_rows(crm: CrmFixture) -> None:
    data = report_as_data(lead_sources(crm))
    assert data["report"] == "lead-sources"
    assert data["rows"][0]["won_revenue"] == 10000.0
