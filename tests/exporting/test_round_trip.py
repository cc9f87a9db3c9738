"""Issue 22 point 6: export, import into an empty store, export again: the same, field by field.

Over every sample in tests/data, as vCard and as CSV, through the command line.
The exports are compared line by line after unfolding, UIDs included: a card
keeps the UID it was imported with, and a contact without one is written with
its id, which the next store keeps as the card's UID.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contactdesk.cli.main import main

DATA = Path(__file__).parent.parent / "data"
SAMPLES = sorted(p for p in DATA.rglob("*") if p.suffix.lower() in (".csv", ".vcf"))
EXTENSIONS = {"vcard": "vcf", "csv": "csv"}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("\r\n ", "").splitlines()


def _export(store: Path, out: Path, file_format: str) -> Path:
    assert main(["export", "--store", str(store), "--format", file_format, str(out)]) == 0
    return out


@pytest.mark.parametrize("file_format", ["vcard", "csv"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_an_export_imported_into_an_empty_store_exports_the_same(
    sample: Path,
    file_format: str,
    store_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    shutil.copyfile(store_template, first)
    shutil.copyfile(store_template, second)
    if main(["import", "--store", str(first), "--on-match", "add", str(sample)]) != 0:
        pytest.skip(f"{sample.name} is refused as a whole (see the importer tests)")
    ext = EXTENSIONS[file_format]
    exported = _export(first, tmp_path / f"first.{ext}", file_format)
    if "imported 0" not in capsys.readouterr().out:
        assert main(["import", "--store", str(second), str(exported)]) == 0
    again = _export(second, tmp_path / f"second.{ext}", file_format)
    assert _lines(again) == _lines(exported)
