"""Show and print the PDF bytes of the printing area: page images in memory, painted on a printer.

QtPdf is not in PySide6's wheels, so PDFium (``pypdfium2``) turns each page into a ``QImage``.
Everything stays in memory: a summary holds personal data and must never land on the disk
unencrypted, not even in a temporary file. Only the volunteer's own "Opslaan als PDF" writes.

The functions here do the slow part (rasterising, painting) and are meant for the worker thread
(``gui/operations.py``); Qt allows painting on a ``QImage`` or a ``QPrinter`` outside the GUI
thread. PDFium itself is not thread-safe, so every call into it holds one lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.errors import UserError
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.widgets import WrapLabel, heading, hint

#: Highest resolution we rasterise for a printer: sharp on paper, about 26 MB per A4 page.
PRINT_DPI = 300
POINTS_PER_INCH = 72.0

_pdfium_lock = threading.Lock()


class PrintFailedError(UserError):
    message_nl = (
        "Afdrukken lukte niet. Staat de printer aan en heeft hij papier? "
        "Probeer het nog eens, of kies Opslaan als PDF."
    )


class UnreadablePdfError(UserError):
    message_nl = "Dit document kon niet worden getoond. Probeer het nog eens."


@dataclass(frozen=True, slots=True)
class PreviewDocument:
    """One document's page images for the preview (made on the worker thread)."""

    title: str
    pages: tuple[QImage, ...]


def _open(pdf: bytes):
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise UnreadablePdfError(f"pdfium could not open a document: {exc}") from exc


def page_count(pdf: bytes) -> int:
    with _pdfium_lock:
        doc = _open(pdf)
        try:
            return len(doc)
        finally:
            doc.close()


def _to_image(page, scale: float) -> QImage:
    bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
    try:
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        )
        return image.copy()  # own the pixels: the bitmap's buffer is freed below
    finally:
        bitmap.close()


def iter_pages(pdf: bytes, *, dpi: float | None = None, width_px: int | None = None):
    """Each page as a ``QImage`` (RGB, white background), one at a time to keep memory low.

    Give either ``dpi`` or ``width_px`` (every page scaled to that width, for previews).
    """
    with _pdfium_lock:
        doc = _open(pdf)
        count = len(doc)
    try:
        for index in range(count):
            with _pdfium_lock:
                page = doc[index]
                try:
                    width_pt = page.get_width()
                    if width_px is not None:
                        scale = width_px / width_pt
                    else:
                        scale = (dpi or 96) / POINTS_PER_INCH
                    image = _to_image(page, scale)
                finally:
                    page.close()
            yield image
    finally:
        with _pdfium_lock:
            doc.close()


def render_pages(pdf: bytes, *, dpi: float | None = None, width_px: int | None = None):
    """Every page as a ``QImage``; see :func:`iter_pages`."""
    return list(iter_pages(pdf, dpi=dpi, width_px=width_px))


def preview_documents(
    documents: Sequence[tuple[str, bytes]], width_px: int
) -> list[PreviewDocument]:
    """Worker job: page images of ``(title, pdf)`` pairs, ``width_px`` wide."""
    return [
        PreviewDocument(title, tuple(iter_pages(pdf, width_px=width_px)))
        for title, pdf in documents
    ]


def new_printer(doc_name: str) -> QPrinter:
    """A printer set up for our documents: A4, the whole sheet (the PDFs have their margins).

    ``doc_name`` shows in the print queue: never a resident's name.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(doc_name)
    printer.setCreator("Huisbezoek")
    return printer


def _chosen_range(printer: QPrinter, total: int) -> range:
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(total, printer.toPage() or total)
        return range(first - 1, last)
    return range(total)


def print_pdfs(
    printer: QPrinter,
    pdfs: Sequence[bytes],
    *,
    max_dpi: int = PRINT_DPI,
    progress: Callable[[float, str], None] | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Paint every page of ``pdfs`` on ``printer``, in order, as one job; returns pages printed.

    Works on the worker thread. The page range chosen in the print dialog counts over the whole
    set (summary and leaflets together). ``progress(fraction, text)`` hears of every page;
    ``cancel`` set between pages aborts the job (:class:`JobCancelled`). Raises
    :class:`PrintFailedError` when the printer refuses.
    """
    from huisbezoek.gui.progress import JobCancelled

    counts = [page_count(pdf) for pdf in pdfs]
    wanted = set(_chosen_range(printer, sum(counts)))
    if not wanted:
        raise PrintFailedError("no pages in the chosen range", message_nl=_NO_PAGES)
    dpi = min(printer.resolution(), max_dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailedError("QPainter.begin on the printer failed")
    printed = 0
    number = 0
    cancelled = False
    try:
        for pdf in pdfs:
            for image in iter_pages(pdf, dpi=dpi):
                number += 1
                if number - 1 not in wanted:
                    continue
                if cancel is not None and cancel.is_set():
                    cancelled = True
                    printer.abort()
                    break
                if printed and not printer.newPage():
                    raise PrintFailedError("QPrinter.newPage failed")
                painter.drawImage(_place(image, dpi, painter, printer), image)
                printed += 1
                if progress is not None:
                    progress(
                        printed / len(wanted),
                        translate("Afdrukken", "Pagina {n} van {totaal} is klaar.").format(
                            n=printed, totaal=len(wanted)
                        ),
                    )
            if cancelled:
                break
    finally:
        ok = painter.end()
    if cancelled:
        raise JobCancelled
    if not ok:
        raise PrintFailedError("QPainter.end on the printer failed")
    return printed


_NO_PAGES = "Er vallen geen pagina's binnen de gekozen pagina's. Kies andere pagina's."


def _place(image: QImage, dpi: float, painter: QPainter, printer: QPrinter) -> QRectF:
    """Where a page image goes on the sheet: true size (A4 on A4), shrunk to fit other paper."""
    sheet = QRectF(painter.viewport())
    res = printer.resolution()
    width = image.width() / dpi * res
    height = image.height() / dpi * res
    shrink = min(1.0, sheet.width() / width, sheet.height() / height)
    width, height = width * shrink, height * shrink
    return QRectF(sheet.x() + (sheet.width() - width) / 2, sheet.y(), width, height)


#: ``choose(parent, printer, page_count, then)``: ask where to print, call ``then()`` to go on.
#: Tests put a function here that sets up a PDF printer without showing the dialog.
PrinterChooser = Callable[[QWidget, QPrinter, int, Callable[[], None]], None]


def ask_printer(parent: QWidget, printer: QPrinter, pages: int, then: Callable[[], None]) -> None:
    """Qt's print dialog (printer, copies, pages) for the whole set; ``then()`` on OK."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("qtPrintDialog")
    dialog.setWindowTitle(translate("Afdrukken", "Afdrukken"))
    dialog.setMinMax(1, max(1, pages))
    dialog.setFromTo(1, max(1, pages))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(then)
    QDialog.open(dialog)  # window-modal, no nested event loop (the idle lock keeps working)


class PagePreview(QScrollArea):
    """Page images of one or more documents under each other, each with its title."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setObjectName("pagePreview")
        self.setAccessibleName(accessible_name)
        self.setAccessibleDescription(
            translate(
                "Afdrukken", "De bladzijden zoals ze op papier komen. Pijltjes: verder bladeren."
            )
        )
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys scroll the pages
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.page_labels: list[QLabel] = []
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._show_widget(QWidget())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self.setMinimumWidth(self.sizeHint().width())

    def showEvent(self, event) -> None:
        # Room for a whole page: never a page cut off at the side.
        self.setMinimumWidth(self.sizeHint().width())
        super().showEvent(event)

    def page_width(self) -> int:
        """Width in device pixels the page images should have: readable, about 45 characters."""
        chars = self.fontMetrics().averageCharWidth() * 45
        room = self.screen().availableGeometry().width() * 0.45  # the choices need room too
        return round(min(max(chars, 420), room) * self.devicePixelRatioF())

    def sizeHint(self) -> QSize:
        width = round(self.page_width() / self.devicePixelRatioF())
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 24
        return QSize(width + extra, width * 3 // 2)

    def _show_widget(self, inner: QWidget) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(inner)

    def show_message(self, text: str) -> None:
        """No pages, a short text instead (busy, nothing chosen)."""
        self.page_labels = []
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(hint(text))
        layout.addStretch(1)
        self._show_widget(inner)

    def show_documents(self, documents: Sequence[PreviewDocument]) -> None:
        self.page_labels = []
        inner = QWidget()
        inner.setObjectName("previewPages")
        layout = QVBoxLayout(inner)
        layout.setSpacing(12)
        ratio = self.devicePixelRatioF()
        for doc in documents:
            if len(documents) > 1:
                layout.addWidget(heading(doc.title, "subheading"))
            total = len(doc.pages)
            for number, image in enumerate(doc.pages, start=1):
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(ratio)
                label = QLabel()
                label.setPixmap(pixmap)
                label.setFrameShape(QFrame.Shape.Box)  # a white page on a white window
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                name = translate("Afdrukken", "{titel}, pagina {n} van {totaal}").format(
                    titel=doc.title, n=number, totaal=total
                )
                label.setAccessibleName(name)
                label.setToolTip(name)
                layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                self.page_labels.append(label)
        layout.addStretch(1)
        self._show_widget(inner)


@dataclass(frozen=True)
class PrintButtons:
    print: QPushButton
    save: QPushButton
    close: QPushButton


def print_buttons(
    dialog: QDialog, print_tip: str, on_print: Callable[[], None], on_save: Callable[[], None]
) -> PrintButtons:
    """The buttons of every print dialog: print (the default, Ctrl+P; Enter in a list passes
    on to it), save as PDF and close; print and save start disabled until there is a preview."""
    print_button = QPushButton(translate("Afdrukken", "&Afdrukken…"))
    print_button.setObjectName("printButton")
    print_button.setProperty("role", "primary")
    print_button.setDefault(True)
    print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_button.setToolTip(print_tip)
    print_button.clicked.connect(on_print)
    save_button = QPushButton(translate("Afdrukken", "Opslaan als &PDF…"))
    save_button.setObjectName("saveButton")
    save_button.clicked.connect(on_save)
    close = QPushButton(translate("Afdrukken", "S&luiten"))
    close.clicked.connect(dialog.reject)
    for button in (print_button, save_button):
        button.setEnabled(False)
    return PrintButtons(print_button, save_button, close)


def enlarge(dialog: QWidget) -> None:
    """Most of the screen's height for a dialog with a page preview: the pages are the point."""
    screen = dialog.screen().availableGeometry()
    width = min(screen.width() - 40, max(dialog.width(), dialog.sizeHint().width()))
    height = min(screen.height() - 40, max(dialog.height(), round(screen.height() * 0.9)))
    dialog.resize(width, height)


class StaleWarning(QFrame):
    """A banner with :func:`stale_warning` text; hidden when there is nothing to warn about.

    Its label is a :class:`WrapLabel`, so the banner grows with the text at 200% instead of
    cutting lines off (a plain word-wrapping label in a frame does not ask for the height).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("staleWarning")
        self.setProperty("role", "banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = WrapLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()


def stale_warning(titles_and_dates: Sequence[tuple[str, str, str]]) -> str:
    """The volunteer's warning for contacts not checked for a year: (leaflet, service, date)."""
    if not titles_and_dates:
        return ""
    lines = [
        translate(
            "Afdrukken",
            "Let op: deze contactgegevens zijn meer dan een jaar niet nagekeken. "
            "Klopt het nog? Vraag het anders aan de coördinator.",
        )
    ]
    for leaflet, service, checked in titles_and_dates:
        lines.append(
            translate("Afdrukken", "• {folder}: {dienst} (nagekeken op {datum})").format(
                folder=leaflet, dienst=service, datum=checked
            )
        )
    return "\n".join(lines)


def stale_contacts(topics) -> list[tuple[str, str, str]]:
    """Worker job: (leaflet title, service, date checked) for contacts older than 12 months."""
    from datetime import date

    from huisbezoek.printing import (
        date_nl,
        leaflet_contacts,
        load_directory,
        load_leaflets,
        stale_services,
    )

    leaflets = load_leaflets()
    directory = load_directory()
    today = date.today()
    found = []
    for topic in topics:
        leaflet = leaflets[topic]
        for service in stale_services(leaflet_contacts(leaflet, directory), today):
            found.append((leaflet.title, service.name, date_nl(service.last_checked)))
    return found
