"""Print for the resident: the personal summary and the leaflets that fit the signals.

The documents come from the printing area (``services.documents``) as PDF bytes. They are
saved where the volunteer chooses (a folder, one file per document) and can be opened in the
computer's PDF viewer to print. The leaflets given are recorded on the visit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QFileDialog, QPushButton, QVBoxLayout, QWidget

from huisbezoek.errors import UserError
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import tr
from huisbezoek.gui.operations import run_op, show_error
from huisbezoek.gui.widgets import button_row, error_label, heading, hint, show_message


def _safe_name(title: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "-", title).strip("-").lower() or "document"


def load_choices(vault, visit_id: int):
    """Worker job: the suggested topics and every leaflet's title."""
    from huisbezoek.printing import load_leaflets
    from huisbezoek.services import documents

    leaflets = load_leaflets()
    return documents.suggested_topics(vault, visit_id), {t: lf.title for t, lf in leaflets.items()}


def save_documents(vault, visit_id, topics, *, summary: bool, chart: bool, folder: Path):
    """Worker job: render, write one PDF per document into ``folder``, record the leaflets."""
    from huisbezoek.fsutil import atomic_write
    from huisbezoek.services import documents

    jobs = documents.visit_documents(
        vault, visit_id, topics, include_summary=summary, show_wellbeing_chart=chart
    )
    written = []
    for n, job in enumerate(jobs, start=1):
        path = folder / f"{n:02d}-{_safe_name(job.title)}.pdf"
        atomic_write(path, job.pdf)
        written.append(path)
    documents.record_leaflets_given(vault, visit_id, [j.topic for j in jobs if j.topic])
    return written


class PrintDialog(BaseDialog):
    saved = Signal(object)  # list of paths

    def __init__(self, parent, ctx, visit_id: int) -> None:
        super().__init__(parent, "printDialog", ctx)
        self.visit_id = visit_id
        self.setWindowTitle(tr("Afdrukken", "Afdrukken voor de bewoner"))
        self.summary = QCheckBox(tr("Afdrukken", "Samenvatting van het gesprek"))
        self.summary.setChecked(True)
        self.chart = QCheckBox(tr("Afdrukken", "Met het spinnenweb (als de bewoner dat wil)"))
        self.leaflet_box = QWidget()
        self.leaflets = QVBoxLayout(self.leaflet_box)
        self.leaflets.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[object, QCheckBox] = {}
        self.save_button = QPushButton(tr("Afdrukken", "Opslaan als &PDF in een map…"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.choose_folder)
        self.save_button.setEnabled(False)
        close = QPushButton(tr("Afdrukken", "&Sluiten"))
        close.clicked.connect(self.reject)
        self.status = hint()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Afdrukken", "Wat geeft u mee?"), "subheading"))
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(heading(tr("Afdrukken", "Folders"), "subheading"))
        layout.addWidget(
            hint(tr("Afdrukken", "Aangevinkt zijn de folders die passen bij de signalen."))
        )
        layout.addWidget(self.leaflet_box)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(button_row(self.save_button, close))
        vault = ctx.vault
        run_op(self, lambda: load_choices(vault, visit_id), on_done=self._show_choices)

    def _show_choices(self, result) -> None:
        suggested, titles = result
        for topic, title in titles.items():
            check = QCheckBox(title)
            check.setChecked(topic in suggested)
            self.checks[topic] = check
            self.leaflets.addWidget(check)
        self.save_button.setEnabled(True)
        self.fit_to_content()

    def chosen_topics(self) -> list[Any]:
        return [t for t, c in self.checks.items() if c.isChecked()]

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, tr("Afdrukken", "Kies een map voor de PDF-bestanden"), str(Path.home())
        )
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> None:
        vault, vid, topics = self.ctx.vault, self.visit_id, self.chosen_topics()
        summary, chart = self.summary.isChecked(), self.chart.isChecked()
        if not summary and not topics:
            show_message(self.error, tr("Afdrukken", "Kies eerst wat u wilt afdrukken."))
            return
        self.save_button.setEnabled(False)
        self.status.setText(tr("Afdrukken", "Bezig met maken…"))

        def done(paths) -> None:
            self.save_button.setEnabled(True)
            show_message(self.error, "")
            self.status.setText(
                tr("Afdrukken", "{n} bestanden opgeslagen in {map}.").format(
                    n=len(paths), map=str(folder)
                )
            )
            self.saved.emit(paths)
            if paths and getattr(self.ctx, "open_saved_documents", True):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.status.setText("")
            if isinstance(exc, UserError):
                show_message(self.error, exc.message_nl)
            else:
                show_error(self, exc)

        run_op(
            self,
            lambda: save_documents(vault, vid, topics, summary=summary, chart=chart, folder=folder),
            on_done=done,
            on_error=failed,
        )
