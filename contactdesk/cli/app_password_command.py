"""``contactdesk app-password``: passwords for phones and calendar apps (CardDAV, CalDAV).

``add LABEL`` makes one and prints it once, with the address to type into the
phone; ``list`` shows the live ones (never their values); ``revoke ID`` ends
one. Signs in like ``contactdesk sync`` (keyring, CONTACTDESK_PASSWORD or a
prompt).
"""

from __future__ import annotations

import argparse
import uuid

from contactdesk.cli.output import print_json
from contactdesk.cli.store_argument import add_store_option, store_path
from contactdesk.cli.sync_command import authenticate
from contactdesk.errors import ContactDeskError
from contactdesk.services.store_opening import open_store
from contactdesk.sync.credentials import TokenStore
from contactdesk.sync.server_client import AuthenticationFailed, Backoff, ServerClient


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["add", "list", "revoke"], help="what to do")
    parser.add_argument(
        "value", nargs="?", help="add: a name for the phone or app; revoke: the password's id"
    )
    add_store_option(parser)
    parser.add_argument("--server", required=True, metavar="URL", help="the sync server")
    parser.add_argument("--user", required=True, metavar="NAME", help="your username there")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")


def run(args: argparse.Namespace) -> int:
    if args.action in ("add", "revoke") and not args.value:
        wanted = "a name (app-password add iPhone)" if args.action == "add" else "an id"
        raise ContactDeskError(f"app-password {args.action} needs {wanted}")
    store = open_store(store_path(args))
    tokens = TokenStore()
    client = ServerClient(args.server, backoff=Backoff(attempts=4))
    try:
        authenticate(store, client, tokens, args.user)
        try:
            _act(client, args)
        except AuthenticationFailed:
            tokens.forget(client.base_url, args.user)
            authenticate(store, client, tokens, args.user)
            _act(client, args)
    finally:
        client.close()
        store.close()
    return 0


def _act(client: ServerClient, args: argparse.Namespace) -> None:
    if args.action == "add":
        made = client.create_app_password(args.value)
        address = f"{client.base_url}/dav/"
        if args.json:
            print_json({**made.model_dump(mode="json"), "address": address, "user": args.user})
            return
        print(f"app password for {made.label}: {made.password}")
        print(f"address: {address}  user: {args.user}  (shown once; see docs/phones.md)")
    elif args.action == "list":
        rows = client.app_passwords()
        if args.json:
            print_json([row.model_dump(mode="json") for row in rows])
            return
        for row in rows:
            used = row.last_used_at.isoformat(timespec="minutes") if row.last_used_at else "never"
            created = row.created_at.isoformat(timespec="minutes")
            print(f"{row.id}  {row.label}  made {created}  last used {used}")
    else:
        try:
            password_id = uuid.UUID(args.value)
        except ValueError:
            raise ContactDeskError(f"not an app password id: {args.value!r}") from None
        client.revoke_app_password(password_id)
        if args.json:
            print_json({"revoked": str(password_id)})
        else:
            print(f"revoked {password_id}")
