from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from huisbezoek.services import visit_answers
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
        assert visit_answers.load_answers(vault, 1) == {"eenzaam": "soms", "gevallen": True}
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


def test_revision_0003_gives_signals_the_id_they_were_exported_under(tmp_path):
    """Existing signals get uuid5(namespace, row id), the id the exporter used before 0003;
    the table rebuild keeps every row and the consent records that point at them."""
    import json
    import uuid

    from huisbezoek.services.exchange import NAMESPACE_SETTING, signal_uuid
    from huisbezoek.vault import KdfParams
    from huisbezoek.vault.models import ConsentRecord, Signal

    folder = tmp_path / "vault"
    namespace = uuid.uuid4()
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR, schema_revision="0002")
    with vault.connection() as conn:
        for statement in _ROWS_0002:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            (NAMESPACE_SETTING, json.dumps(str(namespace))),
        )
    vault.close()
    with Vault.open(folder, PASSPHRASE) as vault, vault.session() as s:
        signals = s.scalars(select(Signal).order_by(Signal.id)).all()
        assert [(sig.id, sig.uid) for sig in signals] == [
            (7, str(signal_uuid(namespace, 7))),
            (9, str(signal_uuid(namespace, 9))),
        ]
        assert [sig.text for sig in signals] == ["Is gevallen", "Eet slecht"]
        consents = s.scalars(select(ConsentRecord).order_by(ConsentRecord.signal_id)).all()
        assert [c.signal_id for c in consents] == [7, 9]
        # Deleting a signal still cascades to its consent (foreign keys are back on).
        s.delete(signals[0])
        s.flush()
        assert [c.signal_id for c in s.scalars(select(ConsentRecord))] == [9]
        # A new row gets a fresh random id; the column is unique and required.
        added = Signal(visit_id=1, theme=signals[1].theme, severity=signals[1].severity)
        s.add(added)
        s.flush()
        assert uuid.UUID(added.uid).version == 4


def test_revision_0003_without_a_namespace_gives_random_unique_ids(tmp_path):
    import uuid

    from huisbezoek.vault import KdfParams
    from huisbezoek.vault.models import ConsentRecord, Signal

    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR, schema_revision="0002")
    with vault.connection() as conn:
        for statement in _ROWS_0002:
            conn.exec_driver_sql(statement)
    vault.close()
    with Vault.open(folder, PASSPHRASE) as vault, vault.session() as s:
        uids = s.scalars(select(Signal.uid)).all()
        assert len(uids) == 2 and len(set(uids)) == 2
        assert all(uuid.UUID(u).version == 4 for u in uids)
        assert len(s.scalars(select(ConsentRecord)).all()) == 2


def test_fixture_migration_keeps_the_consent_record_of_its_signal(tmp_path):
    from huisbezoek.vault.models import ConsentRecord, Signal

    with Vault.open(_copy_fixture(tmp_path), FIXTURE_PASSPHRASE) as vault, vault.session() as s:
        [sig] = s.scalars(select(Signal)).all()
        assert sig.uid and len(sig.uid) == 36
        [consent] = s.scalars(select(ConsentRecord)).all()
        assert consent.signal_id == sig.id


_ROWS_0002 = [
    "INSERT INTO residents (id, name, address, postcode, neighbourhood, notes, created_at, "
    "updated_at) VALUES (1, 'Fictief', '', '', '', '', '2026-01-05T10:00:00.000000+00:00', "
    "'2026-01-05T10:00:00.000000+00:00')",
    "INSERT INTO form_definitions (sha256, form_id, version, source, stored_at) VALUES ('"
    + "a" * 64
    + "', 'gesprek', '1', 'id: gesprek', '2026-01-07T10:00:00.000000+00:00')",
    "INSERT INTO visits (id, resident_id, form_id, form_version, definition_hash, status, "
    "started_at, updated_at, finalised_at, reopened_count) VALUES (1, 1, 'gesprek', '1', '"
    + "a"
    * 64
    + "', 'afgerond', '2026-01-07T10:00:00.000000+00:00', "
    "'2026-01-07T11:00:00.000000+00:00', '2026-01-07T11:00:00.000000+00:00', 0)",
    "INSERT INTO signals (id, visit_id, theme, severity, source_rule, text, note, "
    "agreed_action, revision, exported_revision, updated_at) VALUES "
    "(7, 1, 'vallen', 3, NULL, 'Is gevallen', '', '', 1, 1, '2026-01-07T11:00:00.000000+00:00'), "
    "(9, 1, 'voeding', 2, NULL, 'Eet slecht', '', '', 1, 1, '2026-01-07T11:00:00.000000+00:00')",
    "INSERT INTO consent_records (resident_id, visit_id, signal_id, scope, given_at, method, "
    "withdrawn_at, referral_service) VALUES "
    "(1, 1, 7, 'delen_signaal', '2026-01-07T11:00:00.000000+00:00', 'mondeling', NULL, NULL), "
    "(1, 1, 9, 'delen_signaal', '2026-01-07T11:00:00.000000+00:00', 'mondeling', NULL, NULL)",
]
