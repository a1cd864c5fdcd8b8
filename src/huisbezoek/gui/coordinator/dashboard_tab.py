"""The overview tab: coverage per neighbourhood, signals per theme and progress over time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import dashboard
from huisbezoek.coordinator.figures import totals as figure_totals
from huisbezoek.coordinator.settings import load_settings
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
        self.summary.setWordWrap(True)  # WrapLabel does not turn wrapping on by itself
        self.chart = CoverageChart()
        self.timeline = ProgressChart()
        self.table = table(
            [translate("Overzicht", "Wijk"), translate("Overzicht", "In leeftijdsgroep"),
             translate("Overzicht", "Uitgenodigd"), translate("Overzicht", "Bereikt"),
             translate("Overzicht", "Wil bezoek"), translate("Overzicht", "Bezocht"),
             translate("Overzicht", "Afgezien"), translate("Overzicht", "Niet bereikt"),
             translate("Overzicht", "Verhuisd of overleden"), translate("Overzicht", "Respons"),
             translate("Overzicht", "Mensen met signaal")],
            "coverageTable",
        )  # fmt: skip
        self.table.setAccessibleName(translate("Overzicht", "Bereik per wijk"))
        # Eleven columns are wider than the window at 200% text: the table scrolls sideways
        # itself instead of making the whole page (and the summary above it) wider.
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table.setMinimumWidth(240)
        self.themes = WrapLabel("")
        self.themes.setWordWrap(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(translate("Overzicht", "Bereik per wijk")))
        layout.addWidget(self.summary)
        layout.addWidget(self.timeline)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        layout.addWidget(
            heading(translate("Overzicht", "Mensen met een signaal per onderwerp"), "subheading")
        )
        layout.addWidget(self.themes)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(inner))

    def refresh(self) -> None:
        store = self.store

        def load() -> tuple[list[dashboard.NeighbourhoodCoverage], dashboard.Progress, str]:
            with store.session() as session:
                band = load_settings(session)
                return (
                    dashboard.coverage(session),
                    dashboard.progress(session, date.today()),
                    translate("Overzicht", "{van} tot en met {tot}").format(
                        van=band.age_min, tot=band.age_max
                    ),
                )

        run_op(self, load, on_done=self._show)

    def clear(self) -> None:
        """Empty the figures (while locked)."""
        self.rows = []
        self.chart.set_rows([])
        fill_table(self.table, [])
        self.summary.setText("")
        self.themes.setText("")

    def _show(
        self, result: tuple[list[dashboard.NeighbourhoodCoverage], dashboard.Progress, str]
    ) -> None:
        self.rows, progress, band = result
        self.chart.set_rows(self.rows)
        self.timeline.set_progress(progress)
        total = figure_totals(self.rows, translate("Overzicht", "Totaal")) if self.rows else None
        fill_table(
            self.table,
            [
                [r.neighbourhood, str(r.in_band), str(r.invited), str(r.reached),
                 str(r.accepted), str(r.visited), str(r.declined), str(r.not_reached),
                 str(r.gone),
                 f"{r.response_rate:.0%}" if r.response_rate is not None else "-",
                 str(r.signalled)]
                for r in [*self.rows, *([total] if total else [])]
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
                "{deel} van de bewoners van {band} jaar is uitgenodigd. Volgens de planning "
                "(klaar op {einde}) zou dat nu {doel} zijn. {oordeel}",
            ).format(
                deel=f"{progress.invited_share:.0%}",
                band=band,
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
