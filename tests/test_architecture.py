"""The layering rules of DESIGN.md, checked on the source: core free of Qt, UI free of SQL."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imported_modules(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_core_package_never_imports_qt() -> None:
    offenders = {
        path: names & {"PySide6", "shiboken6", "ui"}
        for path, names in _imported_modules("contactdesk").items()
        if names & {"PySide6", "shiboken6", "ui"}
    }
    assert offenders == {}


def test_ui_package_never_touches_the_database_directly() -> None:
    offenders = {
        path: names & {"sqlalchemy", "sqlite3", "alembic"}
        for path, names in _imported_modules("ui").items()
        if names & {"sqlalchemy", "sqlite3", "alembic"}
    }
    assert offenders == {}


def test_ui_package_exists_with_modules() -> None:
    assert _imported_modules("ui"), "ui/ holds the Qt front end and must not be empty"


def test_the_app_never_imports_its_screenshot_scenes() -> None:
    """Screenshot scenes are a tool beside the app (screenshots/), not part of what ships."""
    offenders = {
        path: names & {"screenshots"}
        for path, names in _imported_modules("ui").items()
        if "screenshots" in names
    }
    assert offenders == {}
    assert not list((ROOT / "ui").rglob("*_scenes.py")), "scenes belong in screenshots/"
