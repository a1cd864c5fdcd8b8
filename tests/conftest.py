"""Shared fixtures: every test gets its own data folder and runs Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point HUISBEZOEK_HOME at a fresh folder so no test touches a real vault."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HUISBEZOEK_HOME", str(home))
    yield home
