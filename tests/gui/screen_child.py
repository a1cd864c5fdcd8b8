"""Child process for test_screen_fit: the real start-up on a screen of a given size.

Qt's screen size is fixed when the application starts, so each screen (1366x768 with a
taskbar, 1280x720, display scaling 200%) runs in its own process:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json [QT_SCALE_FACTOR=2] \
        python -m tests.gui.screen_child TEXT_SCALE OUT.json

It walks list -> resident -> visit (every topic) -> review and writes the problems it finds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(text_scale: int, out: Path) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget
    from tests.gui.test_layout import clipped

    from huisbezoek.gui.app import Application
    from huisbezoek.gui.operations import worker
    from huisbezoek.services import startup
    from huisbezoek.services.settings import Settings
    from huisbezoek.vault.keyslots import KdfParams

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(cond, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while not cond():
            pump(10)
            if time.monotonic() > end:
                raise TimeoutError("screen did not get ready")

    problems: list[str] = []
    facts: dict[str, object] = {}
    startup.create_demo_vault(kdf=KdfParams.FLOOR)
    app = Application(kdf=KdfParams.FLOOR, settings=Settings(text_scale=text_scale))
    window = app.window
    app.start()
    wait(lambda: window.pages.currentWidget() is window.unlock_page)
    pump(100)
    screen = window.screen().availableGeometry()
    facts["screen"] = [screen.width(), screen.height()]
    facts["placed"] = window.placed
    facts["window"] = [window.width(), window.height()]
    if not screen.contains(window.frameGeometry()):
        problems.append(f"window {window.frameGeometry()} outside the screen {screen}")
    if window.minimumSizeHint().height() > screen.height():
        problems.append(f"minimum height {window.minimumSizeHint().height()} > screen")

    def on_screen(name: str, widget: QWidget) -> None:
        """The control is shown, inside the window and inside the screen's available area."""
        if not widget.isVisible():
            problems.append(f"{name}: not visible")
            return
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        bottom_right = widget.mapToGlobal(widget.rect().bottomRight())
        inside = window.frameGeometry()
        for point in (top_left, bottom_right):
            if not (screen.contains(point) and inside.contains(point)):
                problems.append(f"{name}: below the fold or off screen at {point}")
                return

    def not_clipped(where: str) -> None:
        problems.extend(f"{where}: {p}" for p in clipped(window))
        if window.height() > screen.height() or window.width() > screen.width():
            problems.append(f"{where}: window grew to {window.width()}x{window.height()}")
            hint = window.minimumSizeHint()
            problems.append(f"{where}: its minimum is {hint.width()}x{hint.height()}")

    not_clipped("ontgrendelen")
    window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
    window.unlock_page.submit()
    wait(lambda: app.lock.is_unlocked)
    residents = window.work.residents
    wait(lambda: residents.model.rowCount() > 0)
    pump(200)
    for name in ("search", "status_filter", "area_filter", "table", "open_button", "add_button"):
        on_screen(f"bewoners.{name}", getattr(residents, name))
    not_clipped("bewoners")
    table = residents.table
    if table.horizontalScrollBar().maximum() > 0:
        problems.append("bewoners: the list scrolls sideways")
    rid = next(r.id for r in residents.model.rows() if r.next_appointment is None)
    window.work.show_resident(rid)
    resident = window.work.resident
    wait(lambda: resident.detail is not None)
    pump(100)
    on_screen("bewoner.visit_button", resident.visit_button)
    not_clipped("bewoner")
    visit = window.work.visit
    window.work.start_visit(rid)
    wait(lambda: visit.state is not None)
    pump(200)
    for index in range(len(visit.visit.form.sections)):
        visit.go_to_section(index)
        pump(60)
        for name in ("next_button", "review_button", "sections"):
            if name == "next_button" and not visit.next_button.isEnabled():
                continue
            on_screen(f"gesprek {index}.{name}", getattr(visit, name))
        not_clipped(f"gesprek {index}")
        page = visit.section_stack.currentWidget()
        if page.horizontalScrollBar().maximum() > 0:
            problems.append(f"gesprek {index}: the questions scroll sideways")
    # Whole topics that fit the topic list's visible part.
    view = visit.sections.viewport().rect()
    shown_topics = [
        row
        for row in range(visit.sections.count())
        if view.contains(visit.sections.visualItemRect(visit.sections.item(row)))
    ]
    facts["topics_shown"] = len(shown_topics)
    if len(shown_topics) < 3:
        problems.append(f"topic list shows {len(shown_topics)} whole topics")
    radar = visit.radar
    chart = [visit.chart.showing_chart, radar.width(), radar.height()]
    facts["chart"] = chart
    facts["chart_text"] = visit.chart.text.isVisible()
    if visit.chart.showing_chart and not radar.legible_at(radar.width(), radar.height()):
        problems.append("the chart is shown but its labels overlap")
    # Neither chart nor text is allowed only when the topics need all the room.
    side = visit.side
    if not visit.chart.showing_chart and not visit.chart.text.isVisible():
        spare = side.height() - visit.sections.minimumSizeHint().height()
        if spare > visit.chart.text.heightForWidth(side.width()) * 2:
            problems.append(f"the chart gave way without need ({spare} pixels spare)")
    visit.show_review()
    wait(lambda: visit.review.data is not None)
    pump(200)
    not_clipped("afronden")
    on_screen("afronden.finalise_button", visit.review.finalise_button)
    app.lock.shutdown()
    window.close()
    worker().flush()
    out.write_text(json.dumps({"problems": problems, "facts": facts}, indent=1))


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
