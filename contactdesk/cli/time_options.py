"""Times typed on the command line: ISO 8601; a time without a zone is UTC, like ``--set``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from contactdesk.errors import ContactDeskError


def parse_moment(text: str, option: str) -> datetime:
    """``text`` as an aware datetime; a one-line error naming ``option`` if it is not a time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ContactDeskError(f"{option} {text!r} is not a time (use ISO 8601)") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def add_now_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now", metavar="TIME", help="when it happened (ISO time, UTC if no zone; default now)"
    )


def now_of(args: argparse.Namespace) -> datetime:
    """The ``--now`` time, or the current time."""
    text: str | None = args.now
    return datetime.now(UTC) if text is None else parse_moment(text, "--now")
