"""``contactdesk sync``: push this store's changes to a server and pull everyone else's.

The password comes from the keyring, ``CONTACTDESK_PASSWORD`` or a prompt and
is only exchanged for a token; the token is kept in the keyring (or for this
run only where there is no secure keyring, and then revoked when the run
ends), never in a file.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from pathlib import Path

from contactdesk.cli.output import print_json
from contactdesk.cli.store_argument import add_store_option, store_path
from contactdesk.errors import ContactDeskError
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import AuthenticationFailed, Backoff, ServerClient
from contactdesk.sync.sign_in import sign_in
from contactdesk.sync.sync_engine import SyncEngine, SyncReport
from contactdesk.sync.sync_state import signed_in_actor
from contactdesk.sync_protocol import MAX_BATCH, MAX_PAGE

PASSWORD_VARIABLE = "CONTACTDESK_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    parser.add_argument("--server", required=True, metavar="URL", help="the sync server")
    parser.add_argument("--user", required=True, metavar="NAME", help="your username there")
    parser.add_argument("--json", action="store_true", help="print what moved as JSON")
    parser.add_argument(
        "--batch-size", type=int, default=MAX_BATCH, help=f"changes per push (1-{MAX_BATCH})"
    )
    parser.add_argument(
        "--page-size", type=int, default=MAX_PAGE, help=f"records per pulled page (1-{MAX_PAGE})"
    )


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.batch_size <= MAX_BATCH or not 1 <= args.page_size <= MAX_PAGE:
        raise ContactDeskError(f"--batch-size is 1-{MAX_BATCH}, --page-size 1-{MAX_PAGE}")
    store = _open_or_create(store_path(args))
    tokens = TokenStore()
    client = ServerClient(args.server, backoff=Backoff(attempts=4))
    try:
        authenticate(store, client, tokens, args.user)
        engine = SyncEngine(store, client, batch_size=args.batch_size, page_size=args.page_size)
        try:
            report = engine.sync()
        except AuthenticationFailed:
            # The kept token was revoked or expired: sign in again once.
            tokens.forget(client.base_url, args.user)
            _sign_in_with_password(store, client, tokens, args.user)
            report = engine.sync()
    finally:
        try:
            _end_session(client, tokens)
        finally:
            client.close()
            store.close()
    _print(report, as_json=args.json)
    return 0


def _end_session(client: ServerClient, tokens: TokenStore) -> None:
    """Without a secure keyring the token dies with this run: revoke it on the server too,
    so a CLI run every few minutes leaves no live 30-day token behind."""
    if tokens.persistent or client.token is None:
        return
    # The sync's own outcome stands: an unreachable server lets the token expire.
    with contextlib.suppress(ContactDeskError):
        client.logout()


def _open_or_create(path: Path) -> Store:
    """The store to sync; a missing file becomes a new store filled by this sync."""
    return open_store(path)


def authenticate(store: Store, client: ServerClient, tokens: TokenStore, username: str) -> None:
    """Give ``client`` the kept token of ``username``, or sign in with the password for one."""
    actor = signed_in_actor(store)
    token = tokens.load(client.base_url, username)
    if token is not None and actor is not None and actor.username == username:
        client.token = token
        return
    _sign_in_with_password(store, client, tokens, username)


def _sign_in_with_password(
    store: Store, client: ServerClient, tokens: TokenStore, username: str
) -> None:
    password = (
        tokens.password(client.base_url, username)
        or os.environ.get(PASSWORD_VARIABLE)
        or _prompt(username)
    )
    sign_in(store, client, username, password, tokens)
    if not tokens.persistent:
        print(
            "contactdesk: no secure keyring here; the sign-in is kept for this run only",
            file=sys.stderr,
        )


def _prompt(username: str) -> str:
    if not sys.stdin.isatty():
        raise ContactDeskError(
            f"no password for {username}: set {PASSWORD_VARIABLE} or run in a terminal"
        )
    password = getpass.getpass(f"Password for {username}: ")
    if not password:
        raise ContactDeskError("no password given")
    return password


def _print(report: SyncReport, *, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "pushed": report.pushed,
                "pulled": report.pulled,
                "applied": report.applied,
                "conflicts": report.conflicts,
                "rejected": report.rejected,
                "purged": report.purged,
                "resynced": report.resynced,
                "clock_misses": report.clock_misses,
                "conflict_details": report.conflict_lines,
            }
        )
        return
    print(
        f"pushed {report.pushed}, pulled {report.pulled} (applied {report.applied}),"
        f" conflicts {report.conflicts}, refused {report.rejected}, purged {report.purged}"
        + (" after a resync" if report.resynced else "")
    )
    if report.clock_misses:
        print(f"leads past their follow-up deadline re-routed or escalated: {report.clock_misses}")
    for line in report.conflict_lines:
        print(f"  conflict: {line}")
