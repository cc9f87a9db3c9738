"""Deterministic demo stores: realistic sales and marketing data to try, test and benchmark.

Same seed, same data: ids, names and every choice come from ``random.Random(seed)``.
Dates are laid out relative to the current week (see ``reference_week``), so the
demo always has activities due this week, overdue follow-ups and upcoming campaigns.
"""

from contactdesk.demo.demo_store import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
