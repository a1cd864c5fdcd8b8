"""Fixtures for the coordinator tests: a store on SQLCipher and on a real PostgreSQL server."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def pg_password_server() -> Iterator[PgServer]:
    """A server that also listens on 127.0.0.1, where every account must give its password
    (scram-sha-256), as an organisation's server does."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (python3 dev.py test installs it)")
    server = PgServer(bin_dir, tcp_port=_free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@dataclass(frozen=True)
class ServerAccount:
    #: Over TCP, without a password (the server will ask one).
    url: str
    account: str
    password: str
    #: The same database as the trusted superuser, over the socket (for checks).
    admin_url: str


def account_database(server: PgServer, password: str = "wachtwoord van de test") -> ServerAccount:
    """A fresh database owned by a fresh login role with ``password``."""
    tag = uuid.uuid4().hex[:8]
    account, database = f"coord_{tag}", f"db_{tag}"
    engine = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f"CREATE ROLE {account} LOGIN PASSWORD '{password}'"))
            conn.execute(text(f'CREATE DATABASE "{database}" OWNER {account}'))
    finally:
        engine.dispose()
    url = f"postgresql+psycopg://{account}@127.0.0.1:{server.tcp_port}/{database}"
    return ServerAccount(url, account, password, server.url(database))
