"""Issue 15's acceptance: a team's first month, from ``contactdesk init``, answers its questions.

``team_month.py`` tells the month. Every report named in DESIGN.md gives the
figures below, worked out by hand from that story; each row of
SEED-QUESTIONS.md has its assertion (marked ``Q:``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from team_month import TeamMonth, cli, work_a_month

from contactdesk.selling.contact_card import contact_card
from contactdesk.services.directory import find_user
from contactdesk.services.funnel import list_stages
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> TeamMonth:
    return work_a_month(tmp_path_factory.mktemp("acceptance"))


@pytest.fixture
def store(month: TeamMonth) -> Iterator[Store]:
    opened = open_store(month.path)
    yield opened
    opened.close()


def _last_30_days(month: TeamMonth, name: str) -> dict[str, Any]:
    return month.report(name, month.today - timedelta(days=30), month.today)


def _rows(report: dict[str, Any], *keys: str) -> list[tuple[Any, ...]]:
    return [tuple(row[key] for key in keys) for row in report["rows"]]


def _this_month(month: TeamMonth) -> str:
    return month.today.strftime("%Y-%m")


# -- marketing asks sales ----------------------------------------------------


def test_q_where_enquiries_really_come_from(month: TeamMonth) -> None:
    """Q: enquiry source on every lead (sales corrected Hank's after the call)."""
    report = _last_30_days(month, "lead-sources")
    assert _rows(report, "source", "campaign", "leads", "opportunities", "won",
                 "won_revenue") == [
        ("webinar", "Spring Webinar", 2, 1, 1, 30000.0),
        ("trade show", "Spring Webinar", 1, 1, 1, 12000.0),
        ("website", None, 1, 0, 0, 0.0),
    ]
    hank = month.do("record", "show", "contact", month.ids["hank"])
    assert hank["enquiry_source"] == "trade show"


def test_q_what_worries_customers(month: TeamMonth) -> None:
    """Q: objections logged with calls, by frequency and stage, with the text."""
    report = _last_30_days(month, "objections")
    assert _rows(report, "objection", "stage", "count", "share", "example") == [
        ("integration", "Discovery", 1, 0.5, "Needs a link to their SAP system"),
        ("price", "Discovery", 1, 0.5, "Too dear for a pilot"),
    ]


def test_q_push_versus_pull(month: TeamMonth) -> None:
    """Q: inbound and outbound deals, their share and win rate."""
    report = _last_30_days(month, "push-pull")
    this_month = _this_month(month)
    assert _rows(report, "month", "origin", "opportunities", "share", "won", "lost",
                 "win_rate") == [
        (this_month, "inbound", 2, 0.5, 2, 0, 1.0),
        (this_month, "outbound", 2, 0.5, 0, 1, 0.0),
    ]


def test_q_who_actually_buys(month: TeamMonth) -> None:
    """Q: buyer profile over the two won deals (Globex 12,000; Umbrella 30,000)."""
    report = _last_30_days(month, "buyer-profile")
    assert _rows(report, "dimension", "value", "deals", "share", "revenue",
                 "average_deal") == [
        ("Industry", "Energy", 1, 0.5, 12000.0, 12000.0),
        ("Industry", "Healthcare", 1, 0.5, 30000.0, 30000.0),
        ("Company size", "1000+", 1, 0.5, 30000.0, 30000.0),
        ("Company size", "250-999", 1, 0.5, 12000.0, 12000.0),
        ("Region", "North", 1, 0.5, 12000.0, 12000.0),
        ("Region", "South", 1, 0.5, 30000.0, 30000.0),
        ("Buyer title", "CFO", 1, 0.5, 12000.0, 12000.0),
        ("Buyer title", "Head of IT", 1, 0.5, 30000.0, 30000.0),
        ("Deal size", "10k-50k", 2, 1.0, 42000.0, 21000.0),
    ]


def test_q_what_happy_customers_say(month: TeamMonth) -> None:
    """Q: win stories, newest first, filterable by industry."""
    report = _last_30_days(month, "win-stories")
    assert _rows(report, "account", "industry", "product", "story") == [
        ("Umbrella", "Healthcare", "DeskSuite Pro", "One view of every clinic"),
        ("Globex", "Energy", "DeskSuite", "Logging calls offline on site sold it"),
    ]
    healthcare = cli("report", "win-stories", "--store", month.path, "--industry",
                     "Healthcare", "--format", "json").json()
    assert _rows(healthcare, "account") == [("Umbrella",)]


def test_q_are_the_leads_any_good(month: TeamMonth) -> None:
    """Q: sales' verdicts by campaign and source, the reasons, what became of them."""
    report = _last_30_days(month, "lead-quality")
    assert _rows(report, "campaign", "source", "handed_off", "accepted", "rejected",
                 "acceptance_rate", "rejection_reasons", "opportunities", "won") == [
        (None, "website", 1, 0, 1, 0.0, "too early (1)", 0, 0),
        ("Spring Webinar", "trade show", 1, 1, 0, 1.0, "", 1, 1),
        ("Spring Webinar", "webinar", 2, 1, 1, 0.5, "no budget (1)", 1, 1),
    ]
    ida = month.do("record", "show", "lead", month.ids["lead_ida"])
    assert (ida["quality"], ida["rejection_note"]) == (2, "Budget talks start in the autumn")


# -- sales asks marketing ----------------------------------------------------


def test_q_value_and_proof_and_material_for_the_stage(month: TeamMonth, store: Store) -> None:
    """Q: collateral on the contact card fits the deal's stage and product (two rows)."""
    rita = find_user(store, "rita").actor()
    card = contact_card(store, rita, month.ids["ida"])
    assert card.opportunity is not None and card.opportunity.stage_name == "Proposal"
    assert [(item.title, item.value_points) for item in card.collateral] == [
        ("Field App case study", "Four hours a week back per rep")
    ]
    # Hank's deal is won: no open deal, so nothing to hand him.
    assert contact_card(store, rita, month.ids["hank"]).collateral == []


def test_q_who_looks_after_the_customer(month: TeamMonth) -> None:
    """Q: account and after-sale owner, the hand-over recorded as an activity."""
    globex = month.do("record", "show", "account", month.ids["globex"])
    assert (globex["owner"], globex["after_sale_owner"]) == ("Rita Rep", "Ada Admin")
    handovers = month.do("record", "list", "activity", "--where", "kind=handover")
    assert sorted((row["subject"], row["account"]) for row in handovers) == [
        ("Hand over to Ada Admin", "Globex"),
        ("Hand over to Sam Seller", "Umbrella"),
    ]


def test_q_share_volume_or_margin(month: TeamMonth) -> None:
    """Q: the goal metric on the shared dashboard; deals carry amount and margin."""
    report = _last_30_days(month, "dashboard")
    assert "Company goal metric: margin" in report["notes"]
    goal_rows = [row["metric"] for row in report["rows"] if row["goal"] == "goal"]
    assert goal_rows == ["Margin"]
    deal = month.do("record", "show", "opportunity", month.ids["initech_pilot"])
    assert (deal["amount"], deal["margin"]) == (3000.0, 900.0)


def test_q_what_can_i_spend_less_time_on(month: TeamMonth) -> None:
    """Q: the week shows each item's deal value (and lead score) beside it, in time order.

    The chore at 09:00 carries no value; the pilot's check-in at 15:00 carries 3,000.
    """
    wednesday = month.ids["wednesday"]
    plan = month.do("week", "--user", "rita", "--date", wednesday)
    [day] = [day for day in plan["days"] if day["date"] == wednesday]
    assert [(item["subject"], item["opportunity_value"]) for item in day["items"]] == [
        ("Tidy up call notes", None),
        ("Check in on the pilot", 3000.0),
    ]


def test_q_which_campaigns_are_running(month: TeamMonth) -> None:
    """Q: the running campaign and its expected and actual leads, as sales sees it."""
    running = month.do("campaign", "list", "--user", "rita", "--state", "running")
    assert [(row["name"], row["expected_leads"], row["leads"]) for row in running] == [
        ("Spring Webinar", 10, 3)
    ]
    # Spend is marketing's: hidden from sales.
    assert "spend" not in running[0]


# -- what both agree on ------------------------------------------------------


def test_q_funnel_steps_and_owners(store: Store) -> None:
    """Q: the funnel stages are data, each with its owning team."""
    assert [(stage.name, stage.owner_team) for stage in list_stages(store)] == [
        ("Qualified", "marketing"),
        ("Discovery", "sales"),
        ("Proposal", "sales"),
        ("Negotiation", "sales"),
        ("Won", "sales"),
        ("Lost", "sales"),
    ]


def test_q_hand_off_deadlines_kept(month: TeamMonth) -> None:
    """Q: follow-up deadlines kept, missed, still open, per rep and campaign."""
    report = _last_30_days(month, "handoff")
    assert _rows(report, "rep", "campaign", "handed_off", "kept", "missed", "open",
                 "kept_rate") == [
        ("Rita Rep", None, 1, 0, 0, 1, None),
        ("Rita Rep", "Spring Webinar", 1, 1, 0, 0, 1.0),
        ("Sam Seller", "Spring Webinar", 2, 1, 0, 1, 1.0),
    ]


def test_q_forced_follow_up(month: TeamMonth) -> None:
    """Q: a call needs a next step; each logged call left one or an explicit close."""
    refused = cli("call", "log", "--store", month.path, "--user", "rita", "--contact",
                  month.ids["ida"], "--outcome", "no answer")
    assert refused.code == 1 and "call.next_step" in refused.err
    calls = month.do("record", "list", "activity", "--where", "kind=call")
    follow_ups = month.do("record", "list", "activity", "--where", "kind=follow_up")
    assert sorted((row["contact"], row["close_reason"]) for row in calls) == [
        ("Hal Hooli", "no budget this year"),
        ("Hank Scorpio", None),
        ("Uma Umbrella", None),
    ]
    assert sorted((row["contact"], row["subject"]) for row in follow_ups) == [
        ("Hank Scorpio", "First follow-up with Hank Scorpio"),
        ("Hank Scorpio", "Send the proposal"),
        ("Uma Umbrella", "Demo for the clinic managers"),
        ("Uma Umbrella", "First follow-up with Uma Umbrella"),
    ]


def test_q_common_metrics(month: TeamMonth) -> None:
    """Q: one dashboard: revenue, margin, won deals, new accounts, closing ratio, share."""
    report = _last_30_days(month, "dashboard")
    assert _rows(report, "metric", "current", "previous", "change") == [
        ("Revenue", 42000.0, 0.0, None),
        ("Margin", 13000.0, 0.0, None),
        ("Won deals", 2.0, 0.0, None),
        ("New accounts", 4.0, 0.0, None),
        ("Closing ratio", 66.7, None, None),
        ("Market share", 12.5, None, None),
    ]


def test_q_outcome_targets_not_activity_counts(month: TeamMonth) -> None:
    """Q: targets on outcomes with attainment; activities only as information."""
    report = month.report("targets", month.today, month.today)
    found = {(row["metric"], row["period"], row["holder"]): (row["target"], row["actual"],
                                                            row["attainment"])
             for row in report["rows"]}
    assert found == {
        ("Revenue", "quarter", "company"): (50000.0, 42000.0, 0.84),
        ("Revenue", "month", "Rita Rep"): (10000.0, 12000.0, 1.2),
        ("Won deals", "month", "South"): (2.0, 1.0, 0.5),
        ("New accounts", "month", "company"): (5.0, 4.0, 0.8),
    }
    assert report["notes"] == [
        "Activities done in the period (information, not a target): call 3, handover 2"
    ]
    month_start = month.today.replace(day=1)
    quarter_start = month.today.replace(month=(month.today.month - 1) // 3 * 3 + 1, day=1)
    dashboard = _last_30_days(month, "dashboard")
    assert {note for note in dashboard["notes"] if note.startswith("Target:")} == {
        f"Target: revenue for company, quarter from {quarter_start}: 42,000 of 50,000 (84%)",
        f"Target: revenue for Rita Rep, month from {month_start}: 12,000 of 10,000 (120%)",
        f"Target: won deals for South, month from {month_start}: 1 of 2 (50%)",
        f"Target: new accounts for company, month from {month_start}: 4 of 5 (80%)",
    }
    refused = cli("record", "add", "target", "--store", month.path, "--user", "mia",
                  "--set", "metric=calls", "--set", "period=month", "--set",
                  f"starts_on={month.today.replace(day=1)}", "--set", "level=company",
                  "--set", "value=40")
    assert refused.code == 1 and "target.metric" in refused.err


def test_q_spend_against_return(month: TeamMonth) -> None:
    """Q: spend, leads, deals, won revenue and return, per campaign and channel."""
    report = _last_30_days(month, "campaign-roi")
    assert _rows(report, "level", "name", "spend", "leads", "accepted", "opportunities",
                 "won_revenue", "cost_per_accepted", "return") == [
        ("campaign", "Spring Webinar", 3500.0, 3, 2, 2, 42000.0, 1750.0, 11.0),
        ("channel", "webinar", 3500.0, 3, 2, 2, 42000.0, 1750.0, 11.0),
    ]


def test_q_field_intelligence_flows_back(month: TeamMonth) -> None:
    """Q: competitor mentions, losses, objections and market notes, with the text."""
    report = _last_30_days(month, "field-intel")
    this_month = _this_month(month)
    assert {row["month"] for row in report["rows"]} == {this_month}
    assert _rows(report, "kind", "tag", "territory", "industry", "count", "texts") == [
        ("Competitor mention", "Rivalsoft", "North", "Energy", 1, ""),
        ("Competitor mention", "Rivalsoft", "South", "Software", 1, "chose a competitor"),
        ("Deal lost to competitor", "Rivalsoft", "South", "Software", 1, "chose a competitor"),
        ("Market note: competitor seen", "Rivalsoft", "North", "Energy", 1,
         "Rivalsoft demoed at Globex HQ"),
        ("Market note: price heard", "Rivalsoft", "South", "Software", 1,
         "Rivalsoft offered Hooli 15% off"),
        ("Objection", "integration", "South", "Healthcare", 1,
         "Needs a link to their SAP system"),
        ("Objection", "price", "North", "Energy", 1, "Too dear for a pilot"),
    ]


def test_q_territory_forecast(month: TeamMonth) -> None:
    """Q: open pipeline by territory and stage, weighted by the stage's probability."""
    report = month.report("forecast", month.today, month.today + timedelta(days=90))
    assert _rows(report, "territory", "stage", "probability", "opportunities", "amount",
                 "weighted") == [("North", "Proposal", 0.5, 1, 3000.0, 1500.0)]


# -- the team's own store ----------------------------------------------------


def test_the_store_holds_only_what_the_team_entered(month: TeamMonth) -> None:
    """No demo: the store has the four people and the records of the month, nothing else."""
    users = cli("admin", "users", "--store", month.path, "--json").json()
    assert sorted((user["username"], user["role"]) for user in users) == [
        ("ada", "admin"), ("mia", "marketing"), ("rita", "sales"), ("sam", "sales"),
    ]
    accounts = month.do("record", "list", "account")
    assert sorted(row["name"] for row in accounts) == ["Globex", "Hooli", "Initech", "Umbrella"]
    deals = month.do("record", "list", "opportunity")
    assert sorted((row["name"], row["stage"]) for row in deals) == [
        ("Globex rollout", "Won"),
        ("Hooli seats", "Lost"),
        ("Initech pilot", "Proposal"),
        ("Umbrella clinics", "Won"),
    ]
