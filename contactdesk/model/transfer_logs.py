"""Local logs of imports and merges, kept so that either can be undone as a whole.

These tables are not synced: they describe what this client did, and the
undo they allow is itself written to the change log like any other change.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from contactdesk.model.base import Base, utc_now
from contactdesk.model.types import UtcDateTime

IMPORT_DONE = "done"
IMPORT_REVERTED = "reverted"


class ImportBatch(Base):
    """One import of one file: what it read, what it stored, and whether it was reverted."""

    __tablename__ = "import_batches"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    file_name: Mapped[str] = mapped_column(String(300))
    file_format: Mapped[str] = mapped_column(String(10))
    actor_name: Mapped[str | None] = mapped_column(String(80))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    imported_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    accounts_created: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default=IMPORT_DONE)
    reverted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ImportedRecord(Base):
    """A record an import created (contact or account): what a revert deletes."""

    __tablename__ = "imported_records"

    batch_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True
    )
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)


class ImportSkippedRow(Base):
    """A row or card an import could not store, with where it was and why."""

    __tablename__ = "import_skipped_rows"
    __table_args__ = (Index("ix_import_skipped_rows_batch", "batch_id", "location"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("import_batches.id", ondelete="CASCADE")
    )
    location: Mapped[int] = mapped_column(Integer)
    card_index: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text)


class MergeRecord(Base):
    """One merge of two contacts, with everything needed to restore both exactly.

    ``snapshot`` holds both contacts' columns, details, photos and custom values
    as they were before the merge, the details the merge added, and the linked
    records it re-pointed from the absorbed contact to the survivor.
    """

    __tablename__ = "merge_records"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    merged_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor_name: Mapped[str | None] = mapped_column(String(80))
    survivor_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    absorbed_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
