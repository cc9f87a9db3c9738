"""Draws the ContactDesk icon: ``python packaging/draw_icon.py`` writes resources/icons/.

A contact card on a rounded blue square, drawn with QPainter at every size the
desktop asks for (16..512 px PNG) and once as SVG. The PNGs are committed; run
this again only when the design changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
CANVAS = 512.0


def paint_icon(painter: QPainter) -> None:
    """The icon on a 512 x 512 canvas; callers scale the painter for other sizes."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    background = QLinearGradient(QPointF(0, 0), QPointF(0, CANVAS))
    background.setColorAt(0.0, QColor("#3b82c4"))
    background.setColorAt(1.0, QColor("#1f4e8c"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(background))
    painter.drawRoundedRect(QRectF(16, 16, 480, 480), 96, 96)

    # The card.
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(76, 120, 360, 272), 36, 36)

    # The person on it: head and shoulders.
    painter.setBrush(QColor("#2f6db0"))
    painter.drawEllipse(QRectF(118, 170, 92, 92))
    painter.drawChord(QRectF(100, 262, 128, 112), 0, 180 * 16)

    # Lines of contact details.
    painter.setPen(QPen(QColor("#9bb8d9"), 26, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(262, 200), QPointF(392, 200))
    painter.drawLine(QPointF(262, 256), QPointF(392, 256))
    painter.drawLine(QPointF(262, 312), QPointF(350, 312))


def write_png(size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.scale(size / CANVAS, size / CANVAS)
    paint_icon(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def write_svg(target: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(QSize(int(CANVAS), int(CANVAS)))
    generator.setViewBox(QRectF(0, 0, CANVAS, CANVAS))
    generator.setTitle("ContactDesk")
    painter = QPainter(generator)
    paint_icon(painter)
    painter.end()


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        write_png(size, ICON_DIR / f"contactdesk-{size}.png")
    write_svg(ICON_DIR / "contactdesk.svg")
    print(ICON_DIR)
    return 0


if __name__ == "__main__":
    sys.exit(main())
