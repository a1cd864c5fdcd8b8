"""Coverage per neighbourhood drawn with QPainter: one row of bars per neighbourhood (residents in
the age band, invited, visited), so differences between neighbourhoods show at a glance."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from huisbezoek.coordinator.dashboard import NeighbourhoodCoverage
from huisbezoek.gui.i18n import translate


class CoverageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[NeighbourhoodCoverage] = []
        self.setObjectName("coverageChart")
        self.setAccessibleName(translate("Overzicht", "Grafiek: bereik per wijk"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[NeighbourhoodCoverage]) -> None:
        self.rows = list(rows)
        self.setAccessibleDescription(
            "; ".join(
                translate("Overzicht", "{wijk}: {bezocht} bezocht van {totaal}").format(
                    wijk=r.neighbourhood, bezocht=r.visited, totaal=r.eligible
                )
                for r in self.rows
            )
        )
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(500, max(1, len(self.rows)) * self._line() + self._line() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = self._line()
        label_width = min(
            max((metrics.horizontalAdvance(r.neighbourhood) for r in self.rows), default=0) + 12,
            self.width() // 3,
        )
        biggest = max((max(r.eligible, r.invited, r.visited) for r in self.rows), default=0) or 1
        span = max(self.width() - label_width - 8, 10)
        colours = [QColor("#9ec5e8"), QColor("#2f6fb0"), QColor("#0b3d0b")]
        for i, row in enumerate(self.rows):
            top = i * line + 4
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, top, label_width - 6, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(row.neighbourhood, Qt.TextElideMode.ElideRight, label_width - 6),
            )
            for j, value in enumerate((row.eligible, row.invited, row.visited)):
                height = (line - 8) / 3
                painter.fillRect(
                    QRectF(label_width, top + 2 + j * height, span * value / biggest, height - 1),
                    colours[j],
                )
        legend_top = len(self.rows) * line + 6
        x = float(label_width)
        painter.setPen(text_colour)
        for colour, label in zip(
            colours,
            (translate("Overzicht", "in de ronde"), translate("Overzicht", "uitgenodigd"),
             translate("Overzicht", "bezocht")),
            strict=True,
        ):  # fmt: skip
            box = metrics.height() - 4
            painter.fillRect(QRectF(x, legend_top + 2, box, box), colour)
            x += box + 4
            painter.drawText(QRectF(x, legend_top, 400, line), label)
            x += metrics.horizontalAdvance(label) + 16
        painter.end()


class ProgressChart(QWidget):
    """The round on a timeline: the share of residents invited so far (dots, joined) against
    the straight line to the two-year target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setAccessibleName(translate("Overzicht", "Grafiek: voortgang tegen de planning"))
        self.progress: Any = None
        self.setMinimumHeight(160)

    def set_progress(self, progress: Any) -> None:
        self.progress = progress
        self.setAccessibleDescription(
            translate("Overzicht", "Uitgenodigd {deel}, planning {doel}").format(
                deel=f"{progress.invited_share:.0%}", doel=f"{progress.target_share:.0%}"
            )
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(500, self.fontMetrics().height() * 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        progress = self.progress
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        left, bottom = metrics.horizontalAdvance("100%") + 8, self.height() - metrics.height() - 6
        top, right = 6, self.width() - 8
        painter.setPen(text_colour)
        painter.drawLine(left, bottom, right, bottom)
        painter.drawLine(left, top, left, bottom)
        painter.drawText(0, top + metrics.ascent(), "100%")
        painter.drawText(0, bottom, "0%")
        if progress is None:
            painter.end()
            return
        span = max((progress.deadline - progress.start).days, 1)

        def point(day: date, share: float) -> QPointF:
            x = left + (right - left) * min(max((day - progress.start).days / span, 0.0), 1.0)
            return QPointF(x, bottom - (bottom - top) * min(max(share, 0.0), 1.0))

        painter.drawText(left, self.height() - 2, progress.start.strftime("%d-%m-%Y"))
        end_label = progress.deadline.strftime("%d-%m-%Y")
        painter.drawText(right - metrics.horizontalAdvance(end_label), self.height() - 2, end_label)
        target_pen = QPen(QColor("#777777"), 2, Qt.PenStyle.DashLine)
        painter.setPen(target_pen)
        painter.drawLine(point(progress.start, 0.0), point(progress.deadline, 1.0))
        actual = QPen(QColor("#2f6fb0"), 3)
        painter.setPen(actual)
        points = [point(p.day, p.invited_share) for p in progress.timeline]
        for a, b in pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(QColor("#2f6fb0"))
        for p in points:
            painter.drawEllipse(p, 4, 4)
        painter.end()
