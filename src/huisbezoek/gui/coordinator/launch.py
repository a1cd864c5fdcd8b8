"""Coordinator mode as its own window: ask who is working and the store's passphrase, open the
coordinator store off the GUI thread, then show the coordinator screens. The normal start
(``gui.app``) shows it when the vault on disk is a coordinator vault; ``huisbezoek coordinator
gui`` opens it directly (also with ``--dir``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import tr
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import button, button_row, error_label, heading, hint, password_field


class CoordinatorUnlockDialog(BaseDialog):
    """Name and passphrase; ``opened(window)`` once the store is open.

    With ``user`` it unlocks a locked window (``gui.coordinator.lock``): the name stays that of
    the person working, and ``reopened(vault)`` hands back the store instead of a new window.
    """

    opened = Signal(object)
    reopened = Signal(object)
    shows_personal_data = False

    def __init__(
        self,
        parent: QWidget | None,
        folder: Path | None,
        kdf: Any = None,
        *,
        user: str | None = None,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__(parent, "coordinatorUnlock")
        self.folder = folder
        #: Key-derivation parameters for a new passphrase; None calibrates (tests: the floor).
        self.kdf = kdf
        #: Idle-lock time for the window this dialog opens; None: from the settings.
        self.idle_ms = idle_ms
        self.relock = user is not None
        self.setWindowTitle(tr("Coördinatie", "Coördinatie openen"))
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Coördinatie", "Uw naam"))
        self.name.setAccessibleDescription(tr("Coördinatie", "De naam waaronder u werkt."))
        if user is not None:
            self.name.setText(user)
            self.name.setReadOnly(True)
        self.passphrase = password_field(tr("Coördinatie", "Wachtwoordzin"))
        self.passphrase.setAccessibleDescription(
            tr("Coördinatie", "Typ uw wachtwoordzin en druk op Enter.")
        )
        self.message = error_label()
        self.open_button = button(tr("Coördinatie", "Openen"), primary=True)
        form = QFormLayout()
        form.addRow(tr("Coördinatie", "Uw naam"), self.name)
        form.addRow(tr("Coördinatie", "Wachtwoordzin"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(
                tr("Coördinatie", "Coördinatie op slot")
                if self.relock
                else tr("Coördinatie", "Coördinatie openen")
            )
        )
        if self.relock:
            layout.addWidget(
                hint(
                    tr(
                        "Coördinatie",
                        "De coördinatie staat op slot. Typ uw wachtwoordzin om verder te gaan "
                        "waar u was.",
                    )
                )
            )
        layout.addWidget(
            hint(tr("Coördinatie", "Uw naam komt bij elke wijziging in de opvolging te staan."))
        )
        layout.addLayout(form)
        layout.addWidget(self._recovery_box())
        layout.addWidget(self.message)
        layout.addWidget(button_row(self.forgot, right=(self.open_button,)))
        self.open_button.clicked.connect(self.try_open)
        self.window: Any = None

    def _recovery_box(self) -> QWidget:
        """Passphrase forgotten: the recovery key (shown once at the first start) and a new one."""
        self.forgot = QPushButton(tr("Coördinatie", "Wachtwoordzin &vergeten?"))
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(lambda: self.show_recovery(True))
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName(tr("Coördinatie", "Herstelsleutel"))
        self.recovery_key.setAccessibleDescription(
            tr("Coördinatie", "De sleutel die u op papier heeft.")
        )
        self.new_pass = password_field(tr("Coördinatie", "Nieuwe wachtwoordzin"))
        self.new_pass.setAccessibleDescription(
            tr("Coördinatie", "Een paar woorden die alleen u weet, minstens vier.")
        )
        self.new_pass2 = password_field(tr("Coördinatie", "Nieuwe wachtwoordzin nog een keer"))
        self.new_pass2.setAccessibleDescription(
            tr("Coördinatie", "Typ dezelfde wachtwoordzin nog een keer.")
        )
        self.recovery = QWidget()
        form = QFormLayout(self.recovery)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(
            hint(
                tr(
                    "Coördinatie",
                    "Pak het vel met de herstelsleutel van de organisatie. Typ de sleutel over "
                    "en kies een nieuwe wachtwoordzin.",
                )
            )
        )
        form.addRow(tr("Coördinatie", "&Herstelsleutel"), self.recovery_key)
        form.addRow(tr("Coördinatie", "&Nieuwe wachtwoordzin"), self.new_pass)
        form.addRow(tr("Coördinatie", "Nog een &keer"), self.new_pass2)
        self.recovery.setVisible(False)
        return self.recovery

    def show_recovery(self, on: bool) -> None:
        self.recovery.setVisible(on)
        self.passphrase.setEnabled(not on)
        self.forgot.setVisible(not on)
        if on:
            self.adjustSize()
        (self.recovery_key if on else self.passphrase).setFocus()

    def try_open(self) -> None:
        from huisbezoek.errors import UserError
        from huisbezoek.services import exchange

        user = " ".join(self.name.text().split())
        if not user:
            self.message.setText(tr("Coördinatie", "Vul uw naam in."))
            return
        passphrase, folder = self.passphrase.text(), self.folder
        if self.recovery.isVisible():
            from huisbezoek.services import session

            problem = session.check_new_passphrase(self.new_pass.text(), self.new_pass2.text())
            if problem:
                self.message.setText(problem)
                return
            key, new, kdf = self.recovery_key.text(), self.new_pass.text(), self.kdf

            def work() -> Any:
                return session.unlock_coordinator_with_recovery_key(
                    key, new, folder=folder, kdf=kdf
                )
        else:

            def work() -> Any:
                return exchange.open_coordinator(folder, passphrase)

        self.open_button.setEnabled(False)

        def done(vault: Any) -> None:
            from huisbezoek.gui.coordinator.window import CoordinatorWindow

            for field in (self.passphrase, self.recovery_key, self.new_pass, self.new_pass2):
                field.clear()
            if self.relock:
                # The window shows again first: closing the last visible window would quit.
                self.reopened.emit(vault)
                self.accept()
                return
            self.window = CoordinatorWindow(vault, user=user, kdf=self.kdf, idle_ms=self.idle_ms)
            self.window.show()
            self.opened.emit(self.window)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.open_button.setEnabled(True)
            self.message.setText(
                exc.message_nl
                if isinstance(exc, UserError)
                else tr("Coördinatie", "Openen lukte niet. Probeer het nog eens.")
            )

        run_op(self, work, on_done=done, on_error=failed)


def run_coordinator_gui(folder: Path | None = None) -> int:
    from huisbezoek.gui.app import ensure_application
    from huisbezoek.gui.i18n import install_translators
    from huisbezoek.gui.operations import shutdown_worker, worker
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import load_settings

    app = ensure_application()
    install_translators()
    apply_theme(app, load_settings())
    dialog = CoordinatorUnlockDialog(None, folder)
    dialog.show()
    try:
        code = int(app.exec())
    finally:
        worker().flush(30)
        window = dialog.window
        if window is not None and not window.vault.closed:
            window.vault.close()
        shutdown_worker()
    return code
