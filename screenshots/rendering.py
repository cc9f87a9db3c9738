"""Renders scenes to PNGs: ``python -m screenshots --out docs/screenshots [--scene NAME]``.

Without ``--store`` the scenes run on a fresh deterministic demo store
(``contactdesk.demo``), so the pictures only change when the code does.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

# Offscreen unless told otherwise: the script runs in CI and on machines without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from contactdesk.demo import generate_demo
from contactdesk.services.store_opening import open_store
from contactdesk.store import Store
from screenshots.scene_context import SceneContext
from screenshots.scene_registry import SCENES
from ui.app import application

DEMO_CONTACTS = 2000
DEMO_SEED = 7


def render(names: list[str], store: Store, out: Path) -> list[Path]:
    """Render the named scenes of ``SCENES`` to PNGs in ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    context = SceneContext(store)
    try:
        for name in names:
            widget = SCENES[name](context)
            widget.show()
            context.settle()
            target = out / f"{name}.png"
            if not widget.grab().save(str(target)):
                raise SystemExit(f"could not write {target}")
            widget.close()
            widget.deleteLater()
            written.append(target)
    finally:
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--store", type=Path, help="store to show (default: a fresh demo)")
    parser.add_argument("--scene", action="append", choices=sorted(SCENES), help="only these")
    args = parser.parse_args(argv)
    application()
    with tempfile.TemporaryDirectory() as scratch:
        # Screenshots must not read or change the user's real settings (window size, last user).
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, scratch)
        store_path = args.store
        if store_path is None:
            store_path = Path(scratch) / "demo.db"
            generate_demo(store_path, contacts=DEMO_CONTACTS, seed=DEMO_SEED)
        store = open_store(store_path)
        try:
            for path in render(args.scene or list(SCENES), store, args.out):
                print(path)
        finally:
            store.close()
    QApplication.processEvents()
    return 0
