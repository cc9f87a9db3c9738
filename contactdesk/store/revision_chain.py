"""The client migrations' revision ids, read from the script files without loading Alembic.

Opening a store only needs to know which revisions exist and which is newest;
Alembic itself (~160 ms to import) is loaded only when a store must be migrated.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from migrations import CLIENT_SCRIPTS

REVISION = re.compile(r'^revision(?:: str)? = ["\']([^"\']+)["\']', re.MULTILINE)
DOWN_REVISION = re.compile(
    r'^down_revision(?:: [^=]+)? = (?:["\']([^"\']+)["\']|None)', re.MULTILINE
)


@functools.cache
def revision_links(script_location: Path = CLIENT_SCRIPTS) -> dict[str, str | None]:
    """Each revision id and the revision it follows (None for the first)."""
    links: dict[str, str | None] = {}
    for script in sorted((script_location / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = REVISION.search(text), DOWN_REVISION.search(text)
        if revision is None or down is None:
            raise RuntimeError(f"{script.name}: no revision / down_revision line")
        links[revision.group(1)] = down.group(1)
    return links


def known_revisions(script_location: Path = CLIENT_SCRIPTS) -> frozenset[str]:
    """Every schema revision this ContactDesk knows."""
    return frozenset(revision_links(script_location))


def head_revision(script_location: Path = CLIENT_SCRIPTS) -> str:
    """The newest revision: the one no other revision follows. One head, or an error."""
    links = revision_links(script_location)
    heads = set(links) - {down for down in links.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"migrations in {script_location} have heads {sorted(heads)}")
    return heads.pop()
