"""The coordinator's File menu beyond lock and quit: a backup of the store, the organisation's
key for safekeeping, and a new passphrase. Each asks what it needs in a small dialog, runs
off the GUI thread and says in Dutch what happened."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from huisbezoek.coordinator import organisation
from huisbezoek.fsutil import atomic_write
from huisbezoek.gui.coordinator.org_key import SecretDialog, with_org_key
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    show_message,
)


class FileActions:
    """Adds the actions to ``menu`` of the coordinator ``window`` (which has vault and store)."""

    def __init__(self, window: Any, menu: QMenu) -> None:
        self.window = window
        self.backup_action = QAction(translate("Bestand", "&Reservekopie maken…"), window)
        self.backup_action.setObjectName("coordinatorBackupAction")
        self.key_action = QAction(
            translate("Bestand", "&Sleutel van de organisatie bewaren…"), window
        )
        self.key_action.setObjectName("coordinatorKeyAction")
        self.passphrase_action = QAction(translate("Bestand", "&Wachtwoordzin wijzigen…"), window)
        self.passphrase_action.setObjectName("coordinatorPassphraseAction")
        for action in (self.backup_action, self.key_action, self.passphrase_action):
            menu.addAction(action)
        self.backup_action.triggered.connect(self.choose_backup)
        self.key_action.triggered.connect(self.ask_key_secret)
        self.passphrase_action.triggered.connect(self.ask_passphrase)

    def on_server(self, server: bool) -> None:
        """On the shared PostgreSQL store there is no vault to back up or to give a new
        passphrase: the actions stay in the menu, switched off, and say why."""
        why = translate(
            "Bestand",
            "Niet bij de gedeelde database: de beheerder van de server maakt reservekopieën "
            "en beheert de wachtwoorden.",
        )
        for action in (self.backup_action, self.passphrase_action):
            action.setEnabled(not server)
            action.setToolTip(why if server else "")
            action.setStatusTip(why if server else "")

    def _told(self, text: str) -> None:
        QMessageBox.information(self.window, translate("Bestand", "Klaar"), text)

    def _failed(self, exc: BaseException) -> None:
        from huisbezoek.errors import UserError
        from huisbezoek.gui.operations import show_error

        if isinstance(exc, UserError):
            QMessageBox.warning(self.window, translate("Bestand", "Niet gelukt"), exc.message_nl)
        else:
            show_error(self.window, exc)

    # -- backup ---------------------------------------------------------------------------

    def choose_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            translate("Bestand", "Reservekopie opslaan"),
            f"coordinatie-{date.today().isoformat()}.hbbackup",
        )
        if path:
            self.backup(Path(path))

    def backup(self, path: Path) -> None:
        vault = self.window.vault
        run_op(
            self.window,
            lambda: vault.backup(path),
            on_done=lambda written: self._told(
                translate("Bestand", "De reservekopie staat in {pad}. Hij opent met de "
                                     "wachtwoordzin of de herstelsleutel van nu.").format(
                    pad=str(written))),
            on_error=self._failed,
        )  # fmt: skip

    # -- the organisation's key -------------------------------------------------------------

    def ask_key_secret(self) -> None:
        dialog = SecretDialog(
            self.window,
            "coordinatorKeyExport",
            translate("Bestand", "Kies een wachtwoord voor het sleutelbestand (minstens 10 "
                                 "tekens). Bewaar het bestand en het wachtwoord apart."),
            [translate("Bestand", "Wachtwoord"), translate("Bestand", "Nog een keer")],
        )  # fmt: skip

        def go() -> None:
            first, second = dialog.values()
            if first != second:
                show_message(
                    dialog.message, translate("Bestand", "De twee wachtwoorden verschillen.")
                )
                return
            path, _ = QFileDialog.getSaveFileName(
                dialog, translate("Bestand", "Sleutelbestand opslaan"), "organisatie-sleutel.age"
            )
            if path:
                dialog.accept()
                self.export_key(Path(path), first)

        dialog.ok.clicked.connect(go)
        dialog.open()

    def export_key(self, path: Path, secret: str) -> None:
        store = self.window.store

        def work() -> Path:
            atomic_write(path, organisation.export_org_identity_file(store, secret), mode=0o600)
            return path

        def go() -> None:
            run_op(
                self.window, work,
                on_done=lambda written: self._told(
                    translate("Bestand", "De sleutel staat versleuteld in {pad}.").format(
                        pad=str(written))),
                on_error=self._failed,
            )  # fmt: skip

        with_org_key(self.window, store, go, kdf=getattr(self.window, "kdf", None))

    # -- passphrase -------------------------------------------------------------------------

    def ask_passphrase(self) -> None:
        dialog = SecretDialog(
            self.window,
            "coordinatorPassphrase",
            translate("Bestand", "Typ uw wachtwoordzin van nu en twee keer de nieuwe."),
            [translate("Bestand", "Wachtwoordzin van nu"),
             translate("Bestand", "Nieuwe wachtwoordzin"),
             translate("Bestand", "Nieuwe nog een keer")],
        )  # fmt: skip

        def go() -> None:
            from huisbezoek.services.startup import check_new_passphrase

            old, new, again = dialog.values()
            problem = check_new_passphrase(new, again)
            if problem:
                show_message(dialog.message, problem)
                return
            self.change_passphrase(old, new, dialog)

        dialog.ok.clicked.connect(go)
        dialog.open()

    def change_passphrase(self, old: str, new: str, dialog: SecretDialog | None = None) -> None:
        vault, kdf = self.window.vault, getattr(self.window, "kdf", None)

        def failed(exc: BaseException) -> None:
            from huisbezoek.errors import UserError

            if dialog is not None and isinstance(exc, UserError):
                show_message(dialog.message, exc.message_nl)
            else:
                self._failed(exc)

        def done(_result: object) -> None:
            if dialog is not None:
                dialog.accept()
            self._told(translate("Bestand", "Uw nieuwe wachtwoordzin is ingesteld."))

        run_op(self.window, lambda: vault.change_passphrase(old, new, kdf=kdf),
               on_done=done, on_error=failed)  # fmt: skip
