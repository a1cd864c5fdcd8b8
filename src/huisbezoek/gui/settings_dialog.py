"""The settings dialog: text size, high contrast, the idle-lock time and the language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
)

from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.services.settings import (
    IDLE_LOCK_MAX,
    IDLE_LOCK_MIN,
    LANGUAGES,
    TEXT_SCALE_MAX,
    TEXT_SCALE_MIN,
)

#: Each language by its own name, as language choosers do (so never translated).
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class SettingsDialog(BaseDialog):
    shows_personal_data = False

    def __init__(self, parent, ctx) -> None:
        super().__init__(parent, "settingsDialog", ctx)
        self.setWindowTitle(translate("Instellingen", "Instellingen"))
        s = ctx.settings
        self.scale = QSlider(Qt.Orientation.Horizontal)
        self.scale.setRange(TEXT_SCALE_MIN, TEXT_SCALE_MAX)
        self.scale.setSingleStep(10)
        self.scale.setPageStep(25)
        self.scale.setTickInterval(25)
        self.scale.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.scale.setValue(s.text_scale)
        self.scale.setAccessibleName(translate("Instellingen", "Tekstgrootte"))
        self.scale.setAccessibleDescription(
            translate("Instellingen", "Van 100 tot 200 procent. Pijltjes: kleiner of groter.")
        )
        self.scale_value = QLabel()
        self.scale.valueChanged.connect(self._show_scale)
        self._show_scale(s.text_scale)
        self.contrast = QCheckBox(translate("Instellingen", "Hoog contrast (zwart op wit)"))
        self.contrast.setChecked(s.high_contrast)
        self.contrast.setAccessibleName(translate("Instellingen", "Hoog contrast"))
        self.contrast.setAccessibleDescription(
            translate("Instellingen", "Zwart op wit met dikke randen.")
        )
        self.idle = QSpinBox()
        self.idle.setRange(IDLE_LOCK_MIN, IDLE_LOCK_MAX)
        self.idle.setValue(s.idle_lock_minutes)
        self.idle.setSuffix(translate("Instellingen", " minuten"))
        self.idle.setAccessibleName(translate("Instellingen", "Automatisch vergrendelen na"))
        self.idle.setAccessibleDescription(
            translate(
                "Instellingen", "Minuten zonder muis of toetsenbord, daarna gaat de kluis op slot."
            )
        )
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        self.language.setAccessibleName(translate("Instellingen", "Taal van het programma"))
        self.language.setAccessibleDescription(
            translate("Instellingen", "Geldt na een nieuwe start van Huisbezoek.")
        )
        self.language_note = QLabel(
            translate(
                "Instellingen",
                "Een andere taal ziet u nadat u Huisbezoek opnieuw hebt gestart. "
                "Wat u afdrukt voor de bewoner blijft Nederlands.",
            )
        )
        self.language_note.setWordWrap(True)
        self.language_note.setProperty("role", "hint")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate("Instellingen", "&Tekstgrootte:"), self.scale)
        form.addRow("", self.scale_value)
        form.addRow("", self.contrast)
        explain = QLabel(
            translate(
                "Instellingen",
                "Als u een tijd niets doet, gaat de kluis op slot. "
                "Dan vraagt het programma opnieuw om uw wachtwoordzin.",
            )
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        form.addRow(translate("Instellingen", "&Vergrendelen na:"), self.idle)
        form.addRow("", explain)
        form.addRow(translate("Instellingen", "T&aal:"), self.language)
        form.addRow("", self.language_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.standard_buttons())
        self.setTabOrder(self.scale, self.contrast)
        self.setTabOrder(self.contrast, self.idle)
        self.setTabOrder(self.idle, self.language)

    def _show_scale(self, value: int) -> None:
        self.scale_value.setText(
            translate("Instellingen", "{pct}% van de normale grootte").format(pct=value)
        )

    def accept(self) -> None:
        new = replace(
            self.ctx.settings,
            text_scale=self.scale.value(),
            high_contrast=self.contrast.isChecked(),
            idle_lock_minutes=self.idle.value(),
            language=str(self.language.currentData()),
        )
        super().accept()
        self.ctx.update_settings(new)
