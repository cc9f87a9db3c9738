"""Which country's dialling rules read a phone number written without ``+``.

``030 1234567`` is Berlin for a contact in Germany and a wrong number in the
UK. A number is read in the region of the contact's own country when the
country is known (by ISO code or by its name in English, German, French,
Spanish, Italian or Dutch, as address books write it), and in the company's
``phone_region`` setting otherwise. Country names come from pycountry's ISO
3166 data and its translations, not a hand-kept list.
"""

from __future__ import annotations

import gettext
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from contactdesk.model import Setting
from contactdesk.services.defaults import SETTINGS

NAME_LANGUAGES = ("de", "fr", "es", "it", "nl")
# What people write that ISO 3166 does not list.
ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "america": "US",
    "holland": "NL",
    "brd": "DE",
}


def region_for_country(country: str | None) -> str | None:
    """The dialling region (ISO 3166 alpha-2) of a country as written, or None if unknown."""
    if country is None:
        return None
    key = " ".join(country.split()).casefold()
    if not key:
        return None
    return _regions().get(key)


def phone_region(country: str | None, default: str) -> str:
    """The region a number of a contact in ``country`` is read in (``default`` if unknown)."""
    return region_for_country(country) or default


def company_phone_region(session: Session) -> str:
    """The company's ``phone_region`` setting: where numbers of contacts of no known country are."""
    value = session.scalar(select(Setting.value).where(Setting.key == "phone_region"))
    import phonenumbers  # first use only, as in field_values.normalise_phone

    if isinstance(value, str) and value in phonenumbers.SUPPORTED_REGIONS:
        return value
    return str(SETTINGS["phone_region"])


@cache
def _regions() -> dict[str, str]:
    # pycountry loads its data on first use: only stores that meet a country pay.
    import phonenumbers
    import pycountry

    supported = phonenumbers.SUPPORTED_REGIONS
    regions: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in NAME_LANGUAGES
    ]
    for country in pycountry.countries:
        code = country.alpha_2
        if code not in supported:
            continue
        names = {
            country.alpha_2,
            country.alpha_3,
            country.name,
            getattr(country, "common_name", country.name),
            getattr(country, "official_name", country.name),
        }
        names |= {translation.gettext(country.name) for translation in translations}
        for name in names:
            regions[" ".join(name.split()).casefold()] = code
    regions.update(ALIASES)
    return regions
