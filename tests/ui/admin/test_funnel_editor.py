"""The funnel editor: stage rules are enforced, and the order it saves is the stored order."""

from __future__ import annotations

from contactdesk.services import funnel
from ui.admin.funnel_editor import FunnelEditor


def test_a_stage_without_a_name_is_refused_with_a_message(qtbot, store, admin_context) -> None:
    editor = FunnelEditor(admin_context)
    qtbot.addWidget(editor)
    before = [stage.name for stage in funnel.list_stages(store)]
    editor.name_input.clear()
    editor.add_button.click()
    assert not editor.name_error.isHidden()
    assert "needs a name" in editor.name_error.text()
    assert [stage.name for stage in funnel.list_stages(store)] == before


def test_moving_a_stage_down_persists_the_new_order(qtbot, store, admin_context) -> None:
    editor = FunnelEditor(admin_context)
    qtbot.addWidget(editor)
    editor.select_stage("Discovery")
    editor.down_button.click()
    names = [stage.name for stage in funnel.list_stages(store)]
    assert names[:3] == ["Qualified", "Proposal", "Discovery"]
    assert editor.stage_names() == names


def test_an_added_stage_has_the_entered_probability_and_team(qtbot, store, admin_context) -> None:
    editor = FunnelEditor(admin_context)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name_input, "Pilot")
    editor.probability_input.setValue(60)
    editor.team_input.setCurrentIndex(editor.team_input.findData("sales"))
    editor.add_button.click()
    pilot = next(stage for stage in funnel.list_stages(store) if stage.name == "Pilot")
    assert (pilot.probability, pilot.owner_team) == (0.6, "sales")
