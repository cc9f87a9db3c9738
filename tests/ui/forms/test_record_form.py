"""The generated record form: fields and inputs follow the role's rules and the field types."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from contactdesk.services import custom_fields, directory, rule_admin
from contactdesk.services.actor import Actor
from contactdesk.services.record_queries import get_record


def test_a_hidden_field_is_not_in_the_form(store, contact_form_for) -> None:
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.mobile", "hidden")
    form = contact_form_for("rita")
    assert "mobile" not in form.field_names()
    assert "email" in form.field_names()


def test_a_read_only_field_is_shown_but_not_editable(store, contact_form_for) -> None:
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.title", "read")
    form = contact_form_for("rita")
    title = form.editors["title"].input_widget()
    assert isinstance(title, QLineEdit)
    assert "title" in form.field_names()
    assert title.isReadOnly()
    assert form.editors["email"].input_widget().isReadOnly() is False


def test_a_read_only_field_is_not_sent_when_saving(store, contact_form_for) -> None:
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.title", "read")
    form = contact_form_for("rita")
    form.editors["title"].edited.emit()  # even if the widget reported an edit
    assert "title" not in form.changed_values()


def test_saving_writes_the_changed_field(store, contact_form_for, qtbot) -> None:
    form = contact_form_for("rita")
    line = form.editors["city"].input_widget()
    line.clear()
    qtbot.keyClicks(line, "Leeds")
    with qtbot.waitSignal(form.saved):
        form.save()
    actor = directory.find_user(store, "rita").actor()
    assert get_record(store, actor, "contact", form.record_id)["city"] == "Leeds"


def test_a_refused_value_is_explained_beside_its_field_and_kept(
    store, contact_form_for, qtbot
) -> None:
    form = contact_form_for("rita")
    line = form.editors["email"].input_widget()
    line.clear()
    qtbot.keyClicks(line, "not-an-address")
    form.save()
    error = form.field_errors["email"]
    assert not error.isHidden()
    assert "not a valid email address" in error.text()
    assert line.text() == "not-an-address"


def test_a_custom_choice_field_gets_a_combo_of_its_choices(store, contact_form_for) -> None:
    custom_fields.add_custom_field(
        store, Actor.system(), "contact", "tier", "choice", choices=["Gold", "Silver"]
    )
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.tier", "edit")
    combo = contact_form_for("rita").editors["tier"].input_widget()
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Gold", "Silver"]


def test_a_custom_multi_choice_value_round_trips(store, contact_form_for, qtbot) -> None:
    custom_fields.add_custom_field(
        store, Actor.system(), "contact", "interests", "multi_choice", choices=["A", "B", "C"]
    )
    rule_admin.set_rule(store, Actor.system(), "sales", "contact.interests", "edit")
    form = contact_form_for("rita")
    form.editors["interests"].set_value(["A", "C"])
    form.editors["interests"].edited.emit()
    with qtbot.waitSignal(form.saved):
        form.save()
    # Held in a name: qtbot keeps only a weak reference, and a collected form takes its editors.
    reopened = contact_form_for("rita")
    assert reopened.editors["interests"].value() == ["A", "C"]
