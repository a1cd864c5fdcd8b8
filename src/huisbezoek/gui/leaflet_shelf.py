"""The leaflet shelf: look at any leaflet and print or save it, without a visit.

Leaflets hold no personal data, so the shelf needs no open vault and stays open when the app
locks. A leaflet whose contacts were not checked for a year gets a warning for the volunteer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.gui import pdf_print
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op, show_problem
from huisbezoek.gui.progress import ProgressDialog
from huisbezoek.gui.widgets import button_row, error_label, heading, hint, show_message

PREVIEW_DELAY_MS = 150


def load_titles() -> dict[Any, str]:
    """Worker job: every leaflet's title, in the shipped order."""
    from huisbezoek.printing import load_leaflets

    return {topic: leaflet.title for topic, leaflet in load_leaflets().items()}


def render_one(topic, width_px: int):
    """Worker job: the leaflet's PDF bytes, its page images and the stale-contact warnings."""
    from huisbezoek.printing import load_directory, load_leaflets, render_leaflet
    from huisbezoek.services.letterhead import organisation_of

    directory = load_directory()
    leaflets = load_leaflets()
    pdf = render_leaflet(
        topic, directory, organisation=organisation_of(directory), leaflets=leaflets
    )
    pages = pdf_print.preview_documents([(leaflets[topic].title, pdf)], width_px)
    return pdf, pages, pdf_print.stale_contacts([topic])


def file_name(title: str) -> str:
    return (re.sub(r"[^0-9A-Za-z._-]+", "-", title).strip("-").lower() or "folder") + ".pdf"


class LeafletShelf(BaseDialog):
    """Every leaflet by title; the chosen one previewed, printed or saved as PDF."""

    shows_personal_data = False
    printed = Signal(int)
    saved = Signal(object)  # the path

    def __init__(self, parent, ctx=None) -> None:
        super().__init__(parent, "leafletShelf", ctx)
        self.setWindowTitle(translate("Folders", "Folders afdrukken"))
        #: Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).
        self.choose_printer: pdf_print.PrinterChooser = pdf_print.ask_printer
        self.printer: Any = None
        self.progress: ProgressDialog | None = None
        self.pdf: bytes | None = None
        self.pdf_topic: Any = None
        self.page_total = 0
        self._generation = 0

        self.list = QListWidget()
        self.list.setObjectName("leafletList")
        self.list.setAccessibleName(translate("Folders", "Lijst van folders"))
        self.list.setAccessibleDescription(
            translate("Folders", "Pijltjes: een andere folder. Rechts ziet u hoe die eruitziet.")
        )
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._current_changed)
        self.stale = pdf_print.StaleWarning()
        self.stale.setAccessibleName(translate("Folders", "Waarschuwing over contactgegevens"))
        self.preview = pdf_print.PagePreview(translate("Folders", "Voorbeeld van de folder"))
        self.preview.show_message(translate("Folders", "Even geduld…"))
        self.status = hint()
        self.error = error_label()

        # Enter in the list prints (the list passes Enter on to the dialog's default button);
        # not "item activated", which some desktops fire on a single click.
        buttons = pdf_print.print_buttons(
            self,
            translate("Folders", "Deze folder afdrukken (Ctrl+P)"),
            self.start_print,
            self.choose_file,
        )
        self.print_button, self.save_button, close = buttons.print, buttons.save, buttons.close

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)

        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        choose = heading(translate("Folders", "Kies een folder"), "subheading")
        left_col.addWidget(choose)
        left_col.addWidget(
            hint(translate("Folders", "Met de pijltjes kiest u een folder. Enter drukt hem af."))
        )
        left_col.addWidget(self.list, 1)
        left_col.addWidget(self.stale)
        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        right_col.addWidget(heading(translate("Folders", "Zo ziet de folder eruit"), "subheading"))
        right_col.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addWidget(left, 2)
        body.addWidget(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(button_row(self.print_button, self.save_button, close))
        self.setTabOrder(self.list, self.preview)
        self.setTabOrder(self.preview, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.setTabOrder(self.save_button, close)
        self.list.setFocus()

        run_op(self, load_titles, on_done=self._show_titles, on_error=self._report)

    def _show_titles(self, titles: dict[Any, str]) -> None:
        for topic, title in titles.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, topic)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.list.addItem(item)
        # Every title whole, without a sideways scroll bar.
        frame = 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
        self.list.setMinimumWidth(self.list.sizeHintForColumn(0) + frame + 8)
        self.fit_to_content()
        if self.list.count():
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def fit_to_content(self) -> None:
        super().fit_to_content()
        pdf_print.enlarge(self)

    def topics(self) -> list[Any]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def current_topic(self) -> Any:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select(self, topic) -> None:
        """Choose a leaflet by topic (the preview follows)."""
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == topic:
                self.list.setCurrentRow(i)
                return
        raise KeyError(topic)

    def _current_changed(self, *_args) -> None:
        self._set_buttons(False)
        self._timer.start()

    def _set_buttons(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def refresh_preview(self) -> None:
        self._timer.stop()
        topic = self.current_topic()
        if topic is None:
            return
        self._generation += 1
        generation = self._generation
        width = self.preview.page_width()

        def done(result) -> None:
            if generation != self._generation:
                return
            self.pdf, pages, stale = result
            self.pdf_topic = topic
            self.page_total = sum(len(doc.pages) for doc in pages)
            self.preview.show_documents(pages)
            self.stale.setText(pdf_print.stale_warning(stale))
            self._set_buttons(True)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.preview.show_message("")
                self._report(exc)

        run_op(self, lambda: render_one(topic, width), on_done=done, on_error=failed)

    @property
    def ready(self) -> bool:
        """True when the preview shows the chosen leaflet and it can be printed."""
        return self.pdf is not None and self.pdf_topic == self.current_topic()

    def _report(self, exc: BaseException) -> None:
        self.status.setText("")
        show_problem(self, self.error, exc)

    def start_print(self) -> None:
        if not self.ready or self.pdf is None:
            return
        pdf = self.pdf
        self.printer = pdf_print.new_printer(translate("Folders", "Huisbezoek: folder"))
        printer = self.printer
        self.choose_printer(self, printer, self.page_total, lambda: self._print_on(printer, pdf))

    def _print_on(self, printer, pdf: bytes) -> None:
        """Print with a progress window and Annuleren; errors show in a message box."""
        self._set_buttons(False)
        show_message(self.error, "")
        self.status.setText("")

        def job(progress, cancel) -> int:
            return pdf_print.print_pdfs(printer, [pdf], progress=progress, cancel=cancel)

        def done(pages: int) -> None:
            self.status.setText(
                translate("Folders", "Klaar: {n} pagina's naar de printer gestuurd.").format(
                    n=pages
                )
            )
            self.printed.emit(pages)

        self.progress = ProgressDialog(self, translate("Folders", "Bezig met afdrukken"), job)
        self.progress.succeeded.connect(done)
        self.progress.finished.connect(lambda _result: self._set_buttons(self.ready))
        self.progress.start()

    def choose_file(self) -> None:
        if not self.ready:
            return
        title = self.list.currentItem().text()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("Folders", "Folder opslaan als PDF"),
            str(Path.home() / file_name(title)),
            translate("Folders", "PDF-bestanden (*.pdf)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        if not self.ready or self.pdf is None:
            return
        from huisbezoek.printing import save_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        pdf = self.pdf

        def done(_result) -> None:
            show_message(self.error, "")
            self.status.setText(translate("Folders", "Opgeslagen: {pad}").format(pad=str(path)))
            self.saved.emit(path)

        run_op(self, lambda: save_pdf(path, pdf), on_done=done, on_error=self._report)
