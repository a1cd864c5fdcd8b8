"""For the volunteer app: read a package from the coordinator (an assignment of residents or a
new configuration) and say what it did. The main window's menu calls
``choose_and_import_package``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from huisbezoek.exchange import package
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.safe_read import read_bounded
from huisbezoek.services import packages


def _message(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    box.setObjectName("packageResult")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def import_package(parent: QWidget | None, vault: Any, path: Path, on_done: Any = None) -> None:
    """Check and read ``path`` on the vault worker; the result or the Dutch refusal is shown."""
    from huisbezoek.errors import UserError
    from huisbezoek.gui.operations import show_error
    from huisbezoek.services import configuration

    def work() -> list[str]:
        data = read_bounded(path, package.MAX_PACKAGE_BYTES)
        if package.package_kind(data) == package.ASSIGNMENT:
            result = packages.accept_assignment(vault, data)
            return [
                translate("Pakket", "{n} nieuwe bewoners staan nu in uw lijst.").format(
                    n=result.added
                ),
                translate("Pakket", "{n} stonden er al in.").format(n=result.skipped)
                if result.skipped
                else "",
                translate("Pakket", "De coördinator heeft {n} zending(en) van u ontvangen.").format(
                    n=result.received
                )
                if result.received
                else "",
                translate(
                    "Pakket",
                    "{n} bewoner(s) op verzoek gewist bij de coördinator, nu ook op deze laptop.",
                ).format(n=result.erased)
                if result.erased
                else "",
            ]
        # Kept in the vault and written to the configuration folder, so new visits and
        # printed leaflets use it at once.
        return configuration.apply_configuration_package(vault, data).lines_nl()

    def done(lines: list[str]) -> None:
        text = "\n".join(line for line in lines if line)
        box = _message(
            parent, translate("Pakket", "Pakket ingelezen"), text, QMessageBox.Icon.Information
        )
        if on_done is not None:
            on_done(box)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserError):
            box = _message(parent, translate("Pakket", "Pakket niet ingelezen"), exc.message_nl,
                           QMessageBox.Icon.Warning)  # fmt: skip
            if on_done is not None:
                on_done(box)
        else:
            show_error(parent, exc)

    run_op(parent, work, on_done=done, on_error=failed)


def choose_and_import_package(parent: QWidget | None, ctx: Any, on_done: Any = None) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("Pakket", "Pakket van de coördinator kiezen"), str(Path.home())
    )
    if path:
        import_package(parent, ctx.vault, Path(path), on_done=on_done)
