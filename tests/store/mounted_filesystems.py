"""Small real file systems for failure tests: a size-limited tmpfs, remountable read-only.

Mounting needs root (CI runs the suite as root in its container). Where mount is
refused the tests that need it skip and say so; disk-full is then still proven
by the ``max_page_count`` test, which makes SQLite itself report SQLITE_FULL.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@contextmanager
def small_filesystem(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (e.g. ``"4m"``) mounted at ``folder`` for the block's duration."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (needs root); see max_page_count disk-full test")
    try:
        yield folder
    finally:
        _run("mount", "-o", "remount,rw", str(folder))
        _run("umount", "-l", str(folder))


def remount_read_only(folder: Path) -> None:
    """Make the mounted ``folder`` read-only: root cannot write to it either."""
    assert _run("mount", "-o", "remount,ro", str(folder)), f"remount of {folder} failed"


def fill_disk(folder: Path) -> None:
    """Leave no free space on the file system at ``folder`` (a file named ``filler``)."""
    # Unbuffered: a buffered close would flush once more into the full disk and raise.
    with (folder / "filler").open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
        except OSError:
            pass
