"""The PyInstaller bundle: built from packaging/contactdesk.spec, it runs with no Python beside it.

Slow (a PyInstaller build): marked ``slow``; CI runs it. The bundled program is
started with a bare environment (no PYTHONPATH, no virtualenv on PATH) so it can
only use what the bundle carries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "contactdesk.spec"
BUILD_TIMEOUT_S = 1200
RUN_TIMEOUT_S = 180

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built bundle folder (``dist/contactdesk``) in a temporary place."""
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
        timeout=BUILD_TIMEOUT_S,
    )
    return work / "dist" / "contactdesk"


def run_bundled(bundle: Path, *arguments: str, home: Path) -> subprocess.CompletedProcess[str]:
    bare = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    if sys.platform == "win32":
        bare = {**bare, "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")}
    return subprocess.run(
        [str(bundle / "contactdesk"), *arguments],
        env=bare,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


@pytest.fixture(scope="module")
def demo_store(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store written by the bundled program (its migrations create the schema)."""
    home = tmp_path_factory.mktemp("home")
    store = home / "demo.db"
    result = run_bundled(bundle, "demo", "--store", str(store), "--contacts", "100", home=home)
    assert result.returncode == 0, result.stderr
    return store


def test_the_bundle_carries_the_migrations_resources_and_qt_plugins(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert list((internal / "migrations" / "client" / "versions").glob("*.py"))
    assert (internal / "migrations" / "client" / "env.py").is_file()
    assert (internal / "resources" / "translations" / "contactdesk_de.qm").is_file()
    assert (internal / "resources" / "icons" / "contactdesk-256.png").is_file()
    assert (internal / "docs" / "user-guide" / "sales.md").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert list((plugins / "platforms").glob("*offscreen*"))
    assert list((plugins / "platforms").glob("*xcb*"))
    assert list((plugins / "imageformats").iterdir())


def test_the_bundle_leaves_out_unused_qt_modules(bundle: Path) -> None:
    internal = bundle / "_internal"
    unwanted = [
        path.name
        for path in internal.rglob("*")
        if any(name in path.name for name in ("WebEngine", "Qt63D", "Quick3D", "Multimedia"))
    ]
    assert unwanted == []


def test_the_bundled_cli_finds_contacts_in_the_store_it_created(
    bundle: Path, demo_store: Path
) -> None:
    result = run_bundled(
        bundle,
        "search",
        "--store",
        str(demo_store),
        "--json",
        "--limit",
        "5",
        "",
        home=demo_store.parent,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5


def test_the_bundled_app_opens_the_store_and_shows_its_window(
    bundle: Path, demo_store: Path
) -> None:
    result = run_bundled(bundle, "--smoke-test", str(demo_store), home=demo_store.parent)
    assert result.returncode == 0, result.stderr
    assert "window shown: ContactDesk" in result.stdout


def test_the_bundled_app_migrates_a_new_store_on_open(bundle: Path, tmp_path: Path) -> None:
    result = run_bundled(bundle, "--smoke-test", str(tmp_path / "new.db"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new.db").stat().st_size > 0
