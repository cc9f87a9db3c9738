"""An activity as an iCalendar event for CalDAV, and what a moved event changes.

One VEVENT per activity with a due time: the kind and subject as its summary,
the contact, account and deal (as the role may see them) and the notes in its
description. From a phone, only when (and how long) and the subject come
back; completing an activity, its outcome and next step stay in the app.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import vobject

from contactdesk.selling.week_calendar import DEFAULT_DURATION, DURATIONS, KIND_LABELS

CALENDAR_TYPE = "text/calendar"
PRODUCT_ID = "-//ContactDesk//Activities//EN"
# A phone may stretch an event to a day, no further: an activity is not a holiday.
MAX_MINUTES = 24 * 60


class EventUnreadable(ValueError):
    """The body is not one event this server can read."""


@dataclass(frozen=True)
class EventLinks:
    """Names of what an activity is about, as the role may see them (None: none or hidden)."""

    contact: str | None = None
    account: str | None = None
    deal: str | None = None


@dataclass(frozen=True)
class EventTimes:
    """What a phone's event says: the subject, start and length of the activity."""

    subject: str | None
    start: datetime
    minutes: int


def activity_event(record_id: uuid.UUID, fields: Mapping[str, Any], links: EventLinks) -> str:
    """The iCalendar object (one VEVENT) of an activity with a visible due time."""
    # vobject writes a UTC time as ...Z only with its own UTC zone object.
    start = _utc(fields["due_at"]).astimezone(vobject.icalendar.utc)
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODUCT_ID
    event = calendar.add("vevent")
    event.add("uid").value = str(record_id)
    event.add("dtstamp").value = _utc(fields.get("updated_at") or fields["due_at"]).astimezone(
        vobject.icalendar.utc
    )
    event.add("dtstart").value = start
    event.add("dtend").value = start + event_length(fields)
    event.add("summary").value = summary_of(fields)
    description = _description(fields, links)
    if description:
        event.add("description").value = description
    kind = str(fields.get("kind") or "")
    if kind in KIND_LABELS:
        event.add("categories").value = [KIND_LABELS[kind]]
    text: str = calendar.serialize()
    return text


def event_length(fields: Mapping[str, Any]) -> timedelta:
    minutes = fields.get("duration_minutes")
    if isinstance(minutes, int | float) and minutes > 0:
        return timedelta(minutes=int(minutes))
    return DURATIONS.get(str(fields.get("kind") or ""), DEFAULT_DURATION)


def summary_of(fields: Mapping[str, Any]) -> str:
    label = KIND_LABELS.get(str(fields.get("kind") or ""))
    subject = str(fields.get("subject") or "")
    return f"{label}: {subject}" if label else subject


def subject_from_summary(summary: str, fields: Mapping[str, Any]) -> str:
    """The subject a phone's summary carries (the kind's label it was shown with taken off)."""
    label = KIND_LABELS.get(str(fields.get("kind") or ""))
    if label and summary.startswith(f"{label}: "):
        return summary[len(label) + 2 :]
    return summary


def event_times(text: str) -> EventTimes:
    """The subject, start and length a phone's event says; EventUnreadable if it has none."""
    try:
        calendar = vobject.readOne(text, validate=False)
    except Exception as error:  # vobject raises many kinds (ParseError, ValueError, ...)
        raise EventUnreadable(f"not an iCalendar object: {str(error)[:200]}") from error
    events = [c for c in getattr(calendar, "contents", {}).get("vevent", [])]
    if getattr(calendar, "name", "").upper() != "VCALENDAR" or len(events) != 1:
        raise EventUnreadable("the body must be one VCALENDAR with one VEVENT")
    event = events[0]
    if "dtstart" not in event.contents:
        raise EventUnreadable("the event has no DTSTART")
    try:
        start = _utc(_zoned(event.dtstart))
        if "dtend" in event.contents:
            length = _utc(_zoned(event.dtend)) - start
        elif "duration" in event.contents:
            length = event.duration.value
        else:
            length = DEFAULT_DURATION
    except EventUnreadable:
        raise
    except Exception as error:  # vobject parses values lazily and raises its own kinds
        raise EventUnreadable(f"the event's times cannot be read: {str(error)[:200]}") from error
    if not isinstance(length, timedelta):
        raise EventUnreadable("the event's length cannot be read")
    minutes = int(length.total_seconds() // 60)
    if not 0 < minutes <= MAX_MINUTES:
        raise EventUnreadable(f"an activity lasts 1 to {MAX_MINUTES} minutes")
    summary = event.summary.value if "summary" in event.contents else None
    return EventTimes(str(summary).strip() if summary else None, start, minutes)


def _zoned(prop: Any) -> Any:
    """A property's time; EventUnreadable for a time zone that could not be read."""
    value = prop.value
    named = prop.params.get("TZID") or prop.params.get("X-VOBJ-ORIGINAL-TZID")
    if isinstance(value, datetime) and value.tzinfo is None and named:
        raise EventUnreadable(f"unknown time zone {str(named[0])[:60]!r}: send a VTIMEZONE")
    return value


def _description(fields: Mapping[str, Any], links: EventLinks) -> str:
    lines = []
    if links.contact:
        lines.append(f"Contact: {links.contact}")
    if links.account:
        lines.append(f"Account: {links.account}")
    if links.deal:
        lines.append(f"Deal: {links.deal}")
    if fields.get("done_at"):
        outcome = f" ({fields['outcome']})" if fields.get("outcome") else ""
        lines.append(f"Done{outcome}")
    if fields.get("notes"):
        lines.extend(["", str(fields["notes"])])
    return "\n".join(lines).strip("\n")


def _utc(value: Any) -> datetime:
    """A stored or phone time as an aware UTC datetime (a floating or all-day one as UTC)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, 9, 0, tzinfo=UTC)
    raise ValueError(f"not a time: {value!r}")
