"""The inputs every report takes: a date range, an optional segment, and filters."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from contactdesk.errors import ValidationError
from contactdesk.segments.related_conditions import day_start
from contactdesk.segments.segment_definition import SegmentDefinition

LOOKBACK_DAYS = 365


@dataclass(frozen=True)
class ReportParams:
    """``date_from``..``date_to`` inclusive; ``segment`` narrows to its contacts.

    ``search``, ``industry`` and ``product`` are used by reports that list
    records (win stories); ``territory`` narrows the forecast to one territory
    (a rep's own, in the sales view's dashboard). ``now`` fixes "today" for
    deadlines, for tests.
    """

    date_from: date
    date_to: date
    segment: SegmentDefinition | None = None
    segment_name: str | None = None
    search: str = ""
    industry: str | None = None
    product: str | None = None
    territory: str | None = None
    now: datetime | None = None

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValidationError("report.to", "the date range ends before it starts")

    @property
    def start(self) -> datetime:
        """Midnight UTC at the start of ``date_from``."""
        return day_start(self.date_from)

    @property
    def end(self) -> datetime:
        """Midnight UTC after ``date_to`` (ranges are half-open)."""
        return day_start(self.date_to + timedelta(days=1))

    def previous(self) -> ReportParams:
        """The period of the same length just before this one (for growth figures)."""
        length = (self.date_to - self.date_from).days + 1
        return replace(
            self,
            date_from=self.date_from - timedelta(days=length),
            date_to=self.date_from - timedelta(days=1),
        )


def trailing_year(today: date) -> tuple[date, date]:
    """The default range of reports that look back: the last 365 days up to today."""
    return today - timedelta(days=LOOKBACK_DAYS - 1), today


def trailing_quarter(today: date) -> tuple[date, date]:
    """The default range of the dashboard: the last 91 days, compared with the 91 before."""
    return today - timedelta(days=90), today


def next_half_year(today: date) -> tuple[date, date]:
    """The default range of the forecast: expected closes in the next 182 days."""
    return today, today + timedelta(days=182)
