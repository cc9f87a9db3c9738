"""The segment builder: conditions, nested groups, the live count, save and reopen."""

from __future__ import annotations

from crm_fixture import CrmFixture

from contactdesk.segments.saved_segments import list_segments
from contactdesk.segments.segment_definition import FieldCondition, Group
from contactdesk.services.actor import Actor
from contactdesk.services.rule_admin import set_rule
from ui.marketing.segment_builder_view import SegmentBuilderView
from ui.view_context import ViewContext


def ready_builder(qtbot, context: ViewContext) -> SegmentBuilderView:
    builder = SegmentBuilderView(context)
    qtbot.addWidget(builder)
    qtbot.waitUntil(lambda: builder.last_summary is not None)
    return builder


def test_the_count_starts_at_every_contact(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.count_label.text() == "4 contacts"


def test_adding_a_condition_updates_the_count(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("title", "eq")
    assert value is not None
    value.set_value("CFO")
    qtbot.waitUntil(lambda: builder.count_label.text() == "2 contacts")


def test_a_custom_field_is_offered_and_counted(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("loyalty", "ge")
    assert value is not None
    value.set_value(5)
    qtbot.waitUntil(lambda: builder.count_label.text() == "2 contacts")  # Ann 5, Cara 8


def test_a_nested_group_becomes_a_nested_definition(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    group = builder.root.add_group()
    group.set_match("any")
    for title in ("CFO", "CTO"):
        value = group.add_condition().select("title", "eq")
        assert value is not None
        value.set_value(title)
    expected = Group(
        "any", (FieldCondition("title", "eq", "CFO"), FieldCondition("title", "eq", "CTO"))
    )
    assert builder.definition().root.items == (expected,)
    qtbot.waitUntil(lambda: builder.count_label.text() == "3 contacts")


def test_a_hidden_field_is_not_offered(qtbot, crm: CrmFixture, marketer: ViewContext) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.title", "hidden")
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    picker = builder.root.add_condition().field_box
    assert picker.findData("title") == -1
    assert picker.findData("loyalty") >= 0


def test_saving_stores_the_segment_under_its_name(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("title", "eq")
    assert value is not None
    value.set_value("CFO")
    builder.name_edit.setText("CFOs")
    with qtbot.waitSignal(builder.segments_changed):
        builder.save()
    assert [segment.name for segment in list_segments(crm.store)] == ["CFOs"]


def test_reopening_a_saved_segment_rebuilds_its_conditions(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("title", "eq")
    assert value is not None
    value.set_value("CFO")
    saved_definition = builder.definition()
    builder.name_edit.setText("CFOs")
    with qtbot.waitSignal(builder.segments_changed):
        builder.save()
    builder.new_segment()
    assert builder.definition().is_empty()
    builder.saved_box.setCurrentIndex(builder.saved_box.findText("CFOs"))
    builder.saved_box.activated.emit(builder.saved_box.currentIndex())
    assert builder.definition() == saved_definition


def test_a_condition_left_blank_does_not_filter(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    builder.root.add_condition().select("title", "eq")
    assert builder.definition().is_empty()
