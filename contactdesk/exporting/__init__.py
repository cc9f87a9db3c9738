"""Exporting contacts (all, or a saved segment) to CSV, vCard 4.0 and XLSX.

Reads through the services as the acting role sees the store: a hidden field
is never selected, so it cannot reach a file. Streams page by page.

Public API::

    export_contacts(store, actor, out, file_format, *, segment=None,
                    progress=None, cancelled=None) -> ExportResult
"""

from contactdesk.exporting.contact_export import (
    EXPORT_FORMATS,
    ExportCancelled,
    ExportResult,
    export_contacts,
)
from contactdesk.exporting.export_source import ExportContact, iter_export_contacts

__all__ = [
    "EXPORT_FORMATS",
    "ExportCancelled",
    "ExportContact",
    "ExportResult",
    "export_contacts",
    "iter_export_contacts",
]
