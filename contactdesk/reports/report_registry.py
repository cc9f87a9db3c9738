"""The reports by name, and running one for an actor: the entry point of UI and CLI.

A report family is a module with NAME, TITLE, QUESTION, ``build(context)`` and
``drill(context, key)``; forecast-like reports also say which range they
default to. Add a family by listing its module in ``FAMILIES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from sqlalchemy import select

from contactdesk.errors import ContactDeskError
from contactdesk.marketing.funnel_contract import contracts_in_force_between
from contactdesk.model import Opportunity
from contactdesk.reports import (
    buyer_profile,
    campaign_roi,
    dashboard,
    field_intel,
    forecast,
    handoff,
    lead_quality,
    lead_sources,
    objections,
    push_pull,
    target_attainment,
    win_stories,
)
from contactdesk.reports.report_context import ReportContext
from contactdesk.reports.report_params import ReportParams, trailing_year
from contactdesk.reports.report_result import DrillDown, ReportResult, ReportTable, RowKey
from contactdesk.services.actor import Actor
from contactdesk.services.company_settings import company_currency
from contactdesk.store.local_store import Store

FAMILIES: tuple[ModuleType, ...] = (
    dashboard,
    lead_sources,
    objections,
    push_pull,
    buyer_profile,
    win_stories,
    lead_quality,
    campaign_roi,
    handoff,
    forecast,
    field_intel,
    target_attainment,
)


class UnknownReport(ContactDeskError):
    """No report by that name; the message lists the names there are."""


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: str
    question: str
    build: Callable[[ReportContext], ReportTable]
    drill: Callable[[ReportContext, RowKey], DrillDown]
    default_range: Callable[[date], tuple[date, date]]


REPORTS: dict[str, ReportSpec] = {
    family.NAME: ReportSpec(
        family.NAME,
        family.TITLE,
        family.QUESTION,
        family.build,
        family.drill,
        getattr(family, "default_range", trailing_year),
    )
    for family in FAMILIES
}


def report_names() -> list[str]:
    """Every report name, in menu order."""
    return list(REPORTS)


def report_spec(name: str) -> ReportSpec:
    """The report called ``name``; UnknownReport lists the names."""
    try:
        return REPORTS[name]
    except KeyError:
        raise UnknownReport(
            f"unknown report {name!r} (reports: {', '.join(report_names())})"
        ) from None


def default_params(name: str, today: date, **options: object) -> ReportParams:
    """Parameters with the report's default date range ending (or starting) ``today``."""
    start, end = report_spec(name).default_range(today)
    return ReportParams(start, end, **options)  # type: ignore[arg-type]


def run_report(store: Store, actor: Actor, name: str, params: ReportParams) -> ReportResult:
    """Run one report for ``actor``: record scope and field rules applied.

    Blocking (runs SQL): call it on the database worker. The result's
    ``drill_down`` opens its own read session with the same parameters.
    """
    spec = report_spec(name)
    with store.reading() as session:
        table = spec.build(ReportContext(session, store, actor, params))

    def drill(key: RowKey) -> DrillDown:
        with store.reading() as drill_session:
            return spec.drill(ReportContext(drill_session, store, actor, params), key)

    contracts = contracts_in_force_between(store, params.date_from, params.date_to)
    return ReportResult(
        spec.name,
        spec.title,
        params.date_from,
        params.date_to,
        params.segment_name,
        table,
        drill,
        tuple((c.version, c.agreed_on) for c in contracts if c.agreed_on is not None),
        amounts_currency(store),
    )


def amounts_currency(store: Store) -> str | None:
    """The currency a report's amounts are in: the company's when no deal the store holds
    is in another, else None (reports add amounts as they are; no symbol is then honest)."""
    company = company_currency(store)
    with store.reading() as session:
        other = session.scalar(
            select(Opportunity.id)
            .where(Opportunity.currency.is_not(None), Opportunity.currency != company)
            .limit(1)
        )
    return company if other is None else None
