"""``contactdesk history``: who changed which field of a record, from what to what, and when."""

from __future__ import annotations

import argparse
from typing import Any

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.field_catalog import ENTITIES
from contactdesk.services.record_history import HistoryEntry, record_history


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store_option(parser)
    reader = parser.add_mutually_exclusive_group()
    reader.add_argument("--as", dest="role", metavar="ROLE", help="read as this role sees it")
    reader.add_argument("--user", metavar="NAME", help="read as this user sees it")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("entity", choices=sorted(ENTITIES), help="the kind of record")
    parser.add_argument("record_id", metavar="ID", help="the record's id")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        if args.user:
            actor = find_user(store, args.user).actor()
        else:
            actor = Actor.for_role(args.role) if args.role else Actor.system()
        entries = record_history(store, actor, args.entity, args.record_id)
        if args.json:
            print_json([_as_json(entry) for entry in entries])
        else:
            print_table(_lines(entries), ["when", "who", "where", "field", "from", "to"])
        return 0
    finally:
        store.close()


def _where(entry: HistoryEntry) -> str:
    if not entry.on_this_device:
        return "other device"
    return "this device" if entry.synced else "this device, not yet synced"


def _as_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "change_id": entry.change_id,
        "at": entry.at,
        "who": entry.actor_name,
        "op": entry.op,
        "on_this_device": entry.on_this_device,
        "synced": entry.synced,
        "fields": [
            {"field": change.field, "label": change.label, "old": change.old, "new": change.new}
            for change in entry.fields
        ],
    }


def _lines(entries: list[HistoryEntry]) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    for entry in entries:
        common = {
            "when": entry.at.strftime("%Y-%m-%d %H:%M"),
            "who": entry.actor_name,
            "where": _where(entry),
        }
        if entry.op != "update":
            lines.append({**common, "field": entry.op})
            continue
        lines += [
            {**common, "field": change.label, "from": change.old, "to": change.new}
            for change in entry.fields
        ]
    return lines
