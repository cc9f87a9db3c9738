"""The marketing page of the main window: the segment builder and the reports, as tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.marketing.report_view import ReportView
from ui.marketing.segment_builder_view import SegmentBuilderView
from ui.view_context import ViewContext


class MarketingView(QWidget):
    """Segments and reports; a segment saved in one tab appears in the other's picker."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments = SegmentBuilderView(context)
        self.reports = ReportView(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.tabs.addTab(self.segments, self.tr("Segments"))
        self.segments.segments_changed.connect(self.reports.reload_segments)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
