"""A radar ("spider") chart of the six wellbeing ratings, drawn with QPainter.

Missing ratings are drawn as a gap on the axis (no point), so an unanswered domain never
looks like a zero. Sizes follow the font, so the chart grows with the text size.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from huisbezoek.gui.i18n import translate


def domain_labels() -> dict[str, str]:
    return {
        "lichaam": translate("Spinnenweb", "Lichaam"),
        "mentaal": translate("Spinnenweb", "Gevoel"),
        "zingeving": translate("Spinnenweb", "Zingeving"),
        "kwaliteit_van_leven": translate("Spinnenweb", "Kwaliteit van leven"),
        "meedoen": translate("Spinnenweb", "Meedoen"),
        "dagelijks_functioneren": translate("Spinnenweb", "Dagelijks leven"),
    }


def short_labels() -> dict[str, str]:
    """One word per axis, so the chart fits a narrow side panel at 200% text size."""
    return {
        "lichaam": translate("Spinnenweb", "Lichaam"),
        "mentaal": translate("Spinnenweb", "Gevoel"),
        "zingeving": translate("Spinnenweb", "Zin"),
        "kwaliteit_van_leven": translate("Spinnenweb", "Leven"),
        "meedoen": translate("Spinnenweb", "Meedoen"),
        "dagelijks_functioneren": translate("Spinnenweb", "Dagelijks"),
    }


DOMAINS = (
    "lichaam",
    "mentaal",
    "zingeving",
    "kwaliteit_van_leven",
    "meedoen",
    "dagelijks_functioneren",
)


class RadarChart(QWidget):
    def __init__(self, parent=None, maximum: int = 10) -> None:
        super().__init__(parent)
        self.maximum = maximum
        self.values: dict[str, int | None] = dict.fromkeys(DOMAINS)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(translate("Spinnenweb", "Spinnenweb van de zes cijfers"))
        self.setObjectName("radarChart")

    def set_values(self, values: dict[str, int | None]) -> None:
        new = {d: values.get(d) for d in DOMAINS}
        if new != self.values:
            self.values = new
            parts = [
                f"{domain_labels()[d]}: {'-' if v is None else v}" for d, v in self.values.items()
            ]
            self.setAccessibleDescription(", ".join(parts))
            self.setToolTip("\n".join(parts))
            self.update()

    def _label_width(self) -> int:
        fm = self.fontMetrics()
        return max(fm.horizontalAdvance(f"{t} (10)") for t in short_labels().values())

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(self._label_width() + em * 8, em * 12)

    def minimumSizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(self._label_width() + em * 4, em * 9)

    def _radius(self, width: int, height: int) -> float:
        # Labels sit centred above (upper half) or below (lower half) their axis end, so the
        # chart needs one label width in total beside it, not two: it fits a narrow column.
        label_h = self.fontMetrics().height()
        return max(
            10.0, min((width - self._label_width() - 8) / 1.732, (height - 2 * label_h - 16) / 2)
        )

    def _label_texts(self) -> list[str]:
        labels = short_labels()
        return [f"{labels[d]} ({'–' if (v := self.values[d]) is None else v})" for d in DOMAINS]

    def _label_rects(self, width: int, height: int) -> list[QRectF]:
        fm = self.fontMetrics()
        label_h = fm.height()
        radius = self._radius(width, height)
        centre = QPointF(width / 2, height / 2)
        rects = []
        for i, text in enumerate(self._label_texts()):
            anchor = _point(centre, radius, i, 1.0)
            w = fm.horizontalAdvance(text) + 2
            x = min(max(anchor.x() - w / 2, 0.0), width - w)
            above = anchor.y() < centre.y() - 1
            y = anchor.y() - label_h - 4 if above else anchor.y() + 4
            rects.append(QRectF(x, y, w, label_h))
        return rects

    def legible_at(self, width: int, height: int) -> bool:
        """Whether the chart drawn at this size keeps its labels apart and readable.

        At 200% text in a short side panel the labels would overlap ("Dagelijks" over
        "Gevoel"); the visit screen then shows the ratings as text instead.
        """
        em = self.fontMetrics().height()
        if self._radius(width, height) < 2.5 * em:
            return False
        rects = self._label_rects(width, height)
        bounds = QRectF(0, 0, width, height)
        if any(not bounds.contains(r) for r in rects):
            return False
        return not any(a.intersects(b) for a, b in itertools.combinations(rects, 2))

    def as_text(self) -> str:
        """The six ratings in words, for when the chart gives way."""
        names = short_labels()
        return " · ".join(
            f"{names[d]} {'–' if (v := self.values[d]) is None else v}" for d in DOMAINS
        )

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        fm = self.fontMetrics()
        radius = self._radius(self.width(), self.height())
        centre = QPointF(self.width() / 2, self.height() / 2)
        n = len(DOMAINS)

        def point(i: int, fraction: float) -> QPointF:
            return _point(centre, radius, i, fraction)

        grid = QColor(fg)
        grid.setAlpha(70)
        p.setPen(QPen(grid, 1))
        for ring in (0.2, 0.4, 0.6, 0.8, 1.0):
            p.drawPolygon(QPolygonF([point(i, ring) for i in range(n)]))
        for i in range(n):
            p.drawLine(centre, point(i, 1.0))
        accent = pal.color(QPalette.ColorRole.Highlight)
        fill = QColor(accent)
        fill.setAlpha(80)
        pts: list[tuple[int, int]] = [
            (i, v) for i, d in enumerate(DOMAINS) if (v := self.values[d]) is not None
        ]
        if len(pts) >= 3 and len(pts) == n:
            path = QPainterPath()
            poly = QPolygonF([point(i, v / self.maximum) for i, v in pts])
            path.addPolygon(poly)
            path.closeSubpath()
            p.fillPath(path, fill)
            p.setPen(QPen(accent, 3))
            p.drawPolygon(poly)
        elif len(pts) >= 2:
            p.setPen(QPen(accent, 3))
            for (i1, v1), (i2, v2) in itertools.pairwise(pts):
                if i2 == i1 + 1:
                    p.drawLine(point(i1, v1 / self.maximum), point(i2, v2 / self.maximum))
        p.setBrush(accent)
        p.setPen(Qt.PenStyle.NoPen)
        dot = max(4.0, fm.height() / 4)
        for i, v in pts:
            p.drawEllipse(point(i, v / self.maximum), dot, dot)
        p.setPen(fg)
        rects = self._label_rects(self.width(), self.height())
        for text, rect in zip(self._label_texts(), rects, strict=True):
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        p.end()


def _point(centre: QPointF, radius: float, i: int, fraction: float) -> QPointF:
    angle = -math.pi / 2 + 2 * math.pi * i / len(DOMAINS)
    return QPointF(
        centre.x() + math.cos(angle) * radius * fraction,
        centre.y() + math.sin(angle) * radius * fraction,
    )
