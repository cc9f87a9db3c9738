"""Screenshot scenes of the admin view, for ``screenshots`` (which adds ``ADMIN_SCENES``).

Each scene opens the admin's main window on one admin page. None of them
changes the store: the custom-field scene shows a refused entry, not a saved one.
``python -m screenshots --scene admin_rule_matrix`` renders one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ui.admin.admin_view import AdminView
from ui.admin.preview_surfaces import ContactFormPreview

if TYPE_CHECKING:
    from screenshots.scene_context import SceneContext
    from ui.main_window import MainWindow

PREVIEW_ROLE = "sales"


def _admin_page(context: SceneContext, choose: Callable[[AdminView], QWidget]) -> MainWindow:
    window = context.main_window("admin")
    window.show()
    for index in range(window.pages.count()):
        page = window.page(index)
        if isinstance(page, AdminView):
            window.pages.setCurrentIndex(index)
            page.show_page(choose(page))
            return window
    raise SystemExit("the admin's window has no admin view")


def rule_matrix(context: SceneContext) -> QWidget:
    window = _admin_page(context, lambda view: view.rules)
    context.settle()
    return window


def _remembered(
    holder: list[AdminView], page: Callable[[AdminView], QWidget]
) -> Callable[[AdminView], QWidget]:
    """``page``, noting the admin view it was taken from in ``holder``."""

    def pick(view: AdminView) -> QWidget:
        holder.append(view)
        return page(view)

    return pick


def custom_fields(context: SceneContext) -> QWidget:
    holder: list[AdminView] = []
    window = _admin_page(context, _remembered(holder, lambda view: view.custom_fields))
    editor = holder[0].custom_fields
    context.settle()
    # A choice field without choices: the refusal shown beside the input, nothing stored.
    editor.name_input.setText("customer_tier")
    editor.label_input.setText("Customer tier")
    editor.type_input.setCurrentIndex(editor.type_input.findData("choice"))
    editor.add_field()
    context.settle(lambda: not editor.add_errors["field.choices"].isHidden())
    return window


def funnel(context: SceneContext) -> QWidget:
    holder: list[AdminView] = []
    window = _admin_page(context, _remembered(holder, lambda view: view.funnel))
    editor = holder[0].funnel
    context.settle(lambda: bool(editor.stage_names()))
    editor.select_stage(editor.stage_names()[1])
    return window


def preview_as_role(context: SceneContext) -> QWidget:
    holder: list[AdminView] = []
    window = _admin_page(context, _remembered(holder, lambda view: view.preview))
    preview = holder[0].preview
    context.settle(lambda: preview.role_input.count() > 0)
    preview.show_role(PREVIEW_ROLE)

    def form_shown() -> bool:
        surface = preview.surface(0)
        return isinstance(surface, ContactFormPreview) and bool(surface.field_names())

    context.settle(form_shown)
    return window


ADMIN_SCENES: dict[str, Callable[[SceneContext], QWidget]] = {
    "admin_rule_matrix": rule_matrix,
    "admin_custom_fields": custom_fields,
    "admin_funnel": funnel,
    "admin_preview_as_role": preview_as_role,
}
