"""Printing from the screens: the visit's print dialog and the leaflet shelf, through a QPrinter.

The Qt print dialog is replaced by a function that points the printer at a PDF file in
``tmp_path``; everything else (rendering with PDFium, painting the pages) is the real path.
"""

from __future__ import annotations

import io
import tempfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QWidget

from huisbezoek.domain import LeafletTopic, VisitStatus
from huisbezoek.forms import FormState
from huisbezoek.gui import pdf_print
from huisbezoek.gui.context import AppContext
from huisbezoek.gui.leaflet_shelf import LeafletShelf
from huisbezoek.gui.operations import last_errors
from huisbezoek.gui.print_dialog import PrintDialog
from huisbezoek.gui.progress import JobCancelled
from huisbezoek.printing import load_directory, render_leaflet
from huisbezoek.services import documents, review, visit_resume
from huisbezoek.services import residents as residents_svc
from huisbezoek.services.letterhead import organisation_of
from huisbezoek.services.settings import Settings
from huisbezoek.services.startup import set_volunteer_name
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams
from huisbezoek.vault.models import Visit

from .conftest import wait_op_idle


def pages_in(pdf: bytes | Path) -> int:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def scratch_tmp(tmp_path, monkeypatch):
    """A temp folder of its own, so the test can see that nothing was written into it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def visit(tmp_path):
    vault, _ = Vault.create(tmp_path / "vault", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    set_volunteer_name(vault, "Gerda Mulder")
    rid = residents_svc.add_resident(vault, residents_svc.ResidentInput(name="Jan Verzonnen"))
    form = visit_resume.default_form()
    opened = visit_resume.start_or_resume(vault, rid, form)
    answers: dict[str, object] = {
        "bezoekdatum": date(2026, 11, 20),
        "toestemming_gesprek": True,
        "gevallen": True,
        "val_aantal": 3,
        "val_letsel": True,
    }
    ratings = iter([7, 4, 6, 5, 3, 8])
    for section in form.sections:
        for question in section.questions:
            if getattr(question, "wellbeing_domain", None):
                answers[question.id] = next(ratings)
    for qid, value in answers.items():
        visit_resume.save_answer(vault, opened.visit_id, qid, value)
    review.sync_signals(vault, opened.visit_id, FormState(form, answers).evaluation.signals)
    yield vault, opened.visit_id
    vault.close()


@pytest.fixture
def ctx(tmp_path):
    return AppContext(settings=Settings(), settings_file=tmp_path / "settings.json")


def pdf_printer_to(path: Path, calls: list[int], *, page_range: tuple[int, int] | None = None):
    """Stands in for Qt's print dialog: the volunteer picks "print to PDF file" and OK."""

    def choose(parent, printer: QPrinter, pages: int, then) -> None:
        calls.append(pages)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        if page_range is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*page_range)
        then()

    return choose


def open_print_dialog(qtbot, ctx, vault, visit_id, *, asked: list[int] | None = None):
    """The dialog; printing with the demo sociale kaart is confirmed ("Toch afdrukken") and
    each question is counted in ``asked``."""
    ctx.vault = vault
    dlg = PrintDialog(None, ctx, visit_id)
    dlg.confirm_example = lambda parent: (asked.append(1) if asked is not None else None) or True
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitUntil(dlg.print_button.isEnabled, timeout=20_000)
    return dlg


def wait_preview(qtbot, dlg) -> None:
    qtbot.waitUntil(lambda: dlg.preview_ready and dlg.print_button.isEnabled(), timeout=20_000)


def pdfs_below(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"]


def test_visit_set_prints_in_one_job_and_is_recorded_after(
    qtbot, ctx, visit, tmp_path, isolated_home, scratch_tmp
):
    vault, visit_id = visit
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    assert LeafletTopic.VALLEN in dlg.chosen_topics()  # suggested by the fall signal
    dlg.chart.setChecked(True)
    dlg.checks[LeafletTopic.ONTMOETING].setChecked(True)
    wait_preview(qtbot, dlg)
    jobs = list(dlg._jobs)
    assert next(j.topic for j in jobs) is None  # the summary comes first
    expected = sum(pages_in(j.pdf) for j in jobs)
    assert len(jobs) == 1 + len(dlg.chosen_topics())
    assert len(dlg.preview.page_labels) == expected  # every page previewed
    assert all(lbl.pixmap().width() >= 300 for lbl in dlg.preview.page_labels)
    assert documents.leaflets_given(vault, visit_id) == []

    out = tmp_path / "out" / "afdruk.pdf"
    out.parent.mkdir()
    calls: list[int] = []
    dlg.choose_printer = pdf_printer_to(out, calls)
    with qtbot.waitSignal(dlg.printed, timeout=60_000) as printed:
        qtbot.mouseClick(dlg.print_button, Qt.MouseButton.LeftButton)
    assert calls == [expected]  # one dialog for the whole set
    assert printed.args == [expected]
    reader = PdfReader(out)
    assert len(reader.pages) == expected
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert sorted(documents.leaflets_given(vault, visit_id)) == sorted(dlg.chosen_topics())
    # Nothing but the chosen file: no PDF in the data folder, nothing in the temp folder.
    assert pdfs_below(isolated_home) == []
    assert list(scratch_tmp.iterdir()) == []
    assert pdfs_below(tmp_path) == [out]


def test_page_range_counts_over_the_whole_set(qtbot, ctx, visit, tmp_path):
    vault, visit_id = visit
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    wait_preview(qtbot, dlg)
    assert dlg.page_total >= 3
    out = tmp_path / "deel.pdf"
    dlg.choose_printer = pdf_printer_to(out, [], page_range=(2, 3))
    with qtbot.waitSignal(dlg.printed, timeout=60_000):
        dlg.start_print()
    assert pages_in(out) == 2


def test_cancelled_or_failed_print_records_nothing(qtbot, ctx, visit, tmp_path):
    vault, visit_id = visit
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    wait_preview(qtbot, dlg)
    cancelled: list[int] = []
    dlg.choose_printer = lambda parent, printer, pages, then: cancelled.append(pages)
    dlg.start_print()
    wait_op_idle(qtbot)
    assert cancelled and documents.leaflets_given(vault, visit_id) == []

    # A printer that cannot start (here: a PDF file in a folder that does not exist).
    dlg.choose_printer = pdf_printer_to(tmp_path / "weg" / "nergens.pdf", [])
    dlg.start_print()
    qtbot.waitUntil(lambda: pdf_print.PrintFailedError.message_nl in last_errors(), timeout=20_000)
    qtbot.waitUntil(dlg.print_button.isEnabled, timeout=5_000)
    assert documents.leaflets_given(vault, visit_id) == []
    assert dlg.print_button.isEnabled()  # the volunteer can try again


def test_save_as_pdf_writes_the_previewed_documents(qtbot, ctx, visit, tmp_path, isolated_home):
    vault, visit_id = visit
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    wait_preview(qtbot, dlg)
    previewed = [j.pdf for j in dlg._jobs]
    folder = tmp_path / "map"
    folder.mkdir()
    with qtbot.waitSignal(dlg.saved, timeout=20_000) as saved:
        dlg.save_to(folder)
    paths = saved.args[0]
    assert [p.read_bytes() for p in paths] == previewed
    assert all(p.stat().st_mode & 0o077 == 0 for p in paths)  # the owner's only
    assert documents.leaflets_given(vault, visit_id) == ["vallen", "bewegen"]
    assert pdfs_below(isolated_home) == []


def test_stale_contacts_warn_the_volunteer_not_the_resident(qtbot, ctx, visit):
    vault, visit_id = visit
    stale = pdf_print.stale_contacts(list(LeafletTopic))
    assert stale, "the demo sociale kaart has contacts checked more than a year ago"
    stale_titles = {title for title, _service, _checked in stale}
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    for check in dlg.checks.values():
        check.setChecked(check.text() in stale_titles)
    wait_preview(qtbot, dlg)
    assert dlg.stale.isVisible()
    text = dlg.stale.text()
    for title, service, checked in stale:
        assert title in text and service in text and checked in text
    # The same words never reach the paper.
    printed = "\n".join(
        page.extract_text() for j in dlg._jobs for page in PdfReader(io.BytesIO(j.pdf)).pages
    )
    assert "meer dan een jaar" not in printed
    assert text.splitlines()[0] not in printed
    # Nothing stale chosen: no warning.
    for check in dlg.checks.values():
        check.setChecked(False)
    wait_preview(qtbot, dlg)
    assert not dlg.stale.isVisible()


def test_nothing_chosen_says_so(qtbot, ctx, visit):
    vault, visit_id = visit
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    dlg.summary.setChecked(False)
    for check in dlg.checks.values():
        check.setChecked(False)
    qtbot.waitUntil(lambda: dlg.preview_ready, timeout=10_000)
    assert not dlg.print_button.isEnabled() and not dlg.save_button.isEnabled()
    dlg.save_to(Path("/nonexistent"))
    assert dlg.error.isVisible()


def test_only_suggested_and_recorded_leaflets_are_ticked(qtbot, ctx, visit):
    vault, visit_id = visit
    visit_resume.save_answer(vault, visit_id, "folders", ["geheugen"])
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    # The fall rule names vallen and bewegen; geheugen was noted as given on the form.
    assert dlg.chosen_topics() == ["vallen", "bewegen", "geheugen"]
    assert len(dlg.checks) == 11  # every leaflet can still be ticked by hand


def test_example_sociale_kaart_is_marked_and_printing_asks_first(qtbot, ctx, visit, tmp_path):
    vault, visit_id = visit
    asked: list[int] = []
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id, asked=asked)
    assert dlg.example_banner.isVisible()
    assert "Voorbeeld" in dlg.example_banner.label.text()
    wait_preview(qtbot, dlg)
    summary = PdfReader(io.BytesIO(dlg._jobs[0].pdf))
    assert all("VOORBEELD" in page.extract_text() for page in summary.pages)
    # The volunteer says "Niet afdrukken": no printer dialog, nothing recorded.
    dlg.confirm_example = lambda parent: asked.append(1) or False
    calls: list[int] = []
    dlg.choose_printer = pdf_printer_to(tmp_path / "niet.pdf", calls)
    qtbot.mouseClick(dlg.print_button, Qt.MouseButton.LeftButton)
    assert asked == [1] and calls == []
    dlg.save_to(tmp_path)
    assert asked == [1, 1] and pdfs_below(tmp_path) == []
    assert documents.leaflets_given(vault, visit_id) == []
    # In the demo vault (fictional residents) nobody is asked.
    ctx.is_demo = True
    with qtbot.waitSignal(dlg.printed, timeout=60_000):
        dlg.choose_printer = pdf_printer_to(tmp_path / "demo.pdf", calls)
        dlg.start_print()
    assert asked == [1, 1]


def test_leaving_a_part_out_changes_the_paper(qtbot, ctx, visit):
    vault, visit_id = visit
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    wait_preview(qtbot, dlg)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(dlg._jobs[0].pdf)).pages)
    assert "Bewegen en vallen" in text and "Cursus Stevig Staan" in text
    labels = {c.text(): key for key, c in dlg.part_checks.items()}
    assert "Bewegen en vallen" in labels and "Hulp bij vallen" in labels
    # Untick by keyboard, as the volunteer would: focus the box and press space.
    for label in ("Bewegen en vallen", "Hulp bij vallen"):
        check = dlg.part_checks[labels[label]]
        check.setFocus()
        qtbot.keyClick(check, Qt.Key.Key_Space)
        assert not check.isChecked()
    wait_preview(qtbot, dlg)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(dlg._jobs[0].pdf)).pages)
    assert "Bewegen en vallen" not in text and "Cursus Stevig Staan" not in text


def test_summary_is_off_when_paper_at_home_could_be_unsafe(qtbot, ctx, visit):
    vault, visit_id = visit
    form = visit_resume.open_visit(vault, visit_id).form
    answers = {**visit_resume.open_visit(vault, visit_id).answers, "geld_misbruik": True}
    visit_resume.save_answer(vault, visit_id, "geld_misbruik", True)
    review.sync_signals(vault, visit_id, FormState(form, answers).evaluation.signals)
    dlg = open_print_dialog(qtbot, ctx, vault, visit_id)
    assert not dlg.summary.isChecked()
    assert dlg.unsafe_warning.isVisible()
    assert "veilig_ouder" in dlg.chosen_topics()
    wait_preview(qtbot, dlg)
    assert all(job.topic is not None for job in dlg._jobs)  # leaflets only, no summary


# -- the leaflet shelf ------------------------------------------------------------------------


def open_shelf(qtbot, ctx=None) -> LeafletShelf:
    shelf = LeafletShelf(None, ctx)
    qtbot.addWidget(shelf)
    shelf.open()
    qtbot.waitUntil(lambda: shelf.ready, timeout=20_000)
    return shelf


def test_shelf_lists_every_leaflet_and_previews_the_chosen_one(qtbot, ctx):
    shelf = open_shelf(qtbot, ctx)  # no vault: leaflets need none
    assert shelf.topics()[: len(LeafletTopic)] == list(LeafletTopic)
    assert shelf.topics()[len(LeafletTopic) :] == ["geheugen", "later"]  # leaflets as data
    assert shelf.list.hasFocus()
    first = shelf.current_topic()
    # Arrow down chooses the next leaflet; the preview follows.
    qtbot.keyClick(shelf.list, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shelf.ready and shelf.current_topic() != first, timeout=20_000)
    assert shelf.pdf is not None
    assert len(shelf.preview.page_labels) == pages_in(shelf.pdf) == shelf.page_total
    names = [lbl.accessibleName() for lbl in shelf.preview.page_labels]
    assert names[0].endswith(f"pagina 1 van {shelf.page_total}")


def test_shelf_prints_and_saves_a_leaflet(qtbot, ctx, tmp_path, isolated_home, scratch_tmp):
    shelf = open_shelf(qtbot, ctx)
    shelf.select(LeafletTopic.VALLEN)
    qtbot.waitUntil(lambda: shelf.ready, timeout=20_000)
    directory = load_directory()
    expected_pdf = render_leaflet(
        LeafletTopic.VALLEN, directory, organisation=organisation_of(directory)
    )
    assert shelf.pdf == expected_pdf
    assert shelf.stale.isVisible()  # the demo physiotherapist was checked long ago
    out = tmp_path / "folder.pdf"
    calls: list[int] = []
    shelf.choose_printer = pdf_printer_to(out, calls)
    with qtbot.waitSignal(shelf.printed, timeout=60_000):
        qtbot.keyClick(shelf, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls == [pages_in(expected_pdf)]
    assert pages_in(out) == pages_in(expected_pdf)
    saved_path = tmp_path / "bewaard"
    with qtbot.waitSignal(shelf.saved, timeout=20_000) as saved:
        shelf.save_to(saved_path)
    assert saved.args[0] == tmp_path / "bewaard.pdf"
    assert saved.args[0].read_bytes() == expected_pdf
    assert pdfs_below(isolated_home) == []
    assert list(scratch_tmp.iterdir()) == []


def test_shelf_is_keyboard_operable_with_accessible_names(qtbot, ctx):
    shelf = open_shelf(qtbot, ctx)
    for widget in (shelf.list, shelf.preview, shelf.stale):
        assert widget.accessibleName()
    buttons = shelf.findChildren(QAbstractButton)
    assert all(b.text() for b in buttons)
    assert shelf.print_button.shortcut().toString() == "Ctrl+P"
    asked: list[int] = []
    shelf.choose_printer = lambda parent, printer, pages, then: asked.append(pages)
    qtbot.mouseClick(
        shelf.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=shelf.list.visualItemRect(shelf.list.item(1)).center(),
    )
    qtbot.waitUntil(lambda: shelf.ready and shelf.list.currentRow() == 1, timeout=20_000)
    assert asked == []  # a click only chooses
    qtbot.keyClick(shelf.list, Qt.Key.Key_Return)
    assert asked == [shelf.page_total]  # Enter prints
    order, w = [], shelf.list
    for _ in range(6):
        order.append(w)
        w = w.nextInFocusChain()
        while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisible():
            w = w.nextInFocusChain()
    assert order[:3] == [shelf.list, shelf.preview, shelf.print_button]
    # Only leaflets here: the lock does not have to hide the shelf.
    assert shelf.shows_personal_data is False


def test_shelf_from_the_main_window_menu(qtbot, make_app):
    app = make_app()
    window = app.window
    action = window.findChild(type(window.lock_action), "shelfAction")
    assert action is not None and action.isEnabled()  # also before unlocking
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Folders" in menus and menus[-1] == "&Hulp"
    shelf = window.open_shelf()
    qtbot.waitUntil(lambda: shelf.ready, timeout=20_000)
    assert shelf.isVisible()
    assert isinstance(shelf.parent(), QWidget)
    shelf.reject()


def test_qt_print_dialog_opens_once_for_the_set_and_cancel_prints_nothing(qtbot):
    from PySide6.QtPrintSupport import QPrintDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    printer = pdf_print.new_printer("Huisbezoek")
    went_on: list[bool] = []
    pdf_print.ask_printer(parent, printer, 7, lambda: went_on.append(True))
    dialog = parent.findChild(QPrintDialog, "qtPrintDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert (dialog.minPage(), dialog.maxPage()) == (1, 7)
    dialog.reject()
    assert went_on == []


def test_lock_hides_the_print_dialog_not_the_shelf_and_nothing_clips_at_200(qtbot, make_app, qapp):
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services import startup

    from .test_layout import clipped

    startup.create_demo_vault(kdf=KdfParams.FLOOR)
    app = make_app(settings=Settings(text_scale=200))
    window = app.window
    window.resize(1366, 768)
    try:
        app.start()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
        window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
        with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
            window.unlock_page.submit()
        rid = residents_svc.list_residents(app.ctx.vault)[0].id
        visit_id = visit_resume.start_or_resume(
            app.ctx.vault, rid, visit_resume.default_form()
        ).visit_id
        dlg = PrintDialog(window, app.ctx, visit_id)
        dlg.open()
        wait_preview(qtbot, dlg)
        qtbot.wait(50)
        assert not (problems := clipped(dlg)), problems
        # A finished demo visit: signals, own words, parts to leave out, the example banner.
        # The choices column must wrap, not scroll sideways.
        with app.ctx.vault.session() as s:
            finished = s.query(Visit).filter(Visit.status == VisitStatus.FINAL).first().id
        full = PrintDialog(window, app.ctx, finished)
        full.open()
        wait_preview(qtbot, full)
        qtbot.wait(50)
        assert full.example_banner.isVisible() and len(full.part_checks) >= 5
        # On a 1366 wide screen the choices get half the dialog: no sideways scrolling there.
        # (This test screen is narrower, so compare the column's minimum width with that.)
        column = (1366 - 40) // 2 - full.choices_area.verticalScrollBar().sizeHint().width() - 24
        assert full.choices_area.widget().minimumSizeHint().width() <= column
        assert not (problems := clipped(full)), problems
        full.reject()
        shelf = window.open_shelf()
        qtbot.waitUntil(lambda: shelf.ready, timeout=20_000)
        qtbot.wait(50)
        assert not (problems := clipped(shelf)), problems
        app.lock.lock()
        assert not dlg.isVisible()  # the summary preview shows personal data
        assert shelf.isVisible()  # leaflets do not
    finally:
        apply_theme(qapp, Settings())


def test_cancel_between_pages_stops_the_job(qtbot, tmp_path):
    import threading

    directory = load_directory()
    pdf = render_leaflet(LeafletTopic.VALLEN, directory, organisation=organisation_of(directory))
    printer = pdf_print.new_printer("Huisbezoek")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "gestopt.pdf"))
    cancel = threading.Event()
    seen: list[float] = []

    def progress(fraction: float, text: str) -> None:
        seen.append(fraction)
        cancel.set()  # the volunteer presses Annuleren after the first page

    with pytest.raises(JobCancelled):
        pdf_print.print_pdfs(printer, [pdf, pdf], progress=progress, cancel=cancel)
    assert seen == [pytest.approx(1 / (2 * pages_in(pdf)))]
