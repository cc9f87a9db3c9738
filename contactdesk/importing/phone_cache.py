"""Phone numbers normalised once per distinct text during one import.

``phonenumbers`` takes about 30 µs per number, the largest single cost of a
large import. Real address books repeat numbers (a switchboard shared by a
whole company, a fax line per office), so each distinct text is parsed once
and the answer (the E.164 form, or why it is not a number) is remembered.
The cache is per import and cleared when it fills, so memory stays bounded
whatever the file's size.

A number written with plain separators (``07700 900-001``, ``+44 (20) 7946``)
is handed to ``phonenumbers`` without them: it strips them itself, so the
answer is the same, but per character it does so slowly, and the compact
form lets differently spaced copies of one number share a cache entry.
"""

from __future__ import annotations

import re

from contactdesk.errors import ValidationError
from contactdesk.services.field_values import DEFAULT_PHONE_REGION, normalise_phone

CACHED_NUMBERS = 200_000
PLAIN_NUMBER = re.compile(r"\+?[0-9][0-9 ().\-/]*")
SEPARATORS = re.compile(r"[ ().\-/]+")


class PhoneCache:
    """``normalise(text, region)`` with the outcome of every distinct pair remembered."""

    def __init__(self, limit: int = CACHED_NUMBERS) -> None:
        self._limit = limit
        # (text, region) -> (E.164 form, None) or (None, why it is not a number)
        self._known: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def normalise(
        self, text: str, region: str = DEFAULT_PHONE_REGION
    ) -> tuple[str | None, str | None]:
        """``(e164, None)`` for a number, ``(None, reason)`` for text that is not one.

        A number without ``+`` is read by the dialling rules of ``region``.
        """
        key = SEPARATORS.sub("", text) if PLAIN_NUMBER.fullmatch(text) else text
        known = self._known.get((key, region))
        if known is None:
            try:
                known = (normalise_phone(key, region=region), None)
            except ValidationError as error:
                known = (None, error.reason)
            if len(self._known) >= self._limit:
                self._known.clear()
            self._known[(key, region)] = known
        number, reason = known
        if reason is not None and key != text:
            # Name the value as the file wrote it, not its compact form.
            reason = reason.replace(repr(key), repr(text), 1)
        return number, reason
