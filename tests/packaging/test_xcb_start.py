"""The app on a bare machine: Qt's system libraries are listed, the real X11 platform shows
the main window, and without a display the app says in one line what is missing.

These run the installed ``contactdesk`` program in a subprocess with a chosen environment,
because what they check (Qt aborting, the platform plugin loading) happens before any
Python code could catch it in-process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from contactdesk.demo import generate_demo
from ui.platform_check import debian_package_for, missing_libraries_message

ROOT = Path(__file__).resolve().parents[2]
CONTACTDESK = Path(sys.executable).parent / "contactdesk"
TIMEOUT_S = 180


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xcb") / "demo.db"
    generate_demo(path, contacts=200, seed=3)
    return path


def _environment(**changes: str | None) -> dict[str, str]:
    environment = dict(os.environ)
    for name, value in changes.items():
        environment.pop(name, None)
        if value is not None:
            environment[name] = value
    return environment


def test_debian_package_list_covers_every_library_qt_links() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "qt_debian_packages.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr
    listed = (ROOT / "packaging" / "debian-packages.txt").read_text(encoding="utf-8")
    # The two the issue found missing on a fresh machine.
    assert "libxcb-icccm4" in listed.split() and "libxcb-keysyms1" in listed.split()


def test_debian_package_names_follow_the_soname() -> None:
    assert debian_package_for("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package_for("libxcb-render-util.so.0.0.0") == "libxcb-render-util0"
    message = missing_libraries_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert "\n" not in message


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is in debian-packages.txt")
def test_main_window_appears_on_the_real_x11_platform(demo_store: Path, tmp_path: Path) -> None:
    png = tmp_path / "screen.png"
    result = subprocess.run(
        [str(ROOT / "packaging" / "xcb-smoke-test.sh"), str(demo_store), str(png)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env=_environment(CONTACTDESK=str(CONTACTDESK)),
    )
    assert result.returncode == 0, result.stderr
    assert "window shown: ContactDesk" in result.stdout
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)
    # The X server's picture shows the window, not an empty black screen.
    colours = {image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}
    assert len(colours) > 3


def test_without_a_display_the_app_says_what_is_missing_in_one_line(demo_store: Path) -> None:
    result = subprocess.run(
        [str(CONTACTDESK), "--store", str(demo_store)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env=_environment(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None),
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("contactdesk: there is no display")
    assert "Xvfb" in lines[0]


def test_an_unreachable_display_is_named(demo_store: Path) -> None:
    result = subprocess.run(
        [str(CONTACTDESK), "--store", str(demo_store)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env=_environment(DISPLAY=":987", QT_QPA_PLATFORM="xcb"),
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "cannot connect to the X display :987" in result.stderr


def test_make_run_without_a_display_ends_with_that_line_not_an_abort(tmp_path: Path) -> None:
    store = tmp_path / "demo.db"
    generate_demo(store, contacts=50, seed=1)
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "run", f"DEMO_STORE={store}"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env=_environment(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None),
    )
    assert result.returncode != 0
    assert "Aborted" not in result.stderr
    assert "contactdesk: there is no display" in result.stderr
