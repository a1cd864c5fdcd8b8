"""The settings dialog: text size, high contrast and the idle-lock time."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSlider, QSpinBox, QVBoxLayout

from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import tr
from huisbezoek.services.settings import (
    IDLE_LOCK_MAX,
    IDLE_LOCK_MIN,
    TEXT_SCALE_MAX,
    TEXT_SCALE_MIN,
)


class SettingsDialog(BaseDialog):
    shows_personal_data = False

    def __init__(self, parent, ctx) -> None:
        super().__init__(parent, "settingsDialog", ctx)
        self.setWindowTitle(tr("Instellingen", "Instellingen"))
        s = ctx.settings
        self.scale = QSlider(Qt.Orientation.Horizontal)
        self.scale.setRange(TEXT_SCALE_MIN, TEXT_SCALE_MAX)
        self.scale.setSingleStep(10)
        self.scale.setPageStep(25)
        self.scale.setTickInterval(25)
        self.scale.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.scale.setValue(s.text_scale)
        self.scale.setAccessibleName(tr("Instellingen", "Tekstgrootte"))
        self.scale.setAccessibleDescription(
            tr("Instellingen", "Van 100 tot 200 procent. Pijltjes: kleiner of groter.")
        )
        self.scale_value = QLabel()
        self.scale.valueChanged.connect(self._show_scale)
        self._show_scale(s.text_scale)
        self.contrast = QCheckBox(tr("Instellingen", "Hoog contrast (zwart op wit)"))
        self.contrast.setChecked(s.high_contrast)
        self.contrast.setAccessibleName(tr("Instellingen", "Hoog contrast"))
        self.contrast.setAccessibleDescription(tr("Instellingen", "Zwart op wit met dikke randen."))
        self.idle = QSpinBox()
        self.idle.setRange(IDLE_LOCK_MIN, IDLE_LOCK_MAX)
        self.idle.setValue(s.idle_lock_minutes)
        self.idle.setSuffix(tr("Instellingen", " minuten"))
        self.idle.setAccessibleName(tr("Instellingen", "Automatisch vergrendelen na"))
        self.idle.setAccessibleDescription(
            tr("Instellingen", "Minuten zonder muis of toetsenbord, daarna gaat de kluis op slot.")
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Instellingen", "&Tekstgrootte:"), self.scale)
        form.addRow("", self.scale_value)
        form.addRow("", self.contrast)
        form.addRow(tr("Instellingen", "&Vergrendelen na:"), self.idle)
        explain = QLabel(
            tr(
                "Instellingen",
                "Als u een tijd niets doet, gaat de kluis op slot. "
                "Dan vraagt het programma opnieuw om uw wachtwoordzin.",
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.standard_buttons())
        self.setTabOrder(self.scale, self.contrast)
        self.setTabOrder(self.contrast, self.idle)

    def _show_scale(self, value: int) -> None:
        self.scale_value.setText(
            tr("Instellingen", "{pct}% van de normale grootte").format(pct=value)
        )

    def accept(self) -> None:
        new = replace(
            self.ctx.settings,
            text_scale=self.scale.value(),
            high_contrast=self.contrast.isChecked(),
            idle_lock_minutes=self.idle.value(),
        )
        super().accept()
        self.ctx.update_settings(new)
