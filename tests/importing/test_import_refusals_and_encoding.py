"""Issue 22 points 1-2: no file crashes an import; a file's encoding is decided once.

The samples reproduce what real exports did: a German Outlook CSV in
Windows-1252 whose row names only a company (it aborted the whole import with
an IntegrityError and exit 2), and umlauts in unmapped columns that arrived in
the notes as U+FFFD.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from contactdesk.cli.main import main
from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.store_import import import_contacts
from contactdesk.importing.text_decoding import decide_encoding
from contactdesk.model import Account, Contact
from contactdesk.services.actor import Actor
from contactdesk.store import Store

DATA = Path(__file__).parent.parent / "data"
OUTLOOK_DE = DATA / "csv" / "outlook_de_company_only.csv"
SYSTEM = Actor.system()
HEADER = OUTLOOK_DE.read_bytes().split(b"\r\n")[0]


def _texts(store: Store) -> list[str]:
    """Every text column of every contact and account, as stored."""
    with store.reading() as session:
        texts: list[str] = []
        for contact in session.scalars(select(Contact)):
            texts.extend(str(v) for v in vars(contact).values() if isinstance(v, str))
        for account in session.scalars(select(Account)):
            texts.extend(str(v) for v in vars(account).values() if isinstance(v, str))
        return texts


def test_a_company_only_row_becomes_an_account_and_the_people_are_kept(store: Store) -> None:
    result = import_contacts(store, SYSTEM, OUTLOOK_DE)
    assert (result.imported, result.companies_imported, result.skipped_count) == (2, 1, 0)
    with store.reading() as session:
        names = set(session.scalars(select(Contact.display_name)))
        company = session.scalars(select(Account).where(Account.phone == "+49221123456")).one()
    assert names == {"Käthe Schröder", "Jürgen Weiß"}
    assert company.name == "Müller & Söhne GmbH" and company.country == "Deutschland"
    assert company.notes is not None
    assert "Hauptstraße 5, 50667 Köln" in company.notes and "Priorität: Hoch" in company.notes


def test_the_cli_imports_the_company_only_file_with_exit_0_and_names_the_code_page(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--store", str(store_path), str(OUTLOOK_DE)]) == 0
    out = capsys.readouterr().out
    assert "read as Windows-1252" in out
    assert "imported 2" in out and "companies imported as accounts 1" in out


def test_unmapped_german_columns_reach_the_notes_with_their_umlauts(store: Store) -> None:
    import_contacts(store, SYSTEM, OUTLOOK_DE)
    with store.reading() as session:
        notes = session.scalar(select(Contact.notes).where(Contact.last_name == "Schröder"))
    assert notes is not None
    assert "Priorität: Normal" in notes and "Vertraulichkeit: Persönlich" in notes
    assert all("\ufffd" not in text for text in _texts(store))


def test_ansi_bytes_deep_in_a_file_are_read_in_the_code_page_of_the_whole_file(
    store: Store, tmp_path: Path
) -> None:
    # The first 100 KB are plain ASCII: a decision taken on the head alone said
    # UTF-8 and turned the later umlauts into U+FFFD.
    path = tmp_path / "late_umlauts.csv"
    padding = b"".join(b'"Person %d","p%d@x.example","",""\r\n' % (i, i) for i in range(3000))
    late = '"Jürgen Weiß","j@x.example","Grüße","Bäckerei"\r\n'.encode("cp1252")
    path.write_bytes(b'"Name","Email","Notes","Abteilung"\r\n' + padding + late)
    assert decide_encoding(path).name == "Windows-1252"
    result = import_contacts(store, SYSTEM, path)
    assert result.imported == 3001 and result.encoding == "Windows-1252"
    with store.reading() as session:
        notes = session.scalar(select(Contact.notes).where(Contact.display_name == "Jürgen Weiß"))
    assert notes is not None and "Grüße" in notes and "Bäckerei" in notes
    assert all("\ufffd" not in text for text in _texts(store))


def test_a_replacement_character_written_in_the_file_is_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "fffd.csv"
    path.write_text("Name,Notes\nAnn,odd \ufffd sign\n", encoding="utf-8")
    import_contacts(store, SYSTEM, path)
    assert any("odd \ufffd sign" in text for text in _texts(store))


def test_a_file_that_is_no_text_in_the_forced_code_page_is_refused_with_one_line(
    store: Store, store_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "utf8.csv"
    path.write_bytes("Name\nZoë\n".encode())
    with pytest.raises(UnreadableFile, match="not ASCII text"):
        import_contacts(store, SYSTEM, path, encoding="ascii")


def test_a_row_that_cannot_become_a_contact_is_reported_and_the_good_rows_are_kept(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "Name,Email,Birthday,Notes\n"
        "Ann,ann@x.example,,\n"
        ",,,only a note\n"
        f"{'B' * 300},,,\n"
        "Cy,cy@x.example,31.02.1990,\n",
        encoding="utf-8",
    )
    assert main(["import", "--store", str(store_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "imported 2" in out and "skipped 2" in out
    assert "line 3:" in out and "line 4:" in out
    with store.reading() as session:
        assert set(session.scalars(select(Contact.display_name))) == {"Ann", "Cy"}


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02" * 1000,
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n",
        HEADER + b"\r\n" + b'"' * 5000 + b"\r\n",
        b"Name,Email\r\n" + "Zoë,z@x.example\r\n".encode() + b"\xff\xfe\xfa\r\n",
        b"",
    ],
    ids=["binary", "empty-card", "unterminated-quote", "mixed-bytes", "empty"],
)
def test_no_file_makes_import_exit_with_anything_but_0_or_1(
    store: Store,
    store_path: Path,
    tmp_path: Path,
    content: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    code = main(["import", "--store", str(store_path), str(path)])
    captured = capsys.readouterr()
    assert code in (0, 1)
    if code == 1:
        assert captured.err.count("\n") == 1 and "nothing was changed" in captured.err


def test_a_vcard_naming_only_its_company_becomes_an_account(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "company.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Acme Ltd\r\nORG:Acme Ltd\r\n"
        "TEL;TYPE=WORK:+44 20 7946 0000\r\nEMAIL:info@acme.example\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nORG:Acme Ltd\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = import_contacts(store, SYSTEM, path)
    assert (result.imported, result.companies_imported) == (1, 1)
    with store.reading() as session:
        acme = session.scalars(select(Account).where(Account.name == "Acme Ltd")).one()
        jane = session.scalars(select(Contact)).one()
    assert jane.display_name == "Jane Doe" and jane.account_id == acme.id
    assert acme.phone == "+442079460000"
    assert acme.notes is not None and "Email: info@acme.example" in acme.notes
