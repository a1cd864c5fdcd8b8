"""The batch file format on its own: build, read, verify, open, and what it refuses."""

import gzip
import json
import zipfile

import pyrage
import pytest
from pydantic import ValidationError

from huisbezoek.domain import ConsentScope
from huisbezoek.exchange import batch, container, minisign
from huisbezoek.exchange.errors import (
    BadSignatureError,
    CorruptBatchError,
    DecompressionBombError,
    InvalidPayloadError,
    ManifestMismatchError,
    OtherOrganisationError,
    OversizedBatchError,
)
from huisbezoek.exchange.keys import VolunteerKeys

from .helpers import make_batch, make_org, make_payload, make_signal


@pytest.fixture
def org():
    return make_org()


@pytest.fixture
def keys():
    return VolunteerKeys.generate()


def open_all(data, keys, identity):
    sealed = batch.read(data)
    batch.verify(sealed, keys.public_key)
    return batch.open_payload(sealed, [identity])


def repack(data, **replace):
    parts = container.unpack(data, batch.PART_NAMES)
    parts.update(replace)
    return container.pack([(n, parts[n]) for n in batch.PART_NAMES])


def test_round_trip(org, keys):
    identity, config = org
    payload = make_payload(keys, config, signals=[make_signal(), make_signal(identity=True)])
    manifest, data = batch.build(payload, keys, config)
    assert open_all(data, keys, identity) == payload
    assert batch.batch_file_name(manifest).endswith(f"{keys.key_id_hex}-000001.zip")


def test_standard_zip_reader_sees_the_three_parts(org, keys, tmp_path):
    _, config = org
    _, data = make_batch(keys, config)
    path = tmp_path / "b.zip"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == list(batch.PART_NAMES)
        assert zf.testzip() is None
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["key_id"] == keys.key_id_hex
    assert "Testpersoon" not in json.dumps(manifest)


def test_manifest_holds_no_personal_data(org, keys):
    _, config = org
    payload = make_payload(keys, config, signals=[make_signal(identity=True)])
    manifest, data = batch.build(payload, keys, config)
    assert b"Testpersoon" not in data and b"gevallen" not in data  # all of it is encrypted
    assert set(json.loads(manifest.to_bytes())) == {
        "format", "format_version", "org_id", "batch_id", "key_id", "sequence", "created",
        "compression", "schema_version",
    }  # fmt: skip


def test_bit_flip_in_payload_fails_signature(org, keys):
    identity, config = org
    _, data = make_batch(keys, config)
    parts = container.unpack(data, batch.PART_NAMES)
    enc = bytearray(parts["payload.age"])
    enc[-5] ^= 1
    with pytest.raises(BadSignatureError):
        open_all(repack(data, **{"payload.age": bytes(enc)}), keys, identity)


def test_truncated_file_is_corrupt(org, keys):
    _, config = org
    _, data = make_batch(keys, config)
    for cut in (0, 10, len(data) // 2, len(data) - 1):
        with pytest.raises(CorruptBatchError):
            batch.read(data[:cut])


def test_harmless_looking_change_to_zip_header_is_refused(org, keys):
    _, config = org
    _, data = make_batch(keys, config)
    changed = bytearray(data)
    changed[10] ^= 0x01  # the modification time of the first entry
    with pytest.raises(CorruptBatchError):
        batch.read(bytes(changed))


def test_signature_of_another_key_is_refused(org, keys):
    _identity, config = org
    _, data = make_batch(keys, config)
    with pytest.raises(BadSignatureError):
        batch.verify(batch.read(data), VolunteerKeys.generate().public_key)


def test_valid_signature_over_other_payload(org, keys):
    identity, config = org
    _, first = make_batch(keys, config, sequence=1)
    _, second = make_batch(keys, config, sequence=1)
    other_payload = container.unpack(second, batch.PART_NAMES)["payload.age"]
    with pytest.raises(BadSignatureError):
        open_all(repack(first, **{"payload.age": other_payload}), keys, identity)


def test_manifest_disagreeing_with_trusted_comment(org, keys):
    identity, config = org
    manifest, data = make_batch(keys, config, sequence=5)
    forged = manifest.model_copy(update={"sequence": 9}).to_bytes()
    with pytest.raises(ManifestMismatchError):
        open_all(repack(data, **{"manifest.json": forged}), keys, identity)


def test_manifest_disagreeing_with_encrypted_header(org, keys):
    """A buggy or hostile client signs an outside label that differs from the inside."""
    identity, config = org
    payload = make_payload(keys, config, sequence=2)
    _, data = batch.build(payload, keys, config)
    sealed = batch.read(data)
    lying = payload.model_copy(update={"header": payload.header.model_copy(update={"sequence": 3})})
    plain = gzip.compress(lying.to_json(), mtime=0)
    enc = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(config.recipients[0])])
    sig = minisign.sign(keys.signing_key, enc, sealed.manifest.trusted_comment())
    forged = repack(data, **{"payload.age": enc, "payload.age.minisig": sig.to_text().encode()})
    with pytest.raises(ManifestMismatchError):
        open_all(forged, keys, identity)


def _resign(data, keys, config, plain):
    sealed = batch.read(data)
    enc = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(config.recipients[0])])
    sig = minisign.sign(keys.signing_key, enc, sealed.manifest.trusted_comment())
    return repack(data, **{"payload.age": enc, "payload.age.minisig": sig.to_text().encode()})


def test_schema_invalid_payload(org, keys):
    identity, config = org
    payload = make_payload(keys, config)
    _, data = batch.build(payload, keys, config)
    obj = json.loads(payload.to_json())
    obj["signals"][0]["raw_answers"] = {"q1": "ja"}  # a field the schema does not have
    forged = _resign(data, keys, config, gzip.compress(json.dumps(obj).encode(), mtime=0))
    with pytest.raises(InvalidPayloadError):
        open_all(forged, keys, identity)


def test_identity_without_consent_is_schema_invalid(org, keys):
    identity, config = org
    payload = make_payload(keys, config, signals=[make_signal(identity=True)])
    _, data = batch.build(payload, keys, config)
    obj = json.loads(payload.to_json())
    obj["signals"][0]["consent"]["scopes"] = ["delen_signaal"]
    forged = _resign(data, keys, config, gzip.compress(json.dumps(obj).encode(), mtime=0))
    with pytest.raises(InvalidPayloadError):
        open_all(forged, keys, identity)


@pytest.mark.parametrize(
    ("scopes", "identity"),
    [
        ([ConsentScope.SHARE_SIGNAL], True),
        ([ConsentScope.RECORD_VISIT], False),
        ([ConsentScope.SHARE_SIGNAL, ConsentScope.SHARE_SIGNAL], False),
    ],
)
def test_consent_rules_hold_when_a_payload_is_built(org, keys, scopes, identity):
    """The volunteer's side cannot build (so cannot send) a payload breaking the consent rules."""
    _, config = org
    signal = make_signal(identity=identity)
    bad = signal.model_copy(
        update={"consent": signal.consent.model_copy(update={"scopes": scopes})}
    )
    with pytest.raises(ValidationError):
        make_payload(keys, config, signals=[bad])


def test_decompression_bomb(org, keys):
    identity, config = org
    _, data = make_batch(keys, config)
    bomb = gzip.compress(b" " * (batch.MAX_PLAINTEXT_BYTES + 10), mtime=0)
    assert len(bomb) < 200_000
    with pytest.raises(DecompressionBombError):
        open_all(_resign(data, keys, config, bomb), keys, identity)


def test_oversized_file(org, keys):
    _, config = org
    _, data = make_batch(keys, config)
    with pytest.raises(OversizedBatchError):
        batch.read(data + b"\0" * batch.MAX_BATCH_BYTES)


def test_batch_for_another_organisation_does_not_decrypt(org, keys):
    _, config = org
    other_identity, _ = make_org("Andere stichting")
    _, data = make_batch(keys, config)
    sealed = batch.read(data)
    batch.verify(sealed, keys.public_key)
    with pytest.raises(OtherOrganisationError):
        batch.open_payload(sealed, [other_identity])


def test_backup_recipient_can_decrypt_too(keys):
    from huisbezoek.exchange.keys import OrgConfig, OrgIdentity

    main, backup = OrgIdentity.generate(), OrgIdentity.generate()
    config = OrgConfig.create(make_org()[1].org_id, "Org", [main.recipient, backup.recipient])
    _, data = make_batch(keys, config)
    assert open_all(data, keys, backup).header.key_id == keys.key_id_hex


def test_a_signal_is_shared_or_withdrawn_never_both(org, keys):
    from huisbezoek.exchange.payload import BatchPayload, WithdrawnSignal

    payload = make_payload(keys, org[1])
    shared = payload.signals[0]
    withdrawn = WithdrawnSignal(id=shared.id, revision=shared.revision + 1)
    with pytest.raises(ValidationError, match="appears twice"):
        BatchPayload(header=payload.header, signals=[shared], neighbourhoods=[],
                     withdrawn=[withdrawn])  # fmt: skip
    alone = BatchPayload(
        header=payload.header, signals=[], neighbourhoods=[], withdrawn=[withdrawn]
    )
    assert BatchPayload.from_json(alone.to_json()).withdrawn == [withdrawn]
