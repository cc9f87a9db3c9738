"""What makes a target a target: its holder, its period's first day, an outcome, not negative.

Kept apart from the targets service (which writes through the unit of work) so
that the record rules (``record_rules.RULES["target"]``) can check these on every
create and update, from the targets view, ``target set`` and ``record add target``
alike.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from contactdesk.errors import ValidationError
from contactdesk.model.selling import TARGET_LEVELS, TARGET_METRICS, TARGET_PERIODS

PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
# Which field names the holder at each level (the company needs none).
LEVEL_FIELDS = {"rep": "user_id", "team": "team", "territory": "territory", "company": None}


def period_start(period: str, day: date) -> date:
    """The first day of the month, quarter or year that contains ``day``."""
    if period not in PERIOD_MONTHS:
        raise ValidationError("target.period", f"must be one of {', '.join(TARGET_PERIODS)}")
    months = PERIOD_MONTHS[period]
    first_month = (day.month - 1) // months * months + 1
    return date(day.year, first_month, 1)


def period_end(period: str, starts_on: date) -> date:
    """The first day after the period that starts on ``starts_on``."""
    months = starts_on.month - 1 + PERIOD_MONTHS[period]
    return date(starts_on.year + months // 12, months % 12 + 1, 1)


def check_target(values: dict[str, Any]) -> tuple[str, str] | None:
    """The (field, reason) a target's values break, or None: the target's invariants.

    A target names exactly the holder its level calls for, starts on the first
    day of its period, aims at an outcome and is not negative.
    """
    level, metric, period = values.get("level"), values.get("metric"), values.get("period")
    if metric is not None and metric not in TARGET_METRICS:
        return "metric", "targets are set on outcomes only: " + ", ".join(TARGET_METRICS)
    if level is not None and level not in TARGET_LEVELS:
        return "level", f"must be one of {', '.join(TARGET_LEVELS)}"
    needed = LEVEL_FIELDS.get(str(level))
    for name in ("user_id", "team", "territory"):
        if name == needed and values.get(name) is None:
            return name, f"a {level} target names its {name.replace('_id', '')}"
        if name != needed and values.get(name) is not None:
            return name, f"a {level} target has no {name.replace('_id', '')}"
    starts_on = values.get("starts_on")
    if (
        period in PERIOD_MONTHS
        and isinstance(starts_on, date)
        and period_start(str(period), starts_on) != starts_on
    ):
        return "starts_on", f"a {period} target starts on the first day of its {period}"
    value = values.get("value")
    if isinstance(value, int | float) and value < 0:
        return "value", "cannot be negative"
    return None

