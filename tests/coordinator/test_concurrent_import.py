"""Several coordinators importing into one PostgreSQL store at once: overlapping, identical and
disjoint sets of batches, each run a separate ``huisbezoek coordinator import`` process.

Afterwards: no process crashed, every batch is in the ledger exactly once with its own number,
every signal is there once with a follow-up, and no output of any process holds a resident's
name, address, phone number or signal text."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from huisbezoek.coordinator import organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.coordinator.store.models import FollowUp, ImportedSignal, ImportLedger
from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme
from huisbezoek.exchange import batch
from huisbezoek.exchange.keys import OrgConfig, VolunteerKeys
from huisbezoek.exchange.payload import (
    BatchHeader,
    BatchPayload,
    Consent,
    ResidentIdentity,
    SharedSignal,
)
from huisbezoek.vault.keyslots import KdfParams

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

VOLUNTEERS, BATCHES, PER_BATCH = 3, 6, 20
ORG_PASSPHRASE = "organisatie sleutel gedeeld"
SECRETS = ("Mevrouw Zilverreiger", "Kievitlaan 77", "0612398765", "Heeft geen eten meer")


def _batches(folder: Path, keys: VolunteerKeys, config: OrgConfig, v: int) -> list[Path]:
    files = []
    for seq in range(1, BATCHES + 1):
        signals = [
            SharedSignal(
                id=uuid.uuid4(), revision=1, theme=Theme.VOEDING, severity=Severity.ZORG,
                text=f"{SECRETS[3]} {v}-{seq}-{k}", agreed="Coördinator belt.",
                consent=Consent(
                    scopes=[ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL,
                            ConsentScope.SHARE_IDENTITY],
                    given_on=date(2026, 11, 2), method=ConsentMethod.ORAL,
                ),
                identity=ResidentIdentity(name=f"{SECRETS[0]} {k}", address=SECRETS[1],
                                          postcode="1234 AB", place="Teststad", phone=SECRETS[2]),
            )
            for k in range(PER_BATCH)
        ]  # fmt: skip
        header = BatchHeader(
            org_id=config.org_id, batch_id=uuid.uuid4(), key_id=keys.key_id_hex,
            sequence=seq, created=datetime.now(UTC).replace(microsecond=0),
        )  # fmt: skip
        payload = BatchPayload(header=header, signals=signals, neighbourhoods=[])
        path = folder / f"v{v}-{seq}.zip"
        path.write_bytes(batch.build(payload, keys, config)[1])
        files.append(path)
    return files


def test_importers_at_once_import_every_batch_once(pg_server, tmp_path: Path) -> None:
    url = pg_server.new_database()
    store = CoordinatorStore.open_url(url)
    try:
        config = init_organisation_in(
            store, "Welzijn Teststad", ORG_PASSPHRASE, kdf=KdfParams.FLOOR
        )
        volunteers = [VolunteerKeys.generate() for _ in range(VOLUNTEERS)]
        for i, keys in enumerate(volunteers):
            enrolment = tmp_path / f"aanmelding-{i}.json"
            enrolment.write_bytes(keys.enrolment(f"Vrijwilliger {i}").to_bytes())
            row = organisation.enrol_volunteer(store, enrolment)  # type: ignore[arg-type]
            organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]
    finally:
        store.close()
    a, b, c = (_batches(tmp_path, k, config, v) for v, k in enumerate(volunteers))
    runs = [
        a + b[:3],  # overlapping with the next three
        a,  # identical to part of the first
        b[3:] + c,  # disjoint from the second, out of order with the first for b
        list(reversed(c)) + a[3:],  # c backwards: late batches fill their gaps
        b,
    ]
    passphrase = tmp_path / "wachtwoordzin.txt"
    passphrase.write_text(ORG_PASSPHRASE + "\n")
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "huisbezoek",
                "coordinator",
                "import",
                "--url",
                url,
                "--passphrase-stdin",
                *map(str, files),
            ],
            stdin=passphrase.open("rb"),  # the organisation passphrase, as typed
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in runs
    ]
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err + out
        assert "Traceback" not in err
        for secret in SECRETS:
            assert secret not in out and secret not in err

    store = CoordinatorStore.open_url(url)
    try:
        with store.session() as s:
            ledger = s.execute(select(ImportLedger.key_id, ImportLedger.sequence)).all()
            assert len(ledger) == VOLUNTEERS * BATCHES
            for keys in volunteers:
                numbers = sorted(seq for key, seq in ledger if key == keys.key_id_hex)
                assert numbers == list(range(1, BATCHES + 1))
            total = VOLUNTEERS * BATCHES * PER_BATCH
            assert s.scalar(select(func.count()).select_from(ImportedSignal)) == total
            assert s.scalar(select(func.count()).select_from(FollowUp)) == total
    finally:
        store.close()
