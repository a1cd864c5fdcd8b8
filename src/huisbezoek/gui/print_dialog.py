"""Print for the resident: the personal summary and the leaflets that fit the signals, in one go.

The documents come from the printing area (``services.documents``) as PDF bytes and stay in
memory: the preview shows their pages, "Afdrukken…" opens Qt's print dialog once for the whole
set and paints the pages on the printer (``gui/pdf_print.py``), and "Opslaan als PDF…" writes
one file per document into a folder the volunteer picks. Only after printing or saving worked
are the leaflets recorded on the visit. Leaflets whose contacts were not checked for a year get
a warning here, for the volunteer; the paper never says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.gui import pdf_print
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op, show_problem
from huisbezoek.gui.progress import ProgressDialog
from huisbezoek.gui.widgets import button_row, error_label, heading, hint, show_message

#: How long the preview waits after a tick before it renders (several quick ticks, one render).
PREVIEW_DELAY_MS = 250


def _safe_name(title: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "-", title).strip("-").lower() or "document"


@dataclass(frozen=True)
class Choices:
    """What the dialog offers, worked out off the GUI thread."""

    ticked: list[Any]  # leaflets the rules suggest, then those already recorded as given
    titles: dict[Any, str]  # every leaflet, id -> title
    parts: list[tuple[str, str]]  # summary parts the volunteer may leave out: (key, label)
    paper_unsafe: bool  # a rule says paper at home could be unsafe
    example: bool  # the sociale kaart is the demo one: addresses are made up


def load_choices(vault, visit_id: int) -> Choices:
    """Worker job: which leaflets to tick, every leaflet's title, the summary's parts."""
    from huisbezoek.printing import load_directory, load_leaflets
    from huisbezoek.services import documents

    leaflets = load_leaflets()
    suggested = documents.suggested_topics(vault, visit_id)
    recorded = documents.recorded_topics(vault, visit_id)
    return Choices(
        ticked=list(dict.fromkeys([*suggested, *recorded])),
        titles={t: lf.title for t, lf in leaflets.items()},
        parts=documents.summary_parts(vault, visit_id),
        paper_unsafe=documents.paper_unsafe(vault, visit_id),
        example=load_directory().fictional,
    )


def make_documents(vault, visit_id, topics, *, summary: bool, chart: bool, leave_out=()):
    """Worker job: the summary and the leaflets as PDF bytes (``PrintJob`` list), in memory."""
    from huisbezoek.services import documents

    return documents.visit_documents(
        vault,
        visit_id,
        topics,
        include_summary=summary,
        show_wellbeing_chart=chart,
        leave_out=leave_out,
    )


def make_preview(
    vault, visit_id, topics, *, summary: bool, chart: bool, width_px: int, leave_out=()
):
    """Worker job: the documents, their page images and the stale-contact warnings."""
    jobs = make_documents(
        vault, visit_id, topics, summary=summary, chart=chart, leave_out=leave_out
    )
    pages = pdf_print.preview_documents([(j.title, j.pdf) for j in jobs], width_px)
    return jobs, pages, pdf_print.stale_contacts(topics)


def save_documents(
    vault,
    visit_id,
    topics,
    *,
    summary: bool,
    chart: bool,
    folder: Path,
    jobs=None,
    leave_out=(),
):
    """Worker job: write one PDF per document into ``folder``, then record the leaflets."""
    from huisbezoek.printing import save_pdf
    from huisbezoek.services import documents

    if jobs is None:
        jobs = make_documents(
            vault, visit_id, topics, summary=summary, chart=chart, leave_out=leave_out
        )
    written = []
    for n, job in enumerate(jobs, start=1):
        path = folder / f"{n:02d}-{_safe_name(job.title)}.pdf"
        save_pdf(path, job.pdf)
        written.append(path)
    documents.record_leaflets_given(vault, visit_id, [j.topic for j in jobs if j.topic])
    return written


def ask_print_example(parent: QWidget) -> bool:
    """Ask before printing a summary with made-up addresses for a real resident."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Afdrukken", "Voorbeeldadressen"),
        translate(
            "Afdrukken",
            "Deze sociale kaart is een voorbeeld. De organisaties en telefoonnummers zijn "
            "verzonnen. Vraag uw coördinator om de echte sociale kaart.\n\n"
            "Wilt u toch afdrukken?",
        ),
        parent=parent,
    )
    box.setObjectName("exampleWarning")
    yes = box.addButton(translate("Afdrukken", "Toch afdrukken"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(translate("Afdrukken", "Niet afdrukken"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def print_documents(vault, visit_id, printer, jobs, *, progress=None, cancel=None) -> int:
    """Worker job: paint every page on ``printer``, then record the leaflets; pages printed."""
    from huisbezoek.services import documents

    pdfs = [j.pdf for j in jobs]
    pages = pdf_print.print_pdfs(printer, pdfs, progress=progress, cancel=cancel)
    documents.record_leaflets_given(vault, visit_id, [j.topic for j in jobs if j.topic])
    return pages


class PrintDialog(BaseDialog):
    saved = Signal(object)  # list of paths
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, parent, ctx, visit_id: int) -> None:
        super().__init__(parent, "printDialog", ctx)
        self.visit_id = visit_id
        #: Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).
        self.choose_printer: pdf_print.PrinterChooser = pdf_print.ask_printer
        #: Asks before a summary with the demo sociale kaart goes out for a real resident.
        self.confirm_example: Callable[[QWidget], bool] = ask_print_example
        self.example = False
        self.printer: Any = None
        self.progress: ProgressDialog | None = None
        self._jobs: list[Any] = []
        self._jobs_key: tuple[Any, ...] | None = None
        self.page_total = 0
        self._generation = 0
        self.preview_ready = False
        self.setWindowTitle(translate("Afdrukken", "Afdrukken voor de bewoner"))

        self.summary = QCheckBox(translate("Afdrukken", "&Samenvatting van het gesprek"))
        self.summary.setChecked(True)
        self.summary.setAccessibleName(translate("Afdrukken", "Samenvatting van het gesprek"))
        self.summary.setAccessibleDescription(
            translate("Afdrukken", "Een overzicht van het gesprek voor de bewoner.")
        )
        self.unsafe_hint = hint(
            translate(
                "Afdrukken",
                "Is papier bij de bewoner thuis niet veilig, bijvoorbeeld bij geweld of "
                "geldmisbruik? Geef dan geen samenvatting mee.",
            )
        )
        # Banners that grow with their text at 200% (hidden until there is something to say).
        self.unsafe_warning = pdf_print.StaleWarning()
        self.unsafe_warning.setObjectName("unsafeWarning")
        self.unsafe_warning.setAccessibleName(translate("Afdrukken", "Waarschuwing: papier thuis"))
        self.example_banner = pdf_print.StaleWarning()
        self.example_banner.setObjectName("exampleBanner")
        self.example_banner.setAccessibleName(
            translate("Afdrukken", "Waarschuwing: voorbeeldadressen")
        )
        self.parts_box = QWidget()
        self.parts = QVBoxLayout(self.parts_box)
        self.parts.setContentsMargins(0, 0, 0, 0)
        self.part_checks: dict[str, QCheckBox] = {}
        # Short labels: the choices column must fit half a 1366 screen at 200% text.
        self.chart = QCheckBox(translate("Afdrukken", "Met het spinnen&web"))
        self.chart.setToolTip(translate("Afdrukken", "Alleen als de bewoner dat wil."))
        self.chart.setAccessibleName(translate("Afdrukken", "Met het spinnenweb"))
        self.chart.setAccessibleDescription(
            translate("Afdrukken", "De zes cijfers als tekening op de samenvatting.")
        )
        self.leaflet_box = QWidget()
        self.leaflets = QVBoxLayout(self.leaflet_box)
        self.leaflets.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[object, QCheckBox] = {}
        self.stale = pdf_print.StaleWarning()
        self.stale.setAccessibleName(translate("Afdrukken", "Waarschuwing over contactgegevens"))
        self.stale.setVisible(False)
        self.status = hint()
        self.error = error_label()

        buttons = pdf_print.print_buttons(
            self,
            translate("Afdrukken", "Alles in één keer afdrukken (Ctrl+P)"),
            self.start_print,
            self.choose_folder,
        )
        self.print_button, self.save_button, close = buttons.print, buttons.save, buttons.close

        self.preview = pdf_print.PagePreview(translate("Afdrukken", "Voorbeeld van de pagina's"))
        self.preview.show_message(translate("Afdrukken", "Even geduld…"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)

        choices = QWidget()
        left = QVBoxLayout(choices)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.example_banner)
        left.addWidget(heading(translate("Afdrukken", "Wat geeft u mee?"), "subheading"))
        left.addWidget(self.unsafe_warning)
        left.addWidget(self.summary)
        left.addWidget(self.unsafe_hint)
        left.addWidget(self.chart)
        self.parts_heading = heading(
            translate("Afdrukken", "Wat staat op de samenvatting?"), "subheading"
        )
        left.addWidget(self.parts_heading)
        left.addWidget(
            hint(translate("Afdrukken", "Haal het vinkje weg bij wat niet op papier mag."))
        )
        left.addWidget(self.parts_box)
        left.addWidget(heading(translate("Afdrukken", "Folders"), "subheading"))
        left.addWidget(
            hint(
                translate(
                    "Afdrukken",
                    "Aangevinkt zijn de folders die bij de signalen horen, en de folders die "
                    "u al gaf.",
                )
            )
        )
        left.addWidget(self.leaflet_box)
        left.addWidget(self.stale)
        left.addStretch(1)
        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addWidget(heading(translate("Afdrukken", "Zo ziet het eruit"), "subheading"))
        right_col.addWidget(self.preview, 1)
        body = QHBoxLayout()
        self.choices_area = choices_area = QScrollArea()  # at 200% text the list scrolls
        choices_area.setWidgetResizable(True)
        choices_area.setFrameShape(QFrame.Shape.NoFrame)
        choices_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the check boxes take the focus
        choices_area.setWidget(choices)
        body.addWidget(choices_area, 1)
        body.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(button_row(self.print_button, self.save_button, close))

        self.summary.toggled.connect(self._choices_changed)
        self.chart.toggled.connect(self._choices_changed)
        vault = ctx.vault
        run_op(self, lambda: load_choices(vault, visit_id), on_done=self._show_choices)

    # -- choosing ---------------------------------------------------------------------------

    def _show_choices(self, result: Choices) -> None:
        self.example = result.example
        if result.example:
            self.example_banner.setText(
                translate(
                    "Afdrukken",
                    "Voorbeeld: deze sociale kaart is verzonnen. Op elke pagina staat "
                    "'VOORBEELD'. Vraag uw coördinator om de echte sociale kaart.",
                )
            )
        if result.paper_unsafe:
            self.summary.blockSignals(True)
            self.summary.setChecked(False)
            self.summary.blockSignals(False)
            self.unsafe_warning.setText(
                translate(
                    "Afdrukken",
                    "Let op: bij dit gesprek kan papier thuis onveilig zijn. De samenvatting "
                    "staat daarom uit. Zet hem alleen aan als de bewoner dat zelf veilig vindt.",
                )
            )
        for key, label in result.parts:
            part = QCheckBox(label)
            part.setChecked(True)
            part.setAccessibleName(
                translate("Afdrukken", "Op de samenvatting: {deel}").format(deel=label)
            )
            part.setAccessibleDescription(
                translate("Afdrukken", "Spatie: dit deel wel of niet op de samenvatting.")
            )
            part.toggled.connect(self._choices_changed)
            self.part_checks[key] = part
            self.parts.addWidget(part)
        for topic, title in result.titles.items():
            check = QCheckBox(title)
            check.setAccessibleName(translate("Afdrukken", "Folder {titel}").format(titel=title))
            check.setAccessibleDescription(
                translate("Afdrukken", "Spatie: deze folder wel of niet afdrukken.")
            )
            check.setChecked(topic in result.ticked)
            check.toggled.connect(self._choices_changed)
            self.checks[topic] = check
            self.leaflets.addWidget(check)
        self._choices_changed()
        self.fit_to_content()
        self.refresh_preview()

    def fit_to_content(self) -> None:
        super().fit_to_content()
        pdf_print.enlarge(self)

    def chosen_topics(self) -> list[Any]:
        return [t for t, c in self.checks.items() if c.isChecked()]

    def left_out(self) -> tuple[str, ...]:
        """Parts of the summary the volunteer unticked."""
        return tuple(key for key, check in self.part_checks.items() if not check.isChecked())

    def _key(self) -> tuple[Any, ...]:
        return (
            self.summary.isChecked(),
            self.chart.isChecked(),
            tuple(self.chosen_topics()),
            self.left_out(),
        )

    def _choices_changed(self) -> None:
        summary = self.summary.isChecked()
        self.chart.setEnabled(summary)
        for check in self.part_checks.values():
            check.setEnabled(summary)
        self.preview_ready = False
        self._timer.start()

    def refresh_preview(self) -> None:
        """Render the chosen documents and show their pages (on the worker thread)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        key = self._key()
        summary, chart, topics, leave_out = key
        if not summary and not topics:
            self._jobs, self._jobs_key = [], key
            self.preview.show_message(translate("Afdrukken", "Kies eerst wat u wilt afdrukken."))
            self.stale.setVisible(False)
            self.preview_ready = True
            self._set_buttons()
            return
        vault, vid, width = self.ctx.vault, self.visit_id, self.preview.page_width()

        def done(result) -> None:
            if generation != self._generation:
                return  # the volunteer changed the choice meanwhile; a newer render follows
            jobs, pages, stale = result
            self._jobs, self._jobs_key = list(jobs), key
            self.page_total = sum(len(doc.pages) for doc in pages)
            self.preview.show_documents(pages)
            warning = pdf_print.stale_warning(stale)
            self.stale.setText(warning)
            self.stale.setVisible(bool(warning))
            self.preview_ready = True
            self._set_buttons()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.preview.show_message("")
                self._report(exc)
                self._set_buttons()

        self._set_buttons()
        run_op(
            self,
            lambda: make_preview(
                vault,
                vid,
                list(topics),
                summary=summary,
                chart=chart,
                width_px=width,
                leave_out=leave_out,
            ),
            on_done=done,
            on_error=failed,
        )

    def _set_buttons(self, busy: bool = False) -> None:
        ready = not busy and bool(self.checks) and self._jobs_key == self._key()
        self.print_button.setEnabled(ready and bool(self._jobs))
        self.save_button.setEnabled(ready and bool(self._jobs))

    def _report(self, exc: BaseException) -> None:
        self.status.setText("")
        show_problem(self, self.error, exc)

    def _nothing_chosen(self) -> bool:
        summary, _chart, topics, _left_out = self._key()
        if not summary and not topics:
            show_message(self.error, translate("Afdrukken", "Kies eerst wat u wilt afdrukken."))
            return True
        return False

    def _example_refused(self) -> bool:
        """A summary with made-up addresses for a real resident: ask first (not in the demo)."""
        if not (self.example and self.summary.isChecked()) or self.ctx.is_demo:
            return False
        return not self.confirm_example(self)

    # -- printing ---------------------------------------------------------------------------

    def start_print(self) -> None:
        """Qt's print dialog once for the whole set, then print every page of it."""
        if self._nothing_chosen() or self._jobs_key != self._key() or not self._jobs:
            return
        if self._example_refused():
            return
        jobs = list(self._jobs)
        pages = self.page_total
        self.printer = pdf_print.new_printer(translate("Afdrukken", "Huisbezoek: voor de bewoner"))
        printer = self.printer
        self.choose_printer(self, printer, pages, lambda: self._print_on(printer, jobs))

    def _print_on(self, printer, jobs) -> None:
        """Print with a progress window and Annuleren; errors show in a message box."""
        self._set_buttons(busy=True)
        show_message(self.error, "")
        self.status.setText("")
        vault, vid = self.ctx.vault, self.visit_id

        def job(progress, cancel) -> int:
            return print_documents(vault, vid, printer, jobs, progress=progress, cancel=cancel)

        def done(pages: int) -> None:
            self.status.setText(
                translate("Afdrukken", "Klaar: {n} pagina's naar de printer gestuurd.").format(
                    n=pages
                )
            )
            self.printed.emit(pages)

        self.progress = ProgressDialog(self, translate("Afdrukken", "Bezig met afdrukken"), job)
        self.progress.succeeded.connect(done)
        self.progress.finished.connect(lambda _result: self._set_buttons())
        self.progress.start()

    # -- saving -----------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("Afdrukken", "Kies een map voor de PDF-bestanden"), str(Path.home())
        )
        if folder:
            self.save_to(Path(folder))

    def save_to(self, folder: Path) -> None:
        """Save one PDF per document into ``folder`` (the same bytes as the preview)."""
        if self._nothing_chosen() or self._example_refused():
            return
        vault, vid = self.ctx.vault, self.visit_id
        summary, chart, topics, leave_out = self._key()
        jobs = list(self._jobs) if self._jobs_key == self._key() else None
        self._set_buttons(busy=True)
        self.status.setText(translate("Afdrukken", "Bezig met opslaan…"))

        def done(paths) -> None:
            self._set_buttons()
            show_message(self.error, "")
            self.status.setText(
                translate("Afdrukken", "{n} bestanden opgeslagen in {map}.").format(
                    n=len(paths), map=str(folder)
                )
            )
            self.saved.emit(paths)

        def failed(exc: BaseException) -> None:
            self._set_buttons()
            self._report(exc)

        run_op(
            self,
            lambda: save_documents(
                vault,
                vid,
                list(topics),
                summary=summary,
                chart=chart,
                folder=folder,
                jobs=jobs,
                leave_out=leave_out,
            ),
            on_done=done,
            on_error=failed,
        )

    def keyPressEvent(self, event) -> None:
        # Enter in a check box ticks nothing and must not start printing by surprise.
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QCheckBox):
            focused.toggle()
            return
        super().keyPressEvent(event)
