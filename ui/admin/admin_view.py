"""The admin view: one tab per thing an admin decides. Registered for the admin role."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.admin.capability_editor import CapabilityEditor
from ui.admin.company_settings_page import CompanySettingsPage
from ui.admin.custom_field_editor import CustomFieldEditor
from ui.admin.funnel_editor import FunnelEditor
from ui.admin.people_page import PeoplePage
from ui.admin.role_preview import RolePreview
from ui.admin.rule_matrix_editor import RuleMatrixEditor
from ui.view_context import ViewContext


class AdminView(QWidget):
    """Field rules, custom fields, people and roles, funnel, company settings, preview as role."""

    def __init__(self, context: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = RuleMatrixEditor(context)
        self.custom_fields = CustomFieldEditor(context)
        self.people = PeoplePage(context)
        self.capabilities = CapabilityEditor(context)
        self.funnel = FunnelEditor(context)
        self.company_settings = CompanySettingsPage(context)
        self.preview = RolePreview(context)
        self.pages = QTabWidget()
        self.pages.addTab(self.rules, self.tr("Field rules"))
        self.pages.addTab(self.custom_fields, self.tr("Custom fields"))
        self.pages.addTab(self.people, self.tr("Users and roles"))
        self.pages.addTab(self.capabilities, self.tr("Capabilities"))
        self.pages.addTab(self.funnel, self.tr("Funnel"))
        self.pages.addTab(self.company_settings, self.tr("Hand-off and goal"))
        self.pages.addTab(self.preview, self.tr("Preview as role"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
