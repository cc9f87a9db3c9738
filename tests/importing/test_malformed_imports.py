"""Files that cannot be imported are refused with a clear message and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from contactdesk.cli.main import main
from contactdesk.errors import ContactDeskError
from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.store_import import import_contacts
from contactdesk.model import ChangeLog, Contact, ImportBatch
from contactdesk.services.actor import Actor
from contactdesk.store import Store

DATA = Path(__file__).parent.parent / "data"


def _nothing_stored(store: Store) -> bool:
    with store.reading() as session:
        return all(
            not session.scalar(select(func.count()).select_from(model))
            for model in (Contact, ImportBatch, ChangeLog)
        )


def test_binary_junk_is_refused_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(UnreadableFile):
        import_contacts(store, Actor.system(), junk)
    assert _nothing_stored(store)


def test_a_vcard_file_without_cards_is_refused(store: Store) -> None:
    with pytest.raises(UnreadableFile, match="no vCard"):
        import_contacts(store, Actor.system(), DATA / "vcard" / "Empty.vcf")
    assert _nothing_stored(store)


def test_a_truncated_vcard_reports_the_cut_card(store: Store) -> None:
    result = import_contacts(store, Actor.system(), DATA / "vcard" / "Cropped_2_1.vcf")
    assert result.imported == 0
    assert "truncated" in result.skipped[0].reason


def test_a_ten_megabyte_field_skips_its_row_and_keeps_the_others(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        "Name,Email,Notes\nAnn,ann@x.example,short\nBig,big@x.example," + "x" * 10_000_000 + "\n"
    )
    result = import_contacts(store, Actor.system(), path)
    assert result.imported == 1
    assert result.skipped_count == 1


def test_a_windows_1252_file_is_decoded_and_imported(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("Name,Email\nJosé,jose@x.example\n".encode("cp1252"))
    result = import_contacts(store, Actor.system(), path)
    assert result.imported == 1


def test_a_missing_file_is_a_user_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ContactDeskError, match="no such file"):
        import_contacts(store, Actor.system(), tmp_path / "absent.csv")


def test_a_folder_is_named_as_a_folder_and_exits_1(
    store_path: Path, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "contacts.csv"
    folder.mkdir()
    assert main(["import", "--store", str(store_path), str(folder)]) == 1
    assert capsys.readouterr().err.endswith("contacts.csv: is a folder, not a file\n")
