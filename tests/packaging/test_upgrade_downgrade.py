"""Upgrade keeps and migrates the vault; a downgrade refuses a newer vault (through the CLI)."""

from __future__ import annotations

import sys

from . import upgrade_helpers

SOURCE = [sys.executable, "-m", "huisbezoek"]


def test_old_vault_is_migrated_by_the_cli(tmp_path):
    upgrade_helpers.upgrade_old_vault(SOURCE, tmp_path)


def test_newer_vault_is_refused_by_the_cli(tmp_path):
    upgrade_helpers.refuse_newer_vault(SOURCE, tmp_path)
