"""Printing a report (title, chart picture, table) to PDF with QPdfWriter.

Runs on the UI thread (it paints), page by page, reporting progress so the
view can show a bar and keep repainting between pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from contactdesk.reports.cell_text import cell_text
from contactdesk.reports.report_result import ReportResult
from ui.core_text import core_text
from ui.enum_titles import report_cell_title
from ui.locale_formats import number_locale

Progress = Callable[[int, int], None]
DPI = 300
ROW_HEIGHT = 70
MARGIN_MM = 12


def write_report_pdf(
    result: ReportResult, chart: QImage | None, path: Path, progress: Progress | None = None
) -> int:
    """Write ``result`` (and the chart picture) to ``path``; returns the pages written."""
    locale = number_locale().name()  # as the report's table on screen
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM))
    writer.setTitle(result.title)
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(DPI)
    width, height = page.width(), page.height()
    painter.setFont(QFont("Sans", 14, QFont.Weight.Bold))
    painter.drawText(
        QRectF(0, 0, width, 90), f"{result.title}  {result.date_from} – {result.date_to}"
    )
    top = 110.0
    if chart is not None and not chart.isNull():
        scaled = chart.scaled(
            width,
            int(height * 0.45),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage(0, int(top), scaled)
        top += scaled.height() + 40
    columns = result.columns
    column_width = width / max(len(columns), 1)
    pages, total = 1, len(result.rows)

    def header(y: float) -> float:
        painter.setFont(QFont("Sans", 8, QFont.Weight.Bold))
        for index, column in enumerate(columns):
            painter.drawText(
                QRectF(index * column_width, y, column_width - 10, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                core_text(column.label),
            )
        painter.setFont(QFont("Sans", 8))
        return y + ROW_HEIGHT

    y = header(top)
    for done, row in enumerate(result.rows, start=1):
        if y + ROW_HEIGHT > height:
            writer.newPage()
            pages += 1
            y = header(0.0)
            if progress is not None:
                progress(done, total)
        for index, column in enumerate(columns):
            value = row.get(column.key)
            if isinstance(value, str):  # as the window shows it: "Price", not ``price``
                text = core_text(report_cell_title(column.key, value))
            else:
                text = cell_text(column, value, locale, result.currency)
            painter.drawText(
                QRectF(index * column_width, y, column_width - 10, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text[:80],
            )
        y += ROW_HEIGHT
    painter.end()
    if progress is not None:
        progress(total, total)
    return pages
