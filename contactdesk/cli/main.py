"""``contactdesk``: open the desktop app, or run one data command from a terminal.

Exit codes: 0 on success, 1 on a user error (one line on stderr), never a
traceback. Each command lives in ``contactdesk/cli/<name>_command.py`` with
``add_arguments(parser)`` and ``run(args) -> int``; a command whose module is not
there yet answers "not yet available".
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from contactdesk import __version__
from contactdesk.errors import ContactDeskError

COMMANDS: dict[str, str] = {
    "init": "create an empty store with its first admin",
    "demo": "create a realistic demo store",
    "record": "add, edit, delete, show or list records of any entity",
    "search": "search contacts and accounts",
    "history": "who changed a record's fields, from what to what, and when",
    "import": "import contacts from CSV or vCard",
    "export": "export contacts to CSV, vCard or XLSX",
    "report": "run a report",
    "week": "a sales rep's week plan",
    "campaign": "add or list campaigns",
    "lead": "hand leads to sales; accept or reject them",
    "call": "log a call with its next step",
    "deal": "move a deal through the funnel",
    "funnel": "propose, agree and show the funnel contract",
    "brief": "launch briefs: list, read, ready, readiness",
    "market-note": "record what the field saw or heard: competitors, prices, market news",
    "target": "set outcome targets and see their attainment",
    "admin": "users, custom fields and field rules",
    "sync": "sync the store with a server",
    "app-password": "passwords for phones and calendar apps (CardDAV, CalDAV)",
    "backup": "snapshot the store next to itself",
    "restore": "restore the store from a snapshot",
}


class UsageError(ContactDeskError):
    """Bad command-line usage (argparse's own errors are turned into this)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _command_module(name: str) -> ModuleType | None:
    module = f"contactdesk.cli.{name.replace('-', '_')}_command"
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name == module:
            return None
        raise


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="contactdesk", description="ContactDesk contact management")
    parser.add_argument("--version", action="version", version=f"contactdesk {__version__}")
    parser.add_argument("--store", type=Path, help="store file (default: in the user data dir)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the app on --store, exit 0 once its main window is on screen (1 if never)",
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="with --smoke-test: save the screen here"
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, summary in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        module = _command_module(name)
        if module is not None:
            module.add_arguments(sub)
        else:
            sub.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def _launch_app(args: argparse.Namespace) -> int:
    # The one place the core hands over to the Qt front end, by name, so that
    # contactdesk/ stays importable where Qt is not installed.
    if args.screenshot is not None and not args.smoke_test:
        raise ContactDeskError("--screenshot goes with --smoke-test")
    if args.smoke_test and args.store is None:
        raise ContactDeskError("--smoke-test needs --store PATH (the store to open)")
    try:
        app = importlib.import_module("ui.app")
    except ImportError as error:
        raise ContactDeskError(f"the desktop app cannot start: {error}") from error
    result: int = (
        app.run_smoke_test(args.store, args.screenshot) if args.smoke_test else app.run(args.store)
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``contactdesk``; returns the process exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(arguments)
        if args.command is None:
            return _launch_app(args)
        module = _command_module(args.command)
        if module is None:
            raise ContactDeskError(f"'contactdesk {args.command}' is not yet available")
        status: int = module.run(args)
        return status
    except ContactDeskError as error:
        print(f"contactdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("contactdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        print(f"contactdesk: unexpected error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
