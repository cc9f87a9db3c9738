"""What each command the README and docs/ show is said to do, checked on what it did.

A ``Claim`` names the documented commands it is about (a pattern searched in the command)
and checks, right after such a command ran, that it did what the text says: found the
contacts, exported the segment's rows, stored the number as the text says it is read.
``test_documented_commands`` runs every example in order and fails on a command no claim
checks, so an example added to the docs comes with what it must show.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from openpyxl import load_workbook

from tests.docs.markdown_examples import Ran, environment
from tests.sync.server_process import SERVER_BIN, free_port

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DEMO_STORE = "demo.db"
COMMENT = re.compile(r"\s+#\s.*$")


@dataclass(frozen=True)
class Claim:
    pattern: re.Pattern[str]
    says: str
    check: Callable[[Ran], None]

    def is_about(self, command: str) -> bool:
        return self.pattern.search(plain(command)) is not None


def plain(command: str) -> str:
    """A command on one line, without continuations and the comment that ends a line."""
    lines = [COMMENT.sub("", line).rstrip().removesuffix("\\") for line in command.splitlines()]
    return " ".join(" ".join(lines).split())


CLAIMS: list[Claim] = []


def claim(pattern: str, says: str) -> Callable[[Callable[[Ran], None]], Callable[[Ran], None]]:
    """Register ``check`` for the documented commands ``pattern`` finds (whitespace folded)."""

    def register(check: Callable[[Ran], None]) -> Callable[[Ran], None]:
        CLAIMS.append(Claim(re.compile(pattern), says, check))
        return check

    return register


def claims_about(command: str) -> list[Claim]:
    return [each for each in CLAIMS if each.is_about(command)]


def as_json(text: str) -> Any:
    return json.loads(text)


def exported_count(ran: Ran) -> int:
    found = re.search(r"exported (\d+)", ran.stdout)
    assert found, ran.stdout
    return int(found.group(1))


def users(ran: Ran, store: str) -> dict[str, dict[str, Any]]:
    listed = as_json(ran.then(f"contactdesk admin users --store {store} --json"))
    return {user["username"]: user for user in listed}


# -- the demo store -------------------------------------------------------------------------


@claim(
    r"^contactdesk demo --store demo\.db --contacts 5000 --seed 1\b",
    "the store make run opens: 5,000 contacts, the sales team, the docs' segments",
)
def demo_store(ran: Ran) -> None:
    assert re.search(r"^contacts\s+5,000\s*$", ran.stdout, re.MULTILINE), ran.stdout
    names = set(users(ran, DEMO_STORE))
    assert {"admin", "mia.marketing", "ned.north", "nora.north"} <= names


@claim(
    r"search --store demo\.db --user ned\.north --json \"price\"",
    "the contacts Ned may see (his own and unassigned ones), fewer than a marketer sees",
)
def search_as_ned(ran: Ran) -> None:
    found = as_json(ran.stdout)
    assert found, "nothing found for Ned"
    assert {hit["owner"] for hit in found if hit["entity"] == "contact"} <= {"Ned Armstrong", None}
    every = as_json(ran.then('contactdesk search --store demo.db --as marketing --json "price"'))
    assert len(found) < len(every)


@claim(
    r"search --store demo\.db --user ned\.north \"patrick price\"",
    "finds Patrick Price, Ned's contact, as the app does for Ned; a south rep does not",
)
def search_patrick_price(ran: Ran) -> None:
    assert "Patrick Price" in ran.stdout
    south = ran.then('contactdesk search --store demo.db --user sam.south --json "patrick price"')
    assert as_json(south) == []


@claim(
    r"search --store demo\.db --as marketing \"price\"",
    "every contact and account matching 'price', whoever owns it",
)
def search_as_marketing(ran: Ran) -> None:
    rows = [line for line in ran.stdout.splitlines()[1:] if line.strip()]
    owners = {
        hit["owner"]
        for hit in as_json(
            ran.then('contactdesk search --store demo.db --as marketing --json "price"')
        )
    }
    assert len(rows) >= 20 and len(owners) > 2, ran.stdout


@claim(r"admin users --store demo\.db --json", "the demo's users with role and team")
def demo_users(ran: Ran) -> None:
    listed = {user["username"]: user for user in as_json(ran.stdout)}
    assert listed["ned.north"]["role"] == "sales" and listed["ned.north"]["team"] == "north"
    assert listed["admin"]["role"] == "admin"


@claim(
    r"admin field add --store demo\.db contact fleet_size number",
    "contacts gain a custom number field",
)
def custom_field(ran: Ran) -> None:
    contact = as_json(
        ran.then("contactdesk record list contact --store demo.db --user admin --limit 1 --json")
    )[0]
    assert "fleet_size" in contact


@claim(
    r"admin rule --store demo\.db sales contact\.email hidden",
    "sales no longer sees contacts' email; marketing still does",
)
def email_hidden_from_sales(ran: Ran) -> None:
    sales = as_json(ran.then('contactdesk search --store demo.db --as sales --json "price"'))
    marketing = as_json(ran.then("contactdesk search --store demo.db --as marketing --json price"))
    assert sales and not any("email" in hit for hit in sales if hit["entity"] == "contact")
    assert any(hit.get("email") for hit in marketing)


@claim(
    r"admin phone-region --store demo\.db Germany",
    "numbers without + of contacts with no country are read as German ones",
)
def phone_region(ran: Ran) -> None:
    assert "DE" in ran.stdout


@claim(r"week --store demo\.db --user ned\.north --json", "Ned's week: overdue, today, days ahead")
def week_of_ned(ran: Ran) -> None:
    week = as_json(ran.stdout)
    assert week["user"] == "ned.north"
    assert week["overdue"]["items"] and week["week_start"] <= week["now"][:10] <= week["week_end"]


@claim(r"week --store demo\.db --user ned\.north$", "Ned's week as a table, overdue first")
def week_table(ran: Ran) -> None:
    assert "Ned Armstrong" in ran.stdout and "Overdue" in ran.stdout


@claim(
    r"report lead-sources --store demo\.db --format csv",
    "leads, deals and won revenue per source and campaign, as CSV",
)
def lead_sources_csv(ran: Ran) -> None:
    rows = list(csv.DictReader(io.StringIO(ran.stdout)))
    assert len(rows) >= 5 and {"source", "leads", "won_revenue"} <= set(rows[0])
    assert sum(int(row["leads"]) for row in rows) > 100


@claim(
    r"report forecast --store demo\.db --user ned\.north --territory mine",
    "open deals by stage, weighted, in Ned's own territory only",
)
def forecast_of_ned(ran: Ran) -> None:
    territory = users(ran, DEMO_STORE)["ned.north"]["territory"]
    rows = [line for line in ran.stdout.splitlines() if re.search(r"\d+\.\d%", line)]
    assert rows and all(line.startswith(territory) for line in rows), ran.stdout


@claim(
    r"export --store demo\.db --format xlsx --segment \"Finance buyers\" finance\.xlsx",
    "the segment's contacts in a spreadsheet, one row each",
)
def export_xlsx(ran: Ran) -> None:
    sheet = load_workbook(ran.folder / "finance.xlsx", read_only=True).active
    assert sheet is not None
    header, *rows = sheet.iter_rows(values_only=True)
    titles = {row[header.index("Title")] for row in rows}
    assert exported_count(ran) == len(rows) > 0 and titles == {"CFO", "Finance Director"}


@claim(
    r"export --store demo\.db --format vcard --segment \"IT decision makers, North\"",
    "the segment's contacts as vCards",
)
def export_vcard(ran: Ran) -> None:
    cards = (ran.folder / "north.vcf").read_text(encoding="utf-8").split("BEGIN:VCARD")[1:]
    assert len(cards) == exported_count(ran) > 0
    assert all(
        "North" in card and re.search(r"TITLE:(Head of IT|CTO|IT Manager)", card) for card in cards
    )


@claim(
    r"init --store copy\.db --admin ada && contactdesk import --store copy\.db north\.vcf",
    "a new store with the exported cards in it",
)
def import_into_copy(ran: Ran) -> None:
    cards = (ran.folder / "north.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD")
    listed = as_json(
        ran.then("contactdesk record list contact --store copy.db --user ada --limit 10000 --json")
    )
    assert re.search(rf"^imported {cards}$", ran.stdout, re.MULTILINE) and len(listed) == cards


@claim(r"campaign list --store demo\.db --json", "the demo's campaigns with their leads")
def campaigns(ran: Ran) -> None:
    listed = as_json(ran.stdout)
    assert len(listed) >= 10 and sum(campaign["leads"] for campaign in listed) > 100


@claim(
    r"lead handoff --store demo\.db --segment \"People at large healthcare accounts\" --route",
    "the segment's leads, each routed to the rep covering its territory",
)
def handoff(ran: Ran) -> None:
    handed = as_json(ran.stdout)["handed_off"]
    assert handed and all(lead["owner"] and "territory" in lead["reason"] for lead in handed)
    assert len({lead["owner"] for lead in handed}) > 1


@claim(
    r"backup --store demo\.db && contactdesk restore --store demo\.db",
    "a snapshot next to the store, and the store restored from it",
)
def backup_and_restore(ran: Ran) -> None:
    assert list(ran.folder.glob("demo.snapshot-*-manual.db")), ran.stdout
    assert "restored demo.db" in ran.stdout
    assert "ned.north" in users(ran, DEMO_STORE)


@claim(
    r"^id=\$\(contactdesk record add contact --store demo\.db --user ned\.north",
    "a new contact, owned by Ned; its id in $id",
)
def new_contact_of_ned(ran: Ran) -> None:
    record_id = ran.value("id")
    assert UUID.fullmatch(record_id), record_id
    shown = as_json(
        ran.then(
            f"contactdesk record show contact {record_id} --store demo.db --user ned.north --json"
        )
    )
    assert shown["display_name"] == "Pat Lee" and shown["owner"] == "Ned Armstrong"


@claim(
    r"record edit contact \"\$id\" --store demo\.db --user ned\.north --set phone=\"030 1234567\"",
    "a number typed without + is stored by the phone region: a Berlin number",
)
def phone_by_region(ran: Ran) -> None:
    shown = as_json(
        ran.then('contactdesk record show contact "$id" --store demo.db --user ned.north --json')
    )
    assert shown["phone"] == "+49301234567"


@claim(
    r"history --store demo\.db --user ned\.north --json contact \"\$id\"",
    "who changed which field from what to what: Ned's phone edit, then the create",
)
def history_of_contact(ran: Ran) -> None:
    changes = as_json(ran.stdout)
    assert [change["op"] for change in changes] == ["update", "create"]
    assert {change["who"] for change in changes} == {"ned.north"}
    assert [field["field"] for field in changes[0]["fields"]] == ["phone"]


# -- a team's own store, from a terminal ----------------------------------------------------


@claim(
    r"init --store team\.db --admin ada --company \"Acme Ltd\"",
    "an empty store whose only user is its admin",
)
def team_store(ran: Ran) -> None:
    assert [(user["username"], user["role"]) for user in users(ran, "team.db").values()] == [
        ("ada", "admin")
    ]


@claim(
    r"admin user add --store team\.db rita --role sales --team north --territory North",
    "rita, a sales rep of team north, covering the North",
)
def rita_added(ran: Ran) -> None:
    rita = users(ran, "team.db")["rita"]
    assert (rita["role"], rita["team"], rita["territory"]) == ("sales", "north", "North")


@claim(r"admin user add --store team\.db mia --role marketing", "mia, a marketer")
def mia_added(ran: Ran) -> None:
    assert users(ran, "team.db")["mia"]["role"] == "marketing"


def _shown(
    ran: Ran, entity: str, variable: str, store: str = "team.db", user: str = "rita"
) -> dict[str, Any]:
    record_id = ran.value(variable)
    assert UUID.fullmatch(record_id), record_id
    shown: dict[str, Any] = as_json(
        ran.then(
            f"contactdesk record show {entity} {record_id} --store {store} --user {user} --json"
        )
    )
    return shown


# A record an example adds (its id in the variable) -> the fields it must have.
NEW_RECORDS = [
    ("team.db", "rita", "account", "account", {"name": "Globex", "industry": "Energy"}),
    ("team.db", "rita", "contact", "contact", {"display_name": "Gina Ortiz", "account": "Globex"}),
    ("team.db", "rita", "opportunity", "deal",
     {"stage": "Discovery", "amount": 12000, "account": "Globex", "contact": "Gina Ortiz"}),
    ("demo.db", "ned.north", "account", "account",
     {"name": "Northwind Haulage", "owner": "Ned Armstrong"}),
    ("demo.db", "ned.north", "contact", "contact",
     {"display_name": "Lena Fox", "account": "Northwind Haulage"}),
    ("demo.db", "ned.north", "opportunity", "deal",
     {"stage": "Qualified", "amount": 18000, "owner": "Ned Armstrong"}),
]  # fmt: skip


def _new_record_claim(
    store: str, user: str, entity: str, variable: str, fields: dict[str, Any]
) -> None:
    def check(ran: Ran) -> None:
        shown = _shown(ran, entity, variable, store, user)
        assert {name: shown[name] for name in fields} == fields

    adds = f"contactdesk record add {entity} --store {store} --user {user}"
    CLAIMS.append(
        Claim(re.compile(rf"^{variable}=\$\({re.escape(adds)}\b"),
              f"a new {entity}: {fields}; its id in ${variable}", check)
    )  # fmt: skip


for new_record in NEW_RECORDS:
    _new_record_claim(*new_record)


@claim(
    r"record list opportunity --store team\.db --user rita --where stage_id=Discovery --json",
    "the deals at Discovery: the Globex rollout",
)
def deals_at_discovery(ran: Ran) -> None:
    assert [deal["name"] for deal in as_json(ran.stdout)] == ["Globex rollout"]


@claim(
    r"call log --store team\.db --user rita --contact \"\$contact\"",
    "the call, its objection for marketing, and the next step, due tomorrow",
)
def call_with_next_step(ran: Ran) -> None:
    activities = as_json(
        ran.then("contactdesk record list activity --store team.db --user rita --json")
    )
    steps = [a for a in activities if a["subject"] == "Send the proposal" and not a["done_at"]]
    assert [a["kind"] for a in activities if a["kind"] == "call"] == ["call"] and len(steps) == 1
    intel = as_json(ran.then("contactdesk record list intel --store team.db --user rita --json"))
    assert [(note["kind"], note["tag"]) for note in intel] == [("objection", "price")]


@claim(
    r"deal move \"\$deal\" Won --store team\.db --user rita",
    "the deal won, with its win story and rita as after-sale owner",
)
def deal_won(ran: Ran) -> None:
    deal = _shown(ran, "opportunity", "deal")
    assert deal["stage"] == "Won" and deal["closed_at"]
    intel = as_json(ran.then("contactdesk record list intel --store team.db --user rita --json"))
    assert "Saved them a day a week on reporting" in {note["text"] for note in intel}


@claim(
    r"market-note add --store team\.db --user rita --account \"\$account\"",
    "a market note at Globex for marketing to read",
)
def market_note(ran: Ran) -> None:
    intel = as_json(ran.then("contactdesk record list intel --store team.db --user rita --json"))
    note = next(note for note in intel if note["text"] == "Rivalsoft demoed at Globex")
    assert (note["tag"], note["account"]) == ("Rivalsoft", "Globex")


@claim(
    r"target set --store team\.db --user mia --metric revenue --period quarter --value 50000",
    "a company revenue target for the quarter, already 12,000 achieved by the won deal",
)
def revenue_target(ran: Ran) -> None:
    assert "revenue target for company" in ran.stdout and "(achieved 12000)" in ran.stdout


@claim(
    r"report targets --store team\.db",
    "attainment per target; activities listed as information, not as a target",
)
def targets_report(ran: Ran) -> None:
    assert re.search(r"^Revenue\s+quarter\s.*50,000\s+12,000\s+24\.0%", ran.stdout, re.MULTILINE)
    assert "Activities done in the period (information, not a target)" in ran.stdout


@claim(
    r"report field-intel --store team\.db --format json",
    "what the field heard: rita's market note and the price objection, with the words",
)
def field_intel(ran: Ran) -> None:
    rows = {(row["tag"], row["texts"]) for row in as_json(ran.stdout)["rows"]}
    assert {("Rivalsoft", "Rivalsoft demoed at Globex"), ("price", "Too dear")} <= rows


# -- the sales guide: a day of Ned's --------------------------------------------------------


@claim(
    r"call log --store demo\.db --user ned\.north --contact \"\$contact\"",
    "the call, with its objection and competitor for marketing, and tomorrow's next step",
)
def call_of_ned(ran: Ran) -> None:
    assert "logged call" in ran.stdout and "next step" in ran.stdout
    intel = as_json(
        ran.then(
            "contactdesk record list intel --store demo.db --user ned.north "
            '--where contact_id="$contact" --json'
        )
    )
    assert {(note["kind"], note["tag"]) for note in intel} >= {("objection", "price")}
    assert any(note["kind"] == "competitor" for note in intel), intel


@claim(
    r"deal move \"\$deal\" Won --store demo\.db --user ned\.north",
    "the deal won: its win story is what Move stage › Won asks, and marketing reads it",
)
def ned_won(ran: Ran) -> None:
    deal = _shown(ran, "opportunity", "deal", DEMO_STORE, "ned.north")
    assert deal["stage"] == "Won"
    stories = as_json(
        ran.then(
            "contactdesk report win-stories --store demo.db --as marketing "
            '--search "route planning" --format json'
        )
    )["rows"]
    assert [row["account"] for row in stories] == ["Northwind Haulage"]


@claim(
    r"market-note add --store demo\.db --user ned\.north --account \"\$account\"",
    "a price heard, in field intelligence for marketing",
)
def price_heard(ran: Ran) -> None:
    report = as_json(
        ran.then(
            "contactdesk report field-intel --store demo.db --user mia.marketing --format json"
        )
    )
    assert "Rivalsoft quoted 20% under our list price" in {row["texts"] for row in report["rows"]}


@claim(r"brief list --store demo\.db --user ned\.north", "the launch briefs, with Ned's marks")
def briefs_of_ned(ran: Ran) -> None:
    assert "Field App launch" in ran.stdout


@claim(
    r"report dashboard --store demo\.db --user ned\.north",
    "the shared metrics, the goal metric marked",
)
def dashboard_of_ned(ran: Ran) -> None:
    for metric in ("Revenue", "Margin", "Won deals", "New accounts", "Closing ratio"):
        assert re.search(rf"^{metric}\s", ran.stdout, re.MULTILINE), metric
    assert len(re.findall(r"\sgoal\s*$", ran.stdout, re.MULTILINE)) == 1


# -- the marketing guide: a marketer's round ------------------------------------------------


def _report_rows(ran: Ran, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = as_json(
        ran.then(f"contactdesk report {name} --store demo.db --user mia.marketing --format json")
    )["rows"]
    return rows


@claim(
    r"report lead-sources --store demo\.db --user mia\.marketing$",
    "leads, deals and won revenue per source and campaign",
)
def lead_sources_of_mia(ran: Ran) -> None:
    rows = _report_rows(ran, "lead-sources")
    assert len(rows) >= 5 and sum(row["won"] for row in rows) > 0
    assert "Lead sources" in ran.stdout


@claim(
    r"report objections --store demo\.db --user mia\.marketing",
    "what customers objected, at which stage, in their words",
)
def objections(ran: Ran) -> None:
    rows = _report_rows(ran, "objections")
    assert len(rows) >= 5 and any(row["objection"] == "price" for row in rows)


@claim(
    r"report campaign-roi --store demo\.db --user mia\.marketing --format csv",
    "each campaign's spend against accepted leads and won revenue, as CSV",
)
def campaign_return(ran: Ran) -> None:
    rows = list(csv.DictReader(io.StringIO(ran.stdout)))
    campaigns = [row for row in rows if row["level"] == "campaign"]
    assert len(campaigns) >= 10 and any(float(row["won_revenue"]) > 0 for row in campaigns)


@claim(
    r"report field-intel --store demo\.db --user mia\.marketing$",
    "what sales heard, by month, territory and industry, with the words",
)
def field_intel_of_mia(ran: Ran) -> None:
    kinds = {row["kind"] for row in _report_rows(ran, "field-intel")}
    assert {"Objection", "Competitor mention"} <= kinds, kinds


@claim(r"lead weights --store demo\.db", "learned weights per source and campaign, now and before")
def learned_weights(ran: Ran) -> None:
    assert re.search(r"^campaign\s", ran.stdout, re.MULTILINE)
    assert re.search(r"^source\s", ran.stdout, re.MULTILINE)


@claim(
    r"funnel show --store demo\.db",
    "two agreed versions and marketing's open proposal, waiting for the sales lead",
)
def funnel_contract(ran: Ran) -> None:
    shown = as_json(ran.then("contactdesk funnel show --store demo.db --json"))
    assert "nora.north" in ran.stdout and "waiting for the lead of: sales" in ran.stdout
    assert shown


@claim(
    r"export --store demo\.db --format csv --segment \"Finance buyers\" finance\.csv",
    "the segment's contacts as CSV",
)
def export_csv(ran: Ran) -> None:
    with (ran.folder / "finance.csv").open(encoding="utf-8", newline="") as exported:
        assert len(list(csv.DictReader(exported))) == exported_count(ran) > 0


@claim(
    r"import --store demo\.db --dry-run finance\.csv",
    "a trial run: every row matches a contact already there, nothing is stored",
)
def import_trial(ran: Ran) -> None:
    with (ran.folder / "finance.csv").open(encoding="utf-8", newline="") as exported:
        rows = len(list(csv.DictReader(exported)))
    assert "trial run: nothing was stored" in ran.stdout
    assert re.search(rf"^matching existing records {rows}$", ran.stdout, re.MULTILINE)
    assert re.search(r"^imported 0$", ran.stdout, re.MULTILINE)
    assert len(ran.then("contactdesk import --store demo.db --list").splitlines()) == 1


@claim(
    r"target set --store demo\.db --user mia\.marketing --metric won_deals --period quarter "
    r"--value 35 --team north",
    "the north team's won-deals target of the quarter, raised",
)
def team_target(ran: Ran) -> None:
    assert re.match(
        r"won_deals target for north, quarter from \S+: 35 \(achieved \d+\)", ran.stdout
    )


@claim(
    r"target show --store demo\.db --user mia\.marketing",
    "the targets in force with their attainment",
)
def targets_of_mia(ran: Ran) -> None:
    assert re.search(r"^won_deals\s+quarter\s+\S+\s+north\s+35\s+\d+", ran.stdout, re.M), ran.stdout


# -- the admin guide ------------------------------------------------------------------------


@claim(r"admin users --store demo\.db$", "the demo's users with role and team")
def users_table(ran: Ran) -> None:
    assert re.search(r"^ned\.north\s+Ned Armstrong\s+sales\s+north", ran.stdout, re.MULTILINE)


@claim(
    r"admin user add --store demo\.db rita --role sales --team north --territory Cumbria",
    "Rita, a sales rep of the north team covering Cumbria",
)
def rita_in_demo(ran: Ran) -> None:
    rita = users(ran, DEMO_STORE)["rita"]
    assert (rita["display_name"], rita["role"], rita["team"], rita["territory"]) == (
        "Rita Rep",
        "sales",
        "north",
        "Cumbria",
    )


@claim(
    r"admin rule --store demo\.db sales contact\.birthday hidden", "sales no longer sees birthdays"
)
def birthday_hidden(ran: Ran) -> None:
    contact = as_json(
        ran.then(
            "contactdesk record list contact --store demo.db --user ned.north --limit 1 --json"
        )
    )[0]
    assert "birthday" not in contact and "email" in contact


@claim(r"admin capabilities --store demo\.db sales$", "what sales may do: receive leads")
def sales_capabilities(ran: Ran) -> None:
    assert ran.stdout.strip() == "sales: receive_leads"


@claim(
    r"report targets --store demo\.db$",
    "the demo's targets of the quarter in force, each part achieved",
)
def demo_targets(ran: Ran) -> None:
    attained = re.findall(
        r"^(Revenue|Margin|New accounts|Won deals)\s.*\s(\d+\.\d)%$", ran.stdout, re.M
    )
    assert len(attained) >= 6 and all(float(share) > 0 for _, share in attained), ran.stdout


@claim(r"funnel rule both_leads --store demo\.db", "a funnel proposal now needs both team leads")
def both_leads(ran: Ran) -> None:
    assert "both" in ran.then("contactdesk funnel show --store demo.db")


# -- docs/server.md: the first start ----------------------------------------------------------


@claim(
    r"^echo 'a-long-password' \| contactdesk-server create-user admin --role admin$",
    "the embedded database with an admin who signs in to the server with that password",
)
def first_server_admin(ran: Ran) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [SERVER_BIN, "serve", "--port", url.rsplit(":", 1)[1]],
        cwd=ran.folder, env=environment(ran.folder),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        signed_in = httpx.post(
            f"{url}/auth/login",
            json={"username": "admin", "password": "a-long-password"},
            headers={"X-ContactDesk-Protocol": "1"},
            timeout=10,
        )
        assert signed_in.status_code == 200, signed_in.text
        assert signed_in.json()["user"]["role"] == "admin"
    finally:
        server.terminate()
        server.wait(timeout=30)
