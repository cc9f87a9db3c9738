"""Before Qt starts: can its platform plugin load, and is there a display to show a window on?

When either answer is no, Qt prints several lines and calls ``abort()`` (``make run`` then
ends in "make: *** Aborted"). ``platform_problem()`` asks first and answers in one line
what is missing and how to get it; ``ui.app`` raises it as a ContactDeskError, which the
command line prints as ``contactdesk: ...`` with exit code 1.

Only the X11 platform (``xcb``, Qt's default on Linux) is checked: ``offscreen`` needs
no display, and Wayland or other platforms are left to Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

MISSING_LIBRARY = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
PACKAGE_LIST = "packaging/debian-packages.txt"


def debian_package_for(soname: str) -> str:
    """Debian's package name for a library: libfoo.so.1 -> libfoo1, libx-11.so.0 -> libx-11-0."""
    base, _, version = soname.partition(".so.")
    base = base.lower().replace("_", "-")
    major = version.split(".")[0]
    return f"{base}-{major}" if base[-1].isdigit() else f"{base}{major}"


def platform_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """One line saying why Qt's xcb platform cannot start here, or None when it can."""
    if not sys.platform.startswith("linux") or not _uses_xcb(environ):
        return None
    plugin = xcb_plugin()
    if plugin is not None:
        missing = missing_libraries(plugin)
        if missing:
            return missing_libraries_message(missing)
    display = environ.get("DISPLAY", "")
    if not display:
        return (
            "there is no display to show the window on (DISPLAY is not set): start ContactDesk "
            "in a desktop session, or in a virtual one with "
            "`Xvfb :99 -noreset & DISPLAY=:99 contactdesk`; "
            "the commands need none (contactdesk --help)"
        )
    if not _display_answers(display):
        return (
            f"cannot connect to the X display {display}: is the X server (or Xvfb) running "
            f"and may this user use it (xauth)? Or unset DISPLAY and use the commands "
            f"(contactdesk --help)"
        )
    return None


def missing_libraries_message(missing: list[str]) -> str:
    packages = " ".join(dict.fromkeys(debian_package_for(name) for name in missing))
    return (
        f"Qt's X11 platform cannot load, missing {', '.join(missing)}: install them with "
        f"`sudo apt-get install {packages}` (or every package ContactDesk needs: "
        f"`make system-packages`, listed in {PACKAGE_LIST})"
    )


def _uses_xcb(environ: Mapping[str, str]) -> bool:
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if chosen:
        return chosen == "xcb"
    # Unset: Qt picks Wayland in a Wayland session that has no X display, else xcb.
    return not (environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"))


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The system libraries the plugin cannot find (empty when it loads)."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError:
        # dlopen names only the first missing library; ldd lists them all.
        try:
            output = subprocess.run(
                ["ldd", str(plugin)], capture_output=True, text=True, timeout=30
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            output = ""
        return sorted(set(MISSING_LIBRARY.findall(output))) or ["a library of " + plugin.name]
    return []


def _display_answers(display: str) -> bool:
    """Whether an X connection to ``display`` opens (libxcb, which the plugin links anyway)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # let Qt say what it says
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)
