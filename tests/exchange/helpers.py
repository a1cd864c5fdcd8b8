"""Builders shared by the exchange tests: keys, an organisation and fake (invented) signals."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme
from huisbezoek.exchange import batch
from huisbezoek.exchange.keys import OrgConfig, OrgIdentity, VolunteerKeys
from huisbezoek.exchange.payload import (
    BatchHeader,
    BatchPayload,
    Consent,
    NeighbourhoodCounts,
    PeriodCounts,
    ResidentIdentity,
    SharedSignal,
    WithdrawnSignal,
)


def make_org(name: str = "Welzijn Teststad") -> tuple[OrgIdentity, OrgConfig]:
    identity = OrgIdentity.generate()
    return identity, OrgConfig.create(uuid.uuid4(), name, [identity.recipient])


def make_signal(*, revision: int = 1, identity: bool = False, **changes: object) -> SharedSignal:
    scopes = [ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL]
    if identity:
        scopes.append(ConsentScope.SHARE_IDENTITY)
    fields: dict[str, object] = {
        "id": uuid.uuid4(),
        "revision": revision,
        "theme": Theme.VALLEN,
        "severity": Severity.ZORG,
        "text": "Is twee keer gevallen dit jaar.",
        "agreed": "Coördinator belt over valpreventie.",
        "consent": Consent(scopes=scopes, given_on=date(2026, 11, 2), method=ConsentMethod.ORAL),
        "identity": ResidentIdentity(
            name="Mevrouw Testpersoon", address="Dorpsstraat 1", postcode="1234 AB",
            place="Teststad", phone="0612345678",
        )
        if identity
        else None,
    }  # fmt: skip
    fields.update(changes)
    return SharedSignal.model_validate(fields)


def make_payload(
    keys: VolunteerKeys,
    config: OrgConfig,
    sequence: int = 1,
    signals: list[SharedSignal] | None = None,
    counts: list[NeighbourhoodCounts] | None = None,
    withdrawn: list[WithdrawnSignal] | None = None,
    **header_changes: object,
) -> BatchPayload:
    header = BatchHeader(
        org_id=config.org_id,
        batch_id=uuid.uuid4(),
        key_id=keys.key_id_hex,
        sequence=sequence,
        created=datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
    )
    if header_changes:
        header = header.model_copy(update=header_changes)
    if counts is None:
        counts = [
            NeighbourhoodCounts(
                neighbourhood="Noord",
                periods={
                    "2026Q4": PeriodCounts(
                        invited=6,
                        reached=6,
                        accepted=2,
                        visited=2,
                        declined={"geen_behoefte": 4},
                        themes={Theme.EENZAAMHEID: 1},
                        signalled=1,
                    )
                },
            )
        ]
    return BatchPayload(
        header=header,
        signals=[make_signal()] if signals is None else signals,
        neighbourhoods=counts,
        withdrawn=withdrawn or [],
    )


def make_batch(
    keys: VolunteerKeys, config: OrgConfig, sequence: int = 1, **kwargs: object
) -> tuple[batch.Manifest, bytes]:
    payload = make_payload(keys, config, sequence, **kwargs)  # type: ignore[arg-type]
    return batch.build(payload, keys, config)
