"""Where the application keeps its data: the platform's user data folder, or an override.

``HUISBEZOEK_HOME`` overrides the folder; the tests always set it so they never touch a real
volunteer's data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_HOME = "HUISBEZOEK_HOME"
#: Folder in the data folder with the organisation's accepted configuration (forms, leaflets,
#: sociale kaart), written by ``huisbezoek.services.configuration``. Not personal data.
CONFIG_DIR_NAME = "config"
#: Folders in the data folder: the volunteer's vault, and the coordinator store's vault.
VAULT_DIR_NAME = "vault"
COORDINATOR_DIR_NAME = "coordinator"
#: The organisation's shared PostgreSQL server saved by ``huisbezoek coordinator connect`` (the
#: address only, no password; ``huisbezoek.coordinator.connection``). Here so the start can see
#: whether one is saved without loading the database libraries.
COORDINATOR_SERVER_NAME = "coordinator-server.json"

# -- the files of one vault folder (the volunteer's vault and the coordinator store alike) ----
# Defined here, not in ``huisbezoek.vault``, so the start screen can look for a vault without
# loading the database libraries.
#: The SQLCipher database, and its write-ahead log and shared-memory files (suffixes).
VAULT_DB_NAME = "vault.db"
VAULT_DB_SIDE_SUFFIXES = ("-wal", "-shm")
#: The key slots (the data key wrapped by the passphrase and by the recovery key).
VAULT_KEYS_NAME = "vault.keys"
#: Failed unlock attempts (slows down guessing).
VAULT_ATTEMPTS_NAME = "vault.attempts"
#: Present while a new vault is being made.
VAULT_CREATING_NAME = "vault.creating"
#: Every file that is part of a vault's state: what a restore swaps.
VAULT_FILE_NAMES = (
    VAULT_DB_NAME,
    *(VAULT_DB_NAME + suffix for suffix in VAULT_DB_SIDE_SUFFIXES),
    VAULT_KEYS_NAME,
    VAULT_ATTEMPTS_NAME,
)


def _data_base() -> Path:
    override = os.environ.get(ENV_HOME)
    return Path(override) if override else Path(platformdirs.user_data_dir("huisbezoek", False))


def data_dir() -> Path:
    """The folder that holds the vault, settings and the lock; created when missing."""
    base = _data_base()
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    return base


def default_vault_dir() -> Path:
    """The volunteer's vault folder."""
    return data_dir() / VAULT_DIR_NAME


def default_coordinator_dir() -> Path:
    """The coordinator store's vault folder (made by the coordinator's first start or
    ``huisbezoek org init``)."""
    return data_dir() / COORDINATOR_DIR_NAME


def resources_dir() -> Path:
    """The top-level ``resources/`` folder (source checkout) or its copy inside a bundle."""
    return _shipped_dir("resources")


def forms_dir() -> Path:
    """The top-level ``forms/`` folder (source checkout) or its copy inside a bundle."""
    return _shipped_dir("forms")


def config_override_dir() -> Path:
    return data_dir() / CONFIG_DIR_NAME


def active_dir(name: str, shipped: Path) -> Path:
    """``shipped``, or the organisation's accepted copy of it (``config/<name>`` in the data
    folder) once a configuration package has put one there."""
    override = _data_base() / CONFIG_DIR_NAME / name  # only looks: creates no folder
    return override if override.is_dir() else shipped


def active_forms_dir() -> Path:
    """The forms new visits use: the organisation's when it sent any, else the shipped ones.
    (``forms_dir()`` stays the shipped folder, which also holds the form schema.)"""
    return active_dir("forms", forms_dir())


def _shipped_dir(name: str) -> Path:
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    return Path(__file__).resolve().parents[2] / name
