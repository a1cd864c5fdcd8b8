"""A progress dialog with a cancel button for long jobs that know nothing about Qt.

The job is a plain function ``job(progress, cancel)``: it calls ``progress(fraction, message)``
now and then and checks ``cancel.is_set()`` between steps (calibre's threaded jobs work this
way). It runs on the vault worker; progress reaches the dialog through the GUI thread,
throttled so a job that reports very often cannot flood the screen.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import Operation, worker
from huisbezoek.progress import ProgressFn

Job = Callable[[ProgressFn, threading.Event], Any]


class JobCancelled(Exception):
    """A job may raise this after seeing the cancel flag; the dialog then just closes."""


class ProgressDialog(QDialog):
    """Shows a job's progress; Annuleren sets the cancel flag and waits for the job to stop."""

    succeeded = Signal(object)  # the job's result, after it finished without error or cancel

    def __init__(self, parent: QWidget | None, title: str, job: Job, *, min_interval=0.05):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setObjectName("progressDialog")
        self.cancel_flag = threading.Event()
        self._job = job
        self._min_interval = min_interval
        self._last_report = 0.0
        self.message = QLabel(translate("Voortgang", "Bezig…"))
        self.message.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setAccessibleName(translate("Voortgang", "Voortgang"))
        self.cancel_button = QPushButton(translate("Voortgang", "Annuleren"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.operation: Operation | None = None
        self.cancelled = False

    def start(self) -> ProgressDialog:
        def run() -> Any:
            return self._job(self._report, self.cancel_flag)

        self.operation = Operation(self.parentWidget(), run, on_done=self._ok, on_error=self._err)
        self.operation.start()
        self.open()
        return self

    def _report(self, fraction: float, message: str) -> None:
        # Called on the worker thread.
        now = time.monotonic()
        if fraction < 1.0 and now - self._last_report < self._min_interval:
            return
        self._last_report = now
        worker().call_on_gui(lambda: self._show(fraction, message))

    def _show(self, fraction: float, message: str) -> None:
        self.bar.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        if message:
            self.message.setText(message)

    def cancel(self) -> None:
        self.cancel_flag.set()
        self.cancel_button.setEnabled(False)
        self.message.setText(translate("Voortgang", "Stoppen… even geduld."))

    def reject(self) -> None:  # Esc or the close button: cancel, close when the job stopped
        self.cancel()

    def _ok(self, result: Any) -> None:
        self.accept()
        if self.cancel_flag.is_set():
            self.cancelled = True
        else:
            self.succeeded.emit(result)

    def _err(self, exc: BaseException) -> None:
        super().reject()
        if isinstance(exc, JobCancelled) or self.cancel_flag.is_set():
            self.cancelled = True
            return
        from huisbezoek.gui.operations import show_error

        show_error(self.parentWidget(), exc)


def run_with_progress(parent: QWidget | None, title: str, job: Job) -> ProgressDialog:
    return ProgressDialog(parent, title, job).start()
