"""The unlock screen: passphrase, or the recovery key when the passphrase is forgotten.

Key derivation takes about a second on purpose; it runs on the vault worker while a busy bar
shows. A wrong passphrase gives a calm message and nothing else: no hints, no way around it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.errors import UserError
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    BusyIndicator,
    button,
    centered,
    error_label,
    heading,
    hint,
    page,
    password_field,
    scrolling,
    show_message,
)
from huisbezoek.services import startup


def with_preload(fn: Callable[[], Any]) -> Callable[[], Any]:
    """Run ``fn`` on the worker, then import the work area's modules there too, so building
    the screens after the unlock costs the GUI thread no import time."""

    def job() -> Any:
        result = fn()
        importlib.import_module("huisbezoek.gui.work_area")
        return result

    return job


class UnlockPage(QWidget):
    """Emits ``unlocked(opened)`` with what ``services.startup`` returned."""

    unlocked = Signal(object)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy_running = False
        self.stack = QStackedWidget()
        self.stack.addWidget(self._passphrase_page())
        self.stack.addWidget(self._recovery_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(centered(self.stack, 60)))

    # -- passphrase -------------------------------------------------------------------------

    def _passphrase_page(self) -> QWidget:
        self.title = heading(translate("Ontgrendelen", "De kluis is op slot"))
        self.intro = hint(
            translate(
                "Ontgrendelen",
                "Typ uw wachtwoordzin om verder te gaan. Alles wat u deed, staat nog klaar.",
            )
        )
        self.demo_note = hint()
        self.demo_note.setVisible(False)
        self.demo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = password_field(translate("Ontgrendelen", "Wachtwoordzin"))
        self.passphrase.setAccessibleDescription(
            translate("Ontgrendelen", "Typ uw wachtwoordzin en druk op Enter.")
        )
        self.passphrase.returnPressed.connect(self.submit)
        self.open_button = button(translate("Ontgrendelen", "&Openen"), primary=True)
        self.open_button.clicked.connect(self.submit)
        self.busy = BusyIndicator(translate("Ontgrendelen", "Bezig met openen"))
        self.message = error_label()
        self.forgot = QPushButton(translate("Ontgrendelen", "Wachtwoordzin &vergeten?"))
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(lambda: self.show_recovery(True))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(translate("Ontgrendelen", "&Wachtwoordzin:"), self.passphrase)
        w, layout = page(self.title, self.intro, self.demo_note)
        layout.addLayout(form)
        layout.addWidget(self.open_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.forgot, alignment=Qt.AlignmentFlag.AlignLeft)
        return w

    def prepare(self) -> None:
        """Called each time the screen is shown: empty field, focus, demo note if any."""
        self.show_recovery(False)
        self.passphrase.clear()
        show_message(self.message, "")
        info = startup.vault_info()
        if info.demo_passphrase:
            self.demo_note.setText(
                translate(
                    "Ontgrendelen",
                    "Dit is een demokluis met verzonnen bewoners. "
                    "De wachtwoordzin is: {wachtwoord}",
                ).format(wachtwoord=info.demo_passphrase)
            )
            self.demo_note.setVisible(True)
        else:
            self.demo_note.setVisible(False)
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy_running = busy
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.open_button, self.forgot, self.recovery_key):
            w.setEnabled(not busy)
        for w in (self.new_pass, self.new_pass2, self.recover_button):
            w.setEnabled(not busy)

    def submit(self) -> None:
        if self.busy_running:
            return
        text = self.passphrase.text()
        if not text:
            show_message(self.message, translate("Ontgrendelen", "Typ eerst uw wachtwoordzin."))
            return
        show_message(self.message, "")
        self._set_busy(True)
        kdf = getattr(self.ctx, "kdf", None)
        run_op(
            self,
            with_preload(lambda: startup.unlock(text, kdf=kdf)),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, opened) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.unlocked.emit(opened)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UserError):
            show_message(self.message, exc.message_nl)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            from huisbezoek.gui.operations import show_error

            show_error(self, exc)

    # -- recovery key -----------------------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        title = heading(translate("Ontgrendelen", "Herstellen met uw herstelsleutel"))
        intro = hint(
            translate(
                "Ontgrendelen",
                "Pak het vel met uw herstelsleutel. Typ de sleutel over en kies een nieuwe "
                "wachtwoordzin. Streepjes en spaties mogen, hoofdletters maakt niet uit.",
            )
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName(translate("Ontgrendelen", "Herstelsleutel"))
        self.recovery_key.setAccessibleDescription(
            translate("Ontgrendelen", "De sleutel die u op papier heeft, met of zonder streepjes.")
        )
        self.recovery_key.setPlaceholderText(translate("Ontgrendelen", "XXXX-XXXX-XXXX-…"))
        self.new_pass = password_field(translate("Ontgrendelen", "Nieuwe wachtwoordzin"))
        self.new_pass.setAccessibleDescription(
            translate("Ontgrendelen", "Een paar woorden die alleen u weet, minstens vier.")
        )
        self.new_pass2 = password_field(
            translate("Ontgrendelen", "Nieuwe wachtwoordzin nog een keer")
        )
        self.new_pass2.setAccessibleDescription(
            translate("Ontgrendelen", "Typ dezelfde wachtwoordzin nog een keer.")
        )
        self.recover_button = button(
            translate("Ontgrendelen", "Herstellen en o&penen"), primary=True
        )
        self.recover_button.clicked.connect(self.submit_recovery)
        self.recovery_message = error_label()
        self.recovery_busy = BusyIndicator(translate("Ontgrendelen", "Bezig met herstellen"))
        back = QPushButton(translate("Ontgrendelen", "&Terug"))
        back.clicked.connect(lambda: self.show_recovery(False))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(translate("Ontgrendelen", "Herstel&sleutel:"), self.recovery_key)
        form.addRow(translate("Ontgrendelen", "&Nieuwe wachtwoordzin:"), self.new_pass)
        form.addRow(translate("Ontgrendelen", "Nog een &keer:"), self.new_pass2)
        w, layout = page(title, intro)
        layout.addLayout(form)
        layout.addWidget(self.recover_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.recovery_busy)
        layout.addWidget(self.recovery_message)
        layout.addWidget(back, alignment=Qt.AlignmentFlag.AlignLeft)
        return w

    def show_recovery(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        (self.recovery_key if on else self.passphrase).setFocus()

    def submit_recovery(self) -> None:
        if self.busy_running:
            return
        key, p1, p2 = self.recovery_key.text(), self.new_pass.text(), self.new_pass2.text()
        problem = startup.check_new_passphrase(p1, p2)
        if problem:
            show_message(self.recovery_message, problem)
            return
        show_message(self.recovery_message, "")
        self._set_busy(True)
        self.recovery_busy.setVisible(True)
        kdf = getattr(self.ctx, "kdf", None)

        def failed(exc: BaseException) -> None:
            self.recovery_busy.setVisible(False)
            self._set_busy(False)
            if isinstance(exc, UserError):
                show_message(self.recovery_message, exc.message_nl)
            else:
                from huisbezoek.gui.operations import show_error

                show_error(self, exc)

        def done(opened) -> None:
            self.recovery_busy.setVisible(False)
            for f in (self.recovery_key, self.new_pass, self.new_pass2):
                f.clear()
            self._done(opened)

        run_op(
            self,
            with_preload(lambda: startup.unlock_with_recovery_key(key, p1, kdf=kdf)),
            on_done=done,
            on_error=failed,
        )
