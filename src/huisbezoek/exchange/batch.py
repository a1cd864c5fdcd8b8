"""One batch file: build it on the volunteer's laptop, check and open it at the coordinator.

Layout (see docs/batch-format.md): a stored ZIP with ``manifest.json`` (plain, no personal data),
``payload.age`` (age-encrypted to the organisation) and ``payload.age.minisig`` (minisign
signature by the volunteer, whose trusted comment repeats the manifest). Opening is split into
steps so the caller can check the signer against its registry before anything is decrypted.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

import pyrage
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from huisbezoek.exchange import container, minisign
from huisbezoek.exchange.errors import (
    CorruptBatchError,
    DecompressionBombError,
    InvalidPayloadError,
    ManifestMismatchError,
    OtherOrganisationError,
    OversizedBatchError,
)
from huisbezoek.exchange.keys import OrgConfig, OrgIdentity, VolunteerKeys
from huisbezoek.exchange.payload import BatchHeader, BatchPayload

MANIFEST_NAME = "manifest.json"
PAYLOAD_NAME = "payload.age"
SIGNATURE_NAME = "payload.age.minisig"
PART_NAMES = (MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME)
FILE_SUFFIX = ".zip"

MAX_BATCH_BYTES = 32 * 1024 * 1024
MAX_MANIFEST_BYTES = 4096
MAX_PLAINTEXT_BYTES = 64 * 1024 * 1024

Compression = Literal["gzip", "none"]


class Manifest(BaseModel):
    """The plain-text label of a batch: enough to route and check it, nothing about residents."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    format: Literal["huisbezoek-zending"] = "huisbezoek-zending"
    format_version: Literal[1] = 1
    org_id: uuid.UUID
    batch_id: uuid.UUID
    key_id: Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{16}$")]
    sequence: Annotated[int, Field(ge=1, le=10**9)]
    created: datetime
    compression: Compression
    schema_version: Literal[1, 2] = 1

    def to_bytes(self) -> bytes:
        return (json.dumps(self.model_dump(mode="json"), indent=2) + "\n").encode("ascii")

    def trusted_comment(self) -> str:
        """The signed line ``minisign -V`` prints; it must say exactly what the manifest says."""
        return (
            f"huisbezoek zending v{self.format_version} org={self.org_id} batch={self.batch_id} "
            f"key={self.key_id} seq={self.sequence} created={_iso(self.created)} "
            f"compression={self.compression} schema={self.schema_version}"
        )

    def matches(self, header: BatchHeader) -> bool:
        return (
            header.org_id == self.org_id
            and header.batch_id == self.batch_id
            and header.key_id == self.key_id
            and header.sequence == self.sequence
            and header.created == self.created
        )


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def batch_file_name(manifest: Manifest) -> str:
    return f"signalen-{manifest.key_id}-{manifest.sequence:06d}{FILE_SUFFIX}"


def new_header(config: OrgConfig, keys: VolunteerKeys, sequence: int) -> BatchHeader:
    created = datetime.now(UTC).replace(microsecond=0)
    return BatchHeader(
        org_id=config.org_id,
        batch_id=uuid.uuid4(),
        key_id=keys.key_id_hex,
        sequence=sequence,
        created=created,
    )


def build(
    payload: BatchPayload,
    keys: VolunteerKeys,
    config: OrgConfig,
    *,
    compression: Compression = "gzip",
) -> tuple[Manifest, bytes]:
    """Encrypt, sign and pack ``payload``; returns the manifest and the file's bytes."""
    h = payload.header
    manifest = Manifest(
        org_id=h.org_id,
        batch_id=h.batch_id,
        key_id=h.key_id,
        sequence=h.sequence,
        created=h.created,
        compression=compression,
        schema_version=payload.schema_version,
    )
    if h.key_id != keys.key_id_hex or h.org_id != config.org_id:
        raise ValueError("payload header does not belong to these keys and organisation")
    plain = payload.to_json()
    if compression == "gzip":
        plain = gzip.compress(plain, compresslevel=6, mtime=0)
    recipients = [pyrage.x25519.Recipient.from_str(r) for r in config.recipients]
    encrypted = pyrage.encrypt(plain, recipients)
    signature = minisign.sign(keys.signing_key, encrypted, manifest.trusted_comment())
    data = container.pack(
        [
            (MANIFEST_NAME, manifest.to_bytes()),
            (PAYLOAD_NAME, encrypted),
            (SIGNATURE_NAME, signature.to_text().encode("ascii")),
        ]
    )
    if len(data) > MAX_BATCH_BYTES:
        raise OversizedBatchError("batch would exceed the size limit")
    return manifest, data


@dataclass(frozen=True, slots=True)
class SealedBatch:
    """A batch whose container and manifest were read but not yet trusted."""

    manifest: Manifest
    encrypted: bytes
    signature: minisign.Signature
    file_hash: str  # sha256 of the whole file
    payload_hash: str  # sha256 of payload.age: same for every copy of one batch

    @property
    def key_id(self) -> str:
        return self.manifest.key_id


def read(data: bytes) -> SealedBatch:
    """Step 1: size limits, the container and the manifest. Nothing here is trusted yet."""
    if len(data) > MAX_BATCH_BYTES:
        raise OversizedBatchError(f"batch file of {len(data)} bytes exceeds the limit")
    parts = container.unpack(data, PART_NAMES)
    raw_manifest = parts[MANIFEST_NAME]
    if len(raw_manifest) > MAX_MANIFEST_BYTES:
        raise OversizedBatchError("manifest too large")
    try:
        manifest = Manifest.model_validate_json(raw_manifest, strict=True)
    except ValidationError as exc:
        raise CorruptBatchError("manifest does not validate") from exc
    if manifest.to_bytes() != raw_manifest:
        raise CorruptBatchError("manifest is not in canonical form")
    signature = minisign.parse_signature(parts[SIGNATURE_NAME])
    encrypted = parts[PAYLOAD_NAME]
    return SealedBatch(
        manifest=manifest,
        encrypted=encrypted,
        signature=signature,
        file_hash=hashlib.sha256(data).hexdigest(),
        payload_hash=hashlib.sha256(encrypted).hexdigest(),
    )


def verify(sealed: SealedBatch, public_key: bytes) -> None:
    """Step 2: the signer's signature over payload.age, and the manifest against what it signed."""
    if minisign.key_id_hex(sealed.signature.key_id) != sealed.manifest.key_id:
        raise ManifestMismatchError("manifest names another key than the signature")
    minisign.verify(sealed.signature, public_key, sealed.encrypted)
    if sealed.signature.trusted_comment != sealed.manifest.trusted_comment():
        raise ManifestMismatchError("manifest disagrees with the signed trusted comment")


def open_payload(sealed: SealedBatch, identities: list[OrgIdentity]) -> BatchPayload:
    """Step 3 (only after :func:`verify`): decrypt, decompress within limits, validate."""
    try:
        plain = pyrage.decrypt(sealed.encrypted, [i.age_identity() for i in identities])
    except Exception as exc:  # pyrage.DecryptError, or a header it cannot parse
        raise OtherOrganisationError("payload does not decrypt with our identity") from exc
    if sealed.manifest.compression == "gzip":
        plain = _gunzip_capped(plain)
    elif len(plain) > MAX_PLAINTEXT_BYTES:
        raise OversizedBatchError("payload too large")
    try:
        payload = BatchPayload.from_json(plain)
    except ValidationError as exc:
        raise InvalidPayloadError(
            f"payload does not validate ({exc.error_count()} errors)"
        ) from exc
    if not sealed.manifest.matches(payload.header):
        raise ManifestMismatchError("manifest disagrees with the encrypted header")
    return payload


def _gunzip_capped(data: bytes) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, MAX_PLAINTEXT_BYTES + 1)
    except zlib.error as exc:
        raise InvalidPayloadError("payload is not valid gzip") from exc
    if len(out) > MAX_PLAINTEXT_BYTES:
        raise DecompressionBombError("decompressed payload exceeds the limit")
    if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
        raise InvalidPayloadError("payload gzip stream is incomplete or has trailing data")
    return out
