"""Fixtures for the coordinator tests: a store on SQLCipher and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

from .pgserver import PgServer, find_bin_dir

PASSPHRASE = "coordinator passphrase for tests"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (python3 dev.py test installs it)")
    server = PgServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def open_vault_store(folder: Path) -> tuple[Vault, CoordinatorStore]:
    vault, _recovery = Vault.create(
        folder, PASSPHRASE, kind="coordinator", schema=COORDINATOR_SCHEMA, kdf=KdfParams.FLOOR
    )
    return vault, CoordinatorStore.from_vault(vault)


@pytest.fixture(params=["sqlcipher", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CoordinatorStore]:
    """The same store API on both backends; every test gets an empty one."""
    if request.param == "sqlcipher":
        vault, result = open_vault_store(tmp_path / "coordinator")
        try:
            yield result
        finally:
            vault.close()
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        result = CoordinatorStore.open_url(server.new_database())
        try:
            yield result
        finally:
            result.close()
