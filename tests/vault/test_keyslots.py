from __future__ import annotations

import hashlib
import json

import pytest

from huisbezoek.vault import (
    AuditEvent,
    DamagedKeyFileError,
    ForeignFileError,
    KdfParams,
    RecoveryKeyTypoError,
    UnsafeKdfParamsError,
    Vault,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
    encode_recovery_key,
    keyslots,
)
from huisbezoek.vault.keyslots import KeyFile, new_key_file

from .conftest import PASSPHRASE

NEW = "een heel andere zin 42"


def _rewrite(path, mutate):
    """Change the JSON of a key file and recompute its checksum (a careful attacker)."""
    doc = json.loads(path.read_bytes())
    doc.pop("checksum")
    mutate(doc)
    body = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
    doc["checksum"] = hashlib.sha256(body).hexdigest()
    path.write_bytes(json.dumps(doc, sort_keys=True, separators=(",", ":")).encode() + b"\n")


def test_wrong_passphrase_rejected_and_recorded(vault_dir):
    for _ in range(2):
        with pytest.raises(WrongPassphraseError) as info:
            Vault.open(vault_dir, PASSPHRASE + "x")
        assert "wachtwoordzin klopt niet" in info.value.message_nl
        assert PASSPHRASE not in info.value.log_message
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        events = vault.audit_events()
    failed = [e for e in events if e.event == AuditEvent.FAILED_UNLOCK]
    assert len(failed) == 1 and failed[0].detail["count"] == 2
    assert not (vault_dir / "vault.attempts").exists()


def test_every_single_byte_change_in_key_file_is_rejected_as_damage(vault_dir):
    path = vault_dir / "vault.keys"
    original = path.read_bytes()
    for i in range(len(original)):
        for delta in (1, 0x20):
            tampered = bytearray(original)
            tampered[i] = (tampered[i] + delta) % 256
            with pytest.raises(DamagedKeyFileError):
                KeyFile.from_bytes(bytes(tampered))
    # Through the vault too: the typed error, and the file stays as it was.
    tampered = bytearray(original)
    tampered[len(original) // 2] ^= 0x01
    path.write_bytes(bytes(tampered))
    with pytest.raises(DamagedKeyFileError) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert "beschadigd" in info.value.message_nl
    assert path.read_bytes() == bytes(tampered)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(kind="coordinator"),
        lambda d: d.update(vault_id="0" * 32),
        lambda d: d.update(created_at="2020-01-01T00:00:00+00:00"),
        lambda d: d["slots"]["passphrase"].update(iterations=4),
    ],
    ids=["kind", "vault_id", "created_at", "kdf-params"],
)
def test_header_and_params_are_bound_to_the_seal(vault_dir, mutate):
    """Even with a recomputed checksum, a changed header or parameter breaks GCM."""
    _rewrite(vault_dir / "vault.keys", mutate)
    with pytest.raises((WrongPassphraseError, DamagedKeyFileError, ForeignFileError)):
        Vault.open(vault_dir, PASSPHRASE)
    key_file = KeyFile.from_bytes((vault_dir / "vault.keys").read_bytes())
    with pytest.raises(WrongPassphraseError):
        key_file.unwrap_with_passphrase(PASSPHRASE)


def test_recovery_slot_bound_to_its_vault(vault_dir, recovery_key):
    _rewrite(vault_dir / "vault.keys", lambda d: d.update(vault_id="1" * 32))
    with pytest.raises(WrongRecoveryKeyError):
        Vault.open_with_recovery(vault_dir, recovery_key)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 8 * 1024),
        ("memory_kib", 4 * 1024 * 1024),
        ("iterations", 1),
        ("iterations", 10_000),
        ("lanes", 1),
        ("lanes", 64),
        ("memory_kib", "65536"),
        ("iterations", True),
    ],
)
def test_kdf_params_outside_floor_and_ceiling_refused_before_deriving(
    vault_dir, monkeypatch, field, value
):
    _rewrite(vault_dir / "vault.keys", lambda d: d["slots"]["passphrase"].update({field: value}))

    def no_derivation(*args, **kwargs):
        raise AssertionError("key derivation must not run on unsafe parameters")

    monkeypatch.setattr(keyslots.Argon2id, "derive", no_derivation)
    with pytest.raises(UnsafeKdfParamsError):
        Vault.open(vault_dir, PASSPHRASE)


def test_floor_is_enforced_at_creation(tmp_path):
    weak = KdfParams(memory_kib=32 * 1024, iterations=3, lanes=4)
    with pytest.raises(UnsafeKdfParamsError):
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=weak)
    assert not (tmp_path / "v" / "vault.keys").exists()
    assert not (tmp_path / "v" / "vault.db").exists()


def test_calibration_never_goes_below_floor_nor_above_ceiling(monkeypatch):
    monkeypatch.setattr(keyslots, "_time_derivation", lambda p: 10.0)
    assert KdfParams.calibrate() == KdfParams.FLOOR
    monkeypatch.setattr(keyslots, "_time_derivation", lambda p: 0.0001)
    params = KdfParams.calibrate()
    params.check()
    assert params.memory_kib == 256 * 1024 and params.iterations == KdfParams.CEILING.iterations


def test_calibration_aims_at_target(monkeypatch):
    # Pretend cost grows linearly with memory x passes, 0.1 s at the floor.
    floor = KdfParams.FLOOR
    cost = lambda p: 0.1 * (p.memory_kib * p.iterations) / (floor.memory_kib * floor.iterations)  # noqa: E731
    monkeypatch.setattr(keyslots, "_time_derivation", cost)
    params = KdfParams.calibrate(target_seconds=0.75)
    assert 0.5 <= cost(params) <= 1.5


def test_kdf_params_stored_in_slot(tmp_path):
    custom = KdfParams(memory_kib=70 * 1024, iterations=3, lanes=4)
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=custom)
    vault.close()
    doc = json.loads((tmp_path / "v" / "vault.keys").read_bytes())
    assert doc["slots"]["passphrase"]["memory_kib"] == 70 * 1024
    with Vault.open(tmp_path / "v", PASSPHRASE) as again:
        assert again.kdf_params == custom


def test_change_passphrase_rewraps_only(vault_dir):
    db_before = (vault_dir / "vault.db").read_bytes()[:4096]
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        with pytest.raises(WrongPassphraseError):
            vault.change_passphrase("niet de goede zin", NEW, kdf=KdfParams.FLOOR)
        with pytest.raises(WeakPassphraseError):
            vault.change_passphrase(PASSPHRASE, "kort", kdf=KdfParams.FLOOR)
        vault.change_passphrase(PASSPHRASE, NEW, kdf=KdfParams.FLOOR)
    # The first page (salt, header) is unchanged: nothing was re-encrypted.
    assert (vault_dir / "vault.db").read_bytes()[:4096] == db_before
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    with Vault.open(vault_dir, NEW) as vault:
        assert AuditEvent.PASSPHRASE_CHANGE in [e.event for e in vault.audit_events()]


def test_recovery_unlock_and_reset(vault_dir, recovery_key):
    sloppy = recovery_key.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    with Vault.open_with_recovery(vault_dir, sloppy) as vault:
        assert vault.opened_with_recovery_key
        vault.reset_passphrase(NEW, kdf=KdfParams.FLOOR)
    with Vault.open(vault_dir, NEW) as vault:
        events = [e.event for e in vault.audit_events()]
        assert AuditEvent.RECOVERY_UNLOCK in events
        with pytest.raises(WrongPassphraseError):
            vault.reset_passphrase("zonder herstelsleutel", kdf=KdfParams.FLOOR)


def test_wrong_recovery_key(vault_dir, recovery_key):
    other = encode_recovery_key(bytes(20))
    with pytest.raises(WrongRecoveryKeyError) as info:
        Vault.open_with_recovery(vault_dir, other)
    assert not isinstance(info.value, RecoveryKeyTypoError)
    typo = recovery_key[:-1] + ("A" if recovery_key[-1] != "A" else "B")
    with pytest.raises(RecoveryKeyTypoError) as info2:
        Vault.open_with_recovery(vault_dir, typo)
    assert "tikfout" in info2.value.message_nl


def test_new_key_file_roundtrip():
    key_file, data_key, recovery = new_key_file("volunteer", PASSPHRASE, KdfParams.FLOOR)
    parsed = KeyFile.from_bytes(key_file.to_bytes())
    assert parsed == key_file
    assert parsed.unwrap_with_passphrase(PASSPHRASE) == data_key
    assert parsed.unwrap_with_recovery_key(recovery) == data_key
    text = key_file.to_bytes()
    assert data_key.hex().encode() not in text and recovery.hex().encode() not in text
