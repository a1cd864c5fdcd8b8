"""The reference tools read our files: ``age -d`` decrypts, ``minisign -V`` verifies, ``unzip``."""

import gzip
import io
import json
import shutil
import subprocess
import zipfile

import pytest

from huisbezoek.exchange import batch, minisign
from huisbezoek.exchange.keys import OrgIdentity, VolunteerKeys

from .helpers import make_org, make_payload, make_signal

needs_age = pytest.mark.skipif(
    not (shutil.which("age") and shutil.which("age-keygen")), reason="age not installed"
)
needs_minisign = pytest.mark.skipif(not shutil.which("minisign"), reason="minisign not installed")


@pytest.fixture
def extracted(tmp_path):
    identity, config = make_org()
    keys = VolunteerKeys.generate()
    payload = make_payload(keys, config, sequence=7, signals=[make_signal(identity=True)])
    manifest, data = batch.build(payload, keys, config)
    folder = tmp_path / "batch"
    folder.mkdir()
    # The documented extraction step; `unzip` gives the same files (checked below when present).
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(folder)
    return folder, identity, keys, payload, manifest, data


@needs_age
def test_age_decrypts_payload_with_identity_file(extracted, tmp_path):
    folder, identity, _, payload, _, _ = extracted
    id_file = tmp_path / "org-identity.txt"
    id_file.write_text(identity.identity_file())
    out = subprocess.run(
        ["age", "-d", "-i", str(id_file), str(folder / "payload.age")],
        capture_output=True,
        check=True,
    ).stdout
    obj = json.loads(gzip.decompress(out))
    assert obj["header"]["sequence"] == 7
    assert obj["signals"][0]["id"] == str(payload.signals[0].id)


@needs_age
def test_age_keygen_identity_is_accepted_as_org_identity(tmp_path):
    key_file = tmp_path / "key.txt"
    subprocess.run(["age-keygen", "-o", str(key_file)], capture_output=True, check=True)
    identity = OrgIdentity.from_str(key_file.read_text())
    assert identity.recipient in key_file.read_text()


@needs_age
def test_age_with_wrong_identity_fails(extracted, tmp_path):
    folder = extracted[0]
    id_file = tmp_path / "other.txt"
    id_file.write_text(OrgIdentity.generate().identity_file())
    result = subprocess.run(
        ["age", "-d", "-i", str(id_file), str(folder / "payload.age")],
        capture_output=True,
        check=False,
    )
    assert result.returncode != 0


@needs_minisign
def test_minisign_verifies_signature_and_prints_trusted_comment(extracted, tmp_path):
    folder, _, keys, _, manifest, _ = extracted
    result = subprocess.run(
        ["minisign", "-V", "-P", keys.minisign_public_key, "-m", str(folder / "payload.age")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"Trusted comment: {manifest.trusted_comment()}" in result.stdout
    assert "seq=7" in result.stdout and f"key={keys.key_id_hex}" in result.stdout
    pub = tmp_path / "volunteer.pub"
    pub.write_text(minisign.public_key_file(keys.public_key))
    subprocess.run(
        ["minisign", "-Vq", "-p", str(pub), "-m", str(folder / "payload.age")], check=True
    )


@needs_minisign
def test_minisign_rejects_changed_payload_and_other_key(extracted):
    folder, _, keys, _, _, _ = extracted
    payload = folder / "payload.age"
    other = VolunteerKeys.generate()
    bad_key = subprocess.run(
        ["minisign", "-Vq", "-P", other.minisign_public_key, "-m", str(payload)],
        capture_output=True,
        check=False,
    )
    assert bad_key.returncode != 0
    data = bytearray(payload.read_bytes())
    data[-1] ^= 1
    payload.write_bytes(bytes(data))
    changed = subprocess.run(
        ["minisign", "-Vq", "-P", keys.minisign_public_key, "-m", str(payload)],
        capture_output=True,
        check=False,
    )
    assert changed.returncode != 0


@pytest.mark.skipif(not shutil.which("unzip"), reason="unzip not installed")
def test_unzip_extracts_identical_parts(extracted, tmp_path):
    folder, *_, data = extracted
    archive = tmp_path / "signalen.zip"
    archive.write_bytes(data)
    out = tmp_path / "unzipped"
    subprocess.run(["unzip", "-q", str(archive), "-d", str(out)], check=True)
    for name in batch.PART_NAMES:
        assert (out / name).read_bytes() == (folder / name).read_bytes()
