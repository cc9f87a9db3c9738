"""The fixed "now" a demo is laid out around: the start of the current week.

Every demo date is an offset from the Monday 00:00 (local time) that starts the
week the demo is generated in. Two runs with the same seed in the same week write
identical stores; in another week the same records (same ids, names, amounts)
sit at dates shifted by whole weeks, so "due this week" and "overdue" stay true
whenever the demo is made. Overdue work is placed before that Monday, so it is
overdue on any day of the week the store is opened.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from contactdesk.demo.row_formats import stored_datetime


def week_start(today: date | None = None) -> datetime:
    """Monday 00:00 local time of the week containing ``today`` (default: today), in UTC.

    Local, not UTC: demo times are offsets from here, so "09:00" lands at nine
    on the clock of whoever opens the demo (reps work in their business hours).
    """
    day = today or datetime.now().astimezone().date()
    monday = day - timedelta(days=day.weekday())
    return datetime(monday.year, monday.month, monday.day).astimezone().astimezone(UTC)


class WeekClock:
    """Stored timestamps at minute offsets from the demo's week start, cached.

    Demo times fall on a coarse grid (quarter hours), so a few thousand distinct
    strings serve millions of rows; formatting each one anew would dominate a
    large load.
    """

    def __init__(self, start: datetime) -> None:
        self.start = start
        self._stored: dict[int, str] = {}

    def stored(self, minutes: int) -> str:
        """The stored form of ``start + minutes``."""
        text = self._stored.get(minutes)
        if text is None:
            text = stored_datetime(self.start + timedelta(minutes=minutes))
            self._stored[minutes] = text
        return text

    def day(self, days: int) -> str:
        """The stored form of the date ``days`` after the week start."""
        return (self.start.date() + timedelta(days=days)).isoformat()
