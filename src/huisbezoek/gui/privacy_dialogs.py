"""Privacy on the volunteer's laptop: erase a resident (with a confirmation that names what
goes), show the resident everything held about them (a large-print overview to print or save),
and look at what the retention period removes (and remove it now).

The work runs in ``services.privacy``; these dialogs only ask, show and report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QListWidget, QPushButton, QVBoxLayout

from huisbezoek.gui import pdf_print
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op, show_problem
from huisbezoek.gui.progress import ProgressDialog
from huisbezoek.gui.widgets import button_row, error_label, heading, hint


class EraseDialog(BaseDialog):
    """'<name> wissen?': lists what goes, and erases only after an explicit 'Ja, wissen'.

    The safe choice ("Niet wissen") has the focus and is what Enter and Escape do."""

    erased = Signal(object)  # the ErasureScope of what went

    def __init__(self, parent, ctx, scope) -> None:
        super().__init__(parent, "eraseResident", ctx)
        self.scope = scope
        self.setWindowTitle(translate("Wissen", "Bewoner wissen"))
        title = heading(translate("Wissen", "{naam} wissen?").format(naam=scope.name))
        intro = hint(
            translate(
                "Wissen",
                "Doe dit alleen als de bewoner erom vraagt. Dit haalt alles over deze bewoner "
                "van de laptop. Het kan niet ongedaan worden gemaakt.",
            )
        )
        intro.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("eraseList")
        self.items.setAccessibleName(translate("Wissen", "Wat er wordt gewist"))
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for line in scope.lines_nl():
            self.items.addItem(line)
        # Exactly as tall as its lines: nothing hidden, no empty box below them.
        rows = self.items.sizeHintForRow(0) * self.items.count() + 2 * self.items.frameWidth()
        self.items.setFixedHeight(rows + self.items.spacing() * 2 + 4)
        notes = []
        if scope.shared_signals:
            notes.append(
                translate(
                    "Wissen",
                    "De coördinator heeft {n} signaal of signalen van deze bewoner. Bij uw "
                    "volgende export krijgt de coördinator het bericht om die ook te wissen.",
                ).format(n=scope.shared_signals)
            )
        notes.append(
            translate(
                "Wissen",
                "Reservekopieën die u eerder maakte, bevatten de bewoner nog. Gooi die weg of "
                "maak na het wissen een nieuwe.",
            )
        )
        self.notes = hint("\n\n".join(notes))
        self.notes.setWordWrap(True)
        self.error = error_label()
        self.keep_button = QPushButton(translate("Wissen", "&Niet wissen"))
        self.keep_button.setObjectName("keepButton")
        self.keep_button.setDefault(True)
        self.keep_button.setAutoDefault(True)
        self.keep_button.clicked.connect(self.reject)
        self.erase_button = QPushButton(translate("Wissen", "&Ja, alles wissen"))
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setAutoDefault(False)
        self.erase_button.setAccessibleName(
            translate("Wissen", "Ja, alles over {naam} wissen").format(naam=scope.name)
        )
        self.erase_button.clicked.connect(self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(heading(translate("Wissen", "Dit wordt gewist"), "subheading"))
        layout.addWidget(self.items)
        layout.addWidget(self.notes)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(button_row(self.keep_button, right=(self.erase_button,)))
        self.keep_button.setFocus()

    def confirm(self) -> None:
        vault = self.ctx.vault if self.ctx is not None else None
        if vault is None:
            return
        from huisbezoek.services import privacy

        rid = self.scope.resident_id
        self.erase_button.setEnabled(False)
        self.keep_button.setEnabled(False)

        def done(scope) -> None:
            self.erased.emit(scope)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.erase_button.setEnabled(True)
            self.keep_button.setEnabled(True)
            show_problem(self, self.error, exc)

        run_op(self, lambda: privacy.erase_resident(vault, rid), on_done=done, on_error=failed)


def _file_name(name: str) -> str:
    stem = re.sub(r"[^0-9A-Za-z._-]+", "-", name).strip("-").lower() or "bewoner"
    return f"inzage-{stem}.pdf"


class AccessDialog(BaseDialog):
    """The overview 'Wat wij over u bewaren' for one resident: preview, print, save."""

    printed = Signal(int)
    saved = Signal(object)

    def __init__(self, parent, ctx, resident_id: int, name: str) -> None:
        super().__init__(parent, "subjectAccess", ctx)
        self.resident_id = resident_id
        self.name = name
        self.pdf: bytes | None = None
        self.page_total = 0
        self.printer: Any = None
        self.progress: ProgressDialog | None = None
        #: Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).
        self.choose_printer: pdf_print.PrinterChooser = pdf_print.ask_printer
        self.setWindowTitle(
            translate("Inzage", "Inzage: wat de laptop over {naam} bewaart").format(naam=name)
        )
        explain = hint(
            translate(
                "Inzage",
                "Dit overzicht is voor de bewoner. Het bevat alles wat deze laptop over de "
                "bewoner bewaart. Druk het af of sla het op en geef het aan de bewoner.",
            )
        )
        explain.setWordWrap(True)
        self.preview = pdf_print.PagePreview(translate("Inzage", "Voorbeeld van het overzicht"))
        self.preview.show_message(translate("Inzage", "Even geduld…"))
        self.status = hint()
        self.error = error_label()
        buttons = pdf_print.print_buttons(
            self, translate("Inzage", "Het overzicht afdrukken (Ctrl+P)"), self.start_print,
            self.choose_file,
        )  # fmt: skip
        self.print_button, self.save_button, close = buttons.print, buttons.save, buttons.close
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(button_row(self.print_button, self.save_button, close))
        self.refresh()

    def fit_to_content(self) -> None:
        super().fit_to_content()
        pdf_print.enlarge(self)
        # Wide enough that the page preview is readable at any text size.
        room = self.screen().availableGeometry().width() - 40
        self.resize(min(room, max(self.width(), self.fontMetrics().averageCharWidth() * 70)),
                    self.height())  # fmt: skip

    def refresh(self) -> None:
        vault = self.ctx.vault if self.ctx is not None else None
        if vault is None:
            return
        from huisbezoek.services import privacy

        rid, width = self.resident_id, self.preview.page_width()

        def job():
            pdf = privacy.subject_access_pdf(vault, rid)
            title = translate("Inzage", "Wat wij over u bewaren")
            return pdf, pdf_print.preview_documents([(title, pdf)], width)

        def done(result) -> None:
            self.pdf, pages = result
            self.page_total = sum(len(doc.pages) for doc in pages)
            self.preview.show_documents(pages)
            self.print_button.setEnabled(True)
            self.save_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.preview.show_message("")
            show_problem(self, self.error, exc)

        run_op(self, job, on_done=done, on_error=failed)

    def start_print(self) -> None:
        if self.pdf is None:
            return
        pdf = self.pdf
        self.printer = pdf_print.new_printer(translate("Inzage", "Huisbezoek: inzage"))
        printer = self.printer
        self.choose_printer(self, printer, self.page_total, lambda: self._print_on(printer, pdf))

    def _print_on(self, printer, pdf: bytes) -> None:
        def job(progress, cancel) -> int:
            return pdf_print.print_pdfs(printer, [pdf], progress=progress, cancel=cancel)

        def done(pages: int) -> None:
            self.status.setText(
                translate("Inzage", "Klaar: {n} pagina's naar de printer gestuurd.").format(n=pages)
            )
            self.printed.emit(pages)

        self.progress = ProgressDialog(self, translate("Inzage", "Bezig met afdrukken"), job)
        self.progress.succeeded.connect(done)
        self.progress.start()

    def choose_file(self) -> None:
        if self.pdf is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("Inzage", "Overzicht opslaan als PDF"),
            str(Path.home() / _file_name(self.name)),
            translate("Inzage", "PDF-bestanden (*.pdf)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if self.pdf is None:
            return
        from huisbezoek.printing import save_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        pdf = self.pdf

        def done(_result) -> None:
            self.status.setText(translate("Inzage", "Opgeslagen: {pad}").format(pad=str(path)))
            self.saved.emit(path)

        run_op(self, lambda: save_pdf(path, pdf), on_done=done,
               on_error=lambda exc: show_problem(self, self.error, exc))  # fmt: skip


class RetentionDialog(BaseDialog):
    """What the retention period removes now (the same list the next unlock removes), and a
    button to remove exactly that list at once."""

    purged = Signal(object)  # RetentionResult

    def __init__(self, parent, ctx) -> None:
        super().__init__(parent, "retention", ctx)
        self.preview_data: Any = None
        self.setWindowTitle(translate("Bewaren", "Bewaartermijn"))
        self.title = heading(translate("Bewaren", "Wat weg mag"))
        self.explain = hint()
        self.explain.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("retentionList")
        self.items.setWordWrap(True)
        self.items.setAccessibleName(translate("Bewaren", "Bewoners die worden weggehaald"))
        self.error = error_label()
        self.purge_button = QPushButton(translate("Bewaren", "Nu &weghalen"))
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.purge)
        close = QPushButton(translate("Bewaren", "S&luiten"))
        close.setDefault(True)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.error)
        layout.addWidget(button_row(close, right=(self.purge_button,)))
        self.refresh()

    def refresh(self) -> None:
        vault = self.ctx.vault if self.ctx is not None else None
        if vault is None:
            return
        from huisbezoek.services import privacy

        run_op(self, lambda: privacy.retention_preview(vault), on_done=self._show,
               on_error=lambda exc: show_problem(self, self.error, exc))  # fmt: skip

    def _show(self, preview) -> None:
        self.preview_data = preview
        self.explain.setText(
            translate(
                "Bewaren",
                "Uw organisatie bewaart gegevens op deze laptop {n} maanden. Bewoners die "
                "geen bezoek wilden of niet bereikt zijn, en gesprekken die de coördinator heeft "
                "ontvangen, worden daarna weggehaald. Dat gebeurt vanzelf als u de kluis opent.",
            ).format(n=preview.months)
        )
        self.items.clear()
        for item in preview.items:
            lines = [
                translate("Bewaren", "{naam}: {reden} (laatst iets gedaan op {datum})").format(
                    naam=item.scope.name,
                    reden=item.reason_nl,
                    datum=item.last_activity.strftime("%d-%m-%Y"),
                ),
                "   " + "; ".join(item.scope.lines_nl()[1:]) if item.scope.lines_nl()[1:] else "",
            ]
            self.items.addItem("\n".join(line for line in lines if line))
        if not preview.items:
            self.items.addItem(translate("Bewaren", "Er hoeft nu niets weg."))
        self.purge_button.setEnabled(bool(preview.items))

    def purge(self) -> None:
        vault = self.ctx.vault if self.ctx is not None else None
        if vault is None or self.preview_data is None:
            return
        from huisbezoek.services import privacy

        ids = self.preview_data.resident_ids
        self.purge_button.setEnabled(False)

        def done(result) -> None:
            self.purged.emit(result)
            self.refresh()

        run_op(self, lambda: privacy.run_retention(vault, only=ids), on_done=done,
               on_error=lambda exc: show_problem(self, self.error, exc))  # fmt: skip
