"""The overview tab: coverage per neighbourhood, signals per theme and progress over time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import dashboard
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.gui.coordinator.chart import CoverageChart, ProgressChart
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import theme_label
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    WrapLabel,
    fill_table,
    heading,
    scrolling,
    table,
)


class DashboardPanel(QWidget):
    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[dashboard.NeighbourhoodCoverage] = []
        self.summary = WrapLabel("")
        self.summary.setObjectName("progressSummary")
        self.chart = CoverageChart()
        self.timeline = ProgressChart()
        self.table = table(
            [translate("Overzicht", "Wijk"), translate("Overzicht", "75-80 jaar"),
             translate("Overzicht", "Uitgenodigd"), translate("Overzicht", "Afgezien"),
             translate("Overzicht", "Niet bereikt"), translate("Overzicht", "Bezocht"),
             translate("Overzicht", "Respons"), translate("Overzicht", "Signalen")],
            "coverageTable",
        )  # fmt: skip
        self.table.setAccessibleName(translate("Overzicht", "Bereik per wijk"))
        self.themes = WrapLabel("")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(translate("Overzicht", "Bereik per wijk")))
        layout.addWidget(self.summary)
        layout.addWidget(self.timeline)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        layout.addWidget(heading(translate("Overzicht", "Signalen per onderwerp"), "subheading"))
        layout.addWidget(self.themes)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(inner))

    def refresh(self) -> None:
        store = self.store

        def load() -> tuple[list[dashboard.NeighbourhoodCoverage], dashboard.Progress]:
            with store.session() as session:
                return dashboard.coverage(session), dashboard.progress(session, date.today())

        run_op(self, load, on_done=self._show)

    def clear(self) -> None:
        """Empty the figures (while locked)."""
        self.rows = []
        self.chart.set_rows([])
        fill_table(self.table, [])
        self.summary.setText("")
        self.themes.setText("")

    def _show(
        self, result: tuple[list[dashboard.NeighbourhoodCoverage], dashboard.Progress]
    ) -> None:
        self.rows, progress = result
        self.chart.set_rows(self.rows)
        self.timeline.set_progress(progress)
        fill_table(
            self.table,
            [
                [r.neighbourhood, str(r.in_band), str(r.invited), str(r.declined),
                 str(r.not_reached), str(r.visited),
                 f"{r.response_rate:.0%}" if r.response_rate is not None else "-",
                 str(r.signal_total)]
                for r in self.rows
            ],
        )  # fmt: skip
        on_track = (
            translate("Overzicht", "Dat loopt op schema.")
            if progress.on_track
            else translate("Overzicht", "Dat loopt achter op schema.")
        )
        self.summary.setText(
            translate(
                "Overzicht",
                "{deel} van de bewoners van 75 tot en met 80 is uitgenodigd. Volgens de planning "
                "(klaar op {einde}) zou dat nu {doel} zijn. {oordeel}",
            ).format(
                deel=f"{progress.invited_share:.0%}",
                einde=progress.deadline.strftime("%d-%m-%Y"),
                doel=f"{progress.target_share:.0%}",
                oordeel=on_track,
            )
        )
        overall = dashboard.themes_overall(self.rows)
        self.themes.setText(
            "\n".join(f"{theme_label(theme)}: {count}" for theme, count in sorted(
                overall.items(), key=lambda kv: -kv[1]))
            or translate("Overzicht", "Nog geen signalen.")
        )  # fmt: skip
        self.changed.emit()
