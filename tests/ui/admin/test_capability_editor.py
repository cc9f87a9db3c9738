"""The Capabilities page: ticking a box grants a role that capability, through the service."""

from __future__ import annotations

from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import capabilities_of
from contactdesk.services.rule_admin import add_role
from ui.admin.admin_view import AdminView
from ui.admin.capability_editor import CapabilityEditor


def test_ticking_a_box_grants_the_role_that_capability(qtbot, store, admin_context) -> None:
    add_role(store, Actor.system(), "partner")
    page = CapabilityEditor(admin_context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: ("partner", "export") in page.boxes)
    assert not page.boxes[("partner", "export")].isChecked()
    page.boxes[("partner", "export")].click()
    qtbot.waitUntil(lambda: "export" in capabilities_of(store, Actor.for_role("partner")))
    assert capabilities_of(store, Actor.for_role("partner")) == {"export"}


def test_the_last_administering_role_keeps_its_box_and_says_why(
    qtbot, store, admin_context
) -> None:
    page = CapabilityEditor(admin_context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: ("admin", "administer") in page.boxes)
    page.boxes[("admin", "administer")].click()
    qtbot.waitUntil(lambda: not page.error.isHidden())
    assert "last role that may administer" in page.error.text()
    assert "administer" in capabilities_of(store, Actor.system())


def test_the_admin_view_has_a_capabilities_page(qtbot, admin_context) -> None:
    view = AdminView(admin_context)
    qtbot.addWidget(view)
    titles = [view.pages.tabText(i) for i in range(view.pages.count())]
    assert "Capabilities" in titles
