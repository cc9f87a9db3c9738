"""The marketing page of the main window: reports, segments and field intelligence, as tabs.

Field intelligence is the ``field-intel`` report in a tab of its own: what sales
heard (competitor mentions, objections, market notes) and the deals lost to each
competitor, by period, segment and territory, with the text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.marketing.report_view import ReportView
from ui.marketing.segment_builder_view import SegmentBuilderView
from ui.view_context import ViewContext

FIELD_INTEL_REPORT = "field-intel"


class MarketingView(QWidget):
    """Segments and reports; a segment saved in one tab appears in the other's picker."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments = SegmentBuilderView(context)
        self.reports = ReportView(context)
        self.field_intel = ReportView(context)
        self.field_intel.select_report(FIELD_INTEL_REPORT)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.segments, self.tr("Segments"))
        self.tabs.addTab(self.field_intel, self.tr("Field intelligence"))
        self.segments.segments_changed.connect(self.reports.reload_segments)
        self.segments.segments_changed.connect(self.field_intel.reload_segments)
        self.tabs.currentChanged.connect(self._on_tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _on_tab_shown(self, index: int) -> None:
        # Field intelligence runs when first shown: opening the page should not wait on it.
        if self.tabs.widget(index) is self.field_intel and self.field_intel.result is None:
            self.field_intel.run_report()
