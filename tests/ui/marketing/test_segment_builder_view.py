"""The segment builder: conditions, groups, the live count and its contacts, save, reopen."""

from __future__ import annotations

from crm_fixture import CrmFixture
from PySide6.QtCore import Qt

from contactdesk.segments.saved_segments import list_segments
from contactdesk.segments.segment_definition import FieldCondition, Group
from contactdesk.services.actor import Actor
from contactdesk.services.rule_admin import set_rule
from ui.marketing.segment_builder_view import SegmentBuilderView
from ui.marketing.value_editors import KnownTextValue
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


def test_is_on_free_text_ignores_case(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("title", "eq")
    assert isinstance(value, KnownTextValue)
    qtbot.keyClicks(value.edit, "cfo")
    qtbot.waitUntil(lambda: builder.count_label.text() == "2 contacts")


def test_the_value_picker_lists_the_fields_known_values(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("account.industry", "eq")
    assert isinstance(value, KnownTextValue) and value.combo is not None
    combo = value.combo
    qtbot.waitUntil(lambda: combo.count() == 2)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Healthcare", "Retail"]
    assert value.value() == ""  # offering values picks none
    combo.setCurrentIndex(combo.findText("Retail"))
    qtbot.waitUntil(lambda: builder.count_label.text() == "2 contacts")  # Cara, Dan


def test_is_one_of_adds_picked_values_to_the_list(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    value = builder.root.add_condition().select("title", "in")
    assert isinstance(value, KnownTextValue) and value.pick_button is not None
    button = value.pick_button
    qtbot.waitUntil(button.isEnabled)
    menu = button.menu()
    assert [action.text() for action in menu.actions()] == ["Buyer", "CFO", "CTO"]
    for action in menu.actions():
        if action.text() in ("CFO", "Buyer"):
            action.trigger()
    assert value.value() == ["Buyer", "CFO"]
    qtbot.waitUntil(lambda: builder.count_label.text() == "3 contacts")


def test_the_matching_contacts_are_listed_under_the_count(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert builder.root is not None
    qtbot.waitUntil(lambda: builder.members.rowCount() == 4)
    value = builder.root.add_condition().select("title", "eq")
    assert value is not None
    value.set_value("cfo")
    qtbot.waitUntil(lambda: builder.count_label.text() == "2 contacts")
    qtbot.waitUntil(lambda: builder.members.rowCount() == 2 and not builder.members.has_more())
    names = [builder.members.index(row, 0).data() for row in range(builder.members.rowCount())]
    assert names == ["Ann Archer", "Cara Cole"]
    assert builder.last_summary is not None
    assert builder.members.rowCount() == builder.last_summary.count


def test_a_listed_contact_opens_in_its_form(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    qtbot.waitUntil(lambda: builder.members.rowCount() == 4)
    builder.member_table.doubleClicked.emit(builder.members.index(0, 0))
    assert builder.record_dialog is not None
    qtbot.addWidget(builder.record_dialog)
    assert builder.record_dialog.isVisible()


def test_a_hidden_field_has_no_column_in_the_list(
    qtbot, crm: CrmFixture, marketer: ViewContext
) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.email", "hidden")
    builder = ready_builder(qtbot, marketer)
    qtbot.waitUntil(lambda: builder.members.rowCount() == 4)
    headers = [
        builder.members.headerData(column, Qt.Orientation.Horizontal)
        for column in range(builder.members.columnCount())
        if not builder.member_table.isColumnHidden(column)
    ]
    assert headers == ["Name", "Title", "Company"]


def test_delete_is_offered_only_for_a_saved_segment(qtbot, marketer: ViewContext) -> None:
    builder = ready_builder(qtbot, marketer)
    assert not builder.delete_button.isEnabled()
    builder.name_edit.setText("Everyone")
    with qtbot.waitSignal(builder.segments_changed):
        builder.save()
    assert builder.delete_button.isEnabled()
    builder.new_segment()
    assert not builder.delete_button.isEnabled()
