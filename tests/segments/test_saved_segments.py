"""Saved segments are named, reopened, edited, deleted, logged for sync, and exported."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from crm_fixture import CrmFixture
from openpyxl import load_workbook
from sqlalchemy import select

from contactdesk.errors import AccessDenied, NotFound, ValidationError
from contactdesk.model import ChangeLog
from contactdesk.segments.saved_segments import (
    delete_segment,
    list_segments,
    open_segment,
    save_segment,
)
from contactdesk.segments.segment_definition import FieldCondition, all_of
from contactdesk.segments.segment_export import export_segment
from contactdesk.services.actor import Actor
from contactdesk.services.rule_admin import set_rule

MARKETING = Actor.for_role("marketing")
CFOS = all_of(FieldCondition("title", "eq", "CFO"))


def test_a_saved_segment_reopens_by_name_with_its_definition(crm: CrmFixture) -> None:
    save_segment(crm.store, MARKETING, "CFOs", CFOS)
    assert open_segment(crm.store, "CFOs").definition == CFOS


def test_saving_again_under_the_id_edits_name_and_definition(crm: CrmFixture) -> None:
    segment_id = save_segment(crm.store, MARKETING, "CFOs", CFOS)
    ctos = all_of(FieldCondition("title", "eq", "CTO"))
    save_segment(crm.store, MARKETING, "CTOs", ctos, segment_id=segment_id)
    assert [(s.name, s.definition) for s in list_segments(crm.store)] == [("CTOs", ctos)]


def test_a_second_segment_may_not_take_a_used_name(crm: CrmFixture) -> None:
    save_segment(crm.store, MARKETING, "CFOs", CFOS)
    with pytest.raises(ValidationError, match="exists"):
        save_segment(crm.store, MARKETING, "CFOs", CFOS)


def test_a_segment_using_a_hidden_field_is_not_saved(crm: CrmFixture) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.title", "hidden")
    with pytest.raises(AccessDenied):
        save_segment(crm.store, MARKETING, "CFOs", CFOS)
    assert list_segments(crm.store) == []


def test_sales_may_not_save_segments(crm: CrmFixture) -> None:
    with pytest.raises(AccessDenied):
        save_segment(crm.store, Actor.for_role("sales"), "Mine", CFOS)


def test_deleting_a_segment_forgets_it(crm: CrmFixture) -> None:
    segment_id = save_segment(crm.store, MARKETING, "CFOs", CFOS)
    delete_segment(crm.store, MARKETING, segment_id)
    with pytest.raises(NotFound, match="segments: none"):
        open_segment(crm.store, "CFOs")


def test_every_segment_write_is_in_the_change_log(crm: CrmFixture) -> None:
    segment_id = save_segment(crm.store, MARKETING, "CFOs", CFOS)
    save_segment(crm.store, MARKETING, "CFO list", CFOS, segment_id=segment_id)
    delete_segment(crm.store, MARKETING, segment_id)
    with crm.store.reading() as session:
        ops = list(
            session.scalars(
                select(ChangeLog.op).where(ChangeLog.entity == "segment").order_by(ChangeLog.seq)
            )
        )
    assert ops == ["create", "update", "delete"]


def test_csv_export_writes_one_line_per_member(crm: CrmFixture, tmp_path: Path) -> None:
    path = tmp_path / "cfos.csv"
    written = export_segment(crm.store, MARKETING, CFOS, path, "csv")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert written == 2
    assert sorted(row["display_name"] for row in rows) == ["Ann Archer", "Cara Cole"]
    assert {row["company"] for row in rows} == {"Alpha Ltd", "Beta plc"}
    assert {row["loyalty"] for row in rows} == {"5.0", "8.0"}


def test_export_never_writes_a_hidden_field(crm: CrmFixture, tmp_path: Path) -> None:
    set_rule(crm.store, Actor.system(), "marketing", "contact.email", "hidden")
    path = tmp_path / "cfos.csv"
    export_segment(crm.store, MARKETING, CFOS, path, "csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "email" not in text.splitlines()[0]
    assert "@example.com" not in text


def test_xlsx_export_has_a_header_and_the_members(crm: CrmFixture, tmp_path: Path) -> None:
    path = tmp_path / "cfos.xlsx"
    export_segment(crm.store, MARKETING, CFOS, path, "xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "display_name"
    assert len(rows) == 3


def test_vcard_is_left_to_the_contact_exporter(crm: CrmFixture, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="vCard"):
        export_segment(crm.store, MARKETING, CFOS, tmp_path / "x.vcf", "vcard")
