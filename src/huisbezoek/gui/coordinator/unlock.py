"""The coordinator's unlock dialog: who is working and the store's passphrase (or the recovery
key and a new passphrase). It opens the store off the GUI thread and hands it on; it makes no
window itself (``gui.coordinator.launch`` does), so the lock can reuse it without a cycle.

With a server ``url`` it opens the organisation's shared PostgreSQL store instead. It shows
which server, database and account it connects to; the person working is that database account
(the audit log records it), so no name is asked. The database password field shows only when
the server asks one (libpq found no ``~/.pgpass`` entry or service file), or at once when it
asked last time. The organisation passphrase is not asked here: the tabs ask it where the
organisation's key is needed (``gui.coordinator.org_key``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from huisbezoek.coordinator import organisation
from huisbezoek.coordinator import startup as coordinator_startup
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    WrapLabel,
    button,
    button_row,
    error_label,
    heading,
    hint,
    password_field,
    show_message,
)


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
        url: str | None = None,
        password_needed: bool = False,
    ) -> None:
        super().__init__(parent, "coordinatorUnlock")
        self.folder = folder
        #: The shared PostgreSQL store's address (no password), or None for the local vault.
        self.url = url
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
        self.relock_hint = hint(
            translate(
                "Coördinatie",
                "De coördinatie staat op slot. Typ uw wachtwoordzin om verder te gaan waar u was.",
            )
        )
        self.relock_hint.setVisible(self.relock)
        layout.addWidget(self.relock_hint)
        self.name_hint = hint(
            translate("Coördinatie", "Uw naam komt bij elke wijziging in de opvolging te staan.")
        )
        layout.addWidget(self.name_hint)
        self.server_line = WrapLabel("")
        self.server_line.setObjectName("serverLine")
        self.server_line.setWordWrap(True)
        self.server_line.setAccessibleName(translate("Coördinatie", "Server"))
        self.server_hint = hint("")
        layout.addWidget(self.server_line)
        layout.addWidget(self.server_hint)
        layout.addLayout(form)
        layout.addWidget(self._recovery_box())
        layout.addWidget(self.message)
        layout.addWidget(button_row(self.forgot, right=(self.open_button,)))
        self.open_button.clicked.connect(self.try_open)
        # Enter after the passphrase opens the store; it never presses "vergeten?".
        self.forgot.setAutoDefault(False)
        self.open_button.setDefault(True)
        self.window: Any = None
        #: Server mode: whether the last successful connection needed the typed password.
        self.password_used = False
        self._form = form
        self.server_line.setVisible(False)
        self.server_hint.setVisible(False)
        if url is not None:
            self._server_mode(url, password_needed)

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

    def _server_mode(self, url: str, password_needed: bool) -> None:
        """The shared PostgreSQL store: the server shown, no name, the password if needed."""
        from huisbezoek.coordinator.store.server import describe

        where = describe(url)
        if where.service:
            line = translate("Coördinatie", "Dienst {dienst} uit pg_service.conf").format(
                dienst=where.service
            )
        else:
            line = translate(
                "Coördinatie", "Server {server}, database {database}, account {account}"
            ).format(
                server=where.server,
                database=where.database or "-",
                account=where.account or translate("Coördinatie", "uw computeraccount"),
            )
        self.server_line.setText(line)
        self.server_line.setAccessibleDescription(line)
        self.server_line.setVisible(True)
        self.server_hint.setText(
            translate(
                "Coördinatie",
                "U werkt in de gedeelde database van de organisatie. Wat u doet, komt op naam "
                "van uw account in het logboek.",
            )
        )
        self.server_hint.setVisible(True)
        self.name_hint.setVisible(False)
        if self.relock:
            self.relock_hint.setText(
                translate(
                    "Coördinatie",
                    "De coördinatie staat op slot. Typ het wachtwoord van de database om verder "
                    "te gaan waar u was.",
                )
                if password_needed
                else translate(
                    "Coördinatie",
                    "De coördinatie staat op slot. Druk op Verbinden om verder te gaan waar u "
                    "was. Het wachtwoord van de database staat op deze computer (pgpass): "
                    "vergrendel daarom ook de computer als u weggaat (Windows-toets + L).",
                )
            )
        self.passphrase.setAccessibleName(translate("Coördinatie", "Wachtwoord van de database"))
        self.passphrase.setAccessibleDescription(
            translate("Coördinatie", "Het wachtwoord van uw account op de server.")
        )
        self._form.setRowVisible(self.name, False)
        label = self._form.labelForField(self.passphrase)
        if isinstance(label, QLabel):
            label.setText(translate("Coördinatie", "Wachtwoord van de database"))
        self.forgot.setVisible(False)
        self.open_button.setText(translate("Coördinatie", "Verbinden"))
        self.show_password(password_needed)

    def show_password(self, on: bool) -> None:
        """Show the database password field (server mode) when the server asks one."""
        self._form.setRowVisible(self.passphrase, on)
        if on:
            self.passphrase.setFocus()
            self.adjustSize()
        else:
            self.open_button.setFocus()

    def show_recovery(self, on: bool) -> None:
        self.recovery.setVisible(on)
        self.passphrase.setEnabled(not on)
        self.forgot.setVisible(not on)
        if on:
            self.adjustSize()
        (self.recovery_key if on else self.passphrase).setFocus()

    def try_open(self) -> None:
        if self.url is not None:
            self._open_server(self.url)
            return
        from huisbezoek.errors import UserError

        user = " ".join(self.name.text().split())
        if not user:
            show_message(self.message, translate("Coördinatie", "Vul uw naam in."))
            return
        passphrase, folder = self.passphrase.text(), self.folder
        if self.recovery.isVisible():
            from huisbezoek.services import startup

            problem = startup.check_new_passphrase(self.new_pass.text(), self.new_pass2.text())
            if problem:
                show_message(self.message, problem)
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
            show_message(
                self.message,
                exc.message_nl
                if isinstance(exc, UserError)
                else translate("Coördinatie", "Openen lukte niet. Probeer het nog eens."),
            )

        run_op(self, work, on_done=done, on_error=failed)

    def _open_server(self, url: str) -> None:
        """Connect (with the typed password when the field shows); ask it when the server
        wants one; hand on the store and its database account."""
        from huisbezoek.coordinator.connection import remember_password_needed
        from huisbezoek.coordinator.store.backend import CoordinatorStore
        from huisbezoek.coordinator.store.server import PasswordNeededError
        from huisbezoek.errors import UserError

        password = self.passphrase.text() if self._form.isRowVisible(self.passphrase) else ""

        def work() -> tuple[Any, str]:
            store = CoordinatorStore.open_url(url, password=password or None)
            try:
                return store, store.database_user()
            except BaseException:
                store.close()
                raise

        self.open_button.setEnabled(False)

        def done(result: tuple[Any, str]) -> None:
            store, account = result
            self.passphrase.clear()
            remember_password_needed(url, bool(password))
            self.password_used = bool(password)
            if self.relock:
                self.reopened.emit(store)
            else:
                self.unlocked.emit(store, account)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.open_button.setEnabled(True)
            if isinstance(exc, PasswordNeededError):
                self.show_password(True)
                asked = translate(
                    "Coördinatie", "De server vraagt uw wachtwoord. Typ het in en druk op Enter."
                )
                show_message(self.message, asked)
                return
            self.passphrase.selectAll()
            show_message(
                self.message,
                exc.message_nl
                if isinstance(exc, UserError)
                else translate("Coördinatie", "Verbinden lukte niet. Probeer het nog eens."),
            )

        run_op(self, work, on_done=done, on_error=failed)
