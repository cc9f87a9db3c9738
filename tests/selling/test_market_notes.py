"""Market notes and the field-intelligence report marketing reads them in."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from query_plans import QueryPlans

from contactdesk.errors import ValidationError
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import run_report
from contactdesk.selling.call_logging import CallReport, CloseOut, Objection, log_call
from contactdesk.selling.market_notes import add_market_note, market_notes
from contactdesk.selling.opportunity_progress import LossCapture, move_opportunity
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import UserInfo
from contactdesk.store import Store

NOW = datetime.now(UTC)
TODAY = NOW.date()
MONTH = TODAY.strftime("%Y-%m")


def _account(store: Store, rep: UserInfo, name: str, territory: str, industry: str) -> uuid.UUID:
    return unit_of_work.create(
        store, rep.actor(), "account",
        {"name": name, "territory": territory, "industry": industry},
    ).record_id


def _contact(store: Store, rep: UserInfo, name: str, account: uuid.UUID) -> uuid.UUID:
    return unit_of_work.create(
        store, rep.actor(), "contact", {"display_name": name, "account_id": account}
    ).record_id


def test_a_market_note_links_the_contacts_account_and_needs_text_and_a_link(
    store: Store, people: dict[str, UserInfo]
) -> None:
    rita = people["rita"]
    account = _account(store, rita, "Globex", "North", "Energy")
    hank = _contact(store, rita, "Hank", account)
    note = add_market_note(store, rita.actor(), topic="price_heard", tag="Rivalsoft",
                           text="Rivalsoft quoted 20% under us", contact_id=hank)
    [found] = market_notes(store, rita.actor(), account_id=account)
    assert (found.id, found.account, found.contact, found.author, found.topic) == (
        note, "Globex", "Hank", "Rita Rep", "price_heard"
    )
    with pytest.raises(ValidationError, match=r"intel\.account_id"):
        add_market_note(store, rita.actor(), topic="market_news", text="A merger")
    with pytest.raises(ValidationError, match=r"intel\.topic"):
        add_market_note(store, rita.actor(), topic="gossip", text="x", account_id=account)
    # Another rep's contact is outside rita's scope: refused, nothing written.
    sams = _contact(store, people["sam"], "Sid",
                    _account(store, people["sam"], "Initech", "South", "Software"))
    with pytest.raises(Exception, match="may see"):
        add_market_note(store, rita.actor(), topic="market_news", text="x", contact_id=sams)
    assert len(market_notes(store, Actor.system())) == 1


def test_field_intel_groups_mentions_losses_objections_and_notes_with_their_text(
    store: Store, people: dict[str, UserInfo]
) -> None:
    rita, sam = people["rita"], people["sam"]
    north = _account(store, rita, "Globex", "North", "Energy")
    south = _account(store, sam, "Initech", "South", "Software")
    hank = _contact(store, rita, "Hank", north)
    deal = unit_of_work.create(store, sam.actor(), "opportunity",
                               {"name": "Initech desk", "account_id": south,
                                "stage_id": "Proposal", "amount": 500}).record_id
    log_call(store, rita.actor(), CallReport(
        hank, "not interested", CloseOut("chose to wait"),
        objections=(Objection("price", "Too dear"),), competitor="Rivalsoft",
        competitor_note="Already piloting Rivalsoft",
    ), now=NOW)
    add_market_note(store, rita.actor(), topic="competitor_seen", tag="Rivalsoft",
                    text="Rivalsoft stand at the Leeds expo", account_id=north)
    add_market_note(store, sam.actor(), topic="market_news", tag="regulation",
                    text="New energy tariff rules from April", account_id=south)
    move_opportunity(store, sam.actor(), deal, "Lost", now=NOW,
                     loss=LossCapture("price too high", "Rivalsoft"))
    result = run_report(store, people["mia"].actor(), "field-intel", ReportParams(TODAY, TODAY))
    rows = {(r["kind"], r["tag"], r["territory"], r["industry"]): (r["count"], r["texts"])
            for r in result.rows if r["month"] == MONTH}
    assert rows == {
        ("Competitor mention", "Rivalsoft", "North", "Energy"):
            (1, "Already piloting Rivalsoft"),
        # The lost deal's competitor is also a mention, made by the loss itself.
        ("Competitor mention", "Rivalsoft", "South", "Software"): (1, "price too high"),
        ("Objection", "price", "North", "Energy"): (1, "Too dear"),
        ("Market note: competitor seen", "Rivalsoft", "North", "Energy"):
            (1, "Rivalsoft stand at the Leeds expo"),
        ("Market note: market news", "regulation", "South", "Software"):
            (1, "New energy tariff rules from April"),
        ("Deal lost to competitor", "Rivalsoft", "South", "Software"): (1, "price too high"),
    }
    assert dict(zip(result.chart.categories, result.chart.series[1].values, strict=True)) == {
        "Rivalsoft": 1.0
    }
    lost = result.drill_down((MONTH, "South", "Software", "Deal lost to competitor", "Rivalsoft"))
    assert [record["name"] for record in lost.records] == ["Initech desk"]
    notes = result.drill_down((MONTH, "North", "Energy", "Market note: competitor seen",
                               "Rivalsoft"))
    assert [record["text"] for record in notes.records] == ["Rivalsoft stand at the Leeds expo"]


def test_field_intel_and_the_notes_list_read_intel_by_its_kind_and_date_index(
    store: Store, people: dict[str, UserInfo], query_plans: QueryPlans
) -> None:
    rita = people["rita"]
    account = _account(store, rita, "Globex", "North", "Energy")
    add_market_note(store, rita.actor(), topic="market_news", text="A merger", account_id=account)
    query_plans.clear()
    run_report(store, people["mia"].actor(), "field-intel", ReportParams(TODAY, TODAY))
    market_notes(store, rita.actor(), account_id=account)
    plans = [line for _, lines in query_plans.plans() for line in lines if " intel " in line]
    assert plans and all("ix_intel_kind_created" in line for line in plans), plans
    assert query_plans.scans("intel") == []
