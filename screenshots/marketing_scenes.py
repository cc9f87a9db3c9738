"""Screenshot scenes of the marketing view, for ``python -m screenshots``.

``screenshots.scene_registry`` merges ``MARKETING_SCENES`` into its registry.
Scenes take the screenshot script's SceneContext (typed structurally, so this
module does not import the script and register into a second copy of it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from contactdesk.segments.segment_definition import RelatedCondition
from ui.marketing.marketing_view import MarketingView
from ui.marketing.report_table_model import RowKeyRole
from ui.style import lay_out_page
from ui.view_context import ViewContext

SCENE_SIZE = (1280, 800)
# Views a scene's dialog belongs to, kept alive until the script ends.
_KEEP: list[QWidget] = []


class SceneContextLike(Protocol):
    def view_context(self, role: str) -> ViewContext: ...

    def settle(self, until: Callable[[], bool] | None = None, timeout_ms: int = 10_000) -> None: ...


def _marketing(context: SceneContextLike) -> MarketingView:
    view = MarketingView(context.view_context("marketing"))
    lay_out_page(view)  # as the main window lays out its pages
    view.resize(*SCENE_SIZE)
    view.show()
    context.settle(lambda: view.segments.root is not None)
    return view


def segment_builder(context: SceneContextLike) -> QWidget:
    """Healthcare/finance buyers with recent activity: their count, list and breakdown.

    The industry is typed in lower case, as people do: text conditions ignore case.
    """
    view = _marketing(context)
    view.tabs.setCurrentWidget(view.segments)
    root = view.segments.root
    assert root is not None
    industry = root.add_condition().select("account.industry", "eq")
    if industry is not None:
        industry.set_value("healthcare")
    either = root.add_group()
    either.set_match("any")
    for title in ("CFO", "Finance Director"):
        editor = either.add_condition().select("title", "eq")
        if editor is not None:
            editor.set_value(title)
    recent = root.add_condition().select(RelatedCondition("activity_within_days").related)
    if recent is not None:
        recent.set_value(90)
    view.segments.breakdown_box.setCurrentIndex(view.segments.breakdown_box.findData("title"))
    view.segments.count_now()
    segments = view.segments
    # Settled once counted and the first page of its contacts is listed (if any match).
    context.settle(
        lambda: segments.last_summary is not None
        and segments.members.rowCount() >= min(segments.last_summary.count, 1)
    )
    return view


def _report(name: str) -> Callable[[SceneContextLike], QWidget]:
    def build(context: SceneContextLike) -> QWidget:
        view = _marketing(context)
        view.reports.select_report(name)
        view.reports.run_report()
        context.settle(lambda: view.reports.result is not None)
        return view

    return build


def drill_down(context: SceneContextLike) -> QWidget:
    """The records behind the dashboard's first row, over the report (Escape closes it)."""
    view = _marketing(context)
    view.reports.select_report("dashboard")
    view.reports.run_report()
    context.settle(lambda: view.reports.result is not None)
    view.reports.drill_down(view.reports.model.index(0, 0).data(RowKeyRole))
    context.settle(lambda: view.reports.drill_dialog is not None)
    dialog = view.reports.drill_dialog
    assert dialog is not None
    dialog.table.selectRow(0)
    _KEEP.append(view)  # the report page owns the dialog; it must outlive the grab
    return dialog


MARKETING_SCENES: dict[str, Callable[[SceneContextLike], QWidget]] = {
    "marketing_segment_builder": segment_builder,
    "report_dashboard": _report("dashboard"),
    "report_lead_sources": _report("lead-sources"),
    "report_campaign_roi": _report("campaign-roi"),
    "report_forecast": _report("forecast"),
    "report_handoff": _report("handoff"),
    "report_objections": _report("objections"),
    "report_drill_down": drill_down,
}
