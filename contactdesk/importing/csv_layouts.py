"""Known CSV address-book layouts and the column mapping each implies.

Recognised on their own: the current Google Contacts export, the older
Gmail export, Outlook in English, German and French (Outlook's CSV headers
follow its UI language; names taken from Zimbra's contact-field table),
Thunderbird, and a generic vocabulary (``Email``, ``Phone``, ``Company``...)
for hand-made files. :func:`suggest_mapping` scores each layout by the
header cells it knows and returns the best; columns no layout knows are kept
in ``ParsedContact.extra`` under their header name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from contactdesk.importing.column_mapping import ColumnMapping, ColumnTarget, TargetKind

_T = ColumnTarget
_K = TargetKind


def _spec(spec: str) -> ColumnTarget:
    return ColumnTarget.parse(spec)


@dataclass(frozen=True, slots=True)
class Layout:
    """One producer's header vocabulary.

    ``exact`` maps a normalised header to its targets; when a header occurs
    more than once (French Outlook has two ``Titre`` columns: courtesy title,
    then job title), the n-th occurrence takes the n-th target.
    ``patterns`` handle numbered headers such as ``E-mail 2 - Value``.
    """

    name: str
    exact: dict[str, tuple[ColumnTarget, ...]]
    patterns: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], ColumnTarget]], ...] = ()
    day_first: bool = True
    specific: bool = True
    markers: frozenset[str] = field(default_factory=frozenset)


def normalise_header(cell: str) -> str:
    """Header text compared case- and space-insensitively (BOM and quotes dropped)."""
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').casefold().split())


def _table(
    rows: Sequence[tuple[str | ColumnTarget, Sequence[str]]],
) -> dict[str, tuple[ColumnTarget, ...]]:
    table: dict[str, tuple[ColumnTarget, ...]] = {}
    for spec, headers in rows:
        target = _spec(spec) if isinstance(spec, str) else spec
        for header in headers:
            key = normalise_header(header)
            table[key] = (*table.get(key, ()), target)
    return table


def _email_slot(n: str) -> ColumnTarget:
    return _T(_K.EMAIL, slot=f"email{n}")


# --- Outlook 2003+ CSV export: English, German, French -----------------------------------
_OUTLOOK_ROWS: list[tuple[str | ColumnTarget, Sequence[str]]] = [
    ("name_prefix", ("Title", "Anrede", "Titre")),
    ("first_name", ("First Name", "Vorname", "Prénom")),
    ("middle_name", ("Middle Name", "Weitere Vornamen", "Deuxième prénom")),
    ("last_name", ("Last Name", "Nachname", "Nom")),
    ("name_suffix", ("Suffix", "Suffixe")),
    ("full_name", ("Name", "Nom")),
    ("organisation", ("Company", "Firma", "Société")),
    ("department", ("Department", "Abteilung", "Service")),
    ("title", ("Job Title", "Position", "Titre")),
    ("address:work:street", ("Business Street", "Straße geschäftlich", "Rue (bureau)")),
    (
        "address:work:street2",
        (
            "Business Street 2",
            "Business Street 3",
            "Straße geschäftlich 2",
            "Straße geschäftlich 3",
            "Rue (bureau) 2",
            "Rue (bureau) 3",
        ),
    ),
    ("address:work:city", ("Business City", "Ort geschäftlich", "Ville (bureau)")),
    ("address:work:region", ("Business State", "Region geschäftlich", "Dép/Région (bureau)")),
    (
        "address:work:postcode",
        ("Business Postal Code", "Postleitzahl geschäftlich", "Code postal (bureau)"),
    ),
    (
        "address:work:country",
        (
            "Business Country",
            "Business Country/Region",
            "Land/Region geschäftlich",
            "Pays/Région (bureau)",
        ),
    ),
    (
        "address:work:pobox",
        ("Business Address PO Box", "Postfach geschäftlich", "B.P. professionnelle"),
    ),
    ("address:home:street", ("Home Street", "Straße privat", "Rue (domicile)")),
    (
        "address:home:street2",
        (
            "Home Street 2",
            "Home Street 3",
            "Straße privat 2",
            "Straße privat 3",
            "Rue (domicile) 2",
            "Rue (domicile) 3",
        ),
    ),
    ("address:home:city", ("Home City", "Ort privat", "Ville (domicile)")),
    ("address:home:region", ("Home State", "Bundesland/Kanton privat", "Dép/Région (domicile)")),
    (
        "address:home:postcode",
        ("Home Postal Code", "Postleitzahl privat", "Code postal (domicile)"),
    ),
    (
        "address:home:country",
        ("Home Country", "Home Country/Region", "Land/Region privat", "Pays/Région (domicile)"),
    ),
    ("address:home:pobox", ("Home Address PO Box", "Postfach privat", "Boîte postale du domicile")),
    ("address:other:street", ("Other Street", "Weitere Straße", "Rue (autre)")),
    (
        "address:other:street2",
        (
            "Other Street 2",
            "Other Street 3",
            "Weitere Straße 2",
            "Weitere Straße 3",
            "Rue (autre) 2",
            "Rue (autre) 3",
        ),
    ),
    ("address:other:city", ("Other City", "Weiterer Ort", "Ville (autre)")),
    ("address:other:region", ("Other State", "Weiteres/r Bundesland/Kanton", "Dép/Région (autre)")),
    (
        "address:other:postcode",
        ("Other Postal Code", "Weitere Postleitzahl", "Code postal (autre)"),
    ),
    (
        "address:other:country",
        ("Other Country", "Other Country/Region", "Weiteres/e Land/Region", "Pays/Région (autre)"),
    ),
    ("address:other:pobox", ("Other Address PO Box", "Weiteres Postfach", "Autre boîte postale")),
    ("phone:assistant", ("Assistant's Phone", "Telefon Assistent", "Téléphone de l'assistant(e)")),
    ("phone:work fax", ("Business Fax", "Fax geschäftlich", "Télécopie (bureau)")),
    (
        "phone:work",
        (
            "Business Phone",
            "Telefon geschäftlich",
            "Téléphone (bureau)",
            "Business Phone 2",
            "Telefon geschäftlich 2",
            "Téléphone 2 (bureau)",
        ),
    ),
    ("phone:callback", ("Callback", "Rückmeldung", "Rappel")),
    ("phone:car", ("Car Phone", "Autotelefon", "Téléphone (voiture)")),
    ("phone:company", ("Company Main Phone", "Telefon Firma", "Téléphone société")),
    ("phone:home fax", ("Home Fax", "Fax privat", "Télécopie (domicile)")),
    (
        "phone:home",
        (
            "Home Phone",
            "Telefon privat",
            "Téléphone (domicile)",
            "Home Phone 2",
            "Telefon privat 2",
            "Téléphone 2 (domicile)",
        ),
    ),
    ("phone:isdn", ("ISDN", "RNIS")),
    ("phone:mobile", ("Mobile Phone", "Mobiltelefon", "Tél. mobile")),
    ("phone:other fax", ("Other Fax", "Weiteres Fax", "Télécopie (autre)")),
    ("phone:other", ("Other Phone", "Weiteres Telefon", "Téléphone (autre)")),
    ("phone:pager", ("Pager", "Récepteur de radiomessagerie")),
    ("phone:main", ("Primary Phone", "Haupttelefon", "Téléphone principal")),
    ("phone:radio", ("Radio Phone", "Mobiltelefon 2", "Radio téléphone")),
    ("phone:tty", ("TTY/TDD Phone", "Telefon für Hörbehinderte", "Téléphone TDD/TTY")),
    ("phone:telex", ("Telex", "Télex")),
    ("birthday", ("Birthday", "Geburtstag", "Anniversaire")),
    ("categories", ("Categories", "Kategorien", "Catégories")),
    (_email_slot("1"), ("E-mail Address", "E-Mail-Adresse", "Adresse de messagerie")),
    (_email_slot("2"), ("E-mail 2 Address", "E-Mail 2: Adresse", "Adresse de messagerie 2")),
    (_email_slot("3"), ("E-mail 3 Address", "E-Mail 3: Adresse", "Adresse de messagerie 3")),
    (
        "ignore",
        (
            "E-mail Type",
            "E-mail 2 Type",
            "E-mail 3 Type",
            "E-Mail-Typ",
            "E-Mail 2: Typ",
            "E-Mail 3: Typ",
            "Type de messagerie",
            "Type de messagerie 2",
            "Type de messagerie 3",
            "E-mail Display Name",
            "E-mail 2 Display Name",
            "E-mail 3 Display Name",
            "E-Mail: Angezeigter Name",
            "E-Mail 2: Angezeigter Name",
            "E-Mail 3: Angezeigter Name",
            "Nom complet de l'adresse de messagerie",
            "Nom complet de l'adresse de messagerie 2",
            "Nom complet de l'adresse de messagerie 3",
        ),
    ),
    ("note", ("Notes", "Notizen")),
    ("url:work", ("Web Page", "Webseite", "Page Web")),
]
_OUTLOOK = _table(_OUTLOOK_ROWS)
_OUTLOOK_EN_MARKERS = frozenset(
    map(normalise_header, ("E-mail Address", "Business Phone", "Job Title", "Home Street"))
)
_OUTLOOK_DE_MARKERS = frozenset(
    map(normalise_header, ("Vorname", "Nachname", "E-Mail-Adresse", "Telefon geschäftlich"))
)
_OUTLOOK_FR_MARKERS = frozenset(
    map(normalise_header, ("Prénom", "Adresse de messagerie", "Téléphone (bureau)", "Société"))
)

# --- Thunderbird -------------------------------------------------------------------------
_THUNDERBIRD = _table(
    [
        ("first_name", ("First Name",)),
        ("last_name", ("Last Name",)),
        ("full_name", ("Display Name",)),
        ("nickname", ("Nickname",)),
        (_T(_K.EMAIL, slot="primary"), ("Primary Email",)),
        (_T(_K.EMAIL, slot="secondary"), ("Secondary Email",)),
        ("phone:work", ("Work Phone",)),
        ("phone:home", ("Home Phone",)),
        ("phone:fax", ("Fax Number",)),
        ("phone:pager", ("Pager Number",)),
        ("phone:mobile", ("Mobile Number",)),
        ("address:home:street", ("Home Address",)),
        ("address:home:street2", ("Home Address 2",)),
        ("address:home:city", ("Home City",)),
        ("address:home:region", ("Home State",)),
        ("address:home:postcode", ("Home ZipCode",)),
        ("address:home:country", ("Home Country",)),
        ("address:work:street", ("Work Address",)),
        ("address:work:street2", ("Work Address 2",)),
        ("address:work:city", ("Work City",)),
        ("address:work:region", ("Work State",)),
        ("address:work:postcode", ("Work ZipCode",)),
        ("address:work:country", ("Work Country",)),
        ("title", ("Job Title",)),
        ("department", ("Department",)),
        ("organisation", ("Organization",)),
        ("url:work", ("Web Page 1",)),
        ("url:home", ("Web Page 2",)),
        ("birthday:year", ("Birth Year",)),
        ("birthday:month", ("Birth Month",)),
        ("birthday:day", ("Birth Day",)),
        ("note", ("Notes",)),
    ]
)

# --- Google: numbered groups ("E-mail 1 - Value") ----------------------------------------
_GOOGLE_ADDRESS_PARTS = {
    "street": "street",
    "city": "city",
    "po box": "pobox",
    "region": "region",
    "postal code": "postcode",
    "country": "country",
    "extended address": "street2",
    "formatted": "formatted",
}


def _google_patterns(
    label_word: str,
) -> tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], ColumnTarget]], ...]:
    """Patterns for numbered groups; ``label_word`` is ``label`` (current) or ``type`` (old)."""

    def group(
        kind: TargetKind, label_kind: TargetKind, prefix: str
    ) -> Callable[[re.Match[str]], ColumnTarget]:
        def build(match: re.Match[str]) -> ColumnTarget:
            slot = f"{prefix}{match.group(1)}"
            if match.group(2) == label_word:
                return _T(label_kind, slot=slot)
            return _T(kind, slot=slot)

        return build

    def address(match: re.Match[str]) -> ColumnTarget:
        slot = f"address{match.group(1)}"
        part = match.group(2)
        if part == label_word:
            return _T(_K.ADDRESS_LABEL, slot=slot)
        return _T(_K.ADDRESS, _GOOGLE_ADDRESS_PARTS[part], slot=slot)

    def custom(match: re.Match[str]) -> ColumnTarget:
        slot = f"custom{match.group(1)}"
        if match.group(2) == label_word:
            return _T(_K.EXTRA_LABEL, slot=slot)
        return _T(_K.EXTRA, f"Custom Field {match.group(1)}", slot=slot)

    lw = re.escape(label_word)
    parts = "|".join(map(re.escape, (label_word, *_GOOGLE_ADDRESS_PARTS)))
    return (
        (re.compile(rf"^e-mail (\d+) - ({lw}|value)$"), group(_K.EMAIL, _K.EMAIL_LABEL, "e")),
        (re.compile(rf"^phone (\d+) - ({lw}|value)$"), group(_K.PHONE, _K.PHONE_LABEL, "p")),
        (re.compile(rf"^website (\d+) - ({lw}|value)$"), group(_K.URL, _K.URL_LABEL, "w")),
        (re.compile(rf"^address (\d+) - ({parts})$"), address),
        (re.compile(rf"^custom field (\d+) - ({lw}|value)$"), custom),
    )


_GOOGLE_CURRENT = _table(
    [
        ("first_name", ("First Name",)),
        ("middle_name", ("Middle Name",)),
        ("last_name", ("Last Name",)),
        ("name_prefix", ("Name Prefix",)),
        ("name_suffix", ("Name Suffix",)),
        ("nickname", ("Nickname",)),
        # Google's "File As" is the name a contact is listed under: our display name.
        ("full_name", ("File As",)),
        ("organisation", ("Organization Name",)),
        ("title", ("Organization Title",)),
        ("department", ("Organization Department",)),
        ("birthday", ("Birthday",)),
        ("note", ("Notes",)),
        ("categories", ("Labels",)),
    ]
)

_GMAIL_LEGACY = _table(
    [
        ("full_name", ("Name",)),
        ("first_name", ("Given Name",)),
        ("middle_name", ("Additional Name",)),
        ("last_name", ("Family Name",)),
        ("name_prefix", ("Name Prefix",)),
        ("name_suffix", ("Name Suffix",)),
        ("nickname", ("Nickname",)),
        ("birthday", ("Birthday",)),
        ("note", ("Notes",)),
        ("categories", ("Group Membership",)),
        ("organisation", ("Organization 1 - Name",)),
        ("title", ("Organization 1 - Title",)),
        ("department", ("Organization 1 - Department",)),
    ]
)

# --- Generic vocabulary for hand-made and CRM exports ------------------------------------
_GENERIC = _table(
    [
        ("full_name", ("Name", "Full Name", "Display Name", "Contact Name", "Contact")),
        ("first_name", ("First Name", "Firstname", "Given Name", "Forename")),
        ("middle_name", ("Middle Name",)),
        ("last_name", ("Last Name", "Lastname", "Surname", "Family Name")),
        ("nickname", ("Nickname", "Nick")),
        ("organisation", ("Company", "Organisation", "Organization", "Account", "Company Name")),
        ("department", ("Department",)),
        ("title", ("Job Title", "Position", "Role", "Title")),
        ("email", ("Email", "E-mail", "Email Address", "E-mail Address", "Mail", "Primary Email")),
        ("email:work", ("Work Email", "Email Work")),
        ("email:home", ("Home Email", "Email Home")),
        ("email:other", ("Other Email", "Email Other")),
        ("phone", ("Phone", "Telephone", "Tel", "Phone Number")),
        ("phone:mobile", ("Mobile", "Cell", "Mobile Phone", "Cell Phone")),
        ("phone:work", ("Work Phone", "Business Phone")),
        ("phone:home", ("Home Phone",)),
        ("url", ("Website", "Web Site", "URL", "Web")),
        ("address::street", ("Street", "Address")),
        ("address::city", ("City", "Town")),
        ("address::region", ("State", "Region", "County", "Province")),
        ("address::postcode", ("Zip", "Zip Code", "Postcode", "Postal Code")),
        ("address::country", ("Country",)),
        ("birthday", ("Birthday", "Date of Birth", "DOB")),
        ("note", ("Notes", "Note", "Comments")),
        ("categories", ("Tags", "Categories", "Labels", "Groups")),
    ]
)

LAYOUTS: tuple[Layout, ...] = (
    Layout(
        "google-contacts",
        _GOOGLE_CURRENT,
        _google_patterns("label"),
        markers=frozenset({"organization name", "labels", "e-mail 1 - label"}),
    ),
    Layout(
        "gmail-legacy",
        _GMAIL_LEGACY,
        _google_patterns("type"),
        markers=frozenset({"given name", "family name", "e-mail 1 - type"}),
    ),
    Layout("outlook", _OUTLOOK, day_first=False, markers=_OUTLOOK_EN_MARKERS),
    Layout("outlook-de", _OUTLOOK, markers=_OUTLOOK_DE_MARKERS),
    Layout("outlook-fr", _OUTLOOK, markers=_OUTLOOK_FR_MARKERS),
    Layout(
        "thunderbird",
        _THUNDERBIRD,
        markers=frozenset({"primary email", "display name", "mobile number"}),
    ),
    Layout("generic", _GENERIC, specific=False),
)
"""Every layout :func:`suggest_mapping` tries, most specific first."""


def _targets_for(layout: Layout, header: Sequence[str]) -> dict[int, ColumnTarget]:
    seen: dict[str, int] = {}
    targets: dict[int, ColumnTarget] = {}
    for index, cell in enumerate(header):
        key = normalise_header(cell)
        if not key:
            continue
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        if key in layout.exact:
            options = layout.exact[key]
            targets[index] = options[min(occurrence, len(options) - 1)]
            continue
        for pattern, build in layout.patterns:
            match = pattern.match(key)
            if match:
                targets[index] = build(match)
                break
    return targets


def suggest_mapping(header: Sequence[str]) -> tuple[str, ColumnMapping] | None:
    """Recognise a header row; return ``(layout_name, mapping)``, or None if unknown.

    Columns the chosen layout does not know go to ``extra`` under their
    header text, so the caller can show them and let the user remap them.
    """
    best: tuple[float, Layout, dict[int, ColumnTarget]] | None = None
    keys = {normalise_header(cell) for cell in header}
    for layout in LAYOUTS:
        targets = _targets_for(layout, header)
        known = sum(1 for t in targets.values() if t.kind is not TargetKind.IGNORE)
        score = known + 0.5 * len(keys & layout.markers) - (0 if layout.specific else 0.25)
        if known and (best is None or score > best[0]):
            best = (score, layout, targets)
    if best is None:
        return None
    _, layout, targets = best
    for index, cell in enumerate(header):
        if index not in targets and cell.strip():
            targets[index] = ColumnTarget(TargetKind.EXTRA, cell.replace("\ufeff", "").strip())
    mapping = ColumnMapping(
        targets=targets,
        has_header=True,
        day_first=layout.day_first,
        headers=tuple(header),
    )
    return layout.name, mapping
