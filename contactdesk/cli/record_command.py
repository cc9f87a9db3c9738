"""``contactdesk record add|edit|delete|show|list``: any entity of the field catalog, by field name.

Every write goes through the one unit of work (field rules, record scope,
business rules, change log) as ``--user``; a field the role may not edit, an
unknown field or a bad value exits 1 with one line naming the field and why,
and nothing is written. FIELD names are the model's column names; a reference
takes the record's id (a user reference also takes a username, a stage its
name). ``FIELD=`` (nothing after ``=``) clears a field.
"""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from contactdesk.cli.campaign_command import acting_user
from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import ContactDeskError, ValidationError
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.field_catalog import ENTITIES, entity_spec
from contactdesk.services.funnel import list_stages
from contactdesk.services.record_queries import (
    Condition,
    get_record,
    page_records,
    visible_fields,
)
from contactdesk.store import Store

LIST_LIMIT = 100
# How many fields a plain-text list shows after the id (``--json`` has them all).
TABLE_FIELDS = 6


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="record_action", required=True)
    add = _action(actions, "add", "create a record", needs_id=False, writes=True)
    add.add_argument("--set", dest="values", action="append", default=[], required=True,
                     metavar="FIELD=VALUE", help="a field's value (repeat for each field)")
    edit = _action(actions, "edit", "change fields of a record", needs_id=True, writes=True)
    edit.add_argument("--set", dest="values", action="append", default=[], required=True,
                      metavar="FIELD=VALUE", help="a field's new value (FIELD= clears it)")
    _action(actions, "delete", "delete a record", needs_id=True, writes=True)
    _action(actions, "show", "one record as the user sees it", needs_id=True, writes=False)
    listing = _action(actions, "list", "records as the user sees them", needs_id=False,
                      writes=False)
    listing.add_argument("--where", action="append", default=[], metavar="FIELD=VALUE",
                         help="only records whose field has this value (repeat to narrow)")
    listing.add_argument("--limit", type=int, default=LIST_LIMIT, metavar="N")


def _action(
    actions: Any, name: str, summary: str, *, needs_id: bool, writes: bool
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=summary, description=summary)
    parser.add_argument("entity", metavar="ENTITY", choices=sorted(ENTITIES),
                        help=" | ".join(sorted(ENTITIES)))
    if needs_id:
        parser.add_argument("record_id", metavar="ID")
    add_store_option(parser)
    parser.add_argument("--user", required=writes, metavar="NAME",
                        help="act as this user (their role's field rules and scope)")
    parser.add_argument("--json", action="store_true")
    return parser


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        actor = acting_user(store, args.user)
        handler = {
            "add": _add,
            "edit": _edit,
            "delete": _delete,
            "show": _show,
            "list": _list,
        }[args.record_action]
        return handler(store, actor, args)
    finally:
        store.close()


def parse_assignments(store: Store, entity: str, texts: list[str], option: str) -> dict[str, Any]:
    """``FIELD=VALUE`` texts as a dict; user references may be usernames, stages names."""
    values: dict[str, Any] = {}
    for text in texts:
        name, equals, value = text.partition("=")
        name = name.strip()
        if not equals or not name:
            raise ContactDeskError(f"{option} {text!r}: write FIELD=VALUE")
        if name in values:
            raise ValidationError(f"{entity}.{name}", f"given twice in {option}")
        values[name] = _resolved(store, entity, name, value)
    return values


def _resolved(store: Store, entity: str, name: str, value: str) -> Any:
    field = entity_spec(entity).by_name.get(name)
    if field is None or not value.strip() or _is_id(value):
        return value
    if field.type == "reference" and field.target == "user":
        return find_user(store, value.strip()).id
    if field.type == "stage":
        return _stage_id(store, value.strip(), f"{entity}.{name}")
    return value


def _stage_id(store: Store, name: str, label: str) -> uuid.UUID:
    stages = list_stages(store)
    for stage in stages:
        if stage.name == name:
            return stage.id
    known = ", ".join(stage.name for stage in stages)
    raise ValidationError(label, f"unknown stage {name!r} (stages: {known})")


def _is_id(text: str) -> bool:
    try:
        uuid.UUID(text.strip())
    except ValueError:
        return False
    return True


def _add(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    values = parse_assignments(store, args.entity, args.values, "--set")
    new_id = unit_of_work.create(store, actor, args.entity, values).record_id
    if args.json:
        print_json({"id": str(new_id)})
    else:
        print(new_id)
    return 0


def _edit(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    values = parse_assignments(store, args.entity, args.values, "--set")
    changes = unit_of_work.update(store, actor, args.entity, args.record_id, values)
    changed = sorted({name for change in changes.changes for name in change.fields})
    if args.json:
        print_json({"id": args.record_id, "changed": changed})
    else:
        print(f"changed: {', '.join(changed)}" if changed else "nothing changed")
    return 0


def _delete(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    unit_of_work.delete(store, actor, args.entity, args.record_id)
    if args.json:
        print_json({"id": args.record_id, "deleted": True})
    else:
        print(f"deleted {args.entity} {args.record_id}")
    return 0


def _show(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    record = get_record(store, actor, args.entity, args.record_id)
    if args.json:
        print_json(record)
    else:
        print_table([{"field": name, "value": value} for name, value in record.items()],
                    ["field", "value"])
    return 0


def _list(store: Store, actor: Actor, args: argparse.Namespace) -> int:
    conditions = [
        Condition(name, "eq", value)
        for name, value in parse_assignments(store, args.entity, args.where, "--where").items()
    ]
    page = page_records(store, actor, args.entity, limit=args.limit, where=conditions)
    if args.json:
        print_json(page.rows)
        return 0
    names = [field.name for field in visible_fields(store, actor, args.entity)]
    print_table(page.rows, ["id", *names[:TABLE_FIELDS]])
    return 0
