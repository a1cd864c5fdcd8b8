"""Builders for coordinator tests: volunteers, imported signals and counts, written straight
into the store as the exchange importer would (invented people only)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from huisbezoek.coordinator import figures
from huisbezoek.coordinator.store.models import (
    ImportedSignal,
    ImportLedger,
    NeighbourhoodCount,
    Volunteer,
)
from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme
from huisbezoek.exchange import batch
from huisbezoek.exchange.keys import OrgConfig, VolunteerKeys
from huisbezoek.exchange.payload import (
    BatchHeader,
    BatchPayload,
    Consent,
    NeighbourhoodCounts,
    PeriodCounts,
    ResidentIdentity,
    SharedSignal,
)

KEY_A = "A1B2C3D4E5F60708"
KEY_B = "0F1E2D3C4B5A6978"


def add_volunteer(session: Session, key_id: str = KEY_A, name: str = "Vera Vrijwilliger") -> str:
    now = datetime.now(UTC)
    session.add(
        Volunteer(
            key_id=key_id,
            name=name,
            public_key="RWQ" + "A" * 53,
            age_recipient="age1" + "q" * 58,
            fingerprint="1234 5678",
            enrolled_at=now,
            approved_at=now,
        )
    )
    session.flush()
    return key_id


def add_batch(session: Session, key_id: str = KEY_A, sequence: int = 1) -> str:
    batch_id = str(uuid.uuid4())
    session.add(
        ImportLedger(
            batch_id=batch_id,
            key_id=key_id,
            sequence=sequence,
            created_at=datetime.now(UTC),
            file_sha256="0" * 64,
            payload_sha256="1" * 64,
        )
    )
    session.flush()
    return batch_id


def add_signal(
    session: Session,
    batch_id: str,
    *,
    key_id: str = KEY_A,
    severity: Severity = Severity.ZORG,
    theme: Theme = Theme.VALLEN,
    given_on: date = date(2026, 11, 2),
    name: str | None = None,
    postcode: str = "1234 AB",
    referral: bool = False,
    text: str = "Is twee keer gevallen dit jaar.",
) -> str:
    scopes = [ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL]
    if name is not None:
        scopes.append(ConsentScope.SHARE_IDENTITY)
    if referral:
        scopes.append(ConsentScope.REFERRAL)
    sid = str(uuid.uuid4())
    session.add(
        ImportedSignal(
            id=sid,
            revision=1,
            source_key_id=key_id,
            batch_id=batch_id,
            theme=theme,
            severity=severity,
            text=text,
            agreed="Coördinator belt terug.",
            consent_scopes=",".join(sorted(s.value for s in scopes)),
            consent_given_on=given_on,
            consent_method=ConsentMethod.ORAL,
            resident_name=name,
            resident_address="Dorpsstraat 1" if name else None,
            resident_postcode=postcode if name else None,
            resident_place="Teststad" if name else None,
            resident_phone="0612345678" if name else None,
        )
    )
    session.flush()
    return sid


def add_counts(
    session: Session,
    batch_id: str,
    neighbourhood: str,
    metrics: dict[str, int],
    key_id: str = KEY_A,
) -> None:
    for metric, value in metrics.items():
        session.add(
            NeighbourhoodCount(
                key_id=key_id,
                neighbourhood=neighbourhood,
                metric=metric,
                value=value,
                batch_id=batch_id,
            )
        )
    session.flush()
    figures.refresh_totals(session, [neighbourhood])  # as the importer does after its counts


def address_csv(rows: list[tuple[str, ...]], *, delimiter: str = ";") -> bytes:
    header = ("naam", "straat", "huisnummer", "postcode", "woonplaats", "geboortedatum", "wijk")
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def resident_row(
    n: int, neighbourhood: str = "Noord", postcode: str = "1234 AB", born: str = "01-03-1948"
) -> tuple[str, ...]:
    return (f"Bewoner {n}", "Dorpsstraat", str(n), postcode, "Teststad", born, neighbourhood)


def _signal(severity: Severity, theme: Theme, *, named: bool) -> SharedSignal:
    scopes = [ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL]
    if named:
        scopes += [ConsentScope.SHARE_IDENTITY, ConsentScope.REFERRAL]
    return SharedSignal(
        id=uuid.uuid4(),
        revision=1,
        theme=theme,
        severity=severity,
        text="Valt vaak, woont alleen." if named else "Voelt zich eenzaam.",
        agreed="Coördinator belt.",
        consent=Consent(scopes=scopes, given_on=date(2026, 11, 2), method=ConsentMethod.ORAL),
        identity=ResidentIdentity(name="Mevrouw Visser", address="Dorpsstraat 3",
                                  postcode="1234 AB", place="Teststad") if named else None,
    )  # fmt: skip


def batch_file(folder: Path, keys: VolunteerKeys, config: OrgConfig) -> Path:
    payload = BatchPayload(
        header=BatchHeader(org_id=config.org_id, batch_id=uuid.uuid4(), key_id=keys.key_id_hex,
                           sequence=1, created=datetime(2026, 11, 20, tzinfo=UTC)),
        signals=[_signal(Severity.AANDACHT, Theme.EENZAAMHEID, named=False),
                 _signal(Severity.DIRECT, Theme.VALLEN, named=True)],
        neighbourhoods=[
            # 21 residents invited: 7 said yes and were visited, 12 declined, 2 not reached
            NeighbourhoodCounts(neighbourhood="Noord", periods={
                "2026Q4": PeriodCounts(invited=21, reached=19, accepted=7, visited=7,
                                       not_reached=2, signalled=7,
                                       declined={"geen_behoefte": 9, "al_hulp": 3},
                                       themes={Theme.EENZAAMHEID: 6, Theme.VALLEN: 1}),
            }),
        ],
    )  # fmt: skip
    path = folder / "zending-1.hbz"
    path.write_bytes(batch.build(payload, keys, config)[1])
    return path
