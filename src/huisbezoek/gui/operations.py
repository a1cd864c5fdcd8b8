"""Run vault and crypto work off the GUI thread; results and errors come back on the GUI thread.

All work that touches the vault goes through one background thread (:class:`Worker`), in the
order it was asked for: SQLCipher has one writer, so one thread keeps it simple and an answer
saved before a finalise is always written before it. The GUI thread never waits for the disk,
except in :meth:`Worker.flush` (used before locking or quitting, when waiting is the point).

Errors: a :class:`~huisbezoek.errors.UserError` shows its Dutch ``message_nl``; anything else
is logged with its traceback and the volunteer sees a calm general message. Never a traceback
on screen.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from huisbezoek.errors import UserError
from huisbezoek.gui.i18n import translate

log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Carries callables from any thread to the GUI thread.

    The callables wait in a thread-safe queue; the signal carries no arguments, so no Python
    object crosses threads inside Qt's queued-connection machinery (one less place for
    reference-counting trouble in the bindings).
    """

    wake = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self._calls.put(fn)
        self.wake.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                fn = self._calls.get_nowait()
            except queue.Empty:
                return
            fn()


class Worker:
    """One background thread that runs jobs in order; see the module docstring."""

    def __init__(self, name: str = "huisbezoek-vault") -> None:
        self._queue: queue.Queue[tuple[Callable[[], Any], Future[Any]] | None] = queue.Queue()
        self._bridge = _Bridge()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()
        self.pending = 0  # jobs submitted and not yet finished (GUI thread view)

    def submit(self, fn: Callable[[], Any]) -> Future[Any]:
        future: Future[Any] = Future()
        self._queue.put((fn, future))
        return future

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                self._queue.task_done()
                return
            fn, future = item
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn())
                except BaseException as exc:
                    future.set_exception(exc)
            self._queue.task_done()

    def call_on_gui(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread soon (safe to call from any thread)."""
        self._bridge.post(fn)

    def flush(self, timeout: float = 30.0) -> bool:
        """Block until every job submitted so far has run; True when done in time."""
        done = threading.Event()
        self._queue.put((done.set, Future()))
        return done.wait(timeout)

    def stop(self, *, wait: bool = True) -> None:
        """End the thread after the jobs already asked for (``wait``: and wait for them)."""
        if wait:
            self.flush()
        self._queue.put(None)
        if wait:
            self._thread.join(timeout=5)


_workers: list[Worker] = []  # at most one: the application's vault worker


def worker() -> Worker:
    """The application's single vault worker (created on first use, on the GUI thread)."""
    if not _workers:
        _workers.append(Worker())
    return _workers[0]


def shutdown_worker() -> None:
    if _workers:
        _workers.pop().stop()


ErrorHandler = Callable[[BaseException], None]


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The one place an error reaches the screen: Dutch text, never a traceback."""
    if isinstance(exc, UserError):
        log.info("user error: %s", exc.log_message)
        text = exc.message_nl
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        text = translate(
            "Fout",
            "Er ging iets mis dat we niet verwachtten. Wat al was opgeslagen, blijft bewaard. "
            "Probeer het nog eens. Lukt het niet, bel dan de coördinator.",
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Fout", "Dat lukte niet"))
    box.setText(text)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorBox")
    box.open()
    _last_errors.append(text)


def show_problem(parent: QWidget | None, label: QLabel, exc: BaseException) -> None:
    """A :class:`UserError` in the screen's own message line (the user can fix it there);
    anything else in the error box of :func:`show_error`."""
    if isinstance(exc, UserError):
        log.info("user error: %s", exc.log_message)
        label.setText(exc.message_nl)
        label.setVisible(True)
    else:
        show_error(parent, exc)


# Dutch texts of the errors shown, newest last (tests read this instead of scraping dialogs).
_last_errors: list[str] = []


def last_errors() -> list[str]:
    return _last_errors


class Operation(QObject):
    """One piece of work for the worker thread, with callbacks on the GUI thread.

    ``run_op(parent, fn, on_done=...)`` is the short form. ``finished`` is emitted after the
    callbacks, whether the work succeeded or not (tests wait on it).
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self.started_at = 0.0
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> Operation:
        w = worker()
        w.pending += 1
        _running.add(self)
        self.started_at = time.perf_counter()
        future = w.submit(self._fn)
        future.add_done_callback(lambda f: w.call_on_gui(lambda: self._complete(f)))
        return self

    def _complete(self, future: Future[Any]) -> None:
        worker().pending -= 1
        _running.discard(self)
        exc = future.exception()
        try:
            if exc is None:
                self.result = future.result()
                if self._on_done is not None:
                    self._on_done(self.result)
            else:
                self.error = exc
                if self._on_error is not None:
                    if not isinstance(exc, UserError):  # the caller's handler may not log it
                        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
                    self._on_error(exc)
                else:
                    show_error(self._parent, exc)
        finally:
            self.finished.emit()


# Operations in flight are kept alive here until their result is delivered.
_running: set[Operation] = set()


def run_op(
    parent: QWidget | None,
    fn: Callable[[], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: ErrorHandler | None = None,
) -> Operation:
    """Run ``fn`` on the vault worker; ``on_done(result)`` / errors come back on the GUI thread."""
    return Operation(parent, fn, on_done=on_done, on_error=on_error).start()
