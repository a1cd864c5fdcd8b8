"""Every way a batch is refused at import: a Dutch reason, and the store is left as it was."""

import gzip
import json
import shutil
import uuid

import pyrage
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.store.models import (
    ImportedSignal,
    ImportLedger,
    NeighbourhoodCount,
)
from huisbezoek.domain import Severity, Theme
from huisbezoek.exchange import batch, container, minisign
from huisbezoek.exchange.keys import OrgConfig, OrgIdentity, VolunteerKeys
from huisbezoek.services import exchange as svc

from .conftest import SHARE, add_visit


def snapshot(store):
    with store.session() as s:
        return (
            sorted((r.id, r.revision, r.text) for r in s.scalars(select(ImportedSignal))),
            sorted((r.batch_id, r.sequence) for r in s.scalars(select(ImportLedger))),
            s.scalar(select(func.count()).select_from(NeighbourhoodCount)),
        )


@pytest.fixture
def exported(linked, tmp_path):
    """Coordinator with batch 1 imported; batch 2 exported and ready."""
    volunteer, coordinator = linked
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE)])
    first = svc.export_signals(volunteer, tmp_path / "b")
    assert importer.import_batches(coordinator, [first.path]).new == 1
    add_visit(volunteer, signals=[(Theme.VOEDING, Severity.ZORG, "Eet slecht", SHARE)])
    second = svc.export_signals(volunteer, tmp_path / "b")
    keys = svc.ensure_volunteer_keys(volunteer)
    config = svc.org_config(volunteer)
    return coordinator, first.path.read_bytes(), second.path.read_bytes(), keys, config


def refused(store, data, error):
    before = snapshot(store)
    result = importer.import_batch_bytes(store, data, "test.zip")
    assert result.status is importer.ImportStatus.REJECTED, result
    assert result.error == error
    assert result.reason_nl and "niets ingelezen" in result.reason_nl
    assert snapshot(store) == before
    return result


def parts(data):
    return container.unpack(data, batch.PART_NAMES)


def repack(data, **replace):
    p = parts(data)
    p.update(replace)
    return container.pack([(n, p[n]) for n in batch.PART_NAMES])


def resign(data, keys, config, plain, manifest=None):
    sealed = batch.read(data)
    manifest = manifest or sealed.manifest
    enc = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(r) for r in config.recipients])
    sig = minisign.sign(keys.signing_key, enc, manifest.trusted_comment())
    return container.pack(
        [
            ("manifest.json", manifest.to_bytes()),
            ("payload.age", enc),
            ("payload.age.minisig", sig.to_text().encode()),
        ]
    )


def inner(data, keys, config, coordinator):
    with coordinator.session() as s:
        identities = organisation.identities(s)
    ids = [i.age_identity() for i in identities]
    return json.loads(gzip.decompress(pyrage.decrypt(batch.read(data).encrypted, ids)))


def test_truncated(exported):
    store, _, data, *_ = exported
    for cut in (1, 100, len(data) // 2, len(data) - 1):
        refused(store, data[:cut], "CorruptBatchError")


def test_bit_flipped(exported):
    store, _, data, *_ = exported
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x10
    refused(store, bytes(flipped), "CorruptBatchError")  # the ZIP checksum no longer fits
    # the same flip with the checksum made to fit: the signature catches it
    enc = bytearray(parts(data)["payload.age"])
    enc[len(enc) // 2] ^= 0x10
    refused(store, repack(data, **{"payload.age": bytes(enc)}), "BadSignatureError")


def test_for_another_organisation_by_manifest(exported):
    store, _, data, keys, config = exported
    other = OrgIdentity.generate()
    other_config = OrgConfig.create(uuid.uuid4(), "Andere stichting", [other.recipient])
    obj = inner(data, keys, config, store)
    obj["header"]["org_id"] = str(other_config.org_id)
    payload = batch.BatchPayload.from_json(json.dumps(obj).encode())
    _, foreign = batch.build(payload, keys, other_config)
    refused(store, foreign, "OtherOrganisationError")


def test_for_another_organisation_by_encryption(exported):
    """Labelled with our id, signed by a real volunteer, but encrypted to someone else."""
    store, _, data, keys, config = exported
    stranger = OrgConfig.create(config.org_id, config.name, [OrgIdentity.generate().recipient])
    forged = resign(data, keys, stranger, batch.read(data).encrypted)
    refused(store, forged, "OtherOrganisationError")


def test_unknown_signer(exported):
    store, _, data, _, config = exported
    stranger = VolunteerKeys.generate()
    sealed = batch.read(data)
    manifest = sealed.manifest.model_copy(update={"key_id": stranger.key_id_hex})
    obj = inner(data, None, config, store)
    obj["header"]["key_id"] = stranger.key_id_hex
    forged = resign(data, stranger, config, gzip.compress(json.dumps(obj).encode()), manifest)
    refused(store, forged, "UnknownSignerError")


def test_enrolled_but_not_approved_signer(exported, tmp_path):
    store, _, _, _, config = exported
    newcomer = VolunteerKeys.generate()
    enrol = tmp_path / "nieuw.json"
    enrol.write_bytes(newcomer.enrolment("Nieuwe vrijwilliger").to_bytes())
    organisation.enrol_volunteer(store, enrol)
    from .helpers import make_batch

    _, pending = make_batch(newcomer, config)
    refused(store, pending, "UnknownSignerError")


def test_revoked_signer(exported):
    store, _, data, keys, _ = exported
    organisation.revoke_volunteer(store, keys.key_id_hex)
    refused(store, data, "RevokedSignerError")


def test_valid_signature_over_different_payload(exported):
    store, first, second, *_ = exported
    # batch 2's label and signature, batch 1's (validly signed) encrypted payload
    forged = repack(second, **{"payload.age": parts(first)["payload.age"]})
    refused(store, forged, "BadSignatureError")


def test_manifest_disagrees_with_signed_inside(exported):
    store, _, data, *_ = exported
    manifest = batch.read(data).manifest.model_copy(update={"sequence": 99})
    refused(store, repack(data, **{"manifest.json": manifest.to_bytes()}), "ManifestMismatchError")


def test_encrypted_header_disagrees_with_manifest(exported):
    store, _, data, keys, config = exported
    obj = inner(data, keys, config, store)
    obj["header"]["batch_id"] = str(uuid.uuid4())
    forged = resign(data, keys, config, gzip.compress(json.dumps(obj).encode()))
    refused(store, forged, "ManifestMismatchError")


def test_schema_invalid_payload(exported):
    store, _, data, keys, config = exported
    obj = inner(data, keys, config, store)
    obj["signals"][0]["severity"] = "paniek"
    forged = resign(data, keys, config, gzip.compress(json.dumps(obj).encode()))
    refused(store, forged, "InvalidPayloadError")


@pytest.mark.parametrize(
    ("scopes", "with_identity"),
    [
        (["vastleggen", "delen_signaal"], True),  # a name without consent to share it
        (["vastleggen"], False),  # no consent to share the signal at all
        (["delen_signaal", "delen_signaal"], False),  # a scope twice
        (["delen_identiteit", "delen_identiteit", "delen_signaal"], True),
    ],
)
def test_consent_rules_are_schema_rules(exported, scopes, with_identity):
    """The consent rules refuse the batch at import too, however the payload was made."""
    store, _, data, keys, config = exported
    obj = inner(data, keys, config, store)
    obj["signals"][0]["consent"]["scopes"] = scopes
    identity = {"name": "Mevrouw Jansen", "address": "", "postcode": "", "place": "", "phone": ""}
    obj["signals"][0]["identity"] = identity if with_identity else None
    forged = resign(data, keys, config, gzip.compress(json.dumps(obj).encode()))
    refused(store, forged, "InvalidPayloadError")


def test_raw_answers_smuggled_in_are_schema_invalid(exported):
    store, _, data, keys, config = exported
    obj = inner(data, keys, config, store)
    obj["signals"][0]["answers"] = {"eenzaam_1": "ja"}
    forged = resign(data, keys, config, gzip.compress(json.dumps(obj).encode()))
    refused(store, forged, "InvalidPayloadError")


def test_oversized_file(exported, tmp_path):
    store, _, data, *_ = exported
    big = tmp_path / "groot.zip"
    with big.open("wb") as fh:
        fh.write(data)
        fh.truncate(batch.MAX_BATCH_BYTES + 1)
    report = importer.import_batches(store, [big])
    assert report.results[0].error == "OversizedBatchError"


def test_decompression_bomb(exported):
    store, _, data, keys, config = exported
    bomb = gzip.compress(b"{" + b" " * (batch.MAX_PLAINTEXT_BYTES + 1))
    refused(store, resign(data, keys, config, bomb), "DecompressionBombError")


def test_replayed_lower_sequence(exported, tmp_path):
    store, first, second, keys, config = exported
    assert importer.import_batch_bytes(store, second).status is importer.ImportStatus.IMPORTED
    # a never-imported batch that claims an old number
    obj = inner(first, keys, config, store)
    obj["header"]["batch_id"] = str(uuid.uuid4())
    manifest = batch.read(first).manifest.model_copy(
        update={"batch_id": uuid.UUID(obj["header"]["batch_id"])}
    )
    forged = resign(first, keys, config, gzip.compress(json.dumps(obj).encode()), manifest)
    refused(store, forged, "ReplayedBatchError")
    # while the exact old file is simply "unchanged"
    assert importer.import_batch_bytes(store, first).status is importer.ImportStatus.UNCHANGED


def test_same_batch_id_other_contents(exported):
    store, first, _, keys, config = exported
    obj = inner(first, keys, config, store)
    obj["signals"][0]["text"] = "Andere tekst"
    forged = resign(first, keys, config, gzip.compress(json.dumps(obj).encode()))
    refused(store, forged, "ConflictingBatchError")


def test_not_a_batch_at_all(exported, tmp_path):
    store, *_ = exported
    refused(store, b"", "CorruptBatchError")
    refused(store, b"PK\x03\x04" + b"\0" * 100, "CorruptBatchError")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory, templates):
    """One coordinator store and one valid batch for the property test (made once)."""
    from huisbezoek.exchange.keys import Enrolment  # noqa: F401
    from huisbezoek.vault import Vault

    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(templates["coordinator"], folder / "coord")
    shutil.copytree(templates["volunteer"], folder / "vol")
    store = organisation.open_coordinator(folder / "coord", "correct paard batterij nietje")
    volunteer = Vault.open(folder / "vol", "correct paard batterij nietje")
    svc.import_org_config(volunteer, templates["config"])
    enrol = svc.write_enrolment(volunteer, folder / "aanmelding.json")
    organisation.enrol_volunteer(store, enrol.path)
    organisation.approve_volunteer(store, enrol.key_id)
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt", SHARE)])
    data = svc.export_signals(volunteer, folder / "out").path.read_bytes()
    volunteer.close()
    yield store, data
    store.close()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.data(),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=4),
)
def test_random_byte_changes_never_import(fuzz_store, data, changes):
    store, original = fuzz_store
    mutated = bytearray(original)
    for pos, value in changes:
        mutated[pos % len(mutated)] = value
    mode = data.draw(st.sampled_from(["replace", "insert", "delete"]))
    if mode == "insert":
        at = data.draw(st.integers(0, len(mutated)))
        mutated[at:at] = bytes(data.draw(st.binary(min_size=1, max_size=8)))
    elif mode == "delete":
        at = data.draw(st.integers(0, len(mutated) - 1))
        del mutated[at : at + data.draw(st.integers(1, 64))]
    if bytes(mutated) == original:
        return
    before = snapshot(store)
    result = importer.import_batch_bytes(store, bytes(mutated), "fuzz.zip")
    assert result.status is importer.ImportStatus.REJECTED
    assert result.reason_nl
    assert snapshot(store) == before


def test_signal_id_of_another_volunteer_is_refused(exported, tmp_path):
    """A second approved volunteer cannot overwrite the first one's signal by reusing its id."""
    store, first, _, keys, config = exported
    taken = inner(first, keys, config, store)["signals"][0]["id"]
    other = VolunteerKeys.generate()
    enrol = tmp_path / "ander.json"
    enrol.write_bytes(other.enrolment("Andere vrijwilliger").to_bytes())
    organisation.enrol_volunteer(store, enrol)
    organisation.approve_volunteer(store, other.key_id_hex)
    from .helpers import make_batch, make_signal

    hijack = make_signal(id=uuid.UUID(taken), revision=9, text="Overschreven")
    _, data = make_batch(other, config, signals=[hijack])
    result = refused(store, data, "ForeignSignalError")
    # The reason names the real problem, not "a batch with the same number" (issue 19, item 11).
    assert "andere vrijwilliger" in result.reason_nl
    assert "hetzelfde nummer" not in result.reason_nl
    # also when it comes after a new signal, which the importer had already written
    _, data = make_batch(other, config, signals=[make_signal(), hijack])
    refused(store, data, "ForeignSignalError")
    # nor erase it by withdrawing it
    from huisbezoek.exchange.payload import WithdrawnSignal

    erase = [WithdrawnSignal(id=uuid.UUID(taken), revision=9)]
    _, data = make_batch(other, config, signals=[make_signal()], withdrawn=erase)
    refused(store, data, "ForeignSignalError")


def test_nothing_is_decrypted_before_the_signature_is_checked(exported, monkeypatch):
    store, first, second, _, _ = exported
    calls = []
    real = batch.pyrage.decrypt

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(batch.pyrage, "decrypt", spy)
    refused(store, repack(second, **{"payload.age": parts(first)["payload.age"]}),
            "BadSignatureError")  # fmt: skip
    refused(store, _foreign_signed(second), "UnknownSignerError")
    assert calls == []
    assert importer.import_batch_bytes(store, second).status is importer.ImportStatus.IMPORTED
    assert calls == [1]


def _foreign_signed(data):
    """The same batch re-signed by a key the coordinator never approved."""
    stranger = VolunteerKeys.generate()
    sealed = batch.read(data)
    manifest = sealed.manifest.model_copy(update={"key_id": stranger.key_id_hex})
    sig = minisign.sign(stranger.signing_key, sealed.encrypted, manifest.trusted_comment())
    return container.pack(
        [
            ("manifest.json", manifest.to_bytes()),
            ("payload.age", sealed.encrypted),
            ("payload.age.minisig", sig.to_text().encode()),
        ]
    )


def test_fifo_and_folder_named_like_batches_are_refused_not_waited_for(exported, tmp_path):
    """Issue 19 item 6: a FIFO named f.zip used to hang the import."""
    import os

    store, *_ = exported
    fifo = tmp_path / "f.zip"
    os.mkfifo(fifo)
    folder = tmp_path / "map.zip"
    folder.mkdir()
    before = snapshot(store)
    results = importer.import_batches(store, [fifo, folder]).results
    assert [r.status for r in results] == [importer.ImportStatus.REJECTED] * 2
    assert "geen gewoon bestand" in results[0].reason_nl
    assert "map" in results[1].reason_nl
    assert snapshot(store) == before
