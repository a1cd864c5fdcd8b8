"""Autosave of answers: every change goes to the vault worker; typed text after a short pause.

The GUI thread only records the value and hands a small job to the worker, so typing never
waits for the disk. ``saved`` is emitted (on the GUI thread) once the vault has committed the
value durably; only then does the screen say "opgeslagen". ``flush_pending`` starts every
debounced save at once (before a lock, when leaving the screen or quitting).

Other records of the visit (consent per signal on the review page) go through the same saver
with :meth:`AnswerSaver.schedule_call`, so one "opgeslagen" state covers everything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

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
        # key -> (makes the job on the GUI thread, on_done, on_error); see schedule_call
        self._calls: dict[str, tuple[Callable[[], Callable[[], Any]], Any, Any]] = {}
        self._in_flight = 0
        self.saved_values: dict[str, object] = {}
        self._handlers: dict[str, tuple[Any, Any]] = {}
        self._error_shown = False

    @property
    def all_saved(self) -> bool:
        return not self._waiting and not self._calls and self._in_flight == 0

    def schedule(self, question_id: str, value, typed: bool) -> None:
        was_saved = self.all_saved
        self._waiting[question_id] = value
        self._start(question_id, typed)
        if was_saved:
            self.state_changed.emit(False)

    def schedule_call(
        self,
        key: str,
        make_job: Callable[[], Callable[[], Any]],
        typed: bool,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Save something other than an answer (``key`` must not be a question id).

        ``make_job`` runs on the GUI thread when the save starts (after the pause for typed
        text), so it reads the latest values; the job it returns runs on the vault worker.
        ``on_error`` handles the exception; without it the saver shows the error once.
        """
        was_saved = self.all_saved
        self._calls[key] = (make_job, on_done, on_error)
        self._start(key, typed)
        if was_saved and not self.all_saved:
            self.state_changed.emit(False)

    def _start(self, key: str, typed: bool) -> None:
        """Save what waits under ``key``: after a pause when it was typed, else now."""
        timer = self._timers.get(key)
        if typed and self.debounce_ms > 0:
            if timer is None:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.timeout.connect(lambda k=key: self._fire(k))
                self._timers[key] = timer
            timer.start(self.debounce_ms)
        else:
            if timer is not None:
                timer.stop()
            self._fire(key)

    def _fire(self, question_id: str) -> None:
        if question_id in self._waiting:
            self._submit(question_id, self._waiting.pop(question_id))
        elif question_id in self._calls:
            self._submit_call(question_id, *self._calls.pop(question_id))

    def flush_pending(self) -> None:
        for key in [*self._waiting, *self._calls]:
            self._start(key, typed=False)

    def _submit_call(self, key: str, make_job, on_done, on_error) -> None:
        if self.ctx.vault is None:
            log.error("save without an open vault")
            return
        job = make_job()
        self._in_flight += 1
        w = worker()
        future = w.submit(job)

        def report(f) -> None:
            exc = f.exception()
            w.call_on_gui(lambda: self._call_done(key, None if exc else f.result(), exc))

        self._handlers[key] = (on_done, on_error)
        future.add_done_callback(report)

    def _call_done(self, key: str, result, exc) -> None:
        if not isValid(self):
            return  # the visit was closed meanwhile; the vault has the value
        self._in_flight -= 1
        on_done, on_error = self._handlers.get(key, (None, None))
        if exc is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(exc)
        elif not self._error_shown:
            self._error_shown = True
            show_error(None, exc)
        if self.all_saved:
            self.state_changed.emit(True)

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
        if not isValid(self):
            return  # the visit was closed meanwhile; the vault has the value
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
        self._calls.clear()
