"""``contactdesk import``: read a CSV or vCard file into the store; print what was skipped.

Rows imported with a value kept as unverified text (a phone that does not
parse, an odd email) are listed under ``warnings``; they are not skipped.
``--list`` shows past imports, ``--revert ID`` undoes one (keeping what was
worked on since, and saying so).

Exit 0 when the file could be read (even with skipped rows), 1 when it could not.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ContactDeskError
from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.import_log import list_imports, revert_import
from contactdesk.importing.match_updates import ON_MATCH, ON_MATCH_SKIP, ON_MATCH_UPDATE
from contactdesk.importing.record_import import IMPORTABLE, import_records
from contactdesk.importing.store_import import FORMATS, ImportResult, import_contacts
from contactdesk.services.actor import Actor
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--format", choices=FORMATS, help="csv or vcard (default: from the name)")
    parser.add_argument("--as", dest="role", metavar="ROLE", help="import as this role")
    parser.add_argument(
        "--on-match",
        choices=ON_MATCH,
        default=ON_MATCH_UPDATE,
        help="a row matching a contact by vCard UID, email (any case), phone, or a second "
        "email or phone it has; by name and company when the row has none of these (an "
        "account by name or web domain): update it (default), skip the row, or add it as new",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="read and match the file, print counts and what each --on-match choice would "
        "do, store nothing",
    )
    parser.add_argument(
        "--entity",
        choices=("contact", *IMPORTABLE),
        default="contact",
        help="what the file holds: contacts (CSV or vCard), accounts or deals (CSV)",
    )
    history = parser.add_mutually_exclusive_group()
    history.add_argument("--list", action="store_true", help="list past imports, newest first")
    history.add_argument("--revert", metavar="ID", help="undo the import with this id")
    parser.add_argument("--json", action="store_true", help="print JSON (with --list, --revert)")
    parser.add_argument("file", type=Path, nargs="?", help="the file to import")


def run(args: argparse.Namespace) -> int:
    if not (args.list or args.revert) and args.file is None:
        raise ContactDeskError("give the FILE to import, or --list, or --revert ID")
    if (args.list or args.revert) and args.file is not None:
        raise ContactDeskError("--list and --revert take no FILE")
    store = open_existing_store(args)
    try:
        actor = Actor.for_role(args.role) if args.role else Actor.system()
        if args.list:
            return _list(store, args.json)
        if args.revert:
            return _revert(store, actor, args.revert, args.json)
        if args.entity != "contact":
            return _import_records(store, actor, args)
        return _import(store, actor, args)
    finally:
        store.close()


def _list(store: Store, as_json: bool) -> int:
    rows = [
        {
            "id": str(item.batch_id),
            "file": item.file_name,
            "format": item.file_format,
            "started_at": item.started_at,
            "imported": item.imported,
            "skipped": item.skipped,
            "accounts_created": item.accounts_created,
            "status": item.status,
        }
        for item in list_imports(store)
    ]
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ["id", "started_at", "file", "imported", "skipped", "status"])
    return 0


def _revert(store: Store, actor: Actor, batch: str, as_json: bool) -> int:
    try:
        batch_id = uuid.UUID(batch)
    except ValueError:
        raise ContactDeskError(
            f"{batch!r} is not an import id (see 'contactdesk import --list')"
        ) from None
    result = revert_import(store, actor, batch_id)
    kept = [
        {"entity": k.entity, "id": str(k.record_id), "name": k.name, "reason": k.reason}
        for k in result.kept
    ]
    if as_json:
        print_json(
            {
                "id": str(batch_id),
                "contacts_deleted": result.contacts_deleted,
                "accounts_deleted": result.accounts_deleted,
                "deals_deleted": result.deals_deleted,
                "kept_count": result.kept_count,
                "kept": kept,
            }
        )
        return 0
    print(
        f"deleted {result.contacts_deleted} contacts, {result.accounts_deleted} accounts, "
        f"{result.deals_deleted} deals"
    )
    print(f"kept {result.kept_count} with work done since the import")
    for item in kept:
        print(f"  {item['entity']} {item['name']}: {item['reason']}")
    return 0


def _import_records(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    try:
        result = import_records(
            store, actor, args.file, args.entity, on_match=args.on_match, dry_run=args.dry_run
        )
    except UnreadableFile as error:
        raise ContactDeskError(f"cannot import {error}; nothing was changed") from None
    if result.dry_run:
        print("trial run: nothing was stored")
    print(f"read as {result.encoding}")
    print(f"imported {result.imported}")
    if result.entity == "account" and result.on_match == ON_MATCH_UPDATE:
        print(f"updated existing {result.updated}")
    if result.entity == "account" and result.on_match == ON_MATCH_SKIP:
        print(f"skipped existing {result.matched_skipped}")
    _print_capped(
        f"skipped {result.skipped_count}",
        result.skipped_count,
        [row.reason for row in result.skipped],
    )
    for column in result.unmapped:
        print(f"column {column!r} names no field: not imported")
    if not result.dry_run:
        print(f"import id {result.batch_id}")
    return 0


def _import(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    result = _imported(store, actor, args)
    _print_result(result)
    return 0


def _imported(store: Store, actor: Actor, args: argparse.Namespace) -> ImportResult:
    try:
        result = import_contacts(
            store,
            actor,
            args.file,
            file_format=args.format,
            on_match=args.on_match,
            dry_run=args.dry_run,
        )
    except UnreadableFile as error:
        raise ContactDeskError(f"cannot import {error}; nothing was changed") from None
    except ContactDeskError:
        raise
    except Exception as error:
        # Whatever a file holds, import answers 0 or 1 (issue 22), never a crash.
        raise ContactDeskError(
            f"cannot import {args.file.name}: {type(error).__name__}: {error}; nothing was changed"
        ) from None
    return result


def _print_result(result: ImportResult) -> None:
    if result.dry_run:
        print("trial run: nothing was stored")
    print(f"read as {result.encoding}")
    print(f"imported {result.imported}")
    if result.on_match == ON_MATCH_UPDATE:
        print(f"updated existing {result.updated}")
        print(f"unchanged existing {result.unchanged}")
    if result.on_match == ON_MATCH_SKIP or result.matched_skipped:
        print(f"skipped existing {result.matched_skipped}")
    if result.companies_imported:
        print(f"companies imported as accounts {result.companies_imported}")
    _print_capped(
        f"skipped {result.skipped_count}",
        result.skipped_count,
        [f"line {row.location}: {row.reason}" for row in result.skipped],
    )
    if result.warning_count:
        # Imported rows with a value kept as unverified text: not skipped, but worth a look.
        _print_capped(
            f"warnings {result.warning_count}",
            result.warning_count,
            [f"line {w.location}: {w.message}" for w in result.warnings],
        )
    _print_capped(
        f"matching existing records {result.duplicate_count}",
        result.duplicate_count,
        [f"line {d.location}: {d.reason} as {d.existing_name}" for d in result.duplicates],
    )
    _print_capped(
        f"duplicates within the file {result.in_file_duplicate_count}",
        result.in_file_duplicate_count,
        [
            f"line {d.location} repeats line {d.first_location} ({d.reason})"
            for d in result.in_file_duplicates
        ],
    )
    print(f"blank rows {result.blank_rows}")
    print(f"comment rows {result.comment_rows}")
    for column, where in result.unmapped.items():
        print(f"column {column!r} had no field: kept in {where} as '{column}: ...'")
    if result.dry_run:
        _print_choices(result)
    else:
        print(f"import id {result.batch_id}")


def _print_choices(result: ImportResult) -> None:
    """What each --on-match choice would do with the rows matching existing records."""
    matched = result.duplicate_count
    if result.on_match == ON_MATCH_UPDATE:
        update = f"{result.updated} changed, {result.unchanged} already the same"
    else:
        update = f"{matched} (a trial with --on-match update shows how many change)"
    print(f"the {matched} rows matching existing records, by --on-match:")
    print(f"  update: {update}")
    print(f"  skip: {matched} left as they are")
    print(f"  add: {result.added_on_add} added as new contacts")


def _print_capped(title: str, count: int, lines: list[str]) -> None:
    """A heading, its (capped) lines indented, and how many more there were."""
    print(title)
    for line in lines:
        print(f"  {line}")
    if count > len(lines):
        print(f"  ... and {count - len(lines)} more")
