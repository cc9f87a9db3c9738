"""Split a vCard text stream into one block of lines per card.

Streaming and bounded: only the current card is held in memory, and a card
larger than :data:`MAX_CARD_CHARS` is skipped with an error instead of
growing without limit. Line numbers are 1-based physical lines of the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_CARD_CHARS = 16 * 1024 * 1024
"""Largest card accepted (photos included); bigger ones are reported, not read."""


@dataclass(frozen=True, slots=True)
class CardBlock:
    """The physical lines of one card, ``BEGIN:VCARD`` through ``END:VCARD``."""

    index: int
    start_line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BrokenBlock:
    """A card that could not be delimited (no ``END:VCARD``, or too large)."""

    index: int
    start_line: int
    reason: str


def _is_marker(line: str, marker: str) -> bool:
    return line.strip().upper().replace(" ", "") == marker


def split_cards(lines: Iterable[str]) -> Iterator[CardBlock | BrokenBlock]:
    """Yield each card of ``lines`` (text lines with or without line endings).

    Text outside cards is ignored. An ``AGENT`` property may embed a whole
    card; it stays inside its parent. A ``BEGIN:VCARD`` inside an open card
    (no ``AGENT`` before it) means the open card was cut short: it is
    reported as a :class:`BrokenBlock` and the new card is read normally.
    """
    index = 0
    start = 0
    depth = 0
    size = 0
    oversized = False
    current: list[str] = []
    previous = ""
    line_no = 0
    for line_no, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if _is_marker(line, "BEGIN:VCARD"):
            if depth == 0:
                index += 1
                start, depth, size, oversized, current = line_no, 1, 0, False, []
            elif previous.upper().lstrip().startswith("AGENT") or (
                previous.rstrip().endswith(":") and "AGENT" in previous.upper()
            ):
                depth += 1
            else:
                yield BrokenBlock(index, start, "the card has no END:VCARD before the next card")
                index += 1
                start, depth, size, oversized, current = line_no, 1, 0, False, []
        elif depth == 0:
            continue
        elif _is_marker(line, "END:VCARD"):
            depth -= 1
            if depth == 0:
                current.append(line)
                if oversized:
                    yield BrokenBlock(
                        index, start, f"the card is larger than {MAX_CARD_CHARS // 1048576} MiB"
                    )
                else:
                    yield CardBlock(index, start, tuple(current))
                current = []
                previous = line
                continue
        if not oversized:
            size += len(line)
            if size > MAX_CARD_CHARS:
                oversized, current = True, []
            else:
                current.append(line)
        if line.strip():
            previous = line
    if depth > 0:
        yield BrokenBlock(
            index,
            start,
            f"the file ends at line {line_no} inside this card (no END:VCARD): truncated?",
        )
