"""The ``--store PATH`` option every data command takes, and opening that store."""

from __future__ import annotations

import argparse
from pathlib import Path

from contactdesk.errors import ContactDeskError
from contactdesk.paths import default_store_path
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store


def add_store_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--store",
        dest="command_store",
        type=Path,
        required=required,
        metavar="PATH",
        help="the store file",
    )


def store_path(args: argparse.Namespace) -> Path:
    """The store named after the command, else before it, else the default one."""
    path: Path | None = getattr(args, "command_store", None) or getattr(args, "store", None)
    return path or default_store_path()


def open_existing_store(args: argparse.Namespace) -> Store:
    """Open the store a command names; a missing file is a user error, not a new store."""
    path = store_path(args)
    if not path.exists():
        raise ContactDeskError(
            f"no store at {path} (create one with 'contactdesk init' or 'contactdesk demo')"
        )
    return open_store(path)
