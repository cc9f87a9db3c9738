"""One entry point for every export format, with progress and cancellation.

Runs on any thread (the UI's database worker, the CLI). Writes to a temporary
file next to ``out`` and renames it at the end, so a cancelled or failed export
never leaves a half-written file where the user expects a complete one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from contactdesk.errors import ContactDeskError
from contactdesk.exporting.export_source import (
    ExportContact,
    count_export,
    export_columns,
    iter_export_contacts,
)
from contactdesk.exporting.google_csv import write_google_csv
from contactdesk.exporting.vcard_writer import write_vcards
from contactdesk.exporting.xlsx_writer import write_xlsx
from contactdesk.services.actor import Actor
from contactdesk.store.local_store import Store

EXPORT_FORMATS = ("csv", "vcard", "xlsx")
ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ExportCancelled(ContactDeskError):
    """The export was cancelled; no file was written."""

    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


@dataclass(frozen=True)
class ExportResult:
    """How many contacts went to which file."""

    path: Path
    file_format: str
    exported: int


def export_contacts(
    store: Store,
    actor: Actor,
    out: str | Path,
    file_format: str,
    *,
    segment: str | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportResult:
    """Write the contacts ``actor`` may see (or saved ``segment``'s) to ``out``.

    ``progress(done, total)`` is called after each page; ``cancelled()`` is checked
    before each and, when True, stops the export with :class:`ExportCancelled`
    and removes the partial file.
    """
    if file_format not in EXPORT_FORMATS:
        raise ContactDeskError(f"unknown export format {file_format!r} (use csv, vcard or xlsx)")
    out = Path(out)
    if not out.parent.is_dir():
        raise ContactDeskError(f"folder {out.parent} does not exist")
    columns = export_columns(store, actor)
    total = count_export(store, actor, segment)
    done = 0

    def pages() -> Iterator[list[ExportContact]]:
        for page in iter_export_contacts(store, actor, segment=segment):
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            yield page

    def on_page(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, max(total, done))

    partial = out.with_name(f".{out.name}.partial")
    try:
        if file_format == "xlsx":
            written = write_xlsx(partial, columns, pages(), on_page)
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                writer = write_google_csv if file_format == "csv" else write_vcards
                written = writer(stream, columns, pages(), on_page)
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return ExportResult(out, file_format, written)
