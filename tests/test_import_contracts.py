"""The layering contracts of pyproject.toml hold, and they fail on a forbidden import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("contactdesk", "ui", "screenshots", "migrations")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    command = str(Path(sys.executable).parent / "lint-imports")
    return subprocess.run(
        [command, "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def source_copy(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_repository_keeps_every_contract(source_copy: Path) -> None:
    result = _lint_imports(source_copy)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "forbidden", "contract"),
    [
        ("contactdesk/sync/outbox.py", "contactdesk.server.app", "never imports the server"),
        ("contactdesk/server/app.py", "contactdesk.sync.outbox", "sync client or the local store"),
        ("contactdesk/server/app.py", "contactdesk.store.engine", "sync client or the local store"),
        ("contactdesk/store/engine.py", "contactdesk.services.search", "services -> store"),
        ("contactdesk/services/search.py", "contactdesk.selling.week_plan", "services -> store"),
        ("contactdesk/model/base.py", "contactdesk.store.engine", "store -> model"),
        ("contactdesk/selling/week_plan.py", "PySide6.QtCore", "never imports Qt"),
        ("ui/main_window.py", "sqlalchemy", "never touches the database"),
        ("ui/main_window.py", "screenshots.scene_registry", "screenshot scenes"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    source_copy: Path, module: str, forbidden: str, contract: str
) -> None:
    path = source_copy / module
    path.write_text(path.read_text(encoding="utf-8") + f"\nimport {forbidden}  # noqa\n")

    result = _lint_imports(source_copy)

    assert result.returncode != 0
    assert "BROKEN" in result.stdout and contract in result.stdout
