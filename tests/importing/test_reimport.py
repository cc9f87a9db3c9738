"""Issue 22 point 5: a second import of a file updates, skips or adds what matches.

Matching is by vCard UID, then email, then phone; an update is an edit through
the unit of work (history and sync outbox like a typed change); duplicates
inside one file are listed; blank and comment rows are counted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contactdesk.cli.main import main
from contactdesk.importing.store_import import import_contacts
from contactdesk.model import ChangeLog, Contact
from contactdesk.services.actor import Actor
from contactdesk.store import Store

DATA = Path(__file__).parent.parent / "data"
CARD = DATA / "vcard" / "repeated_values_fn_differs.vcf"
SYSTEM = Actor.system()


def _count(store: Store) -> int:
    with store.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Contact)) or 0)


def _changed_card(tmp_path: Path) -> Path:
    """The same card (same UID) with a new title and a new first email."""
    text = CARD.read_text(encoding="utf-8").replace("first@example.org", "new@example.org")
    path = tmp_path / "changed.vcf"
    path.write_text(text.replace("END:VCARD", "TITLE:Chief Tester\r\nEND:VCARD"), "utf-8")
    return path


def test_a_changed_card_reimported_updates_its_contact_by_uid_through_the_change_path(
    store: Store, tmp_path: Path
) -> None:
    import_contacts(store, SYSTEM, CARD)
    result = import_contacts(store, SYSTEM, _changed_card(tmp_path), on_match="update")
    assert (result.imported, result.updated, result.duplicate_count) == (0, 1, 1)
    assert result.duplicates[0].reason.startswith("same UID urn:uuid:4fbe8971")
    with store.reading() as session:
        contact = session.scalars(select(Contact)).one()
        logged = session.scalars(
            select(ChangeLog).where(ChangeLog.record_id == contact.id, ChangeLog.op == "update")
        ).one()
    assert (contact.email, contact.title) == ("new@example.org", "Chief Tester")
    assert logged.fields["title"] == [None, "Chief Tester"]
    assert logged.fields["email"] == ["first@example.org", "new@example.org"]


def test_skip_leaves_existing_contacts_alone_and_add_doubles_them(
    store: Store, tmp_path: Path
) -> None:
    import_contacts(store, SYSTEM, CARD)
    skipped = import_contacts(store, SYSTEM, _changed_card(tmp_path), on_match="skip")
    assert (skipped.imported, skipped.matched_skipped, _count(store)) == (0, 1, 1)
    added = import_contacts(store, SYSTEM, _changed_card(tmp_path), on_match="add")
    assert (added.imported, added.duplicate_count, _count(store)) == (1, 1, 2)


def test_a_csv_row_matches_by_email_then_by_phone(store: Store, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Name,Email,Phone\nAnn,ann@x.example,\nBob,,+44 20 7946 0001\n", "utf-8")
    import_contacts(store, SYSTEM, first)
    again = tmp_path / "again.csv"
    again.write_text(
        "Name,Email,Phone\nAnn Smith,ann@x.example,\nRobert,,+44 20 7946 0001\n", "utf-8"
    )
    result = import_contacts(store, SYSTEM, again, on_match="update")
    assert [d.reason for d in result.duplicates] == [
        "same email ann@x.example",
        "same phone +442079460001",
    ]
    with store.reading() as session:
        assert set(session.scalars(select(Contact.display_name))) == {"Ann Smith", "Robert"}


def test_the_cli_dry_run_shows_the_counts_and_stores_nothing(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_contacts(store, SYSTEM, CARD)
    path = _changed_card(tmp_path)
    assert main(["import", "--store", str(store_path), "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "trial run: nothing was stored" in out and "updated existing 1" in out
    with store.reading() as session:
        assert session.scalar(select(Contact.title)) is None
    code = main(["import", "--store", str(store_path), "--on-match", "skip", str(path)])
    assert code == 0 and "skipped existing 1" in capsys.readouterr().out


def test_duplicates_within_a_file_are_listed_and_blank_and_comment_rows_counted(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Name,Email\n# exported by hand\nAnn,ann@x.example\n\n,\nAnna,ann@x.example\n", "utf-8"
    )
    assert main(["import", "--store", str(store_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "duplicates within the file 1" in out
    assert "line 6 repeats line 3 (same email ann@x.example)" in out
    assert "blank rows 2" in out and "comment rows 1" in out


# Written for the second look at issue 22 (tests/data/SOURCES.md says what each shows).
THREE_EMAILS = DATA / "vcard" / "repeated_lines_three_emails.vcf"
REPEATS = DATA / "csv" / "duplicates_blank_comment_rows.csv"
OUTLOOK_DE = DATA / "csv" / "outlook_de_company_only.csv"
SECOND_VALUES = DATA / "csv" / "outlook_de_second_values.csv"


def _export_vcard(store_path: Path, out: Path) -> str:
    assert main(["export", "--store", str(store_path), "--format", "vcard", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_an_exported_card_keeps_its_uid_and_comes_back_to_its_contact(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_contacts(store, SYSTEM, THREE_EMAILS)
    exported = _export_vcard(store_path, tmp_path / "out.vcf")
    assert "UID:1d2c3b4a-0000-4000-8000-000000000022\n" in exported
    edited = tmp_path / "edited.vcf"
    edited.write_text(exported.replace("END:VCARD", "TITLE:Einkauf\r\nEND:VCARD"), "utf-8")
    result = import_contacts(store, SYSTEM, edited, on_match="update")
    assert (result.imported, result.updated, _count(store)) == (0, 1, 1)
    assert result.duplicates[0].reason == "same UID 1d2c3b4a-0000-4000-8000-000000000022"


def test_a_typed_in_contact_without_email_or_phone_is_found_by_the_id_its_card_carries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "typed.db"
    assert main(["init", "--store", str(path), "--admin", "boss"]) == 0
    add = ["record", "add", "--store", str(path), "--user", "boss", "--json"]
    capsys.readouterr()
    assert main([*add, "--set", "display_name=Only A Name", "contact"]) == 0
    contact_id = json.loads(capsys.readouterr().out)["id"]
    exported = _export_vcard(path, tmp_path / "out.vcf")
    assert f"UID:urn:uuid:{contact_id}\n" in exported
    edited = tmp_path / "edited.vcf"
    edited.write_text(exported.replace("FN:Only A Name", "FN:Only A. Name"), "utf-8")
    imported = ["import", "--store", str(path), "--as", "admin", "--on-match", "update"]
    assert main([*imported, str(edited)]) == 0
    out = capsys.readouterr().out
    assert "imported 0" in out and "updated existing 1" in out
    assert f"same UID urn:uuid:{contact_id} as Only A Name" in out


def test_an_email_in_another_case_is_the_same_person_in_the_file_and_in_the_store(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--store", str(store_path), str(REPEATS)]) == 0
    out = capsys.readouterr().out
    assert "line 7 repeats line 3 (same email ann@lee.example)" in out
    assert "line 8 repeats line 6 (same phone +447700900123)" in out
    assert "blank rows 3" in out and "comment rows 1" in out
    assert main(["import", "--store", str(store_path), "--on-match", "skip", str(REPEATS)]) == 0
    out = capsys.readouterr().out
    assert "imported 0" in out and "skipped existing 4" in out
    assert _count(store) == 4


def test_importing_the_same_file_twice_changes_nothing_and_says_so(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Jürgen Weiß has no UID, email or phone: he is matched by his name (and no company).
    assert main(["import", "--store", str(store_path), str(OUTLOOK_DE)]) == 0
    before = _count(store)
    capsys.readouterr()
    assert main(["import", "--store", str(store_path), str(OUTLOOK_DE)]) == 0
    out = capsys.readouterr().out
    assert _count(store) == before
    assert "imported 0" in out and "updated existing 0" in out and "unchanged existing 3" in out
    assert "line 5: same name Jürgen Weiß and no UID, email or phone as Jürgen Weiß" in out
    assert out.index("line 2:") < out.index("line 3:") < out.index("line 5:")


def test_the_dry_run_says_what_each_choice_would_do_and_gives_no_import_id(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--store", str(store_path), str(SECOND_VALUES)]) == 0
    capsys.readouterr()
    changed = SECOND_VALUES.read_bytes().replace(b"Mag K", b"Isst K")
    assert b"Isst K" in changed
    path = store_path.parent / "again.csv"
    path.write_bytes(changed)
    assert main(["import", "--store", str(store_path), "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "the 2 rows matching existing records, by --on-match:" in out
    assert "  update: 1 changed, 1 already the same" in out
    assert "  skip: 2 left as they are" in out
    # The company-only row names an account that exists: it is never added twice.
    assert "  add: 1 added as new contacts" in out
    assert "import id" not in out


def test_a_row_with_a_contacts_second_email_or_phone_is_that_contact(
    store: Store, tmp_path: Path
) -> None:
    # The card's second EMAIL and third TEL are additional values, not fields.
    import_contacts(store, SYSTEM, CARD)
    path = tmp_path / "others.csv"
    path.write_text(
        "Name,Email,Home Phone\nA. Display,SECOND@example.org,\nÄmi,,+49 30 7654321\n",
        encoding="utf-8",
    )
    result = import_contacts(store, SYSTEM, path, on_match="skip")
    assert [(d.existing_name, d.reason) for d in result.duplicates] == [
        ("Ämi Display", "same email second@example.org"),
        ("Ämi Display", "same phone +49307654321"),
    ]
    assert (result.imported, result.matched_skipped, _count(store)) == (0, 2, 1)
