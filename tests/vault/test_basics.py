from __future__ import annotations

import stat
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from huisbezoek.domain import ContactMethod, ContactOutcome, Severity, Theme
from huisbezoek.vault import AuditEvent, KdfParams, Vault, VaultExistsError, WeakPassphraseError
from huisbezoek.vault.engine import REQUIRED_PRAGMAS
from huisbezoek.vault.models import ContactAttempt, Resident, Signal, Visit

from .conftest import PASSPHRASE


def test_create_open_roundtrip(tmp_path):
    folder = tmp_path / "v"
    vault, recovery = Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)
    assert len(recovery.split("-")) == 9
    with vault.session() as s:
        s.add(Resident(name="Fictieve Fenna", birth_date=date(1948, 3, 1), postcode="1234AB"))
    vault.close()
    assert stat.S_IMODE((folder / "vault.db").stat().st_mode) == 0o600
    with Vault.open(folder, PASSPHRASE) as again:
        with again.session() as s:
            assert s.scalars(select(Resident.name)).all() == ["Fictieve Fenna"]
        events = [e.event for e in again.audit_events()]
        assert events[:2] == [AuditEvent.UNLOCK, AuditEvent.CREATE]
        assert again.kind == "volunteer"
        assert again.check().ok


def test_create_refuses_existing_and_weak(tmp_path, vault_dir):
    with pytest.raises(VaultExistsError):
        Vault.create(vault_dir, PASSPHRASE, kdf=KdfParams.FLOOR)
    with pytest.raises(WeakPassphraseError):
        Vault.create(tmp_path / "new", "kort", kdf=KdfParams.FLOOR)


def test_every_connection_has_required_pragmas(vault):
    for _ in range(3):
        with vault.connection() as conn:
            for name, _value, expected in REQUIRED_PRAGMAS:
                assert conn.exec_driver_sql(f"PRAGMA {name}").scalar() == expected


def test_models_store_enums_as_values(vault):
    now = datetime.now(UTC)
    with vault.session() as s:
        resident = Resident(name="Verzonnen Viktor")
        s.add(resident)
        s.flush()
        s.add(
            ContactAttempt(
                resident_id=resident.id,
                at=now,
                method=ContactMethod.PHONE,
                outcome=ContactOutcome.DECLINED,
            )
        )
    with vault.connection() as conn:
        row = conn.exec_driver_sql("SELECT method, outcome, at FROM contact_attempts").one()
    assert row[0] == "telefoon" and row[1] == "afgezien"
    assert row[2].endswith("+00:00")
    with vault.session() as s:
        attempt = s.scalars(select(ContactAttempt)).one()
        assert attempt.outcome is ContactOutcome.DECLINED
        assert attempt.at == now


def test_foreign_keys_enforced(vault):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), vault.session() as s:
        s.add(Signal(visit_id=999, theme=Theme.VALLEN, severity=Severity.ZORG))
    with vault.session() as s:
        assert s.scalars(select(Visit)).all() == []


def test_a_pragma_that_does_not_stick_stops_the_connection(vault_dir, monkeypatch):
    from huisbezoek.vault import engine

    # Pretend the library ignored temp_store: expecting FILE (1) after setting MEMORY fails.
    broken = (("temp_store", "MEMORY", 1), *engine.REQUIRED_PRAGMAS[1:])
    monkeypatch.setattr(engine, "REQUIRED_PRAGMAS", broken)
    with pytest.raises(engine.PragmaError, match="temp_store"):
        Vault.open(vault_dir, PASSPHRASE)
    monkeypatch.undo()
    Vault.open(vault_dir, PASSPHRASE).close()  # and the lock was released


def test_os_level_disk_full_is_typed():
    import errno

    from huisbezoek.errors import DiskFullError
    from huisbezoek.vault.engine import translate_errors

    with pytest.raises(DiskFullError), translate_errors():
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(KeyError), translate_errors():
        raise KeyError("other errors pass through")
