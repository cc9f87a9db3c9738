"""Turning a report's ChartSpec into a QtCharts chart whose bars drill down when clicked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter

from contactdesk.reports.report_result import ChartSpec, RowKey
from ui.core_text import core_text
from ui.enum_titles import stored_word_title
from ui.locale_formats import format_number

# Long category names read better as horizontal bars than as rotated labels.
HORIZONTAL_WHEN_LONGER_THAN = 14


def build_chart(spec: ChartSpec, on_bar: Callable[[RowKey], None] | None = None) -> QChart:
    """A bar chart (stacked when the spec says so); clicking a bar calls ``on_bar(key)``."""
    chart = QChart()
    chart.setTitle(core_text(spec.title))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    horizontal = any(len(c) > HORIZONTAL_WHEN_LONGER_THAN for c in spec.categories)
    stacked = spec.kind == "stacked_bar"
    series: QAbstractBarSeries
    if horizontal:
        series = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    else:
        series = QStackedBarSeries() if stacked else QBarSeries()
    for data in spec.series:
        bar_set = QBarSet(core_text(data.name))
        bar_set.append(list(data.values))
        if on_bar is not None and spec.drill_keys:
            bar_set.clicked.connect(lambda index: _drill(spec, index, on_bar))
        series.append(bar_set)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([stored_word_title(category) for category in spec.categories])
    values = QValueAxis()
    values.setLabelFormat("%.0f")
    axis_title = core_text(spec.value_label)  # the core's "count", "revenue"
    values.setTitleText(axis_title[:1].upper() + axis_title[1:])
    category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, category_side)
    chart.addAxis(values, value_side)
    series.attachAxis(categories)
    series.attachAxis(values)
    values.applyNiceNumbers()
    # Qt's value axis prints "1500000"; the same ticks as labels in the user's locale.
    labelled = _locale_axis(values)
    chart.removeAxis(values)
    chart.addAxis(labelled, value_side)
    series.attachAxis(labelled)
    if not spec.categories:
        chart.setTitle(
            QCoreApplication.translate("ReportChart", "%1 (no data)").replace(
                "%1", core_text(spec.title)
            )
        )
    return chart


def _locale_axis(values: QValueAxis) -> QCategoryAxis:
    """An axis with ``values``' range, title and ticks, labelled "1,500,000" (by locale)."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setTitleText(values.titleText())
    low, high, ticks = values.min(), values.max(), max(values.tickCount(), 2)
    axis.setRange(low, high)
    decimals = 0 if high - low >= ticks else 2
    for step in range(ticks):
        value = low + (high - low) * step / (ticks - 1)
        axis.append(format_number(value, decimals), value)
    return axis


def _drill(spec: ChartSpec, index: int, on_bar: Callable[[RowKey], None]) -> None:
    if 0 <= index < len(spec.drill_keys):
        on_bar(spec.drill_keys[index])


def chart_view() -> QChartView:
    view = QChartView()
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view
