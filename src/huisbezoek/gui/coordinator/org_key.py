"""Asking the organisation passphrase only where the organisation's key is needed.

On a shared PostgreSQL store the organisation's secret key is sealed (``store.orgkey``): opening
batches (import, fetch) and signing packages (assignments, configuration, receipts) need it.
Before such work the tab calls :func:`with_org_key`; when the store still holds the key sealed,
a small dialog asks the passphrase all coordinators share, unseals the key off the GUI thread,
and then runs the work. The key stays in memory until the window locks. A vault needs nothing.

``SecretDialog`` (one to three password fields) is shared with the File menu's actions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    button,
    button_row,
    error_label,
    hint,
    password_field,
    show_message,
)


class SecretDialog(BaseDialog):
    """One to three password fields and an OK button; ``accepted_values`` holds the texts."""

    shows_personal_data = False

    def __init__(self, parent: QWidget, name: str, intro: str, labels: list[str]) -> None:
        super().__init__(parent, name)
        self.fields = [password_field(label) for label in labels]
        self.message = error_label()
        self.ok = button(translate("Bestand", "Doorgaan"), primary=True)
        cancel = button(translate("Bestand", "Annuleren"))
        form = QFormLayout()
        for label, field in zip(labels, self.fields, strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(hint(intro))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(button_row(cancel, right=(self.ok,)))
        cancel.clicked.connect(self.reject)
        # Enter in a field presses "Doorgaan": a button is the dialog's default only once it
        # sits in the dialog (set before, the flag is lost), and never "Annuleren".
        cancel.setAutoDefault(False)
        self.ok.setDefault(True)

    def values(self) -> list[str]:
        return [field.text() for field in self.fields]


def with_org_key(parent: QWidget, store: Any, then: Callable[[], Any], *, kdf: Any = None) -> Any:
    """Run ``then`` now when the organisation key is usable, else after the passphrase was
    typed and fitted. Returns ``then()``'s result, or the dialog when it has to ask first."""
    if not store.needs_org_passphrase():
        return then()
    dialog = SecretDialog(
        parent,
        "coordinatorOrgKey",
        translate(
            "Coördinatie",
            "Hiervoor is de sleutel van de organisatie nodig. Typ de wachtwoordzin van de "
            "organisatiesleutel. Alle coördinatoren gebruiken dezelfde.",
        ),
        [translate("Coördinatie", "Wachtwoordzin organisatiesleutel")],
    )
    dialog.setWindowTitle(translate("Coördinatie", "Sleutel van de organisatie"))
    dialog.fields[0].setAccessibleDescription(
        translate("Coördinatie", "Typ de wachtwoordzin en druk op Enter.")
    )

    def go() -> None:
        passphrase = dialog.values()[0]
        if not passphrase:
            show_message(dialog.message, translate("Coördinatie", "Typ de wachtwoordzin."))
            return
        dialog.ok.setEnabled(False)

        def done(_result: object) -> None:
            dialog.fields[0].clear()
            dialog.accept()
            then()

        def failed(exc: BaseException) -> None:
            from huisbezoek.errors import UserError

            dialog.ok.setEnabled(True)
            dialog.fields[0].selectAll()
            show_message(
                dialog.message,
                exc.message_nl
                if isinstance(exc, UserError)
                else translate("Coördinatie", "Openen lukte niet. Probeer het nog eens."),
            )

        run_op(dialog, lambda: store.unlock_org_key(passphrase, kdf=kdf), on_done=done,
               on_error=failed)  # fmt: skip

    dialog.ok.clicked.connect(go)
    dialog.open()
    dialog.fields[0].setFocus()
    return dialog
