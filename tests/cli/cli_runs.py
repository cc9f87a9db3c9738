"""Running ``contactdesk`` in-process for tests, and counting what a store has logged."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from contactdesk.cli.main import main
from contactdesk.model import ChangeLog
from contactdesk.services.store_opening import open_store


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``contactdesk ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """The JSON ``contactdesk ARGV --json`` prints; fails the test on a non-zero exit."""
    code, out, err = run_cli(capsys, *argv, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


def logged_changes(path: str) -> int:
    """How many changes the store's change log holds (a refused command adds none)."""
    store = open_store(path)
    try:
        with store.reading() as session:
            return int(session.scalar(select(func.count(ChangeLog.seq))) or 0)
    finally:
        store.close()
