"""Guess the delimiter and quoting of a CSV file from a sample of its text."""

from __future__ import annotations

import csv
from dataclasses import dataclass

CANDIDATE_DELIMITERS = ",;\t|"


@dataclass(frozen=True, slots=True)
class CsvDialect:
    """The delimiter and quote character a file uses."""

    delimiter: str = ","
    quotechar: str = '"'


def detect_dialect(sample: str) -> CsvDialect:
    """Guess the dialect from the first lines of a file (a few KiB of text).

    Tries :class:`csv.Sniffer` restricted to comma, semicolon, tab and pipe;
    when it gives up or is unsure, the delimiter that occurs most often in
    the first line outside quotes wins, comma on a tie.
    """
    lines = sample.splitlines()
    first = next((line for line in lines if line.strip()), "")
    counted = _count_outside_quotes(first)
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=CANDIDATE_DELIMITERS)
        delimiter = sniffed.delimiter
        quotechar = sniffed.quotechar or '"'
    except csv.Error:
        delimiter, quotechar = "", '"'
    # The sniffer may pick a delimiter absent from the first line (the
    # header); the header is the most reliable witness we have.
    if not delimiter or (counted.get(delimiter, 0) == 0 and any(counted.values())):
        delimiter = max(CANDIDATE_DELIMITERS, key=lambda d: (counted.get(d, 0), d == ","))
    if quotechar not in {'"', "'"}:
        quotechar = '"'
    return CsvDialect(delimiter=delimiter, quotechar=quotechar)


def _count_outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(CANDIDATE_DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return counts
