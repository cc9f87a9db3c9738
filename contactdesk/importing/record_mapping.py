"""Which CSV column of an account or deal file goes to which field (issue 15 point 8).

The targets are the entity's fields from the field catalog that the importing
role may edit, custom fields included; a column is suggested onto the field
whose name or label its header carries (``Name``, ``Industry``, ``Expected
close``), the same words the record form shows. A deal's ``Account`` (or
``Company``) column names its account. The user may change any column, as in
the contact import's mapping step.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from contactdesk.errors import ContactDeskError
from contactdesk.importing.csv_dialect import detect_dialect
from contactdesk.importing.csv_layouts import normalise_header
from contactdesk.importing.errors import existing_file
from contactdesk.importing.text_decoding import decide_encoding, open_text
from contactdesk.services.actor import Actor
from contactdesk.services.field_catalog import ENTITIES, FieldSpec
from contactdesk.services.field_rules import Policy
from contactdesk.services.policy_cache import policy_for
from contactdesk.store.local_store import Store

IMPORTABLE = ("account", "opportunity")
ACCOUNT_COLUMN_WORDS = frozenset({"account", "account name", "company", "organisation"})
SAMPLE_CHARS = 16 * 1024


@dataclass(frozen=True)
class RecordPreview:
    """The first rows of a file of accounts or deals and how its columns would be read."""

    entity: str
    encoding: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # The fields a column may go to: editable by the role, built-in then custom.
    fields: tuple[FieldSpec, ...]
    # Column index -> field name, from the header's words.
    suggested: Mapping[int, str]


def check_entity(entity: str) -> None:
    if entity not in IMPORTABLE:
        raise ContactDeskError(f"cannot import {entity!r} records (use {', '.join(IMPORTABLE)})")


def import_targets(policy: Policy, entity: str) -> tuple[FieldSpec, ...]:
    """The fields of ``entity`` an import may fill for the policy's role, custom ones last."""
    spec = ENTITIES[entity]
    builtin = [f for f in spec.fields if not f.system and policy.can_edit(entity, f.name)]
    custom = [c.as_spec() for c in policy.custom(entity) if policy.can_edit(entity, c.name)]
    return (*builtin, *custom)


def suggest_columns(
    entity: str, header: Sequence[str], fields: Sequence[FieldSpec]
) -> dict[int, str]:
    """Column index -> field name, by the field's name or label (case and spaces ignored)."""
    words = {normalise_header(f.name.replace("_", " ")): f.name for f in fields}
    words.update({normalise_header(f.label): f.name for f in fields})
    if entity == "opportunity" and any(f.name == "account_id" for f in fields):
        words.update({word: "account_id" for word in ACCOUNT_COLUMN_WORDS})
    suggested: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = words.get(normalise_header(cell))
        if name is not None and name not in suggested.values():
            suggested[index] = name
    return suggested


def check_mapping(
    entity: str, mapping: Mapping[int, str], header: Sequence[str], fields: Sequence[FieldSpec]
) -> dict[int, str]:
    """The mapping with every field known and mapped once; ContactDeskError names the column."""
    known = {f.name for f in fields}
    seen: dict[str, int] = {}
    for index, name in sorted(mapping.items()):
        column = (
            header[index]
            if index < len(header) and header[index].strip()
            else (f"column {index + 1}")
        )
        if name not in known:
            raise ContactDeskError(
                f"column {column!r}: {ENTITIES[entity].label.lower()}s have no field {name!r} "
                "this role may fill"
            )
        if name in seen:
            raise ContactDeskError(f"column {column!r}: {name} is already filled by another column")
        seen[name] = index
    return dict(mapping)


def csv_rows(path: Path, codec: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` of each row of ``path``, the line where the row starts."""
    with open_text(path, encoding=codec) as stream:
        dialect = detect_dialect(stream.read(SAMPLE_CHARS))
        stream.seek(0)
        reader = csv.reader(stream, delimiter=dialect.delimiter, quotechar=dialect.quotechar)
        line = 1
        for row in reader:
            yield line, row
            line = reader.line_num + 1


def preview_records(
    store: Store, actor: Actor, path: str | Path, entity: str, *, rows: int = 5
) -> RecordPreview:
    """Read the header and first ``rows`` rows of ``path``; suggest a field per column."""
    check_entity(entity)
    path = existing_file(path)
    decided = decide_encoding(path)
    with store.reading() as session:
        fields = import_targets(policy_for(store, session, actor.role), entity)
    first: list[tuple[str, ...]] = []
    for _, row in csv_rows(path, decided.codec):
        if any(cell.strip() for cell in row):
            first.append(tuple(row))
        if len(first) > rows:
            break
    header = first[0] if first else ()
    return RecordPreview(
        entity,
        decided.name,
        header,
        tuple(first[1:]),
        fields,
        suggest_columns(entity, header, fields),
    )
