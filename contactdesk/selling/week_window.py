"""A calendar week, Monday to Sunday, and its day boundaries in a time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

DAYS_PER_WEEK = 7


@dataclass(frozen=True)
class WeekWindow:
    """The week starting on ``monday``; days begin at midnight in ``tz``."""

    monday: date
    tz: tzinfo = UTC

    @classmethod
    def containing(cls, day: date, tz: tzinfo = UTC) -> WeekWindow:
        """The Monday-to-Sunday week that ``day`` falls in."""
        return cls(day - timedelta(days=day.weekday()), tz)

    @classmethod
    def around(cls, moment: datetime, tz: tzinfo = UTC) -> WeekWindow:
        """The week of an aware ``moment``, seen in ``tz``."""
        return cls.containing(moment.astimezone(tz).date(), tz)

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=offset) for offset in range(DAYS_PER_WEEK)]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=DAYS_PER_WEEK - 1)

    @property
    def start(self) -> datetime:
        """Monday 00:00 in ``tz``, as an aware UTC datetime."""
        return self.day_start(self.monday)

    @property
    def end(self) -> datetime:
        """The moment the next week starts (exclusive end), aware UTC."""
        return self.day_start(self.monday + timedelta(days=DAYS_PER_WEEK))

    def day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.tz).astimezone(UTC)

    def previous(self) -> WeekWindow:
        return WeekWindow(self.monday - timedelta(days=DAYS_PER_WEEK), self.tz)

    def next(self) -> WeekWindow:
        return WeekWindow(self.monday + timedelta(days=DAYS_PER_WEEK), self.tz)

    def includes(self, day: date) -> bool:
        return self.monday <= day <= self.sunday
