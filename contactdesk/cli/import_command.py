"""``contactdesk import``: read a CSV or vCard file into the store; print what was skipped.

Rows imported with a value kept as unverified text (a phone that does not
parse, an odd email) are listed under ``warnings``; they are not skipped.

Exit 0 when the file could be read (even with skipped rows), 1 when it could not.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ContactDeskError
from contactdesk.importing.errors import UnreadableFile
from contactdesk.importing.store_import import FORMATS, import_contacts
from contactdesk.services.actor import Actor


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--format", choices=FORMATS, help="csv or vcard (default: from the name)")
    parser.add_argument("--as", dest="role", metavar="ROLE", help="import as this role")
    parser.add_argument("file", type=Path, help="the file to import")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        actor = Actor.for_role(args.role) if args.role else Actor.system()
        try:
            result = import_contacts(store, actor, args.file, file_format=args.format)
        except UnreadableFile as error:
            raise ContactDeskError(f"cannot import {error}; nothing was changed") from None
        except ContactDeskError:
            raise
        except Exception as error:
            # Whatever a file holds, import answers 0 or 1 (issue 22), never a crash.
            raise ContactDeskError(
                f"cannot import {args.file.name}: {type(error).__name__}: {error}; "
                "nothing was changed"
            ) from None
        print(f"read as {result.encoding}")
        print(f"imported {result.imported}")
        if result.companies_imported:
            print(f"companies imported as accounts {result.companies_imported}")
        print(f"skipped {result.skipped_count}")
        for row in result.skipped:
            print(f"  line {row.location}: {row.reason}")
        if result.skipped_count > len(result.skipped):
            print(f"  ... and {result.skipped_count - len(result.skipped)} more")
        if result.warning_count:
            # Imported rows with a value kept as unverified text: not skipped, but worth a look.
            print(f"warnings {result.warning_count}")
            for warning in result.warnings:
                print(f"  line {warning.location}: {warning.message}")
            if result.warning_count > len(result.warnings):
                print(f"  ... and {result.warning_count - len(result.warnings)} more")
        if result.duplicate_count:
            print(f"possible duplicates of existing contacts {result.duplicate_count}")
            for duplicate in result.duplicates:
                print(
                    f"  line {duplicate.location}: {duplicate.reason} as {duplicate.existing_name}"
                )
        for column, where in result.unmapped.items():
            print(f"column {column!r} had no field: kept in {where} as '{column}: ...'")
        print(f"import id {result.batch_id}")
        return 0
    finally:
        store.close()
