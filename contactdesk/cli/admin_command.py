"""``contactdesk admin``: users, custom fields, field rules, role capabilities, phone region."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from contactdesk.cli.output import print_json, print_table
from contactdesk.cli.store_argument import add_store_option, open_existing_store
from contactdesk.errors import NotFound
from contactdesk.model.governance import CAPABILITIES
from contactdesk.services.actor import Actor
from contactdesk.services.capabilities import role_capabilities, set_capabilities
from contactdesk.services.company_settings import read_setting, set_phone_region
from contactdesk.services.custom_fields import add_custom_field
from contactdesk.services.directory import create_user, find_user, list_users
from contactdesk.services.field_catalog import CUSTOM_FIELD_TYPES
from contactdesk.services.rule_admin import set_rule
from contactdesk.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="admin_action", required=True)
    users = actions.add_parser("users", help="users with role and team")
    add_store_option(users)
    users.add_argument("--json", action="store_true")

    user = actions.add_parser("user", help="add a user")
    user_actions = user.add_subparsers(dest="user_action", required=True)
    user_add = user_actions.add_parser("add", help="add a user with a role")
    add_store_option(user_add)
    user_add.add_argument("name", metavar="NAME", help="username (no spaces)")
    user_add.add_argument("--role", required=True, metavar="ROLE")
    user_add.add_argument("--team", metavar="T")
    user_add.add_argument("--territory", metavar="T")
    user_add.add_argument("--display-name", metavar="TEXT")
    user_add.add_argument("--team-lead", action="store_true", help="leads their team")
    user_add.add_argument("--json", action="store_true")

    field = actions.add_parser("field", help="custom fields")
    field_actions = field.add_subparsers(dest="field_action", required=True)
    add = field_actions.add_parser("add", help="add a custom field")
    add_store_option(add)
    add.add_argument("entity", metavar="ENTITY")
    add.add_argument("name", metavar="NAME")
    add.add_argument("type", metavar="TYPE", help=" | ".join(CUSTOM_FIELD_TYPES))
    add.add_argument("--choices", help="comma-separated choices for choice fields")
    add.add_argument("--label", help="label shown in forms (default: from the name)")

    rule = actions.add_parser("rule", help="set a role's access to a field")
    add_store_option(rule)
    rule.add_argument("role", metavar="ROLE")
    rule.add_argument("field", metavar="ENTITY.FIELD")
    rule.add_argument("access", metavar="ACCESS", help="hidden | read | edit")

    capabilities = actions.add_parser(
        "capabilities", help="what a role may do; --set gives it exactly those capabilities"
    )
    add_store_option(capabilities)
    capabilities.add_argument("role", metavar="ROLE")
    capabilities.add_argument(
        "--set", metavar="CAP,...", help=f"comma-separated, of: {', '.join(CAPABILITIES)}"
    )
    capabilities.add_argument("--json", action="store_true")

    region = actions.add_parser(
        "phone-region", help="where numbers of contacts with no known country are read"
    )
    add_store_option(region)
    region.add_argument("country", metavar="COUNTRY", help="an ISO code or a country's name")


def run(args: argparse.Namespace) -> int:
    store = open_existing_store(args)
    try:
        if args.admin_action == "users":
            return _users(store, args)
        if args.admin_action == "user":
            return _add_user(store, args)
        if args.admin_action == "field":
            return _add_field(store, args)
        if args.admin_action == "phone-region":
            return _phone_region(store, args)
        if args.admin_action == "capabilities":
            return _capabilities(store, args)
        return _rule(store, args)
    finally:
        store.close()


def _users(store: Store, args: argparse.Namespace) -> int:
    users = list_users(store)
    if args.json:
        print_json([asdict(user) for user in users])
    else:
        print_table([asdict(user) for user in users], ["username", "display_name", "role", "team"])
    return 0


def _add_user(store: Store, args: argparse.Namespace) -> int:
    create_user(
        store,
        Actor.system(),
        args.name,
        display_name=args.display_name,
        role=args.role,
        team=args.team,
        territory=args.territory,
        is_team_lead=args.team_lead,
    )
    user = find_user(store, args.name.strip())
    if args.json:
        print_json(asdict(user))
    else:
        print(f"added {user.username} ({user.role}) as {user.display_name}")
    return 0


def _add_field(store: Store, args: argparse.Namespace) -> int:
    choices = args.choices.split(",") if args.choices else None
    add_custom_field(
        store, Actor.system(), args.entity, args.name, args.type, label=args.label, choices=choices
    )
    print(f"added {args.entity}.{args.name} ({args.type})")
    return 0


def _rule(store: Store, args: argparse.Namespace) -> int:
    changes = set_rule(store, Actor.system(), args.role, args.field, args.access)
    state = "set" if changes.changes else "unchanged"
    print(f"{args.role} {args.field}: {args.access} ({state})")
    return 0


def _phone_region(store: Store, args: argparse.Namespace) -> int:
    set_phone_region(store, Actor.system(), args.country)
    print(f"phone numbers without + are read as {read_setting(store, 'phone_region')}")
    return 0


def _capabilities(store: Store, args: argparse.Namespace) -> int:
    if args.set is not None:
        wanted = [name.strip() for name in args.set.split(",") if name.strip()]
        set_capabilities(store, Actor.system(), args.role, wanted)
    roles = role_capabilities(store)
    if args.role not in roles:
        raise NotFound(f"no role called {args.role!r}")
    granted = sorted(roles[args.role])
    if args.json:
        print_json({"role": args.role, "capabilities": granted})
    else:
        print(f"{args.role}: {', '.join(granted) or 'no capabilities'}")
    return 0
