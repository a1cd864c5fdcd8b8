"""Autosave of answers: every change goes to the vault worker; typed text after a short pause.

The GUI thread only records the value and hands a small job to the worker, so typing never
waits for the disk. ``saved`` is emitted (on the GUI thread) once the vault has committed the
value durably; only then does the screen say "opgeslagen". ``flush_pending`` starts every
debounced save at once (before a lock, when leaving the screen or quitting).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from huisbezoek.gui.operations import show_error, worker
from huisbezoek.services import visit_resume

log = logging.getLogger(__name__)

#: Pause after the last keystroke before typed text is saved.
DEBOUNCE_MS = 400


class AnswerSaver(QObject):
    saved = Signal(str, object)  # question id, value (committed)
    failed = Signal(str, object)  # question id, exception
    state_changed = Signal(bool)  # True: everything shown is saved

    def __init__(self, ctx, visit_id: int, parent=None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.debounce_ms = debounce_ms
        self._timers: dict[str, QTimer] = {}
        self._waiting: dict[str, object] = {}  # debounced, not yet handed to the worker
        self._in_flight = 0
        self.saved_values: dict[str, object] = {}
        self._error_shown = False

    @property
    def all_saved(self) -> bool:
        return not self._waiting and self._in_flight == 0

    def schedule(self, question_id: str, value, typed: bool) -> None:
        was_saved = self.all_saved
        if typed and self.debounce_ms > 0:
            self._waiting[question_id] = value
            timer = self._timers.get(question_id)
            if timer is None:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.timeout.connect(lambda q=question_id: self._fire(q))
                self._timers[question_id] = timer
            timer.start(self.debounce_ms)
        else:
            timer = self._timers.get(question_id)
            if timer is not None:
                timer.stop()
            self._waiting.pop(question_id, None)
            self._submit(question_id, value)
        if was_saved:
            self.state_changed.emit(False)

    def _fire(self, question_id: str) -> None:
        if question_id in self._waiting:
            self._submit(question_id, self._waiting.pop(question_id))

    def flush_pending(self) -> None:
        for question_id in list(self._waiting):
            self._timers[question_id].stop()
            self._fire(question_id)

    def _submit(self, question_id: str, value) -> None:
        vault, visit_id = self.ctx.vault, self.visit_id
        if vault is None:
            log.error("answer save without an open vault")
            return
        self._in_flight += 1
        w = worker()
        future = w.submit(lambda: visit_resume.save_answer(vault, visit_id, question_id, value))
        future.add_done_callback(
            lambda f: w.call_on_gui(lambda: self._done(question_id, value, f.exception()))
        )

    def _done(self, question_id: str, value, exc) -> None:
        self._in_flight -= 1
        if exc is None:
            self.saved_values[question_id] = value
            self.saved.emit(question_id, value)
        else:
            self.failed.emit(question_id, exc)
            if not self._error_shown:
                self._error_shown = True
                show_error(None, exc)
        if self.all_saved:
            self.state_changed.emit(True)

    def discard(self) -> None:
        for timer in self._timers.values():
            timer.stop()
        self._waiting.clear()
