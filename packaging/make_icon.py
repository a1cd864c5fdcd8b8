"""Draws the application icon (a house with a speech bubble) in every size the installers need.

Run ``python packaging/make_icon.py [out_dir]`` (default ``resources/icons/``). It writes PNGs from
16 to 1024 pixels, ``huisbezoek.ico`` (Windows), ``huisbezoek.icns`` (macOS) and
``huisbezoek.svg`` (Linux, scalable). The shapes are drawn afresh at every size instead of scaled
down from one large image, so the 16-pixel icon stays crisp; below 40 pixels the small details
(door, window, dots) are left out because they would only turn into grey smudge.

Qt draws offscreen (``QT_QPA_PLATFORM=offscreen`` is set here when nothing else is), and the
.ico and .icns containers are written by hand: both are a small header, a table and the images.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "resources" / "icons"
NAME = "huisbezoek"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
# Windows shows 16 (lists), 24/32 (taskbar, Start), 48 (desktop), 256 (large tiles). The small
# ones are stored as uncompressed bitmaps, which every Windows tool reads; 256 as PNG, as usual.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type, pixels) for the .icns container; all PNG-compressed, readable from macOS 10.7 on.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)

# High contrast: white house and warm yellow bubble on a deep blue tile (white on this blue is
# about 9:1, the yellow about 7:1), so it reads on light and dark desktops alike.
BLUE = "#0b4a6f"
WHITE = "#ffffff"
YELLOW = "#ffc629"
INK = "#0b4a6f"

# Geometry on a 100 x 100 grid.
TILE = (4.0, 4.0, 92.0, 92.0, 20.0)  # x, y, w, h, corner radius
ROOF = ((8.0, 58.0), (38.0, 29.0), (68.0, 58.0))
BODY = (16.0, 53.0, 44.0, 35.0)  # x, y, w, h
DOOR = (31.0, 66.0, 12.0, 22.0)
WINDOW = (47.0, 63.0, 8.0, 8.0)
BUBBLE = (52.0, 10.0, 40.0, 30.0, 11.0)
TAIL = ((62.0, 36.0), (75.0, 36.0), (61.0, 47.0))
DOTS = ((62.0, 25.0), (72.0, 25.0), (82.0, 25.0))
DOT_RADIUS = 3.2
OUTLINE = 3.0  # a blue ring around the bubble keeps it apart from the roof


def _rounded(x: float, y: float, w: float, h: float, r: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), r, r)
    return path


def _polygon(points: tuple[tuple[float, float], ...]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def render(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, transparent outside the rounded tile."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    detailed = size >= 40
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)
    painter.setPen(Qt.PenStyle.NoPen)

    # At 16 px the tile may use the whole square: every pixel of contrast counts.
    tile = (0.0, 0.0, 100.0, 100.0, 16.0) if size < 24 else TILE
    painter.fillPath(_rounded(*tile), QColor(BLUE))

    white = QBrush(QColor(WHITE))
    house = QPainterPath()
    house.addPolygon(_polygon(ROOF))
    house.addRect(QRectF(*BODY))
    house.setFillRule(Qt.FillRule.WindingFill)
    painter.fillPath(house.simplified(), white)
    if detailed:
        painter.fillRect(QRectF(*DOOR), QColor(BLUE))
        painter.fillRect(QRectF(*WINDOW), QColor(BLUE))

    bubble = _rounded(*BUBBLE)
    tail = QPainterPath()
    tail.addPolygon(_polygon(TAIL))
    bubble = bubble.united(tail)
    painter.strokePath(bubble, QPen(QColor(BLUE), OUTLINE * 2))
    painter.fillPath(bubble, QColor(YELLOW))
    if detailed:
        painter.setBrush(QColor(INK))
        for x, y in DOTS:
            painter.drawEllipse(QPointF(x, y), DOT_RADIUS, DOT_RADIUS)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An .ico bitmap entry: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, then the AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        row = bytearray()
        for x in range(size):
            pixel = argb.pixel(x, y)  # 0xAARRGGBB, not premultiplied
            row += struct.pack("<I", pixel)  # little endian: B, G, R, A
        rows.append(bytes(row))
    # The AND mask is ignored for 32-bit images but must be there: all zero, rows padded to 4.
    mask_row = b"\x00" * (((size + 31) // 32) * 4)
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size in ICO_SIZES:
        image = images[size]
        entries.append((size, png_bytes(image) if size >= 256 else dib_bytes(image)))
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for _, data in entries:
        out += data
    return bytes(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def svg_text() -> str:
    """The same drawing as SVG, for Linux's scalable icon folder."""

    def points(pts: tuple[tuple[float, float], ...]) -> str:
        return " ".join(f"{x:g},{y:g}" for x, y in pts)

    x, y, w, h, r = TILE
    bx, by, bw, bh, br = BUBBLE
    dots = "\n".join(
        f'  <circle cx="{cx:g}" cy="{cy:g}" r="{DOT_RADIUS:g}" fill="{INK}"/>' for cx, cy in DOTS
    )
    bubble = (
        f'<rect x="{bx:g}" y="{by:g}" width="{bw:g}" height="{bh:g}" rx="{br:g}"/>'
        f'<polygon points="{points(TAIL)}"/>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 100 100">\n'
        "  <title>Huisbezoek</title>\n"
        f'  <rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{r:g}" fill="{BLUE}"/>\n'
        f'  <polygon points="{points(ROOF)}" fill="{WHITE}"/>\n'
        f'  <rect x="{BODY[0]:g}" y="{BODY[1]:g}" width="{BODY[2]:g}" height="{BODY[3]:g}"'
        f' fill="{WHITE}"/>\n'
        f'  <rect x="{DOOR[0]:g}" y="{DOOR[1]:g}" width="{DOOR[2]:g}" height="{DOOR[3]:g}"'
        f' fill="{BLUE}"/>\n'
        f'  <rect x="{WINDOW[0]:g}" y="{WINDOW[1]:g}" width="{WINDOW[2]:g}"'
        f' height="{WINDOW[3]:g}" fill="{BLUE}"/>\n'
        f'  <g stroke="{BLUE}" stroke-width="{OUTLINE * 2:g}" stroke-linejoin="round"'
        f' fill="{BLUE}">{bubble}</g>\n'
        f'  <g fill="{YELLOW}">{bubble}</g>\n'
        f"{dots}\n"
        "</svg>\n"
    )


def make_icons(out_dir: Path) -> list[Path]:
    """Writes every icon file into ``out_dir`` and returns their paths."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in PNG_SIZES}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    written = []
    for size, data in pngs.items():
        path = out_dir / f"{NAME}-{size}.png"
        path.write_bytes(data)
        written.append(path)
    for path, data in (
        (out_dir / f"{NAME}.ico", ico_bytes(images)),
        (out_dir / f"{NAME}.icns", icns_bytes(pngs)),
        (out_dir / f"{NAME}.svg", svg_text().encode()),
    ):
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else DEFAULT_OUT
    for path in make_icons(out_dir):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
