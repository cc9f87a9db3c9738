"""The Debian packages that the Qt libraries ContactDesk loads link against, derived from ``ldd``.

    python packaging/qt_debian_packages.py          # print the packages, one a line
    python packaging/qt_debian_packages.py --check  # exit 1 naming what debian-packages.txt misses

Qt's wheel ships its own Qt libraries but links the system's X11/xcb/GL/font libraries.
Which ones is a fact of the wheel, not of memory: ``ldd`` of the xcb platform plugin (and
the other plugins and modules the app loads) lists them. A library that is installed maps
to its package through ``dpkg -S``; one that is missing ("not found", exactly the case on a
bare machine) maps through Debian's library package naming (``libxcb-icccm.so.4`` is in
``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` in ``libxkbcommon-x11-0``), confirmed with
``apt-cache``. Packages of priority required/important (or essential, protected) are on
every Debian system and left out.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE_LIST = HERE / "debian-packages.txt"
# The app's own naming rule, so that its "missing library" message and this list agree.
sys.path.insert(0, str(HERE.parent))
from ui.platform_check import debian_package_for  # noqa: E402

# What the app loads: the xcb platform (and its GL integrations), offscreen for tests and
# screenshots, and the PySide6 modules ui/ imports.
PLUGINS = ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "xcbglintegrations/*.so")
MODULES = ("QtCore", "QtGui", "QtWidgets", "QtCharts")
ALWAYS_PRESENT = {"required", "important"}
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def pyside_folder() -> Path:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit("PySide6 is not installed in this Python (run make install)")
    return Path(spec.origin).parent


def loaded_binaries(pyside: Path) -> list[Path]:
    plugins = [
        path for pattern in PLUGINS for path in sorted((pyside / "Qt/plugins").glob(pattern))
    ]
    modules = [path for name in MODULES for path in sorted(pyside.glob(f"{name}.*so"))]
    return plugins + modules


def linked_libraries(binaries: Iterable[Path], pyside: Path) -> dict[str, str | None]:
    """Every system library the binaries pull (soname -> resolved path, None when not found)."""
    found: dict[str, str | None] = {}
    for binary in binaries:
        output = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, check=True
        ).stdout
        for line in output.splitlines():
            match = LDD_LINE.match(line)
            if match is None:
                continue
            soname, target = match.groups()
            if target == "not found":
                found[soname] = None
            elif not Path(target).resolve().is_relative_to(pyside.parent):
                found.setdefault(soname, str(Path(target).resolve()))
    return found


def installed_packages(paths: Iterable[str]) -> dict[str, str]:
    """File name -> package for the installed libraries (one ``dpkg -S`` for all of them)."""
    # With merged /usr, dpkg may know a library under /lib or /usr/lib: ask for both.
    names = sorted({Path(path).name for path in paths})
    if not names:
        return {}
    patterns = [f"*/{name}" for name in names]
    answer = subprocess.run(["dpkg", "-S", *patterns], capture_output=True, text=True)
    owners: dict[str, str] = {}
    for line in answer.stdout.splitlines():
        package, _, path = line.partition(": ")
        owners.setdefault(Path(path).name, package.split(":")[0].strip())
    return owners


def always_present(packages: Iterable[str]) -> set[str]:
    """Packages every Debian system has (priority required/important, essential or protected)."""
    answer = subprocess.run(
        ["apt-cache", "show", "--no-all-versions", *packages], capture_output=True, text=True
    )
    known: set[str] = set()
    present: set[str] = set()
    for stanza in answer.stdout.split("\n\n"):
        fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", stanza, re.MULTILINE))
        if "Package" not in fields:
            continue
        known.add(fields["Package"])
        if (
            fields.get("Priority") in ALWAYS_PRESENT
            or fields.get("Essential") == "yes"
            or fields.get("Protected") == "yes"
        ):
            present.add(fields["Package"])
    unknown = sorted(set(packages) - known)
    if unknown:
        raise SystemExit(f"no Debian package {', '.join(unknown)} (derived from ldd)")
    return present


def derived_packages() -> list[str]:
    pyside = pyside_folder()
    libraries = linked_libraries(loaded_binaries(pyside), pyside)
    owners = installed_packages(path for path in libraries.values() if path)
    packages = {
        (owners.get(Path(path).name) if path else None) or debian_package_for(soname)
        for soname, path in libraries.items()
    }
    return sorted(packages - always_present(packages))


def listed_packages(path: Path = PACKAGE_LIST) -> set[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line and not line.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with debian-packages.txt")
    args = parser.parse_args(argv)
    packages = derived_packages()
    if not args.check:
        print("\n".join(packages))
        return 0
    missing = sorted(set(packages) - listed_packages())
    if missing:
        print(f"debian-packages.txt misses {', '.join(missing)} (linked by Qt)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
