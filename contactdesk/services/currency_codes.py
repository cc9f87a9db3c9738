"""The ISO 4217 currency codes a deal's amount may carry (from pycountry's ISO data)."""

from __future__ import annotations

import pycountry

# Active codes only (pycountry's current ISO 4217 list), sorted so pickers read A-Z.
CURRENCY_CODES: tuple[str, ...] = tuple(sorted(c.alpha_3 for c in pycountry.currencies))
DEFAULT_CURRENCY = "EUR"
