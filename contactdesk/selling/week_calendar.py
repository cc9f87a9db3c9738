"""The week plan as an iCalendar file (RFC 5545) that calendar apps import.

Written by hand: one VEVENT per planned activity, times in UTC, text escaped,
lines folded at 75 octets and ended with CRLF as the RFC requires. UIDs are the
activity ids, so importing the same week twice updates events instead of
duplicating them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from contactdesk.selling.week_plan import PlanItem, WeekPlan

PRODUCT_ID = "-//ContactDesk//Week plan//EN"
UID_DOMAIN = "contactdesk.invalid"
# How long each kind of activity blocks in a calendar; the store keeps due times only.
DURATIONS = {
    "meeting": timedelta(hours=1),
    "call": timedelta(minutes=15),
    "follow_up": timedelta(minutes=15),
}
DEFAULT_DURATION = timedelta(minutes=30)
KIND_LABELS = {
    "call": "Call",
    "meeting": "Meeting",
    "email": "Email",
    "task": "Task",
    "follow_up": "Follow-up",
    "handover": "Hand-over",
}
FOLD_AT = 75
CRLF = "\r\n"


def week_calendar(plan: WeekPlan, *, calendar_name: str | None = None) -> str:
    """The plan's activities (every day of the week) as iCalendar text with CRLF endings."""
    stamp = _utc(plan.now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if calendar_name:
        lines.append(f"X-WR-CALNAME:{escape_text(calendar_name)}")
    for item in plan.items():
        lines.extend(_event(item, stamp))
    lines.append("END:VCALENDAR")
    return "".join(folded + CRLF for line in lines for folded in fold_line(line))


def write_week_calendar(plan: WeekPlan, path: Path, *, calendar_name: str | None = None) -> int:
    """Write the plan's .ics file to ``path``; returns the number of events written."""
    text = week_calendar(plan, calendar_name=calendar_name)
    # newline="" keeps the CRLFs exactly as written on every platform.
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return len(plan.items())


def _event(item: PlanItem, stamp: str) -> list[str]:
    start = item.due_at
    end = start + DURATIONS.get(item.kind, DEFAULT_DURATION)
    kind = KIND_LABELS.get(item.kind, item.kind)
    who = item.contact_name or item.account_name
    summary = f"{kind}: {item.subject}" if not who else f"{kind}: {item.subject} ({who})"
    details = [
        f"Contact: {item.contact_name}" if item.contact_name else "",
        f"Company: {item.account_name}" if item.account_name else "",
        f"Opportunity: {item.opportunity_name}" if item.opportunity_name else "",
        f"Lead score: {item.lead_score:g}" if item.lead_score is not None else "",
    ]
    description = "\n".join(line for line in details if line)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{item.activity_id}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{_utc(start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{escape_text(summary)}",
        f"CATEGORIES:{escape_text(kind)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if item.done:
        lines.append("TRANSP:TRANSPARENT")
    lines.append("END:VEVENT")
    return lines


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold_line(line: str) -> Iterator[str]:
    """Split a content line into pieces of at most 75 octets (continuations start with a space).

    Never splits inside a UTF-8 character, as RFC 5545 section 3.1 asks.
    """
    limit = FOLD_AT
    piece: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            yield "".join(piece)
            piece = [" "]
            size = 1
        piece.append(char)
        size += width
    yield "".join(piece)
