"""Fixtures for the hostile-input corpus: a small vault made once, copied per test."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from huisbezoek.cli import main
from huisbezoek.vault import KdfParams, Vault

PASSPHRASE = "vijandige bestanden test"


@pytest.fixture(scope="session")
def hostile_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)
    vault.close()
    return folder


@pytest.fixture
def vault_dir(tmp_path: Path, hostile_template: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(hostile_template, target)
    return target


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder`` (except the lock) with its hash and mode: 'nothing changed'."""
    out: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "vault.lock":
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(folder))] = (digest, path.stat().st_mode & 0o777)
    return out


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lines, *argv):
    """Run the command line as a user does; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def make_fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(path)
    return path
