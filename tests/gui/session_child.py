"""Child process for the long-session tests: the app as ``huisbezoek`` starts it, driven by keys
and clicks from inside its own event loop, until the volunteer closes the window.

    session_child.py visit   PASSPHRASE RESIDENT_ID [--cycles N]
    session_child.py soak    PASSPHRASE RESIDENT_ID --changes N --locks N
    session_child.py short   PASSPHRASE RESIDENT_ID

The application is started through the real entry point (``huisbezoek.cli.main([])``); the
vault and forms come from ``HUISBEZOEK_HOME`` (the organisation's forms in ``config/forms``).
Output lines, for the parent test:

    COUNT <checkpoint> <refs of None> <refs of True> <refs of False>   (visit mode)
    ANSWER <question id> <value>     the last value given to a question (soak, short)
    EXIT <code>                      what main() returned
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# What a step of the script yields: a condition to wait for (checked on each timer tick).
Wait = Callable[[], bool]


def counts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def checkpoint(name: str) -> None:
    n, t, f = counts()
    print(f"COUNT {name} {n} {t} {f}", flush=True)


class Driver:
    """Runs a generator of steps from a 1 ms timer; each yield waits for a condition."""

    def __init__(self, steps: Callable[[Any], Iterator[Wait]], timeout_s: float = 120.0) -> None:
        from PySide6.QtCore import QTimer

        self.steps = steps
        self.timeout_s = timeout_s
        self.gen: Iterator[Wait] | None = None
        self.waiting: Wait | None = None
        self.since = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if self.gen is None:
            window = main_window()
            if window is None or not window.isVisible():
                return
            self.gen = self.steps(window)
        if self.waiting is not None:
            if not self.waiting():
                if time.monotonic() - self.since > self.timeout_s:
                    print("TIMEOUT waiting", flush=True)
                    os._exit(3)
                return
            self.waiting = None
        try:
            self.waiting = next(self.gen)
            self.since = time.monotonic()
        except StopIteration:
            self.timer.stop()


def main_window() -> Any:
    from PySide6.QtWidgets import QApplication

    for w in QApplication.topLevelWidgets():
        if w.objectName() == "mainWindow":
            return w
    return None


# -- what the volunteer does -------------------------------------------------------------------


def unlock(window: Any, passphrase: str) -> Iterator[Wait]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = window.unlock_page
    yield lambda: window.pages.currentWidget() is page and not page.busy_running
    QTest.keyClicks(page.passphrase, passphrase)
    QTest.keyClick(page.passphrase, Qt.Key.Key_Return)
    yield lambda: window.work is not None and window.pages.currentWidget() is window.work


def lock(window: Any) -> Iterator[Wait]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    yield lambda: window.pages.currentWidget() is window.unlock_page


def open_visit(window: Any, resident_id: int) -> Iterator[Wait]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    work = window.work
    work.show_resident(resident_id)  # what Enter on the resident's row in the list does
    yield lambda: work.resident.detail is not None and work.resident.visit_button.isEnabled()
    QTest.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    yield lambda: work.visit.state is not None and work.visit.saver is not None


def settled(window: Any) -> Wait:
    from huisbezoek.gui.operations import worker

    visit = window.work.visit
    return lambda: worker().pending == 0 and (visit.saver is None or visit.saver.all_saved)


def give_answer(window: Any, qid: str, round_: int) -> str:
    """Answer one question by mouse or keyboard; returns what was chosen or typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    visit = window.work.visit
    visit.go_to_question(qid)
    widget = visit.question_widget(qid)
    if widget.kind == "line":
        text = str(10 + round_ % 80)
        widget.edit.selectAll()
        QTest.keyClicks(widget.edit, text)
        return text
    buttons = widget.group.buttons()
    button = buttons[round_ % len(buttons)]
    if button.isChecked():  # a second click would take the answer away
        button = buttons[(round_ + 1) % len(buttons)]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    return button.text()


def relevant_questions(window: Any) -> list[str]:
    visit = window.work.visit
    ev = visit.state.evaluation
    return [
        q.id
        for q in visit.visit.form.all_questions()
        if ev.is_relevant(q.id) and getattr(q, "type", "info") != "info"
    ]


def quit_app(window: Any) -> Iterator[Wait]:
    # What the window's close button and Alt+F4 do (the window manager's part: offscreen has
    # none, and Windows binds no Ctrl+Q); the last window closing ends the application.
    window.close()
    yield lambda: False  # the event loop ends; main() returns


# -- the scripts -------------------------------------------------------------------------------


def visit_script(passphrase: str, resident: int, cycles: int) -> Callable:
    """Per cycle, on the same visit: open it, page through its topics, answer 200 questions
    (counts after each 50), review, lock, unlock, go back. Cycles choose other answers in turn
    (first option, second option), so from the second cycle on every answer replaces one.
    Counts are taken when all saves are done, so work in flight does not blur them."""

    def steps(window: Any) -> Iterator[Wait]:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        yield from unlock(window, passphrase)
        for cycle in range(cycles):
            yield from open_visit(window, resident)
            visit = window.work.visit
            for _ in range(len(visit.visit.form.sections)):
                QTest.mouseClick(visit.next_button, Qt.MouseButton.LeftButton)
            yield settled(window)
            checkpoint(f"c{cycle}-opened")
            questions = relevant_questions(window)
            for n in range(200):
                give_answer(window, questions[n % len(questions)], cycle)
                if n % 50 == 49:
                    yield settled(window)
                    checkpoint(f"c{cycle}-answered{n + 1}")
            review = visit.review
            before = review.data
            QTest.mouseClick(visit.review_button, Qt.MouseButton.LeftButton)
            yield lambda r=review, b=before: r.data is not b
            yield settled(window)
            checkpoint(f"c{cycle}-review")
            yield from lock(window)
            checkpoint(f"c{cycle}-locked")
            yield from unlock(window, passphrase)
            yield lambda r=review: r.data is not None
            yield settled(window)
            checkpoint(f"c{cycle}-unlocked")
            QTest.mouseClick(visit.back_button, Qt.MouseButton.LeftButton)
            yield settled(window)
        yield from quit_app(window)

    return steps


def soak_script(passphrase: str, resident: int, changes: int, locks: int) -> Callable:
    """``changes`` answer changes in one visit with ``locks`` locks spread over them."""

    def steps(window: Any) -> Iterator[Wait]:
        yield from unlock(window, passphrase)
        yield from open_visit(window, resident)
        last: dict[str, str] = {}
        per_lock = changes // locks
        done = 0
        for _ in range(locks):
            questions = relevant_questions(window)
            for i in range(per_lock):
                qid = questions[(done + i) % len(questions)]
                last[qid] = give_answer(window, qid, done + i)
                if i % 25 == 24:
                    yield settled(window)  # a volunteer pauses now and then
            done += per_lock
            yield settled(window)
            yield from lock(window)
            yield from unlock(window, passphrase)
            yield lambda: window.work.visit.state is not None
            yield settled(window)
        for qid, value in sorted(last.items()):
            print(f"ANSWER {qid} {value}", flush=True)
        print(f"CHANGES {done}", flush=True)
        yield from quit_app(window)

    return steps


def short_script(passphrase: str, resident: int) -> Callable:
    """Start, unlock, answer a few questions, lock, unlock, quit: a short day."""

    def steps(window: Any) -> Iterator[Wait]:
        yield from unlock(window, passphrase)
        yield from open_visit(window, resident)
        for n, qid in enumerate(relevant_questions(window)[:12]):
            value = give_answer(window, qid, n)
            print(f"ANSWER {qid} {value}", flush=True)
        yield settled(window)
        yield from lock(window)
        yield from unlock(window, passphrase)
        yield settled(window)
        yield from quit_app(window)

    return steps


def main() -> int:
    mode, passphrase = sys.argv[1], sys.argv[2]
    rest = sys.argv[3:]
    first_option = next((i for i, a in enumerate(rest) if a.startswith("--")), len(rest))
    numbers = [int(a) for a in rest[:first_option]]
    options = dict(zip(rest[first_option::2], rest[first_option + 1 :: 2], strict=False))
    from huisbezoek.cli import main as app_main
    from huisbezoek.gui.app import ensure_application

    ensure_application()  # the same QApplication the entry point then uses
    if mode == "visit":
        steps = visit_script(passphrase, numbers[0], int(options.get("--cycles", 2)))
    elif mode == "soak":
        steps = soak_script(
            passphrase, numbers[0], int(options["--changes"]), int(options["--locks"])
        )
    else:
        steps = short_script(passphrase, numbers[0])
    driver = Driver(steps)
    rc = app_main([])
    driver.timer.stop()
    print(f"EXIT {rc}", flush=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
