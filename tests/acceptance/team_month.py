"""A small team's month of work, done only through the command line and the UI's service calls.

The store starts from ``contactdesk init`` (no demo). Ada is the admin, Mia the
marketer, Rita sells in the North and Sam in the South. Every figure the
acceptance tests expect follows from the steps below, and is written out by hand
in the tests.

What happens:

- Rita adds Globex (Energy, 250 staff) and Initech (Software, 40), with Hank
  (CFO, Globex) and Ida (CTO, Initech); Sam adds Umbrella (Healthcare, 1200)
  and Hooli (Software, 80), with Uma (Head of IT, Umbrella) and Hal (CFO,
  Hooli). Rita records Globex's market share: 12.5 %.
- Mia runs the "Spring Webinar" (webinar, 20 days ago to 10 days ahead, budget
  5,000, 10 leads expected), enters spend 3,000 and later corrects it to 3,500.
  She adds two pieces of collateral and leads for Hank, Uma and Hal (from the
  webinar) and Ida (source: website, no campaign), saves a segment per
  territory and hands each to its rep (Ada set the qualification threshold to 0).
- Rita accepts Hank's lead (quality 4) and rejects Ida's ("too early", 2); Sam
  accepts Uma's (5) and rejects Hal's ("no budget", 1).
- Deals: Globex rollout (Rita, inbound from Hank's lead, 12,000 / margin 4,000,
  Discovery), Initech pilot (Rita, outbound, 3,000 / 900, Qualified, Field App),
  Umbrella clinics (Sam, inbound from Uma's lead, 30,000 / 9,000, Discovery),
  Hooli seats (Sam, outbound, 8,000 / 2,000, Proposal).
- Calls: Rita calls Hank (objection "price", competitor Rivalsoft, the source
  corrected to "trade show"); Sam calls Uma (objection "integration") and Hal
  (closed: no budget).
- Globex rollout and Umbrella clinics are won with win stories (after-sale
  owners Ada and Sam), Hooli seats is lost to Rivalsoft, Initech pilot moves to
  Proposal.
- Market notes: Rita saw Rivalsoft demo at Globex; Sam heard Rivalsoft offer
  Hooli 15 % off.
- Mia sets targets: company revenue this quarter 50,000, Rita's revenue this
  month 10,000, South's won deals this month 2, company new accounts this
  month 5.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from contactdesk.cli.main import main
from contactdesk.segments.saved_segments import save_segment
from contactdesk.services.company_settings import set_handoff_rules
from contactdesk.services.directory import find_user
from contactdesk.services.store_opening import open_store


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert (self.code, self.err) == (0, ""), self.err
        return json.loads(self.out)


def cli(*argv: str) -> CliRun:
    """Run ``contactdesk ARGV`` in-process, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return CliRun(code, out.getvalue(), err.getvalue())


@dataclass
class TeamMonth:
    path: str
    today: date
    ids: dict[str, str] = field(default_factory=dict)

    def do(self, *argv: str) -> Any:
        """A command that must succeed; its ``--json`` output."""
        return cli(*argv, "--store", self.path, "--json").json()

    def add(self, key: str, user: str, entity: str, **values: object) -> str:
        """``record add`` as ``user``; the new id is remembered under ``key``."""
        sets: list[str] = []
        for name, value in values.items():
            sets += ["--set", f"{name}={value}"]
        new_id = str(self.do("record", "add", entity, "--user", user, *sets)["id"])
        self.ids[key] = new_id
        return new_id

    def report(self, name: str, first: date, last: date) -> dict[str, Any]:
        data: dict[str, Any] = cli(
            "report", name, "--store", self.path, "--from", first.isoformat(),
            "--to", last.isoformat(), "--format", "json",
        ).json()
        return data

    def day(self, offset: int) -> str:
        return (self.today + timedelta(days=offset)).isoformat()


def _people(month: TeamMonth) -> None:
    assert cli("init", "--store", month.path, "--admin", "ada", "--company", "Acme Ltd",
               "--display-name", "Ada Admin").code == 0
    for name, role, team, territory, label in (
        ("mia", "marketing", "marketing", None, "Mia Marketer"),
        ("rita", "sales", "north", "North", "Rita Rep"),
        ("sam", "sales", "south", "South", "Sam Seller"),
    ):
        where = ["--territory", territory] if territory else []
        month.do("admin", "user", "add", name, "--role", role, "--team", team, *where,
                 "--display-name", label)


def _customers(month: TeamMonth) -> None:
    add = month.add
    add("globex", "rita", "account", name="Globex", industry="Energy", employees=250,
        region="North", territory="North", keep_in_touch_days=30)
    add("initech", "rita", "account", name="Initech", industry="Software", employees=40,
        region="North", territory="North")
    add("umbrella", "sam", "account", name="Umbrella", industry="Healthcare", employees=1200,
        region="South", territory="South")
    add("hooli", "sam", "account", name="Hooli", industry="Software", employees=80,
        region="South", territory="South")
    month.do("record", "edit", "account", month.ids["globex"], "--user", "rita",
             "--set", "market_share=12.5")
    ids = month.ids
    add("hank", "rita", "contact", display_name="Hank Scorpio", title="CFO",
        account_id=ids["globex"], enquiry_source="webinar", email="hank@globex.example")
    add("ida", "rita", "contact", display_name="Ida Initech", title="CTO",
        account_id=ids["initech"], enquiry_source="website")
    add("uma", "sam", "contact", display_name="Uma Umbrella", title="Head of IT",
        account_id=ids["umbrella"], enquiry_source="webinar")
    add("hal", "sam", "contact", display_name="Hal Hooli", title="CFO",
        account_id=ids["hooli"], enquiry_source="webinar")


def _marketing(month: TeamMonth) -> None:
    campaign = month.do(
        "campaign", "add", "--user", "mia", "--name", "Spring Webinar", "--channel", "webinar",
        "--starts", month.day(-20), "--ends", month.day(10), "--budget", "5000",
        "--spend", "3000", "--expected-leads", "10", "--product", "DeskSuite",
    )
    month.ids["spring"] = campaign["id"]
    month.do("record", "edit", "campaign", campaign["id"], "--user", "mia",
             "--set", "spend=3500")
    month.add("field_app_case", "mia", "collateral", title="Field App case study",
              kind="case_study", url="https://files.acme.example/field-app-case",
              value_points="Four hours a week back per rep", stages="Proposal",
              products="Field App")
    month.add("price_sheet", "mia", "collateral", title="Price sheet", kind="price_sheet",
              url="https://files.acme.example/prices", stages="Negotiation")
    ids = month.ids
    for key, contact, source, campaign_id in (
        ("lead_hank", "hank", "webinar", ids["spring"]),
        ("lead_uma", "uma", "webinar", ids["spring"]),
        ("lead_hal", "hal", "webinar", ids["spring"]),
        ("lead_ida", "ida", "website", ""),
    ):
        month.add(key, "mia", "lead", contact_id=ids[contact], source=source,
                  campaign_id=campaign_id)


def _hand_off(month: TeamMonth) -> None:
    """Mia hands each territory's leads to its rep: a saved segment per territory, then
    ``lead handoff``. Ada first sets the qualification threshold to 0 on the admin
    page: a new team has no scoring history yet, so every lead may go."""
    store = open_store(month.path)
    try:
        set_handoff_rules(store, find_user(store, "ada").actor(), 0, 48)
        mia = find_user(store, "mia").actor()
        for territory in ("North", "South"):
            condition = {"field": "account.territory", "op": "eq", "value": territory}
            save_segment(store, mia, f"{territory} enquirers",
                         {"version": 2, "root": {"match": "all", "items": [condition]}})
    finally:
        store.close()
    for territory, rep in (("North", "rita"), ("South", "sam")):
        handed = month.do("lead", "handoff", "--user", "mia", "--segment",
                          f"{territory} enquirers", "--to", rep)
        assert (len(handed["handed_off"]), handed["skipped"]) == (2, []), handed


def _verdicts(month: TeamMonth) -> None:
    ids = month.ids
    month.do("lead", "accept", ids["lead_hank"], "--user", "rita", "--quality", "4")
    month.do("lead", "reject", ids["lead_ida"], "--user", "rita", "--quality", "2",
             "--reason", "too early", "--note", "Budget talks start in the autumn")
    month.do("lead", "accept", ids["lead_uma"], "--user", "sam", "--quality", "5")
    month.do("lead", "reject", ids["lead_hal"], "--user", "sam", "--quality", "1",
             "--reason", "no budget")


def _deals(month: TeamMonth) -> None:
    ids, add = month.ids, month.add
    add("globex_rollout", "rita", "opportunity", name="Globex rollout",
        account_id=ids["globex"], contact_id=ids["hank"], lead_id=ids["lead_hank"],
        campaign_id=ids["spring"], stage_id="Discovery", amount=12000, margin=4000,
        expected_close=month.day(20), origin="inbound", product="DeskSuite",
        territory="North")
    add("initech_pilot", "rita", "opportunity", name="Initech pilot",
        account_id=ids["initech"], contact_id=ids["ida"], stage_id="Qualified", amount=3000,
        margin=900, expected_close=month.day(40), origin="outbound", product="Field App",
        territory="North")
    add("umbrella_clinics", "sam", "opportunity", name="Umbrella clinics",
        account_id=ids["umbrella"], contact_id=ids["uma"], lead_id=ids["lead_uma"],
        campaign_id=ids["spring"], stage_id="Discovery", amount=30000, margin=9000,
        expected_close=month.day(30), origin="inbound", product="DeskSuite Pro",
        territory="South")
    add("hooli_seats", "sam", "opportunity", name="Hooli seats", account_id=ids["hooli"],
        contact_id=ids["hal"], stage_id="Proposal", amount=8000, margin=2000,
        expected_close=month.day(15), origin="outbound", product="DeskSuite",
        territory="South")


def _calls(month: TeamMonth) -> None:
    ids = month.ids
    month.do("call", "log", "--user", "rita", "--contact", ids["hank"], "--outcome",
             "interested", "--next-step-at", f"{month.day(2)}T10:00:00",
             "--next-step", "Send the proposal", "--objection", "price:Too dear for a pilot",
             "--competitor", "Rivalsoft", "--source", "trade show")
    month.do("call", "log", "--user", "sam", "--contact", ids["uma"], "--outcome",
             "meeting booked", "--next-step-at", f"{month.day(3)}T14:00:00",
             "--next-step", "Demo for the clinic managers",
             "--objection", "integration:Needs a link to their SAP system")
    month.do("call", "log", "--user", "sam", "--contact", ids["hal"], "--outcome",
             "not interested", "--close", "no budget this year")


def _closing(month: TeamMonth) -> None:
    ids = month.ids
    month.do("deal", "move", ids["globex_rollout"], "Proposal", "--user", "rita")
    month.do("deal", "move", ids["globex_rollout"], "Won", "--user", "rita", "--win-story",
             "Logging calls offline on site sold it", "--after-sale-owner", "ada")
    month.do("deal", "move", ids["umbrella_clinics"], "Won", "--user", "sam", "--win-story",
             "One view of every clinic", "--after-sale-owner", "sam")
    month.do("deal", "move", ids["hooli_seats"], "Lost", "--user", "sam", "--lost-reason",
             "chose a competitor", "--competitor", "Rivalsoft")
    month.do("deal", "move", ids["initech_pilot"], "Proposal", "--user", "rita")


def _field_notes(month: TeamMonth) -> None:
    ids = month.ids
    month.do("market-note", "add", "--user", "rita", "--account", ids["globex"], "--topic",
             "competitor_seen", "--tag", "Rivalsoft", "--text", "Rivalsoft demoed at Globex HQ")
    month.do("market-note", "add", "--user", "sam", "--contact", ids["hal"], "--topic",
             "price_heard", "--tag", "Rivalsoft", "--text", "Rivalsoft offered Hooli 15% off")


def _targets(month: TeamMonth) -> None:
    today = month.today.isoformat()
    for metric, period, value, holder in (
        ("revenue", "quarter", "50000", []),
        ("revenue", "month", "10000", ["--rep", "rita"]),
        ("won_deals", "month", "2", ["--territory", "South"]),
        ("new_accounts", "month", "5", []),
    ):
        month.do("target", "set", "--user", "mia", "--metric", metric, "--period", period,
                 "--date", today, "--value", value, *holder)


def _rep_week(month: TeamMonth) -> date:
    """Rita plans a Wednesday at least ten days ahead: a small task and a deal's check-in."""
    today = month.today
    wednesday = today + timedelta(days=(7 - today.weekday()) + 9)
    ids = month.ids
    month.add("tidy", "rita", "activity", kind="task", subject="Tidy up call notes",
              due_at=f"{wednesday.isoformat()}T09:00:00")
    month.add("checkin", "rita", "activity", kind="meeting", subject="Check in on the pilot",
              due_at=f"{wednesday.isoformat()}T15:00:00", opportunity_id=ids["initech_pilot"],
              contact_id=ids["ida"], account_id=ids["initech"])
    return wednesday


def work_a_month(folder: Path) -> TeamMonth:
    """Run the whole scenario in a new store in ``folder``."""
    month = TeamMonth(str(folder / "team.db"), datetime.now(UTC).date())
    _people(month)
    _customers(month)
    _marketing(month)
    _hand_off(month)
    _verdicts(month)
    _deals(month)
    _calls(month)
    _closing(month)
    _field_notes(month)
    _targets(month)
    month.ids["wednesday"] = _rep_week(month).isoformat()
    return month
