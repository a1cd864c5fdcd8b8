"""The coordinator's unlock dialog: who is working and the store's passphrase (or the recovery
key and a new passphrase). It opens the store off the GUI thread and hands it on; it makes no
window itself (``gui.coordinator.launch`` does), so the lock can reuse it without a cycle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from huisbezoek.coordinator import organisation
from huisbezoek.coordinator import startup as coordinator_startup
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import button, button_row, error_label, heading, hint, password_field


class CoordinatorUnlockDialog(BaseDialog):
    """Name and passphrase; ``unlocked(vault, user)`` once the store is open.

    With ``user`` it unlocks a locked window (``gui.coordinator.lock``): the name stays that of
    the person working, and ``reopened(vault)`` hands back the store instead. The launcher
    (``gui.coordinator.launch.unlock_dialog``) turns ``unlocked`` into a coordinator window,
    kept in ``window`` and announced with ``opened(window)``.
    """

    unlocked = Signal(object, str)
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
        self.setWindowTitle(translate("Coördinatie", "Coördinatie openen"))
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("Coördinatie", "Uw naam"))
        self.name.setAccessibleDescription(translate("Coördinatie", "De naam waaronder u werkt."))
        if user is not None:
            self.name.setText(user)
            self.name.setReadOnly(True)
        self.passphrase = password_field(translate("Coördinatie", "Wachtwoordzin"))
        self.passphrase.setAccessibleDescription(
            translate("Coördinatie", "Typ uw wachtwoordzin en druk op Enter.")
        )
        self.message = error_label()
        self.open_button = button(translate("Coördinatie", "Openen"), primary=True)
        form = QFormLayout()
        form.addRow(translate("Coördinatie", "Uw naam"), self.name)
        form.addRow(translate("Coördinatie", "Wachtwoordzin"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(
                translate("Coördinatie", "Coördinatie op slot")
                if self.relock
                else translate("Coördinatie", "Coördinatie openen")
            )
        )
        if self.relock:
            layout.addWidget(
                hint(
                    translate(
                        "Coördinatie",
                        "De coördinatie staat op slot. Typ uw wachtwoordzin om verder te gaan "
                        "waar u was.",
                    )
                )
            )
        layout.addWidget(
            hint(
                translate(
                    "Coördinatie", "Uw naam komt bij elke wijziging in de opvolging te staan."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self._recovery_box())
        layout.addWidget(self.message)
        layout.addWidget(button_row(self.forgot, right=(self.open_button,)))
        self.open_button.clicked.connect(self.try_open)
        # Enter after the passphrase opens the store; it never presses "vergeten?".
        self.forgot.setAutoDefault(False)
        self.open_button.setDefault(True)
        self.window: Any = None

    def _recovery_box(self) -> QWidget:
        """Passphrase forgotten: the recovery key (shown once at the first start) and a new one."""
        self.forgot = QPushButton(translate("Coördinatie", "Wachtwoordzin &vergeten?"))
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(lambda: self.show_recovery(True))
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName(translate("Coördinatie", "Herstelsleutel"))
        self.recovery_key.setAccessibleDescription(
            translate("Coördinatie", "De sleutel die u op papier heeft.")
        )
        self.new_pass = password_field(translate("Coördinatie", "Nieuwe wachtwoordzin"))
        self.new_pass.setAccessibleDescription(
            translate("Coördinatie", "Een paar woorden die alleen u weet, minstens vier.")
        )
        self.new_pass2 = password_field(
            translate("Coördinatie", "Nieuwe wachtwoordzin nog een keer")
        )
        self.new_pass2.setAccessibleDescription(
            translate("Coördinatie", "Typ dezelfde wachtwoordzin nog een keer.")
        )
        self.recovery = QWidget()
        form = QFormLayout(self.recovery)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(
            hint(
                translate(
                    "Coördinatie",
                    "Pak het vel met de herstelsleutel van de organisatie. Typ de sleutel over "
                    "en kies een nieuwe wachtwoordzin.",
                )
            )
        )
        form.addRow(translate("Coördinatie", "&Herstelsleutel"), self.recovery_key)
        form.addRow(translate("Coördinatie", "&Nieuwe wachtwoordzin"), self.new_pass)
        form.addRow(translate("Coördinatie", "Nog een &keer"), self.new_pass2)
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

        user = " ".join(self.name.text().split())
        if not user:
            self.message.setText(translate("Coördinatie", "Vul uw naam in."))
            return
        passphrase, folder = self.passphrase.text(), self.folder
        if self.recovery.isVisible():
            from huisbezoek.services import startup

            problem = startup.check_new_passphrase(self.new_pass.text(), self.new_pass2.text())
            if problem:
                self.message.setText(problem)
                return
            key, new, kdf = self.recovery_key.text(), self.new_pass.text(), self.kdf

            def work() -> Any:
                return coordinator_startup.unlock_coordinator_with_recovery_key(
                    key, new, folder=folder, kdf=kdf
                )
        else:

            def work() -> Any:
                return organisation.open_coordinator(folder, passphrase)

        self.open_button.setEnabled(False)

        def done(vault: Any) -> None:
            for field in (self.passphrase, self.recovery_key, self.new_pass, self.new_pass2):
                field.clear()
            if self.relock:
                # The window shows again first: closing the last visible window would quit.
                self.reopened.emit(vault)
                self.accept()
                return
            self.unlocked.emit(vault, user)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.open_button.setEnabled(True)
            self.message.setText(
                exc.message_nl
                if isinstance(exc, UserError)
                else translate("Coördinatie", "Openen lukte niet. Probeer het nog eens.")
            )

        run_op(self, work, on_done=done, on_error=failed)
