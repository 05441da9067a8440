"""SVG icons from `quotecheck_ui.resources` (packaged with the wheel), rendered crisply at
each size with QSvgRenderer (no dependency on the SVG icon-engine plugin)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 48, 64, 128)


def resource_bytes(name: str) -> bytes:
    return (files("quotecheck_ui.resources") / name).read_bytes()


def svg_icon(data: bytes) -> QIcon:
    renderer = QSvgRenderer(QByteArray(data))
    result = QIcon()
    if not renderer.isValid():
        return result
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


@cache
def icon(name: str) -> QIcon:
    """`icon("verify")` -> resources/icons/verify.svg; an empty icon if it is missing."""
    try:
        return svg_icon(resource_bytes(f"icons/{name}.svg"))
    except (FileNotFoundError, OSError):
        return QIcon()


@cache
def app_icon() -> QIcon:
    try:
        return svg_icon(resource_bytes("quotecheck.svg"))
    except (FileNotFoundError, OSError):
        return QIcon()
