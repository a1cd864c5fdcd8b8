"""Where the application keeps its data: the platform's user data folder, or an override.

``HUISBEZOEK_HOME`` overrides the folder; the tests always set it so they never touch a real
volunteer's data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_HOME = "HUISBEZOEK_HOME"


def data_dir() -> Path:
    """The folder that holds the vault, settings and the lock; created when missing."""
    override = os.environ.get(ENV_HOME)
    base = Path(override) if override else Path(platformdirs.user_data_dir("huisbezoek", False))
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    return base


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def resources_dir() -> Path:
    """The top-level ``resources/`` folder (source checkout) or its copy inside a bundle."""
    return _shipped_dir("resources")


def forms_dir() -> Path:
    """The top-level ``forms/`` folder (source checkout) or its copy inside a bundle."""
    return _shipped_dir("forms")


def _shipped_dir(name: str) -> Path:
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    return Path(__file__).resolve().parents[2] / name
