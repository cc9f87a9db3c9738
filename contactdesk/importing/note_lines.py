"""The lines an imported entry leaves in the notes: each value with its label.

A value with no field of its own (an unmapped column, a vCard ``X-`` property,
a department) is never dropped: it becomes a ``Label: value`` line after the
source's own note, for a contact and for an account alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Card structure, not data about the person: not worth a line in the notes.
STRUCTURAL_KEYS = frozenset({"version", "prodid", "rev", "uid", "kind", "x-abshowas"})


def labelled_lines(named: Iterable[tuple[str, str]], extra: Mapping[str, str]) -> list[str]:
    """``Label: value`` for each named value that is set, then each extra one."""
    lines = [f"{label}: {value}" for label, value in named if value]
    lines.extend(
        f"{key}: {value}"
        for key, value in extra.items()
        if value.strip() and key.lower() not in STRUCTURAL_KEYS
    )
    return lines


def with_note(note: str, lines: Iterable[str]) -> str:
    """The source's note, a blank line, then the labelled lines (either may be empty)."""
    kept = "\n".join(lines)
    return "\n\n".join(part for part in (note.strip(), kept) if part)


def kept_keys(extra: Mapping[str, str]) -> list[str]:
    """The extra (unmapped) keys :func:`labelled_lines` writes a line for."""
    return [
        key for key, value in extra.items() if value.strip() and key.lower() not in STRUCTURAL_KEYS
    ]
