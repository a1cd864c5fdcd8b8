from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from huisbezoek.services import visits
from huisbezoek.vault import (
    AuditEvent,
    NewerSchemaError,
    Vault,
    migrate,
    read_manifest,
    restore_backup,
)
from huisbezoek.vault.engine import connect_raw
from huisbezoek.vault.models import Resident
from huisbezoek.vault.schema import VOLUNTEER_SCHEMA

from .conftest import PASSPHRASE

FIXTURE = Path(__file__).with_name("fixtures") / "vault-0001"
FIXTURE_PASSPHRASE = "fixture-kluis-0001 fictief"


def test_fixture_of_first_schema_opens_and_migrates(tmp_path):
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURE, folder)
    with Vault.open(folder, FIXTURE_PASSPHRASE) as vault:
        report = vault.check()
        assert report.ok
        assert report.schema_revision == migrate.head_revision(VOLUNTEER_SCHEMA) != "0001"
        with vault.session() as s:
            resident = s.scalars(select(Resident)).one()
            assert resident.name == "Fictieve Froukje Fixtuur"
            assert resident.assignment_ref is None  # the column revision 0002 added
            resident.assignment_ref = "opdracht-1"
        assert visits.load_answers(vault, 1) == {"eenzaam": "soms", "gevallen": True}
        migrated = [e for e in vault.audit_events() if e.event == AuditEvent.MIGRATE]
        assert migrated and migrated[0].detail["from"] == "0001"
    backups = list(folder.glob("kopie-voor-update-0001-*.hbbackup"))
    assert len(backups) == 1
    manifest, _ = read_manifest(backups[0])
    assert manifest.schema_revision == "0001"
    # A second open does not migrate (or back up) again.
    with Vault.open(folder, FIXTURE_PASSPHRASE):
        pass
    assert len(list(folder.glob("kopie-voor-update-*"))) == 1
    # The pre-migration backup restores (and then migrates again).
    restored = tmp_path / "restored"
    restore_backup(backups[0], restored, passphrase=FIXTURE_PASSPHRASE)
    with Vault.open(restored, FIXTURE_PASSPHRASE) as again, again.session() as s:
        assert s.scalars(select(Resident.name)).all() == ["Fictieve Froukje Fixtuur"]


def test_every_revision_matches_the_models(tmp_path):
    """The migrations build exactly the schema the models describe (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with (
        Vault.open(_copy_fixture(tmp_path), FIXTURE_PASSPHRASE) as vault,
        vault.engine.connect() as conn,
    ):
        diff = compare_metadata(MigrationContext.configure(conn), VOLUNTEER_SCHEMA.metadata)
    assert diff == []


def _copy_fixture(tmp_path):
    folder = tmp_path / "vault"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_newer_schema_refused_untouched(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        key = vault._require_key()
    conn = connect_raw(vault_dir / "vault.db", key)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = (vault_dir / "vault.db").read_bytes()
    with pytest.raises(NewerSchemaError) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert "nieuwere versie" in info.value.message_nl
    assert (vault_dir / "vault.db").read_bytes() == before
    assert not list(vault_dir.glob("kopie-voor-update-*"))
    # And the lock was released: the refusal is repeatable, not "in use".
    with pytest.raises(NewerSchemaError):
        Vault.open(vault_dir, PASSPHRASE)
