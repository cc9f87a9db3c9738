"""``contactdesk import`` and ``export`` on the command line: output and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from contactdesk.cli.main import main
from contactdesk.store import Store

DATA = Path(__file__).parent.parent / "data"


def test_import_prints_imported_and_each_skipped_row(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Notes\nAnn,ann@x.example,\n,,only a note\n")
    assert main(["import", "--store", str(store_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "imported 1" in out and "skipped 1" in out and "line 3:" in out


def test_import_prints_values_kept_as_text_as_warnings_not_skips(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAnn,ann@x.example\nBob,nope\n")
    assert main(["import", "--store", str(store_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert "imported 2" in out and "skipped 0" in out
    assert "warnings 1" in out and "line 3: 'nope' is not a valid email address" in out


def test_import_of_an_unreadable_file_exits_1_with_one_line(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "--store", str(store_path), str(DATA / "vcard" / "Empty.vcf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing was changed" in err


def test_import_takes_the_format_option_over_the_extension(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = tmp_path / "card.txt"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vee Card\r\nEND:VCARD\r\n")
    assert main(["import", "--store", str(store_path), "--format", "vcard", str(card)]) == 0
    assert "imported 1" in capsys.readouterr().out


def test_export_writes_the_file_and_says_how_many(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", "--store", str(store_path), str(DATA / "google_contacts_current.csv")])
    out = tmp_path / "out.vcf"
    code = main(
        ["export", "--store", str(store_path), "--format", "vcard", "--as", "marketing", str(out)]
    )
    assert code == 0
    assert "exported 2" in capsys.readouterr().out
    assert out.read_text().count("BEGIN:VCARD") == 2


def test_export_of_an_unknown_segment_exits_1(
    store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "export",
            "--store",
            str(store_path),
            "--format",
            "csv",
            "--segment",
            "nope",
            str(tmp_path / "x.csv"),
        ]
    )
    assert code == 1
    assert "no segment" in capsys.readouterr().err
