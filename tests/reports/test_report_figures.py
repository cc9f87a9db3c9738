"""Every report against figures counted by hand from crm_fixture (period: the last 30 days)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from crm_fixture import CrmFixture

from contactdesk.errors import AccessDenied
from contactdesk.reports.report_params import ReportParams
from contactdesk.reports.report_registry import report_names, run_report
from contactdesk.reports.report_result import ANY, ReportResult
from contactdesk.segments.segment_definition import FieldCondition, all_of
from contactdesk.services import unit_of_work
from contactdesk.services.actor import Actor
from contactdesk.services.directory import find_user
from contactdesk.services.store_opening import open_store

MARKETING = Actor.for_role("marketing")


def last_30_days(crm: CrmFixture, **options: Any) -> ReportParams:
    return ReportParams(crm.day(-29), crm.today, **options)


def run(crm: CrmFixture, name: str, **options: Any) -> ReportResult:
    return run_report(crm.store, MARKETING, name, last_30_days(crm, **options))


def by_key(result: ReportResult) -> dict[tuple[str, ...], dict[str, Any]]:
    return {result.row_key(row): row for row in result.rows}


def test_lead_sources_counts_leads_opportunities_and_won_revenue_per_source_and_campaign(
    crm: CrmFixture,
) -> None:
    rows = by_key(run(crm, "lead-sources"))
    # L1+L2 from the webinar; only L1 became a deal (O1, won, 10000).
    assert rows[("webinar", "Spring Webinar")] == {
        "source": "webinar",
        "campaign": "Spring Webinar",
        "leads": 2,
        "opportunities": 1,
        "won": 1,
        "won_revenue": 10000.0,
    }
    assert rows[("event", "Trade Show")]["opportunities"] == 1
    assert rows[("event", "Trade Show")]["won_revenue"] == 0.0
    assert rows[("website", "(not set)")]["leads"] == 1


def test_lead_sources_drill_down_lists_the_leads_of_the_row(crm: CrmFixture) -> None:
    result = run(crm, "lead-sources")
    drill = result.drill_down(("webinar", "Spring Webinar"))
    assert drill.entity == "lead"
    assert {record["id"] for record in drill.records} == {str(crm.ids["l1"]), str(crm.ids["l2"])}


def test_objections_ranks_tags_by_frequency_with_stage_share_and_example(crm: CrmFixture) -> None:
    result = run(crm, "objections")
    first = result.rows[0]
    assert (first["objection"], first["stage"], first["count"]) == ("price", "Proposal", 2)
    assert first["share"] == pytest.approx(2 / 3)
    assert first["example"] in ("Too expensive", "Budget is tight")
    assert result.chart.categories == ("price", "security")


def test_objections_chart_bar_drills_to_every_stage_of_the_tag(crm: CrmFixture) -> None:
    result = run(crm, "objections")
    drill = result.drill_down(result.chart.drill_keys[0])
    assert result.chart.drill_keys[0] == ("price", ANY)
    assert sorted(record["text"] for record in drill.records) == [
        "Budget is tight",
        "Too expensive",
    ]


def test_push_pull_gives_share_and_win_rate_per_origin(crm: CrmFixture) -> None:
    rows = {row["origin"]: row for row in run(crm, "push-pull").rows}
    # Inbound: O1, O4, O5 (two won, none lost); outbound: O2 (lost), O3 (open).
    assert (rows["inbound"]["opportunities"], rows["inbound"]["won"]) == (3, 2)
    assert rows["inbound"]["share"] == pytest.approx(0.6)
    assert rows["inbound"]["win_rate"] == 1.0
    assert rows["outbound"]["win_rate"] == 0.0


def test_buyer_profile_describes_the_deals_won_in_the_period(crm: CrmFixture) -> None:
    rows = by_key(run(crm, "buyer-profile"))
    # Only O1 was won in the period (O5 was won 40 days ago).
    assert rows[("Industry", "Healthcare")]["deals"] == 1
    assert rows[("Industry", "Healthcare")]["revenue"] == 10000.0
    assert ("Company size", "50-249") in rows
    assert ("Buyer title", "CFO") in rows
    assert ("Deal size", "10k-50k") in rows
    assert ("Industry", "Retail") not in rows


def test_buyer_profile_leaves_out_a_dimension_the_role_cannot_see(crm: CrmFixture) -> None:
    from contactdesk.services.rule_admin import set_rule

    set_rule(crm.store, Actor.system(), "marketing", "contact.title", "hidden")
    dimensions = {row["dimension"] for row in run(crm, "buyer-profile").rows}
    assert "Buyer title" not in dimensions
    assert "Industry" in dimensions


def test_win_stories_lists_the_story_with_customer_and_industry(crm: CrmFixture) -> None:
    (row,) = run(crm, "win-stories").rows
    assert (row["account"], row["industry"], row["product"]) == (
        "Alpha Ltd",
        "Healthcare",
        "DeskSuite",
    )
    assert row["story"] == "Saved hours on follow-ups"


def test_win_stories_search_finds_words_in_the_story(crm: CrmFixture) -> None:
    assert len(run(crm, "win-stories", search="hours").rows) == 1
    assert run(crm, "win-stories", search="nothing like it").rows == []


def test_win_stories_filter_by_industry_drops_other_industries(crm: CrmFixture) -> None:
    assert run(crm, "win-stories", industry="Retail").rows == []


def test_lead_quality_gives_acceptance_rate_reasons_and_outcome(crm: CrmFixture) -> None:
    row = by_key(run(crm, "lead-quality"))[("Spring Webinar", "webinar")]
    assert (row["handed_off"], row["accepted"], row["rejected"]) == (2, 1, 1)
    assert row["acceptance_rate"] == 0.5
    assert row["rejection_reasons"] == "no budget (1)"
    assert (row["opportunities"], row["won"]) == (1, 1)


def test_campaign_roi_computes_cost_per_accepted_lead_and_return(crm: CrmFixture) -> None:
    rows = by_key(run(crm, "campaign-roi"))
    spring = rows[("campaign", "Spring Webinar")]
    assert (spring["spend"], spring["leads"], spring["accepted"]) == (1000.0, 2, 1)
    assert spring["won_revenue"] == 10000.0
    assert spring["cost_per_accepted"] == 1000.0
    assert spring["return"] == pytest.approx(9.0)
    assert rows[("campaign", "Trade Show")]["return"] == pytest.approx(-1.0)


def test_campaign_roi_totals_each_channel(crm: CrmFixture) -> None:
    rows = by_key(run(crm, "campaign-roi"))
    assert rows[("channel", "event")]["spend"] == 3000.0
    assert rows[("channel", "webinar")]["won_revenue"] == 10000.0


def test_campaign_roi_is_refused_to_a_role_that_cannot_see_spend(crm: CrmFixture) -> None:
    with pytest.raises(AccessDenied, match=r"campaign\.spend"):
        run_report(crm.store, Actor.for_role("sales"), "campaign-roi", last_30_days(crm))


def test_handoff_counts_kept_missed_and_open_deadlines_per_rep_and_campaign(
    crm: CrmFixture,
) -> None:
    rows = by_key(run(crm, "handoff"))
    rita = rows[("Rita", "Spring Webinar")]
    assert (rita["kept"], rita["missed"], rita["open"]) == (1, 1, 0)
    assert rows[("Sam", "Trade Show")]["missed"] == 1
    assert rows[("Sam", "(not set)")]["open"] == 1


def test_handoff_for_a_rep_shows_only_the_leads_in_their_scope(crm: CrmFixture) -> None:
    rita = find_user(crm.store, "rita").actor()
    result = run_report(crm.store, rita, "handoff", last_30_days(crm))
    assert {row["rep"] for row in result.rows} == {"Rita"}


def test_dashboard_compares_revenue_and_margin_with_the_previous_period(crm: CrmFixture) -> None:
    rows = by_key(run(crm, "dashboard"))
    # This period: O1 won (10000 / 4000); previous 30 days: O5 won (6000 / 2000).
    assert (rows[("Revenue",)]["current"], rows[("Revenue",)]["previous"]) == (10000.0, 6000.0)
    assert rows[("Revenue",)]["change"] == pytest.approx(4000 / 6000)
    assert rows[("Margin",)]["change"] == pytest.approx(1.0)


def test_dashboard_gives_closing_ratio_new_accounts_and_market_share(crm: CrmFixture) -> None:
    rows = by_key(run(crm, "dashboard"))
    assert rows[("Closing ratio",)]["current"] == 50.0  # O1 won, O2 lost
    assert rows[("New accounts",)]["current"] == 2
    assert rows[("Market share",)]["current"] == 15.0  # mean of 20 and 10


def test_dashboard_marks_the_company_goal_metric(crm: CrmFixture) -> None:
    result = run(crm, "dashboard")
    assert [row["metric"] for row in result.rows if row["goal"]] == ["Margin"]
    assert "Company goal metric: margin" in result.table.notes


def test_forecast_weights_open_pipeline_by_stage_probability(crm: CrmFixture) -> None:
    params = ReportParams(crm.today, crm.today + timedelta(days=90))
    rows = by_key(run_report(crm.store, MARKETING, "forecast", params))
    assert rows[("North", "Proposal")]["weighted"] == 4000.0  # 8000 x 0.5
    assert rows[("South", "Negotiation")]["weighted"] == 3000.0  # 4000 x 0.75
    assert len(rows) == 2


def test_forecast_drill_down_lists_the_territorys_opportunities(crm: CrmFixture) -> None:
    params = ReportParams(crm.today, crm.today + timedelta(days=90))
    result = run_report(crm.store, MARKETING, "forecast", params)
    drill = result.drill_down(("North", ANY))
    assert [record["name"] for record in drill.records] == ["Alpha expansion"]


def test_a_segment_narrows_a_report_to_its_contacts(crm: CrmFixture) -> None:
    cfos = all_of(FieldCondition("title", "eq", "CFO"))  # Ann and Cara
    rows = by_key(run(crm, "lead-sources", segment=cfos))
    assert rows[("webinar", "Spring Webinar")]["leads"] == 1
    assert ("website", "(not set)") not in rows


@pytest.mark.parametrize("name", report_names())
def test_every_report_runs_on_an_empty_period(crm: CrmFixture, name: str) -> None:
    params = ReportParams(crm.day(-400), crm.day(-390))
    result = run_report(crm.store, MARKETING, name, params)
    assert all(len(series.values) == len(result.chart.categories) for series in result.chart.series)


def test_a_segment_gives_the_same_figures_in_every_query_of_a_report(crm: CrmFixture) -> None:
    # buyer-profile runs one query per dimension, all probing the segment's
    # member table filled once.
    cfos = all_of(FieldCondition("title", "eq", "CFO"))
    rows = run(crm, "buyer-profile", segment=cfos).rows
    per_dimension = {row["dimension"]: 0 for row in rows}
    for row in rows:
        per_dimension[row["dimension"]] += row["deals"]
    assert len(set(per_dimension.values())) == 1


def test_a_report_with_a_segment_runs_on_a_read_only_store(crm: CrmFixture) -> None:
    assert crm.store.path is not None
    crm.store.close()
    reader = open_store(crm.store.path, read_only=True)
    cfos = all_of(FieldCondition("title", "eq", "CFO"))
    params = last_30_days(crm, segment=cfos)
    result = run_report(reader, MARKETING, "lead-sources", params)
    reader.close()
    assert result.rows


def test_lead_quality_gives_sales_average_rating_by_campaign_and_source(crm: CrmFixture) -> None:
    for lead, quality in (("l1", 5), ("l2", 2)):
        unit_of_work.update(crm.store, Actor.system(), "lead", crm.ids[lead], {"quality": quality})

    row = by_key(run(crm, "lead-quality"))[("Spring Webinar", "webinar")]

    assert (row["average_rating"], row["rated"]) == (3.5, 2)
