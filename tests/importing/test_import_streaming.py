"""Readers stream: memory stays bounded however many rows a file has."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from contactdesk.importing import ParsedContact, read_csv, read_vcard

ROWS = 200_000
CARDS = 1_000
PEAK_LIMIT = 4 * 1024 * 1024
VCARD_PEAK_LIMIT = 1024 * 1024


def write_big_csv(path: Path) -> int:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("First Name,Last Name,E-mail Address,Business Phone,Company,Notes\r\n")
        for i in range(ROWS):
            out.write(
                f"Given{i},Family{i},person{i}@example.com,+1 555 {i:07d},Firm {i % 97},"
                f'"note for {i}, with a comma"\r\n'
            )
    return path.stat().st_size


def test_200000_row_csv_parses_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    size = write_big_csv(path)
    count = 0
    last: ParsedContact | None = None
    tracemalloc.start()
    try:
        for outcome in read_csv(path):
            assert isinstance(outcome, ParsedContact)
            count += 1
            last = outcome
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == ROWS
    assert last is not None and last.emails[0].value == f"person{ROWS - 1}@example.com"
    assert last.source_line == ROWS + 1
    assert size > 15 * 1024 * 1024
    assert peak < PEAK_LIMIT


def test_1000_card_vcard_file_parses_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.vcf"
    with path.open("w", encoding="utf-8", newline="") as out:
        for i in range(CARDS):
            out.write(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nN:{i};Person;;;\r\n"
                f"EMAIL;TYPE=work:p{i}@example.com\r\nNOTE:{'x' * 5000}\r\nEND:VCARD\r\n"
            )
    count = 0
    tracemalloc.start()
    try:
        for outcome in read_vcard(path):
            assert isinstance(outcome, ParsedContact)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == CARDS
    assert path.stat().st_size > 4 * VCARD_PEAK_LIMIT
    assert peak < VCARD_PEAK_LIMIT
