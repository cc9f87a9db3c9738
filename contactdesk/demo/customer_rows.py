"""Demo accounts and contacts: the bulk of the store, generated lazily and fast.

The generators fill ``Customers`` as rows are produced (ids, owners, names), so
the later generators (leads, activities) can refer to them without reading the
store back. Per-row work is kept to a few list look-ups: at a million
contacts every microsecond per row is a second of load time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from contactdesk.demo.demo_context import MINUTES_PER_DAY, RECORD_COLUMNS, DemoContext
from contactdesk.demo.table_rows import TableRows
from contactdesk.demo.vocabulary import (
    BUYER_TITLES,
    COMPANY_SIZES,
    COMPANY_STEMS,
    COMPANY_SUFFIXES,
    ENQUIRY_SOURCES,
    FIRST_NAMES,
    INDUSTRIES,
    LANDLINE_RANGES,
    LAST_NAMES,
    MOBILE_RANGE,
    SIZE_WEIGHTS,
    SOURCE_WEIGHTS,
    STREET_NAMES,
    TEAMS,
    TERRITORY_TOWNS,
)
from contactdesk.services.record_derivations import contact_sort_key

POSTCODE_AREAS = {
    "Scotland": "G", "North East": "NE", "North West": "M", "Yorkshire": "LS",
    "London": "EC", "South East": "BN", "South West": "BS", "Midlands": "B",
}
ACCOUNT_COLUMNS = (*RECORD_COLUMNS, "name", "industry", "employees", "region", "territory",
                   "country", "website", "phone", "owner_id", "after_sale_owner_id",
                   "keep_in_touch_days", "market_share", "notes")
CONTACT_COLUMNS = (*RECORD_COLUMNS, "account_id", "first_name", "last_name", "display_name",
                   "title", "email", "phone", "mobile", "street", "city", "region", "postcode",
                   "country", "birthday", "enquiry_source", "owner_id", "notes", "sort_key")
# Share of accounts and contacts left without an owner (new, not yet routed).
UNASSIGNED = 0.08
# Share of contacts with no company (private buyers, contacts from events).
NO_ACCOUNT = 0.04


@dataclass
class Customers:
    """What later generators need to know about the accounts and contacts written."""

    account_ids: list[str] = field(default_factory=list)
    account_names: list[str] = field(default_factory=list)
    account_owners: list[str | None] = field(default_factory=list)
    account_territories: list[str] = field(default_factory=list)
    account_industries: list[str] = field(default_factory=list)
    account_domains: list[str] = field(default_factory=list)
    contact_ids: list[str] = field(default_factory=list)
    contact_accounts: list[int] = field(default_factory=list)  # -1: no account
    contact_owners: list[str | None] = field(default_factory=list)
    contact_sources: list[str] = field(default_factory=list)


def _territories() -> list[tuple[str, str]]:
    return [(region, territory) for region, names in TEAMS.values() for territory in names]


def account_rows(context: DemoContext, customers: Customers, count: int) -> TableRows:
    return TableRows("accounts", ACCOUNT_COLUMNS, _accounts(context, customers, count), count)


def _accounts(context: DemoContext, customers: Customers, count: int) -> Iterator[tuple[Any, ...]]:
    rng = context.rng
    random = rng.random
    territories = _territories()
    owners = {t: context.team.rep_for(t).id for _, t in territories}
    sizes = rng.choices(COMPANY_SIZES, SIZE_WEIGHTS, k=count)
    for index in range(count):
        industry, nouns = INDUSTRIES[int(random() * len(INDUSTRIES))]
        stem = COMPANY_STEMS[int(random() * len(COMPANY_STEMS))]
        noun = nouns[int(random() * len(nouns))]
        suffix = COMPANY_SUFFIXES[int(random() * len(COMPANY_SUFFIXES))]
        name = f"{stem} {noun} {suffix}"
        region, territory = territories[int(random() * len(territories))]
        owner = None if random() < UNASSIGNED else owners[territory]
        low, high = sizes[index]
        employees = low + int(random() * (high - low))
        keep_in_touch = (14, 30, 60, 90)[int(random() * 4)] if random() < 0.3 else None
        market_share = round(random() * 40, 1) if random() < 0.03 else None
        # Beyond the first few thousand, a number keeps look-alike companies' domains apart.
        number = f"{index % 97}" if index >= 5000 else ""
        domain = f"{stem}{noun}".lower() + f"{number}.example"
        phone = f"{LANDLINE_RANGES[int(random() * len(LANDLINE_RANGES))]}{int(random() * 1000):03d}"
        stamp = context.past_stamp(900, 30)
        row = (context.new_id(), stamp, stamp, 0, name, industry, employees, region, territory,
               "United Kingdom", f"https://www.{domain}", phone, owner,
               owner if owner is not None and random() < 0.5 else None,
               keep_in_touch, market_share, None)
        customers.account_ids.append(row[0])
        customers.account_names.append(name)
        customers.account_owners.append(owner)
        customers.account_territories.append(territory)
        customers.account_industries.append(industry)
        customers.account_domains.append(domain)
        yield row


def contact_rows(context: DemoContext, customers: Customers, count: int) -> TableRows:
    return TableRows("contacts", CONTACT_COLUMNS, _contacts(context, customers, count), count)


def _contacts(context: DemoContext, customers: Customers, count: int) -> Iterator[tuple[Any, ...]]:
    # Per row this draws the same numbers in the same order as ever (a seed's data
    # must not change); names are bound locally because at a million rows each
    # attribute or method look-up costs about a second.
    rng = context.rng
    random = rng.random
    randint = rng.randint
    randrange = rng.randrange
    stored = context.clock.stored
    new_id = context.ids
    accounts = len(customers.account_ids)
    account_ids = customers.account_ids
    account_territories = customers.account_territories
    account_owners = customers.account_owners
    account_domains = customers.account_domains
    add_id = customers.contact_ids.append
    add_account = customers.contact_accounts.append
    add_owner = customers.contact_owners.append
    add_source = customers.contact_sources.append
    sources = rng.choices(ENQUIRY_SOURCES, SOURCE_WEIGHTS, k=count)
    regions = {territory: region for region, territory in _territories()}
    postcode_areas = POSTCODE_AREAS
    derived: dict[tuple[str, str], tuple[str, str]] = {}
    n_first, n_last, n_landline = len(FIRST_NAMES), len(LAST_NAMES), len(LANDLINE_RANGES)
    n_streets, n_titles = len(STREET_NAMES), len(BUYER_TITLES)
    letters = [chr(65 + i) for i in range(26)]
    for index in range(count):
        first = FIRST_NAMES[int(random() * n_first)]
        last = LAST_NAMES[int(random() * n_last)]
        if random() < NO_ACCOUNT or not accounts:
            account = -1
            account_id = None
            territory = "London"
            owner = None
            domain = "mail.example"
        else:
            account = int(random() * accounts)
            account_id = account_ids[account]
            territory = account_territories[account]
            owner = account_owners[account]
            domain = account_domains[account]
        names = derived.get((first, last))
        if names is None:
            names = derived[(first, last)] = _derived_names(first, last)
        key, local = names
        email = f"{local}{index % 7 or ''}@{domain}"
        phone = f"{LANDLINE_RANGES[int(random() * n_landline)]}{int(random() * 1000):03d}"
        mobile = f"{MOBILE_RANGE}{int(random() * 1000):03d}" if random() < 0.6 else None
        towns = TERRITORY_TOWNS[territory]
        street = f"{1 + int(random() * 180)} {STREET_NAMES[int(random() * n_streets)]}"
        postcode = (f"{postcode_areas[territory]}{1 + int(random() * 20)} "
                    f"{1 + int(random() * 9)}{letters[int(random() * 26)]}"
                    f"{letters[int(random() * 26)]}")
        birthday = (f"{1960 + int(random() * 40)}-{1 + int(random() * 12):02d}-"
                    f"{1 + int(random() * 28):02d}") if random() < 0.25 else None
        # context.past_stamp(700, 1), inlined.
        days = randint(1, 700)
        stamp = stored(-days * MINUTES_PER_DAY + randrange(32, 72) * 15)
        contact_id = new_id()
        source = sources[index]
        add_id(contact_id)
        add_account(account)
        add_owner(owner)
        add_source(source)
        yield (contact_id, stamp, stamp, 0, account_id, first, last, f"{first} {last}",
               BUYER_TITLES[int(random() * n_titles)], email, phone, mobile, street,
               towns[int(random() * len(towns))], regions[territory], postcode, "United Kingdom",
               birthday, source, owner, None, key)


def _derived_names(first: str, last: str) -> tuple[str, str]:
    """The sort key the services would store, and an ASCII email local part."""
    local = unicodedata.normalize("NFKD", f"{first}.{last}".lower())
    local = "".join(c for c in local if c.isascii() and (c.isalnum() or c == "."))
    return contact_sort_key(last, first, f"{first} {last}"), local


# A 1x1 transparent PNG: enough for the contact card to show "has a photo".
PHOTO_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def contact_detail_rows(context: DemoContext, customers: Customers) -> list[TableRows]:
    """Second phone numbers for some contacts, and photos for a few."""
    random = context.rng.random
    details: list[tuple[Any, ...]] = []
    photos: list[tuple[Any, ...]] = []
    for index, contact_id in enumerate(customers.contact_ids):
        if random() < 0.05:
            stamp = context.past_stamp(300)
            landline = LANDLINE_RANGES[int(random() * len(LANDLINE_RANGES))]
            number = f"{landline}{int(random() * 1000):03d}"
            details.append((context.new_id(), stamp, stamp, 0, contact_id, "phone", "direct line",
                            number))
        if index % 500 == 7:
            photos.append((contact_id, "image/png", PHOTO_PNG))
    return [
        TableRows("contact_details", (*RECORD_COLUMNS, "contact_id", "kind", "label", "value"),
                  details),
        TableRows("contact_photos", ("contact_id", "mime_type", "data"), photos),
    ]
