"""The outbox in the main window: a status line that is always visible ("2 zendingen wachten op
internet", "Alles is verstuurd (laatst op ...)"), "Nu versturen", and the connection settings.

Sending talks to the network, which can take long or hang until a time-out. It runs on a
thread of its own, never on the vault worker (answers keep saving meanwhile) and never on the
GUI thread. While it runs the button reads "Stoppen" and cancels between files; progress shows
in the status line. A send that starts by itself (at unlock, after an export) says nothing
when there is no internet: the status line says what waits.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.errors import UserError
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import Worker, run_op, show_error, show_problem
from huisbezoek.gui.widgets import button, button_row, error_label, hint, password_field

log = logging.getLogger(__name__)

_net: list[Worker] = []


def network_worker() -> Worker:
    """The thread that talks to the drop (created on first use)."""
    if not _net:
        _net.append(Worker("huisbezoek-drop"))
    return _net[0]


def shutdown_network_worker() -> None:
    """At quit: a send waiting on the network is not waited for (it holds nothing unsaved;
    a batch not yet marked sent is sent again next time and the coordinator's ledger keeps it
    once)."""
    if _net:
        _net.pop().stop(wait=False)


class OutboxBar(QWidget):
    """Status line and "Nu versturen" button; lives in the main window's status bar."""

    sent = Signal(object)  # the SendReport, after a send finished (tests wait on it)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outboxBar")
        self.status = QLabel()
        self.status.setObjectName("outboxStatus")
        self.status.setAccessibleName(translate("Versturen", "Uitgaande post"))
        self.status.setAccessibleDescription(
            translate("Versturen", "Wat er klaarstaat om naar de coördinator te gaan.")
        )
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.status.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.send_button = QPushButton(translate("Versturen", "Nu versturen"))
        self.send_button.setObjectName("sendNowButton")
        self.send_button.setAccessibleName(translate("Versturen", "Nu versturen"))
        self.send_button.setAccessibleDescription(
            translate("Versturen", "Verstuur de zendingen die wachten en haal pakketten op")
        )
        self.send_button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.send_button)
        self._cancel: threading.Event | None = None
        self.setVisible(False)

    # -- status ---------------------------------------------------------------------------

    def refresh(self) -> None:
        vault = self.ctx.vault
        if vault is None:
            self.setVisible(False)
            return
        from huisbezoek.services import outbox

        def done(status) -> None:
            if self._cancel is None:  # not while a send reports its own progress
                self.status.setText(status.line_nl())  # Dutch from the service, like errors
            self.setVisible(True)

        run_op(self, lambda: outbox.status(vault), on_done=done, on_error=lambda _e: None)

    def clear(self) -> None:
        """Locked: stop a send between files and hide the line."""
        if self._cancel is not None:
            self._cancel.set()
        self.status.clear()
        self.setVisible(False)

    # -- sending --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def _clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.send_button.setEnabled(False)
            return
        self.send(quiet=False)

    def send(self, *, quiet: bool = True) -> None:
        """Send what waits, off every thread that matters; ``quiet``: no dialog when offline."""
        vault = self.ctx.vault
        if vault is None or self._cancel is not None:
            return
        from huisbezoek.services import outbox

        cancel = threading.Event()
        self._cancel = cancel
        self.send_button.setText(translate("Versturen", "Stoppen"))
        self.status.setText(translate("Versturen", "Bezig met versturen…"))
        net = network_worker()

        def progress(_fraction: float, message: str) -> None:
            net.call_on_gui(lambda: self._progress(cancel, message))

        def job() -> Any:
            try:
                return outbox.send_now(vault, progress=progress, cancel=cancel)
            except UserError as exc:
                return outbox.SendReport(0, 0, exc)
            except Exception:  # the vault closed under us (locked); nothing is lost
                log.info("send stopped", exc_info=True)
                return None

        future = net.submit(job)
        future.add_done_callback(
            lambda f: net.call_on_gui(lambda: self._finished(cancel, f.result(), quiet))
        )

    def _progress(self, cancel: threading.Event, message: str) -> None:
        if self._cancel is cancel and not cancel.is_set():
            self.status.setText(message)

    def _finished(self, cancel: threading.Event, report, quiet: bool) -> None:
        if self._cancel is cancel:
            self._cancel = None
        self.send_button.setText(translate("Versturen", "Nu versturen"))
        self.send_button.setEnabled(True)
        if report is not None and report.error is not None and not quiet:
            show_error(self.window(), report.error)
        if report is not None and not quiet and not report.configured:
            show_error(
                self.window(),
                UserError(
                    "no drop",
                    message_nl=translate(
                        "Versturen",
                        "Er is nog geen uitwisselmap ingesteld. Kies in het menu Bestand "
                        "'Verbinding met de organisatie'.",
                    ),
                ),
            )
        self.refresh()
        self.sent.emit(report)


def export_to_outbox(parent: QWidget | None, ctx, bar: OutboxBar) -> None:
    """ "Naar de coördinator sturen": the batch goes into the outbox at once, then sending
    starts in the background."""
    from huisbezoek.gui.progress import ProgressDialog
    from huisbezoek.services import exchange

    vault = ctx.vault

    def job(progress, cancel):
        return exchange.export_signals(vault, None, progress=progress, cancel=cancel)

    dlg = ProgressDialog(
        parent, translate("Versturen", "Signalen klaarzetten voor de coördinator"), job
    )
    dlg.succeeded.connect(lambda _result: bar.send(quiet=True))
    dlg.start()


class DropDialog(BaseDialog):
    """ "Verbinding met de organisatie": the WebDAV address with the volunteer's own login, or
    a local folder that a sync client keeps. The password is kept only in the vault."""

    def __init__(self, parent: QWidget | None, ctx, on_saved=None) -> None:
        super().__init__(parent, "dropDialog", ctx)
        self.setWindowTitle(translate("Verbinding", "Verbinding met de organisatie"))
        self._on_saved = on_saved
        self.url = QLineEdit()
        self.url.setObjectName("dropUrl")
        self.url.setAccessibleName(translate("Verbinding", "Adres van de uitwisselmap"))
        self.url.setPlaceholderText("https://…")
        self.user = QLineEdit()
        self.user.setObjectName("dropUser")
        self.user.setAccessibleName(translate("Verbinding", "Gebruikersnaam"))
        self.password = password_field(translate("Verbinding", "Wachtwoord"))
        self.password.setObjectName("dropPassword")
        self.folder = QLineEdit()
        self.folder.setObjectName("dropFolder")
        self.folder.setAccessibleName(translate("Verbinding", "Map op deze computer"))
        self.choose = button(translate("Verbinding", "&Map kiezen…"))
        self.choose.setAutoDefault(False)  # Enter in a field saves; it never opens a picker
        self.choose.clicked.connect(self._choose_folder)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(translate("Verbinding", "&Adres:"), self.url)
        form.addRow(translate("Verbinding", "&Gebruikersnaam:"), self.user)
        form.addRow(translate("Verbinding", "&Wachtwoord:"), self.password)
        form.addRow(translate("Verbinding", "Of een ma&p:"), self.folder)
        save = button(translate("Verbinding", "&Opslaan"), primary=True)
        save.clicked.connect(self._save)
        cancel = button(translate("Verbinding", "Annu&leren"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = hint(
            translate(
                "Verbinding",
                "De coördinator geeft u het adres en een wachtwoord voor de uitwisselmap. "
                "Of kies de map die de organisatie met u deelt.",
            )
        )
        intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.choose, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addStretch(1)  # extra height goes below the fields, not into the hint
        layout.addWidget(button_row(right=(save, cancel)))
        self._load()

    def _load(self) -> None:
        from huisbezoek.services import outbox

        vault = self.ctx.vault

        def read():
            return outbox.drop_settings(vault), outbox.credentials(vault)

        def done(result) -> None:
            settings, login = result
            if settings is not None and settings.kind == "webdav":
                self.url.setText(settings.url)
            if login is not None:
                self.user.setText(login.username)

        run_op(self, read, on_done=done)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("Verbinding", "Kies de gedeelde map"), str(Path.home())
        )
        if folder:
            self.folder.setText(folder)

    def _save(self) -> None:
        from huisbezoek.services import outbox

        vault = self.ctx.vault
        url, user, password = self.url.text(), self.user.text(), self.password.text()
        folder = self.folder.text().strip()

        def store() -> None:
            if folder:
                outbox.set_folder(vault, Path(folder))
            else:
                outbox.set_webdav(vault, url, user, password)

        def failed(exc: BaseException) -> None:
            show_problem(self, self.error, exc)

        def done(_result) -> None:
            self.accept()
            if self._on_saved is not None:
                self._on_saved()

        run_op(self, store, on_done=done, on_error=failed)
