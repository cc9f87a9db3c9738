"""Importers that turn address-book files (CSV, vCard) into plain records.

Store-independent: the readers stream a file and yield
:class:`ParsedContact` or :class:`RowError`; the services decide what to
store. Safe to call from any thread; no Qt, no database.

Public API::

    read_csv(path, mapping=None, *, encoding=None, delimiter=None)
    preview_csv(path, *, rows=5, encoding=None) -> CsvPreview
    suggest_mapping(header) -> (layout_name, ColumnMapping) | None
    ColumnMapping.from_specs({0: "full_name", 3: "email"}, has_header=False)
    read_vcard(path, *, encoding=None)
    detect_encoding(head_bytes) / open_text(path)
"""

from contactdesk.importing.column_mapping import ColumnMapping, ColumnTarget, TargetKind
from contactdesk.importing.csv_layouts import suggest_mapping
from contactdesk.importing.csv_reader import CsvPreview, preview_csv, read_csv
from contactdesk.importing.errors import ColumnMappingRequired, UnreadableFile
from contactdesk.importing.parsed_contact import (
    YEARLESS_BIRTHDAY_YEAR,
    LabeledValue,
    ParsedContact,
    ParseOutcome,
    Photo,
    PostalAddress,
    RowError,
)
from contactdesk.importing.text_decoding import detect_encoding, open_text
from contactdesk.importing.vcard_reader import read_vcard

__all__ = [
    "YEARLESS_BIRTHDAY_YEAR",
    "ColumnMapping",
    "ColumnMappingRequired",
    "ColumnTarget",
    "CsvPreview",
    "LabeledValue",
    "ParseOutcome",
    "ParsedContact",
    "Photo",
    "PostalAddress",
    "RowError",
    "TargetKind",
    "UnreadableFile",
    "detect_encoding",
    "open_text",
    "preview_csv",
    "read_csv",
    "read_vcard",
    "suggest_mapping",
]
