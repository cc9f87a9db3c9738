"""The collateral library: documents and links that prove value, tied to funnel stages.

A document's bytes live in the store (``collateral.file_data``), so it syncs
with the record and opens offline: ``open_collateral_file`` writes it to a
temporary file the desktop can hand to the system viewer. The change log
carries the bytes base64-encoded (``file_data``), since the log is JSON.

``collateral_for`` is what the sales opportunity card asks: the collateral that
fits a funnel stage, product and industry. An empty list on a piece of
collateral means "fits any" (a price sheet for every industry). Stages are
given by name (or id) and stored by id, so renaming a stage keeps its material;
``CollateralItem.stages`` reads them back as the stages' present names.
"""

from __future__ import annotations

import base64
import mimetypes
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.errors import NotFound, ValidationError
from contactdesk.marketing.marketing_access import require_marketing
from contactdesk.model import Collateral, FunnelStage
from contactdesk.services.actor import Actor
from contactdesk.services.changes import Change
from contactdesk.services.unit_of_work import UnitOfWork, unit_of_work
from contactdesk.store.local_store import Store

# A collateral document is a PDF or a slide deck, not a video: keep the store lean.
MAX_FILE_BYTES = 25 * 1024 * 1024
LIST_FIELDS = ("products", "industries", "stages")


@dataclass(frozen=True)
class CollateralItem:
    """One piece of collateral without its bytes (lists never load documents)."""

    id: uuid.UUID
    title: str
    kind: str
    url: str | None
    file_name: str | None
    file_mime: str | None
    has_file: bool
    value_points: str | None
    products: tuple[str, ...]
    industries: tuple[str, ...]
    stages: tuple[str, ...]  # the stages' present names, in funnel order
    stage_ids: tuple[str, ...] = ()  # as stored: hex ids


@dataclass(frozen=True)
class CollateralFile:
    """A document to store with a piece of collateral."""

    name: str
    data: bytes
    mime: str | None = None

    @classmethod
    def from_path(cls, path: Path) -> CollateralFile:
        """Read a file from disk, guessing its type from the name."""
        mime, _ = mimetypes.guess_type(path.name)
        return cls(path.name, path.read_bytes(), mime)


def _clean_list(values: Any, field: str) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = values.split(",")
    if not isinstance(values, Sequence):
        raise ValidationError(f"collateral.{field}", "must be a list of names")
    return sorted({str(value).strip() for value in values if str(value).strip()})


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = dict(values)
    for name in LIST_FIELDS:
        if name in cleaned:
            cleaned[name] = _clean_list(cleaned[name], name)
    return cleaned


def _attach(work: UnitOfWork, collateral_id: uuid.UUID, file: CollateralFile) -> None:
    if not file.data:
        raise ValidationError("collateral.file", f"{file.name!r} is empty")
    if len(file.data) > MAX_FILE_BYTES:
        raise ValidationError("collateral.file", f"{file.name!r} is larger than 25 MB")
    record = work.session.get(Collateral, collateral_id)
    if record is None:
        raise NotFound(f"no collateral with id {collateral_id}")
    mime = file.mime or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    # file_name and file_mime go through the unit of work (rules, log); the bytes
    # are not a catalog field, so they are set here and logged alongside.
    work.update("collateral", collateral_id, {"file_name": file.name, "file_mime": mime})
    record.file_data = file.data
    encoded = base64.b64encode(file.data).decode("ascii")
    work.record_change(
        Change("collateral", collateral_id, "update", {"file_data": (None, encoded)})
    )


def add_collateral(
    store: Store,
    actor: Actor,
    values: Mapping[str, Any],
    *,
    file: CollateralFile | None = None,
) -> uuid.UUID:
    """Add a document or link (title, kind, url, value_points, products, industries, stages)."""
    require_marketing(store, actor, "run_campaigns", "add collateral")
    cleaned = _clean(values)
    if file is None and not cleaned.get("url"):
        raise ValidationError("collateral.url", "give a link or attach a file")
    with unit_of_work(store, actor) as work:
        new_id = work.create("collateral", cleaned)
        if file is not None:
            _attach(work, new_id, file)
    return new_id


def edit_collateral(
    store: Store,
    actor: Actor,
    collateral_id: uuid.UUID,
    values: Mapping[str, Any],
    *,
    file: CollateralFile | None = None,
) -> None:
    """Change fields of a piece of collateral and, if given, replace its document."""
    require_marketing(store, actor, "run_campaigns", "edit collateral")
    cleaned = _clean(values)
    with unit_of_work(store, actor) as work:
        if cleaned:
            work.update("collateral", collateral_id, cleaned)
        if file is not None:
            _attach(work, collateral_id, file)


def _item(row: Any, stage_names: dict[str, str]) -> CollateralItem:
    ids = tuple(str(stage) for stage in row.stages or ())
    return CollateralItem(
        id=row.id,
        title=row.title,
        kind=row.kind,
        url=row.url,
        file_name=row.file_name,
        file_mime=row.file_mime,
        has_file=bool(row.has_file),
        value_points=row.value_points,
        products=tuple(row.products or ()),
        industries=tuple(row.industries or ()),
        stages=tuple(name for key, name in stage_names.items() if key in ids),
        stage_ids=ids,
    )


def _library(session: Session) -> list[CollateralItem]:
    query = select(
        Collateral.id,
        Collateral.title,
        Collateral.kind,
        Collateral.url,
        Collateral.file_name,
        Collateral.file_mime,
        # Whether there is a document, without reading its bytes.
        Collateral.file_data.is_not(None).label("has_file"),
        Collateral.value_points,
        Collateral.products,
        Collateral.industries,
        Collateral.stages,
    ).order_by(Collateral.title, Collateral.id)
    funnel = select(FunnelStage.id, FunnelStage.name).order_by(FunnelStage.position)
    names = {stage_id.hex: name for stage_id, name in session.execute(funnel)}
    return [_item(row, names) for row in session.execute(query)]


def list_collateral(store: Store, actor: Actor, text: str = "") -> list[CollateralItem]:
    """The whole library by title, or the items whose title or value points contain ``text``."""
    needle = text.strip().casefold()
    with store.reading() as session:
        items = _library(session)
    if not needle:
        return items
    return [
        item
        for item in items
        if needle in item.title.casefold() or needle in (item.value_points or "").casefold()
    ]


def _fits(tags: tuple[str, ...], wanted: str | None) -> tuple[bool, int]:
    """Whether ``tags`` admit ``wanted`` and whether that was a named (specific) match."""
    if not tags:
        return True, 0
    if wanted is None:
        return False, 0
    folded = wanted.casefold()
    return any(tag.casefold() == folded for tag in tags), 1


def _stage_key(session: Session, stage: str | uuid.UUID) -> str:
    """The stored form (hex id) of a stage given by id or name; NotFound if there is none."""
    try:
        key = stage if isinstance(stage, uuid.UUID) else uuid.UUID(str(stage))
    except ValueError:
        found = session.scalar(select(FunnelStage.id).where(FunnelStage.name == str(stage)))
    else:
        found = session.scalar(select(FunnelStage.id).where(FunnelStage.id == key))
    if found is None:
        raise NotFound(f"no funnel stage {stage}")
    return found.hex


def collateral_for(
    store: Store,
    actor: Actor,
    stage: str | uuid.UUID,
    product: str | None = None,
    industry: str | None = None,
) -> list[CollateralItem]:
    """The collateral that helps at ``stage`` (name or id) for ``product`` and ``industry``.

    For the sales opportunity card. Collateral tied to no stage, product or
    industry fits any; items named for this exact stage, product and industry
    come first, then by title. Everyone may read the library.
    """
    with store.reading() as session:
        stage_key = _stage_key(session, stage)
        items = _library(session)
    ranked: list[tuple[int, str, CollateralItem]] = []
    for item in items:
        checks = [
            _fits(item.stage_ids, stage_key),
            _fits(item.products, product),
            _fits(item.industries, industry),
        ]
        if all(fits for fits, _ in checks):
            specificity = sum(named for _, named in checks)
            ranked.append((-specificity, item.title.casefold(), item))
    return [item for _, _, item in sorted(ranked, key=lambda entry: entry[:2])]


def collateral_file(store: Store, actor: Actor, collateral_id: uuid.UUID) -> CollateralFile:
    """The stored document of a piece of collateral; NotFound when it is a link only."""
    with store.reading() as session:
        row = session.execute(
            select(Collateral.file_name, Collateral.file_mime, Collateral.file_data).where(
                Collateral.id == collateral_id
            )
        ).first()
    if row is None:
        raise NotFound(f"no collateral with id {collateral_id}")
    if row.file_data is None:
        raise NotFound("this collateral is a link, with no stored document")
    return CollateralFile(row.file_name or "document", row.file_data, row.file_mime)


def open_collateral_file(
    store: Store, actor: Actor, collateral_id: uuid.UUID, folder: Path | None = None
) -> Path:
    """Write the stored document to a temporary file (offline) and return its path.

    The caller opens the path with the system viewer. Each call writes a fresh
    folder so two open copies never overwrite each other.
    """
    document = collateral_file(store, actor, collateral_id)
    target = Path(tempfile.mkdtemp(prefix="contactdesk-collateral-", dir=folder))
    # Only the base name: a stored name must never write outside the folder.
    path = target / (Path(document.name).name or "document")
    path.write_bytes(document.data)
    return path
