"""Errors raised when a whole file cannot be imported.

A problem with one row or one card is not an exception: readers yield a
:class:`~contactdesk.importing.parsed_contact.RowError` for it and go on.
These exceptions are for the file as a whole.
"""

from __future__ import annotations

from pathlib import Path

from contactdesk.errors import ContactDeskError


class UnreadableFile(Exception):
    """The file cannot be read as an address book at all.

    Raised for binary junk, text in no encoding we can recognise, a vCard
    file without a single card, or a file that cannot be opened.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class ColumnMappingRequired(UnreadableFile):
    """A CSV file has no recognisable header, so the caller must map columns.

    ``column_count`` and ``first_row`` let a user interface show the first
    data row and ask which column holds what.
    """

    def __init__(self, path: str | Path, column_count: int, first_row: tuple[str, ...]) -> None:
        self.column_count = column_count
        self.first_row = first_row
        super().__init__(
            path,
            f"no header row was recognised in {column_count} columns; "
            "give a column mapping by column number",
        )


def existing_file(path: str | Path) -> Path:
    """``path`` as a Path; a user error (exit 1) when it is a folder or names nothing."""
    chosen = Path(path)
    if chosen.is_dir():
        raise ContactDeskError(f"{chosen}: is a folder, not a file")
    if not chosen.is_file():
        raise ContactDeskError(f"{chosen}: no such file")
    return chosen
