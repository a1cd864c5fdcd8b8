"""The volunteer's own preferences (text size, contrast, idle lock, language), typed, as JSON.

Settings hold no personal data, so they live unencrypted in the data folder beside the vault
(``settings.json``), written atomically. Unknown keys are kept out; bad values fall back to the
default rather than stopping the application from starting.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from huisbezoek import paths
from huisbezoek.errors import InvalidInputError
from huisbezoek.fsutil import atomic_write
from huisbezoek.safe_read import FileRefusedError, loads_json, read_bounded

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"

TEXT_SCALE_MIN = 100
TEXT_SCALE_MAX = 200
IDLE_LOCK_MIN = 1
IDLE_LOCK_MAX = 60
#: The languages of the screens: Dutch (the source, the default) and English.
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the settings dialog changes; every field has a safe default."""

    #: Text size in percent of the system font (100-200).
    text_scale: int = 100
    #: Black and white with strong borders for low vision.
    high_contrast: bool = False
    #: Minutes without mouse or keyboard input before the vault locks itself.
    idle_lock_minutes: int = 5
    #: Saved window and dialog geometry (opaque strings from the GUI), by window name.
    geometries: Mapping[str, str] = field(default_factory=dict)
    #: The language of the screens (``LANGUAGES``); printouts stay Dutch, for the resident.
    language: str = DEFAULT_LANGUAGE

    def validated(self) -> Settings:
        """This settings object, or :class:`InvalidInputError` naming the bad value in Dutch."""
        if not TEXT_SCALE_MIN <= self.text_scale <= TEXT_SCALE_MAX:
            raise InvalidInputError(
                "text_scale out of range",
                message_nl=f"Kies een tekstgrootte tussen {TEXT_SCALE_MIN} en {TEXT_SCALE_MAX}%.",
            )
        if not IDLE_LOCK_MIN <= self.idle_lock_minutes <= IDLE_LOCK_MAX:
            raise InvalidInputError(
                "idle_lock_minutes out of range",
                message_nl=(
                    f"Kies een tijd voor het automatisch vergrendelen tussen "
                    f"{IDLE_LOCK_MIN} en {IDLE_LOCK_MAX} minuten."
                ),
            )
        if self.language not in LANGUAGES:
            raise InvalidInputError(
                "unknown language", message_nl="Kies Nederlands of Engels als taal."
            )
        return self

    def with_geometry(self, name: str, value: str) -> Settings:
        geometries = dict(self.geometries)
        geometries[name] = value
        return replace(self, geometries=geometries)


def settings_path() -> Path:
    return paths.data_dir() / SETTINGS_FILE


MAX_SETTINGS_BYTES = 1024 * 1024


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing or damaged file gives the defaults (logged, not raised)."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = loads_json(read_bounded(path, MAX_SETTINGS_BYTES), max_depth=8)
    except FileRefusedError as exc:  # a folder, a FIFO, a huge or deeply nested file
        log.warning("settings file unreadable (%s); using defaults", exc.log_message)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    return _from_mapping(raw)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    settings.validated()
    data = {f.name: getattr(settings, f.name) for f in fields(settings)}
    data["geometries"] = dict(settings.geometries)
    atomic_write(path or settings_path(), json.dumps(data, indent=2, sort_keys=True).encode())


def _from_mapping(raw: Mapping[str, Any]) -> Settings:
    default = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        wanted = type(getattr(default, f.name))
        if f.name == "geometries":
            if isinstance(value, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                values[f.name] = dict(value)
            continue
        # bool is an int subclass: compare exact types so "true" never becomes a scale.
        if type(value) is wanted:
            values[f.name] = value
    candidate = replace(default, **values)
    try:
        return candidate.validated()
    except InvalidInputError:
        log.warning("settings out of range; using defaults for those values")
        clamped = replace(
            candidate,
            text_scale=min(max(candidate.text_scale, TEXT_SCALE_MIN), TEXT_SCALE_MAX),
            idle_lock_minutes=min(max(candidate.idle_lock_minutes, IDLE_LOCK_MIN), IDLE_LOCK_MAX),
            language=candidate.language if candidate.language in LANGUAGES else DEFAULT_LANGUAGE,
        )
        return clamped
