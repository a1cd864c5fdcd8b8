"""Vault test fixtures: floor KDF parameters (calibration is slow) and a reusable template."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from huisbezoek.vault import KdfParams, Vault

PASSPHRASE = "correct paard batterij nietje"


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A closed, empty vault made once per worker; copy it with ``vault_dir``."""
    folder = tmp_path_factory.mktemp("template") / "vault"
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)
    vault.close()
    return folder, recovery


@pytest.fixture
def vault_dir(tmp_path: Path, template_vault: tuple[Path, str]) -> Path:
    """A private copy of the template vault (passphrase ``PASSPHRASE``)."""
    target = tmp_path / "vault"
    shutil.copytree(template_vault[0], target)
    return target


@pytest.fixture
def recovery_key(template_vault: tuple[Path, str]) -> str:
    return template_vault[1]


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    opened = Vault.open(vault_dir, PASSPHRASE)
    yield opened
    opened.close()
