"""The screenshot script renders every registered scene to a non-empty PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from screenshots.rendering import render
from screenshots.scene_registry import SCENES


def test_every_scene_renders_to_a_png_of_its_size(qtbot, store, tmp_path: Path) -> None:
    written = render(sorted(SCENES), store, tmp_path)
    assert [path.stem for path in written] == sorted(SCENES)
    for path in written:
        image = QImage(str(path))
        assert image.width() >= 400 and image.height() >= 300, path.name
