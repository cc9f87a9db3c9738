"""``contactdesk market-note add|list``: field intel no call produced, for an account or contact.

``add`` is what the week view's and the cards' "Market note" does: a
competitor seen, a price heard or market news, tagged and linked. It reaches
marketing's ``report field-intel``.
"""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ValidationError
from contactdesk.model.selling import MARKET_TOPICS
from contactdesk.selling.market_notes import add_market_note, market_notes
from contactdesk.services.directory import find_user


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="note_action", required=True)
    add = actions.add_parser("add", help="record a market note")
    add.add_argument("--topic", required=True, choices=MARKET_TOPICS)
    add.add_argument("--text", required=True, help="what you saw or heard")
    add.add_argument("--tag", help="the competitor, product or subject")
    add.add_argument("--product")
    listing = actions.add_parser("list", help="market notes, newest first")
    for action in (add, listing):
        add_store_option(action)
        action.add_argument("--user", required=True, metavar="NAME")
        action.add_argument("--account", metavar="ID", help="the account it is about")
        action.add_argument("--contact", metavar="ID", help="the contact it is about")
        action.add_argument("--json", action="store_true")


def _id(text: str | None, field: str) -> uuid.UUID | None:
    if text is None:
        return None
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a record id") from None


def run(args: argparse.Namespace) -> int:
    account = _id(args.account, "intel.account_id")
    contact = _id(args.contact, "intel.contact_id")
    store = open_existing_store(args)
    try:
        actor = find_user(store, args.user).actor()
        if args.note_action == "add":
            note_id = add_market_note(
                store, actor, topic=args.topic, text=args.text, tag=args.tag,
                account_id=account, contact_id=contact, product=args.product,
            )
            if args.json:
                print_json({"id": str(note_id)})
            else:
                print(note_id)
            return 0
        notes = [asdict(note) for note in market_notes(
            store, actor, account_id=account, contact_id=contact
        )]
    finally:
        store.close()
    if args.json:
        print_json(notes)
    else:
        print_table(notes, ["created_at", "topic", "tag", "account", "contact", "text"])
    return 0
