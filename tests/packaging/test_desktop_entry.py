"""The Linux desktop entry and the icons it names."""

from __future__ import annotations

import configparser
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "packaging" / "contactdesk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_contactdesk_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "contactdesk"
    assert entry["Icon"] == "contactdesk"
    assert "Office" in entry["Categories"].split(";")


def test_an_icon_png_of_each_size_is_that_size() -> None:
    for size in SIZES:
        image = QImage(str(ICONS / f"contactdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_a_scalable_icon_ships_too() -> None:
    assert "<svg" in (ICONS / "contactdesk.svg").read_text(encoding="utf-8")
