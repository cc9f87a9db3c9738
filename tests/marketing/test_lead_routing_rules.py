"""Routing picks reps as the rules state: territory, industry team: Any, round-robin, load cap."""

from __future__ import annotations

import uuid

from contactdesk.marketing.lead_routing import NoRoute, Rep, Route, Router
from contactdesk.marketing.routing_rules import RoutingRules

NORA = Rep(uuid.uuid4(), "nora", "Nora", "north", "Scotland", is_team_lead=True)
NED = Rep(uuid.uuid4(), "ned", "Ned", "north", "North East")
NINA = Rep(uuid.uuid4(), "nina", "Nina", "north", "Yorkshire")
SAM = Rep(uuid.uuid4(), "sam", "Sam", "south", "London", is_team_lead=True)
SARA = Rep(uuid.uuid4(), "sara", "Sara", "south", "South East")
REPS = (NORA, NED, NINA, SAM, SARA)


def _router(rules: RoutingRules, loads: dict[uuid.UUID, int] | None = None) -> Router:
    return Router(rules, REPS, loads or {}, {})


def _rep(route: Route | NoRoute) -> Rep:
    assert isinstance(route, Route), route
    return route.rep


def test_a_lead_goes_to_the_rep_covering_its_territory() -> None:
    router = _router(RoutingRules())

    assert _rep(router.route("North East", None)) == NED


def test_a_territory_nobody_covers_is_shared_round_robin_by_username() -> None:
    router = _router(RoutingRules())

    chosen = [_rep(router.route("Wales", None)).username for _ in range(6)]

    assert chosen == ["ned", "nina", "nora", "sam", "sara", "ned"]


def test_an_industry_mapped_to_a_team_is_shared_round_robin_in_that_team() -> None:
    router = _router(RoutingRules(match_territory=False, industry_teams={"Retail": "south"}))

    chosen = [_rep(router.route("Scotland", "Retail")).username for _ in range(3)]

    assert chosen == ["sam", "sara", "sam"]


def test_a_territory_rep_at_the_cap_passes_the_lead_round_robin_to_their_team() -> None:
    router = _router(RoutingRules(max_open_leads=2), loads={NED.id: 2})

    chosen = [_rep(router.route("North East", None)).username for _ in range(2)]

    assert chosen == ["nina", "nora"]


def test_round_robin_skips_reps_at_the_cap() -> None:
    rules = RoutingRules(industry_teams={"Retail": "north"}, max_open_leads=1)
    router = _router(rules, loads={NINA.id: 1})

    chosen = [_rep(router.route(None, "Retail")).username for _ in range(2)]

    assert chosen == ["ned", "nora"]


def test_no_route_when_every_eligible_rep_is_at_the_cap() -> None:
    rules = RoutingRules(industry_teams={"Retail": "south"}, max_open_leads=1)
    router = _router(rules, loads={SAM.id: 1, SARA.id: 1})

    route = router.route("London", "Retail")

    assert isinstance(route, NoRoute)
    assert "cap" in route.reason


def test_round_robin_continues_after_the_stored_cursor() -> None:
    router = Router(RoutingRules(), REPS, {}, {"*": str(NINA.id)})

    assert _rep(router.route(None, None)) == NORA


def test_an_excluded_rep_is_never_chosen_even_for_their_own_territory() -> None:
    router = _router(RoutingRules())

    assert _rep(router.route("North East", None, exclude=[NED.id])) != NED
