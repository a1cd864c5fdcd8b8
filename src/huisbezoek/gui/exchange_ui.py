"""Screens for the exchange area: export shared signals to the coordinator, and read in the
organisation's configuration file (its name and fingerprint are shown to compare by phone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.progress import ProgressDialog


def _info(parent: QWidget | None, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName(name)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def export_to(parent: QWidget | None, ctx, folder: Path) -> ProgressDialog:
    """Write one batch file of the signals the residents agreed to share into ``folder``."""
    from huisbezoek.services import exchange

    vault = ctx.vault

    def job(progress, cancel):
        return exchange.export_signals(vault, folder, progress=progress, cancel=cancel)

    dlg = ProgressDialog(
        parent, translate("Versturen", "Signalen klaarzetten voor de coördinator"), job
    )

    def done(result) -> None:
        if result.signals == 0:
            text = translate(
                "Versturen",
                "Er waren geen nieuwe signalen om te delen. Het bestand {bestand} bevat alleen "
                "de tellingen per wijk, zonder namen.",
            )
        else:
            text = translate(
                "Versturen",
                "{n} signalen staan versleuteld in het bestand {bestand}. Geef dit bestand aan "
                "de coördinator, bijvoorbeeld op een USB-stick of per e-mail.",
            )
        _info(
            parent,
            translate("Versturen", "Klaar"),
            text.format(n=result.signals, bestand=str(result.path)),
            "exportDone",
        )

    dlg.succeeded.connect(done)
    return dlg.start()


def choose_and_export(parent: QWidget | None, ctx) -> None:
    folder = QFileDialog.getExistingDirectory(
        parent, translate("Versturen", "Kies de map (bijvoorbeeld de USB-stick)"), str(Path.home())
    )
    if folder:
        export_to(parent, ctx, Path(folder))


def add_org_config(parent: QWidget | None, ctx, path: Path, on_done=None) -> None:
    """Read the organisation's configuration file and show its name and fingerprint."""
    from huisbezoek.services import startup

    opened = startup.OpenedVault(ctx.vault, ctx.volunteer_name, ctx.is_demo)

    def done(summary) -> None:
        _info(
            parent,
            translate("Organisatie", "Organisatie toegevoegd"),
            translate(
                "Organisatie",
                "Organisatie: {naam}\nVingerafdruk: {vingerafdruk}\n\nVergelijk de "
                "vingerafdruk met wat de coördinator u door de telefoon voorleest.",
            ).format(naam=summary.name, vingerafdruk=summary.fingerprint),
            "orgAdded",
        )
        if on_done is not None:
            on_done(summary)

    run_op(parent, lambda: startup.add_organisation(opened, path), on_done=done)


def choose_org_config(parent: QWidget | None, ctx) -> None:
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("Organisatie", "Instellingenbestand van de organisatie kiezen")
    )
    if path:
        add_org_config(parent, ctx, Path(path))
