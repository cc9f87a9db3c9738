"""A bounded soak (10 clients, 60 s of random edits and syncs on PostgreSQL, the server
SIGKILLed and restarted half-way) ends converged with the server's memory level."""

from __future__ import annotations

import pytest
from soak_run import SoakFigures, run_soak

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module")
def soak(tmp_path_factory: pytest.TempPathFactory) -> SoakFigures:
    return run_soak(tmp_path_factory.mktemp("soak"), clients=10, seconds=60, seed=7)


def test_the_soak_really_edited_synced_and_restarted_the_server(soak: SoakFigures) -> None:
    assert soak.edits > 0 and soak.creates > 0 and soak.syncs > 0
    assert soak.server_restarts == 1


def test_after_the_soak_every_client_holds_what_the_server_holds(soak: SoakFigures) -> None:
    assert soak.converged


def test_after_the_soak_no_edit_is_left_unpushed(soak: SoakFigures) -> None:
    assert soak.unpushed_after == 0


def test_the_server_memory_does_not_keep_growing(soak: SoakFigures) -> None:
    samples = soak.last_lifetime_rss_kib
    third = max(1, len(samples) // 3)
    early, late = max(samples[:third]), max(samples[-third:])
    # Allow caches to warm up (a quarter more, plus 32 MiB) but not unbounded growth.
    assert late <= early * 1.25 + 32 * 1024
