from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from huisbezoek.vault import AuditEvent, Vault
from huisbezoek.vault.engine import connect_raw

from .conftest import PASSPHRASE


def test_chain_grows_and_verifies(vault):
    vault.audit(AuditEvent.EXPORT, {"items": 3})
    vault.audit(AuditEvent.ERASE, {"residents": 1})
    report = vault.verify_audit_chain()
    assert report.ok and report.rows >= 4
    assert [e.event for e in vault.audit_events(2)] == ["erase", "export"]


def test_audit_log_is_append_only(vault):
    for statement in ("UPDATE audit_log SET event = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), vault.connection() as conn:
            conn.exec_driver_sql(statement)
    assert vault.verify_audit_chain().ok


def test_tampering_detected(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.audit(AuditEvent.EXPORT, {"items": 3})
        vault.audit(AuditEvent.BACKUP)
        key = vault._require_key()
    # Someone with the key drops the trigger and edits a row in the middle.
    conn = connect_raw(vault_dir / "vault.db", key)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET detail = '{\"items\":1}' WHERE event = 'export'")
    bad_id = conn.execute("SELECT id FROM audit_log WHERE event = 'export'").fetchone()[0]
    conn.close()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        report = vault.verify_audit_chain()
        assert not report.ok and report.first_bad_id == bad_id
        assert not vault.check().ok


def test_removed_row_detected(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.audit(AuditEvent.EXPORT)
        key = vault._require_key()
    conn = connect_raw(vault_dir / "vault.db", key)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id = 2")
    conn.close()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.verify_audit_chain().first_bad_id == 3
