#!/usr/bin/env python3
"""Make PNG screenshots of the main screens at 100% and 200% text size into ``docs/img/``.

It also writes page images of printed documents from the demo data, rendered with PDFium the
way the print preview does: ``leaflet-vallen.png`` (page 1 of the leaflet "Vallen voorkomen"),
``leaflet-geheugen.png`` (both pages of "Als uw geheugen minder wordt", a leaflet added as data),
``summary.png`` (every page of the resident's summary, with the wellbeing chart, side by side:
the help the signal rules chose, the resident's own words, the "VOORBEELD" mark) and
``inzage.png`` (the first two pages of a resident's overview "Wat wij over u bewaren").
The script only writes the files it names; it never deletes anything in the output folder.

Runs under a real virtual display of a volunteer's laptop size, 1366x768: uses ``$DISPLAY``
when set, else starts Xvfb (on a free display number) when it is installed, else falls back to
Qt's offscreen platform. The main window places itself as it does on such a laptop (it opens
maximised: 1100x740 plus a title bar does not fit 768 pixels), so the pictures show what
fits on that screen at 100% and 200% text and in high contrast. Everything happens in a
temporary data folder with the demo vault of fictional residents; nothing touches a real vault.

    python3 dev.py shots            (or: .venv/bin/python docs/make_screenshots.py [OUT_DIR])
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)  # a common laptop screen


def start_display() -> list[subprocess.Popen[bytes]]:
    """Xvfb of the laptop's size, with a window manager when one is installed (openbox), so
    the main window maximises and has a title bar as on a desktop."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return []
    if not shutil.which("Xvfb"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return []
    sockets = Path("/tmp/.X11-unix")  # noqa: S108 (X servers' sockets, not a temporary file)
    number = next(n for n in range(90, 140) if not (sockets / f"X{n}").exists())
    started = [
        subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    os.environ["DISPLAY"] = f":{number}"
    time.sleep(1.0)
    if shutil.which("openbox"):
        started.append(
            subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        time.sleep(0.5)
    return started


def main(argv: list[str]) -> int:
    only_coordinator = "--coordinator" in argv
    argv = [a for a in argv if a != "--coordinator"]
    out = Path(argv[0]) if argv else ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    display = start_display()
    home = Path(tempfile.mkdtemp(prefix="huisbezoek-shots-"))
    os.environ["HUISBEZOEK_HOME"] = str(home)
    try:
        if only_coordinator:
            return shoot_coordinator(out)
        return shoot(out) or shoot_coordinator(out)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        for proc in reversed(display):
            proc.terminate()


def pump(ms: int) -> None:
    """A local event loop for ``ms``: timers fire and the vault worker's results arrive."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(cond, timeout: float = 20.0) -> None:
    """Pump events until ``cond()`` holds; TimeoutError after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not cond():
        pump(10)
        if time.monotonic() > end:
            raise TimeoutError("screen did not get ready")


def shoot(out: Path) -> int:
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from huisbezoek.gui.app import Application
    from huisbezoek.gui.operations import worker
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services import startup
    from huisbezoek.services.settings import Settings
    from huisbezoek.vault.keyslots import KdfParams

    def settle() -> None:
        pump(200)

    written: list[Path] = []

    current: dict[str, object] = {}

    def grab(widget, name: str, _scale: object = None) -> None:
        only = current["only"]
        if isinstance(only, set) and name not in only:
            return
        settle()
        path = out / f"{name}-{current['label']}.png"
        screen = widget.screen()
        if widget.isWindow() and not widget.inherits("QDialog") and screen is not None:
            # The main window: the whole screen as the volunteer sees it (title bar included).
            screen.grabWindow(0).save(str(path))
        else:
            widget.grab().save(str(path))
        written.append(path)

    # Every screen at 100% and 200% text; three of them also in the high-contrast theme.
    contrast_shots = {"05-bewoners", "08-gesprek", "09-afronden", "13-signaal-direct"}
    for scale, contrast, subset in (
        (100, False, None),
        (200, False, None),
        (100, True, contrast_shots),
    ):
        settings = Settings(text_scale=scale, high_contrast=contrast)
        current["only"] = subset
        current["label"] = "contrast" if contrast else scale
        # First start: a fresh data folder per scale.
        home = Path(os.environ["HUISBEZOEK_HOME"]) / f"s{scale}{contrast}"
        home.mkdir()
        os.environ["HUISBEZOEK_HOME"] = str(home)
        app = Application(kdf=KdfParams.FLOOR, settings=settings)
        window = app.window
        app.start()
        page = window.first_start
        if getattr(page, "current", None) == "rol":
            page.next()  # volunteer (the preselected role)
        page.name.setText("Els de Vries")
        grab(window, "01-eerste-start", scale)
        page.next()
        page.pass1.setText("lamp tegel haven mosterd")
        page.pass2.setText("lamp tegel haven mosterd")
        grab(window, "02-wachtwoordzin", scale)
        page.next()
        wait(lambda page=page: page.recovery_key_text != "")
        grab(window, "03-herstelsleutel", scale)
        app.lock.shutdown()
        window.close()
        worker().flush()
        # The demo vault: unlock screen, residents, one resident, a visit, the review.
        for child in home.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        startup.create_demo_vault(kdf=KdfParams.FLOOR)
        app = Application(kdf=KdfParams.FLOOR, settings=settings)
        window = app.window
        app.start()
        wait(lambda window=window: window.pages.currentWidget() is window.unlock_page)
        grab(window, "04-ontgrendelen", scale)
        window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
        window.unlock_page.submit()
        wait(lambda app=app: app.lock.is_unlocked)
        residents = window.work.residents
        wait(lambda residents=residents: residents.model.rowCount() > 0)
        grab(window, "05-bewoners", scale)
        rows = residents.model.rows()
        target = next(r for r in rows if r.next_appointment is not None)
        window.work.show_resident(target.id)
        resident = window.work.resident
        wait(lambda resident=resident: resident.detail is not None)
        grab(window, "06-bewoner", scale)
        dlg = resident.log_contact()
        grab(dlg, "07-contact", scale)
        dlg.reject()
        # The erase confirmation names everything that would go; closed without erasing.
        resident.erase_dialog = None
        resident.ask_erase()
        wait(lambda resident=resident: resident.erase_dialog is not None)
        erase = resident.erase_dialog
        wait(erase.isVisible)
        grab(erase, "13-wissen", scale)
        erase.reject()
        visit = window.work.visit
        window.work.start_visit(target.id)
        wait(lambda visit=visit: visit.state is not None)
        fill_some(visit)
        wait(lambda visit=visit: visit.saver.all_saved)
        # The first section opens with the privacy script the volunteer reads out.
        visit.go_to_section(0)
        visit.page_for(0).verticalScrollBar().setValue(0)
        grab(window, "15-toestemming", scale)
        visit.go_to_section(2)
        grab(window, "08-gesprek", scale)
        # A direct signal: the panel above the questions says what to do and whom to call.
        raise_direct_signal(visit)
        wait(lambda visit=visit: visit.saver.all_saved)
        visit.go_to_question("nu_in_gevaar")
        grab(window, "15-direct-gesprek", scale)
        visit.show_review()
        review = visit.review
        wait(lambda review=review: review.data is not None and bool(review.cards))
        grab(window, "09-afronden", scale)
        # Consent for all but one signal, then the review page at the direct signal's card
        # and the finalise confirmation that names the signal without a decision.
        for card in review.cards[1:]:
            card.share_yes.setChecked(True)
        wait(lambda visit=visit: visit.saver.all_saved)
        review.show_card(review.cards[0])
        grab(window, "13-signaal-direct", scale)
        confirm = review.finalise()
        if confirm is not None:
            grab(confirm, "14-afronden-bevestigen", scale)
            confirm.reject()
        dlg = window.open_settings()
        grab(dlg, "10-instellingen", scale)
        dlg.reject()
        if not contrast:
            shoot_printing(
                window, visit, out=out, scale=scale, grab=grab, wait=wait, written=written
            )
        app.lock.shutdown()
        window.close()
        worker().flush()
        os.environ["HUISBEZOEK_HOME"] = str(home.parent)
        app.ctx.update_settings(replace(settings, text_scale=100))
        apply_theme(QApplication.instance(), Settings())
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def coordinator_demo_store(folder: Path):  # type: ignore[no-untyped-def]
    """A coordinator store with invented figures: three volunteers, 420 residents on the
    address list, their counts per quarter, and 60 shared signals."""
    import random
    from datetime import date

    from huisbezoek.coordinator import addresses, organisation
    from huisbezoek.coordinator import followup as fu
    from huisbezoek.coordinator.settings import save_settings
    from huisbezoek.coordinator.store.backend import CoordinatorStore
    from huisbezoek.domain import Severity, Theme
    from huisbezoek.vault.keyslots import KdfParams

    sys.path.insert(0, str(ROOT))
    from tests.coordinator.helpers import (
        add_batch,
        add_counts,
        add_signal,
        add_volunteer,
        address_csv,
        resident_row,
    )  # fmt: skip

    created = organisation.init_organisation(
        folder, "fiets kopje regen zeven", "Welzijn Voorbeeldstad", kdf=KdfParams.FLOOR
    )
    store = CoordinatorStore.from_vault(created.store)
    rng = random.Random(4)  # noqa: S311 - invented demo figures
    hoods = {"Noord": "1111 AA", "Oost": "2222 BB", "Zuid": "3333 CC", "West": "4444 DD"}
    rows = []
    for i, (hood, pc) in enumerate(hoods.items()):
        rows += [resident_row(100 * i + n, hood, pc) for n in range(60 + 30 * i)]
    keys = [("A1B2C3D4E5F60708", "Vera de Wit"), ("0F1E2D3C4B5A6978", "Bert Jansen"),
            ("1122334455667788", "Ans Bakker")]  # fmt: skip
    with store.session() as session:
        addresses.import_address_list(session, address_csv(rows), today=date(2026, 12, 3))
        save_settings(session, phone="010-000 00 99", round_start=date(2026, 1, 5))
        for key, name in keys:
            add_volunteer(session, key, name)
        for v, (key, _name) in enumerate(keys):
            batch = add_batch(session, key)
            for hood in list(hoods)[v : v + 2]:
                metrics = {}
                for quarter in ("2026Q1", "2026Q2", "2026Q3", "2026Q4"):
                    invited = rng.randint(8, 14)
                    metrics.update({
                        f"p:{quarter}:invited": invited, f"p:{quarter}:reached": invited - 3,
                        f"p:{quarter}:accepted": 3, f"p:{quarter}:visited": 3,
                        f"p:{quarter}:not_reached": 1, f"p:{quarter}:signalled": 2,
                        f"p:{quarter}:declined:geen_behoefte": invited - 7,
                        f"p:{quarter}:gone": rng.randint(0, 1),
                        f"p:{quarter}:theme:eenzaamheid": 1, f"p:{quarter}:theme:vallen": 1,
                    })  # fmt: skip
                add_counts(session, batch, hood, metrics, key)
            for n in range(20):
                add_signal(
                    session, batch, key_id=key, theme=rng.choice(list(Theme)),
                    severity=rng.choice(list(Severity)),
                    name=f"Bewoner {v}-{n}" if n % 2 else None,
                    postcode=list(hoods.values())[(v + n) % 4],
                    given_on=date(2026, rng.randint(1, 11), rng.randint(1, 28)),
                )  # fmt: skip
        fu.sync_followups(session, today=date(2026, 12, 3))
    return created.store


def shoot_coordinator(out: Path) -> int:
    """The coordinator's overview, the queue with filters, and the settings, at 100% and 200%."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from huisbezoek.domain import Theme
    from huisbezoek.gui.bootstrap import ensure_application
    from huisbezoek.gui.coordinator.window import CoordinatorWindow
    from huisbezoek.gui.operations import worker
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import Settings

    ensure_application()
    vault = coordinator_demo_store(Path(os.environ["HUISBEZOEK_HOME"]) / "coordinatie")
    for scale in (100, 200):
        apply_theme(QApplication.instance(), replace(Settings(), text_scale=scale))
        window = CoordinatorWindow(vault, user="Carla")
        window.resize(*SIZE)
        window.show()
        window.refresh_all()
        dash = window.dashboard
        window.tabs.setCurrentWidget(dash)
        wait(lambda dash=dash: dash.table.rowCount() > 0)
        pump(300)
        window.grab().save(str(out / f"20-coordinatie-overzicht-{scale}.png"))
        queue = window.queue
        window.tabs.setCurrentWidget(queue)
        wait(lambda queue=queue: queue.model.rowCount() > 0)
        bar = queue.filters
        bar.theme.setCurrentIndex(bar.theme.findData(Theme.EENZAAMHEID.value))
        bar.severity.setCurrentIndex(1)
        wait(lambda bar=bar: "van" in bar.count.text() or "Geen" in bar.count.text())
        pump(300)
        if queue.model.rowCount():
            queue.view.selectRow(0)
        pump(300)
        window.grab().save(str(out / f"21-coordinatie-opvolging-{scale}.png"))
        settings = window.settings
        window.tabs.setCurrentWidget(settings)
        wait(lambda settings=settings: settings.name.text() != "")
        pump(300)
        window.grab().save(str(out / f"22-coordinatie-instellingen-{scale}.png"))
        window.close()
        worker().flush()
        for name in ("20-coordinatie-overzicht", "21-coordinatie-opvolging",
                     "22-coordinatie-instellingen"):  # fmt: skip
            print(out / f"{name}-{scale}.png")
    vault.close()
    apply_theme(QApplication.instance(), Settings())
    return 0


def shoot_printing(
    window, visit, *, out: Path, scale: int, grab, wait, written: list[Path]
) -> None:
    """The print dialog and the leaflet shelf; at 100% also the printed pages themselves."""
    from huisbezoek.domain import LeafletTopic

    dlg = visit.review.print_documents()
    wait(lambda: dlg.preview_ready and dlg.print_button.isEnabled(), 60)
    # A rule may start the summary unticked (paper at home could be unsafe); here the
    # resident wants it, with the chart.
    dlg.summary.setChecked(True)
    dlg.chart.setChecked(True)
    wait(lambda: dlg.preview_ready and dlg.print_button.isEnabled(), 60)
    grab(dlg, "11-afdrukken", scale)
    if scale == 100:
        summary = next(job for job in dlg._jobs if job.topic is None)
        pages = list(range(page_count(summary.pdf)))
        written.append(page_image(summary.pdf, out / "summary.png", pages=pages, width=420))
    dlg.reject()
    shelf = window.open_shelf()
    wait(lambda: shelf.ready, 60)
    shelf.select(LeafletTopic.VALLEN)
    wait(lambda: shelf.ready, 60)
    grab(shelf, "12-folders", scale)
    if scale == 100:
        assert shelf.pdf is not None
        written.append(page_image(shelf.pdf, out / "leaflet-vallen.png", pages=[0]))
        shelf.select("geheugen")
        wait(lambda: shelf.ready, 60)
        assert shelf.pdf is not None
        pages = list(range(page_count(shelf.pdf)))
        written.append(page_image(shelf.pdf, out / "leaflet-geheugen.png", pages=pages))
    shelf.reject()
    # The resident's overview of everything the laptop holds (subject access).
    access = window.work.resident.show_access()
    wait(lambda: access.pdf is not None and access.save_button.isEnabled(), 60)
    grab(access, "14-inzage", scale)
    if scale == 100:
        assert access.pdf is not None
        pages = [0, 1] if access.page_total > 1 else [0]
        written.append(page_image(access.pdf, out / "inzage.png", pages=pages))
    access.reject()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def page_with(pdf: bytes, text: str) -> int:
    """Index of the first page whose text holds ``text`` (the chart's heading); 0 if none."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            found = text in textpage.get_text_range()
            textpage.close()
            page.close()
            if found:
                return index
    finally:
        doc.close()
    return 0


def page_image(pdf: bytes, path: Path, *, pages: list[int], width: int = 560) -> Path:
    """The chosen pages (0-based) side by side on grey, each ``width`` pixels wide, as PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from huisbezoek.gui.pdf_print import render_pages

    every = render_pages(pdf, width_px=width)
    images = [every[n] for n in pages]
    gap = 16 if len(images) > 1 else 0
    height = max(image.height() for image in images)
    sheet = QImage(
        width * len(images) + gap * (len(images) - 1), height, QImage.Format.Format_RGB888
    )
    sheet.fill(QColor(Qt.GlobalColor.gray))
    painter = QPainter(sheet)
    for n, image in enumerate(images):
        painter.drawImage(n * (width + gap), 0, image)
    painter.end()
    if not sheet.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def raise_direct_signal(visit) -> None:
    """The resident does not feel safe at home (a "direct" signal); the open required
    questions get an answer, so that finalising reaches its confirmation."""
    import datetime as dt

    from huisbezoek.domain import NOT_ASKED

    visit.answer("veilig_gevoel", "nee")
    visit.answer("nu_in_gevaar", True)
    visit.answer("afspraak", "terugbellen")
    visit.answer("vervolg_datum", dt.date.today() + dt.timedelta(days=2))
    for _ in range(3):
        ev = visit.state.evaluation
        for qid in [q for q in ev.messages if ev.is_relevant(q)]:
            visit.answer(qid, NOT_ASKED)


#: A conversation as a volunteer might record it (form version 2): a fall with an injury,
#: worries about memory, four medicines not reviewed, and the resident's own words.
VISIT_ANSWERS = {
    "toestemming_gesprek": True,
    "woonsituatie": "alleen",
    "gezondheid_oordeel": "gaat_wel",
    "medicijnen_aantal": 4,
    "medicijnen_besproken": False,
    "onthouden": True,
    "onthouden_zorgen": True,
    "gevallen": True,
    "val_aantal": 1,
    "val_letsel": True,
    "bang_vallen": True,
    "aanpassingen": frozenset({"beugels", "alarm"}),
    "waardevol": "Mijn kleinkinderen, en 's ochtends koffie in de tuin.",
    "wens": "Weer zelf naar de markt lopen.",
    "afspraak": "bewoner_zelf",
}


def fill_some(visit) -> None:
    """Answer questions of the form the way a volunteer might."""
    from huisbezoek.forms import ScaleQuestion, SingleChoiceQuestion, YesNoQuestion

    form = visit.visit.form
    ratings = iter([7, 5, 8, 6, 4, 6])
    for question in form.wellbeing_questions.values():
        visit.go_to_question(question.id)
        visit.answer(question.id, next(ratings))
    known = {q.id for q in form.all_questions()}
    if set(VISIT_ANSWERS) <= known:
        for qid, value in VISIT_ANSWERS.items():
            if visit.state.evaluation.is_relevant(qid):
                visit.go_to_question(qid)
                visit.answer(qid, value)
        return
    for section in form.sections[:2]:
        for q in section.questions:
            if not visit.state.evaluation.is_relevant(q.id):
                continue
            visit.go_to_question(q.id)
            if isinstance(q, YesNoQuestion):
                visit.answer(q.id, True)
            elif isinstance(q, SingleChoiceQuestion) and q.options:
                visit.answer(q.id, q.options[0].value)
            elif isinstance(q, ScaleQuestion):
                visit.answer(q.id, (q.min + q.max) // 2)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
