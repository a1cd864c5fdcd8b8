"""What the screens share: the settings, the open vault and lock state (passed, never global)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from huisbezoek.gui.theme import apply_theme
from huisbezoek.services.settings import Settings, load_settings, save_settings


class AppContext(QObject):
    """Settings and the vault handle for all screens; signals when they change."""

    settings_changed = Signal()
    #: Ctrl+L anywhere, also in a dialog (Qt blocks the main window's shortcuts then).
    lock_requested = Signal()

    def __init__(self, settings: Settings | None = None, settings_file: Path | None = None):
        super().__init__()
        self._settings_file = settings_file
        self._settings = settings if settings is not None else load_settings(settings_file)
        #: The open vault (whatever ``services.startup`` returns), None while locked.
        self.vault: Any = None
        #: Volunteer's name, shown in the title bar and on printed sheets.
        self.volunteer_name: str = ""
        #: True when the open vault is the demo vault with fictional residents.
        self.is_demo = False
        #: Folder with form files; None means the shipped ``forms/`` (tests point elsewhere).
        self.forms_folder: Path | None = None
        #: Key-derivation parameters for new passphrases; None calibrates (tests: the floor).
        self.kdf: Any = None

    @property
    def settings(self) -> Settings:
        return self._settings

    def update_settings(self, settings: Settings) -> None:
        settings = settings.validated()
        self._settings = settings
        save_settings(settings, self._settings_file)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings)
        self.settings_changed.emit()

    def remember_geometry(self, name: str, value: str) -> None:
        # Geometry changes must not re-theme the application; save quietly.
        self._settings = replace(self._settings, geometries={**self._settings.geometries})
        self._settings = self._settings.with_geometry(name, value)
        save_settings(self._settings, self._settings_file)
