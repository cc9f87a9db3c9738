"""Stream contacts out of a CSV address book, row by row, in bounded memory.

Runs on any thread; holds one record at a time. Each row becomes a
:class:`ParsedContact` or a :class:`RowError` carrying the 1-based physical
line where the row starts (correct across quoted fields spanning lines).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from contactdesk.importing.column_mapping import ColumnMapping
from contactdesk.importing.csv_dialect import CsvDialect, detect_dialect
from contactdesk.importing.csv_layouts import suggest_mapping
from contactdesk.importing.errors import ColumnMappingRequired, UnreadableFile
from contactdesk.importing.parsed_contact import (
    IgnoredRow,
    ParsedContact,
    ParseOutcome,
    RowError,
)
from contactdesk.importing.text_decoding import decide_encoding, not_text_in, open_text

MAX_FIELD_CHARS = 64 * 1024
"""Longest accepted cell; a longer one makes its row a RowError."""
MAX_RECORD_CHARS = 1024 * 1024
"""Longest accepted row (all its physical lines); longer rows are skipped unread."""
_SAMPLE_CHARS = 16 * 1024


class _RecordTooLong(Exception):
    def __init__(self, line_no: int) -> None:
        self.line_no = line_no
        super().__init__(line_no)


class _BoundedLines:
    """Physical lines of a text stream, never more than MAX_RECORD_CHARS per record.

    The csv module asks for lines one by one; this counts them (for line
    numbers) and refuses a record that grows too long, skipping the rest of
    an over-long line without reading it into memory.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.line_no = 0
        self.record_chars = 0

    def start_record(self) -> None:
        self.record_chars = 0

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        budget = MAX_RECORD_CHARS - self.record_chars
        line = self.stream.readline(budget + 1)
        if not line:
            raise StopIteration
        if len(line) > budget:
            while line and not line.endswith("\n"):
                line = self.stream.readline(MAX_RECORD_CHARS)
            self.line_no += 1
            raise _RecordTooLong(self.line_no)
        self.line_no += 1
        self.record_chars += len(line)
        return line


@dataclass(frozen=True, slots=True)
class CsvPreview:
    """What a user interface needs to show before importing a CSV file.

    ``layout`` is the recognised producer (``google-contacts``, ``outlook``,
    ``outlook-de``, ``thunderbird``, ...) or None when the first row is not a
    known header; ``mapping`` is then None and must come from the user.
    """

    encoding: str
    dialect: CsvDialect
    first_rows: tuple[tuple[str, ...], ...]
    layout: str | None
    mapping: ColumnMapping | None


def preview_csv(path: str | Path, *, rows: int = 5, encoding: str | None = None) -> CsvPreview:
    """Read the first ``rows`` rows of ``path`` and say how it would be imported."""
    codec = decide_encoding(path, encoding=encoding).codec
    with open_text(path, encoding=codec) as stream:
        dialect = detect_dialect(stream.read(_SAMPLE_CHARS))
        stream.seek(0)
        reader = csv.reader(
            _BoundedLines(stream), delimiter=dialect.delimiter, quotechar=dialect.quotechar
        )
        first: list[tuple[str, ...]] = []
        try:
            for row in reader:
                if any(cell.strip() for cell in row):
                    first.append(tuple(row))
                if len(first) >= rows:
                    break
        except (csv.Error, _RecordTooLong):
            pass
    suggestion = suggest_mapping(first[0]) if first else None
    return CsvPreview(
        encoding=codec,
        dialect=dialect,
        first_rows=tuple(first),
        layout=suggestion[0] if suggestion else None,
        mapping=suggestion[1] if suggestion else None,
    )


def read_csv(
    path: str | Path,
    mapping: ColumnMapping | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Iterator[ParseOutcome]:
    """Yield one :class:`ParsedContact` or :class:`RowError` per data row of ``path``.

    Without ``mapping``, the first row must be a header that
    :func:`~contactdesk.importing.csv_layouts.suggest_mapping` recognises;
    otherwise :class:`ColumnMappingRequired` is raised before any row is
    yielded. ``encoding`` and ``delimiter`` override detection. Raises
    :class:`UnreadableFile` for binary or undecodable files. Streams: memory
    stays bounded whatever the file size.
    """
    codec = encoding or decide_encoding(path).codec
    with open_text(path, encoding=codec) as stream:
        sample = stream.read(_SAMPLE_CHARS)
        if not sample.strip():
            raise UnreadableFile(path, "the file is empty")
        dialect = detect_dialect(sample)
        stream.seek(0)
        lines = _BoundedLines(stream)
        reader = csv.reader(
            lines, delimiter=delimiter or dialect.delimiter, quotechar=dialect.quotechar
        )
        records = _records(reader, lines)
        try:
            yield from _rows_to_contacts(path, records, mapping)
        except UnicodeDecodeError as error:
            raise not_text_in(path, codec, error, lines.line_no + 1) from None


def _records(
    reader: Iterator[list[str]], lines: _BoundedLines
) -> Iterator[tuple[int, list[str]] | RowError | IgnoredRow]:
    """Yield (start line, cells) per record with data; a RowError or IgnoredRow otherwise."""
    while True:
        start = lines.line_no + 1
        lines.start_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except _RecordTooLong as exc:
            yield RowError(
                start,
                f"row starting at line {start} is longer than {MAX_RECORD_CHARS // 1024} KiB "
                f"(skipped through line {exc.line_no})",
            )
            continue
        except csv.Error as exc:
            yield RowError(start, f"line {start} is not valid CSV: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            yield IgnoredRow(start, "blank")
        elif row[0].lstrip().startswith("#"):
            yield IgnoredRow(start, "comment")
        else:
            yield start, row


def _rows_to_contacts(
    path: str | Path,
    records: Iterator[tuple[int, list[str]] | RowError | IgnoredRow],
    mapping: ColumnMapping | None,
) -> Iterator[ParseOutcome]:
    expected: int | None = None
    for record in records:
        if isinstance(record, RowError | IgnoredRow):
            yield record
            continue
        line, row = record
        if mapping is None or expected is None:
            if mapping is None:
                suggestion = suggest_mapping(row)
                if suggestion is None:
                    raise ColumnMappingRequired(path, len(row), tuple(row))
                mapping = suggestion[1]
            expected = _width(row)
            if mapping.has_header:
                continue
        problem = _row_problem(row, expected, mapping)
        if problem:
            yield RowError(line, f"line {line}: {problem}")
            continue
        contact = mapping.build_contact(row, line)
        if not _has_identity(contact):
            yield RowError(line, f"line {line}: the row has no name, email or phone")
            continue
        yield contact


def _width(row: Sequence[str]) -> int:
    """Column count, ignoring empty trailing cells (Thunderbird ends lines with a comma)."""
    width = len(row)
    while width and not row[width - 1].strip():
        width -= 1
    return width


def _row_problem(row: Sequence[str], expected: int, mapping: ColumnMapping) -> str | None:
    for index, cell in enumerate(row):
        if len(cell) > MAX_FIELD_CHARS:
            return (
                f"{mapping.column_name(index)} holds {len(cell):,} characters; "
                f"the limit is {MAX_FIELD_CHARS:,}"
            )
    # Short rows are common (trailing empty cells dropped) and harmless up to
    # a tolerance; a non-empty cell past the last column means shifted data.
    width = _width(row)
    tolerance = max(2, expected // 10)
    if width > expected or len(row) < expected - tolerance:
        return f"the row has {width if width > expected else len(row)} columns, expected {expected}"
    return None


def _has_identity(contact: ParsedContact) -> bool:
    return bool(
        contact.full_name
        or contact.first_name
        or contact.last_name
        or contact.organisation
        or contact.emails
        or contact.phones
    )
