"""Assignment and configuration packages: round trip to a volunteer vault, and refusals for a
package signed by someone else, one meant for another volunteer, and a tampered one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from huisbezoek.coordinator import organisation
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.addresses import assign_neighbourhood, import_address_list
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.exchange import package
from huisbezoek.services import exchange, packages, residents
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

from .helpers import address_csv, resident_row

PASS = "fiets kopje regen zeven"
TODAY = date(2026, 11, 23)


@dataclass
class Org:
    created: organisation.CreatedOrganisation
    store: CoordinatorStore


def _org(folder: Path, name: str) -> Org:
    created = organisation.init_organisation(folder, PASS, name, kdf=KdfParams.FLOOR)
    return Org(created, CoordinatorStore.from_vault(created.store))


def _volunteer(folder: Path, org: Org) -> Vault:
    vault, _ = Vault.create(folder, PASS, kdf=KdfParams.FLOOR)
    config = folder.parent / f"{folder.name}-org.json"
    config.write_bytes(org.created.config.to_bytes())
    exchange.import_org_config(vault, config)
    return vault


def _enrol(org: Org, volunteer: Vault, folder: Path) -> str:
    summary = exchange.write_enrolment(volunteer, folder / f"aanmelding-{id(volunteer)}.json")
    row = organisation.enrol_volunteer(org.created.store, summary.path)
    organisation.approve_volunteer(org.created.store, row.key_id)
    return row.key_id


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Org, Vault, Vault, str, str]]:
    org = _org(tmp_path / "coord", "Welzijn Teststad")
    anna = _volunteer(tmp_path / "anna", org)
    bert = _volunteer(tmp_path / "bert", org)
    anna_key = _enrol(org, anna, tmp_path)
    bert_key = _enrol(org, bert, tmp_path)
    rows = [resident_row(n, "Noord") for n in range(1, 4)]
    rows += [resident_row(n, "Zuid", "5678 CD") for n in range(4, 6)]
    with org.store.session() as session:
        import_address_list(session, address_csv(rows), today=TODAY)
        assign_neighbourhood(session, "Noord", anna_key)
        assign_neighbourhood(session, "Zuid", bert_key)
    yield org, anna, bert, anna_key, bert_key
    for vault in (anna, bert, org.created.store):
        vault.close()


def test_assignment_round_trip_and_refusals(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    org, anna, bert, anna_key, bert_key = world
    with org.store.session() as session:
        for_anna, count = coordinator_packages.export_assignment(session, anna_key)
        for_bert, _ = coordinator_packages.export_assignment(session, bert_key)
    assert count == 3
    assert b"Bewoner 1" not in for_anna  # encrypted to Anna

    result = packages.accept_assignment(anna, for_anna)
    assert (result.added, result.skipped) == (3, 0)
    listed = residents.list_residents(anna)
    assert sorted(r.name for r in listed) == ["Bewoner 1", "Bewoner 2", "Bewoner 3"]
    assert {r.neighbourhood for r in listed} == {"Noord"}
    assert packages.accept_assignment(anna, for_anna).skipped == 3  # again: nothing doubled

    # meant for another volunteer
    with pytest.raises(package.OtherVolunteerPackageError) as other:
        packages.accept_assignment(anna, for_bert)
    assert "andere vrijwilliger" in other.value.message_nl
    assert packages.accept_assignment(bert, for_bert).added == 2  # Bert's own one is fine

    # signed by someone else: another organisation that also enrolled Anna
    rival = _org(tmp_path / "rival", "Andere Stichting")
    try:
        rival_key = _enrol(rival, anna, tmp_path)
        with rival.store.session() as session:
            import_address_list(session, address_csv([resident_row(9, "West")]), today=TODAY)
            assign_neighbourhood(session, "West", rival_key)
            forged, _ = coordinator_packages.export_assignment(session, rival_key)
    finally:
        rival.created.store.close()
    with pytest.raises(package.OtherOrganisationPackageError):
        packages.accept_assignment(anna, forged)
    # ... and the same with our organisation's id written in: the signature does not hold
    envelope = json.loads(forged)
    envelope["org_id"] = str(org.created.config.org_id)
    with pytest.raises(package.NotSignedByOrganisationError) as unsigned:
        packages.accept_assignment(anna, json.dumps(envelope).encode())
    assert "niet ondertekend door uw organisatie" in unsigned.value.message_nl
    assert len(residents.list_residents(anna)) == 3  # nothing added by any refusal


def _resign(data: bytes, **changes: object) -> bytes:
    """A package re-signed by an attacker's own key (certificates copied)."""
    envelope = json.loads(data)
    envelope.pop("signature")
    key = Ed25519PrivateKey.generate()
    envelope["signing_key"] = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    envelope.update(changes)
    model = package.Envelope.model_validate(envelope)
    return package.pack(model, key)


def test_configuration_round_trip_changes_and_refusals(world) -> None:  # type: ignore[no-untyped-def]
    org, anna, _bert, _anna_key, _bert_key = world
    with org.store.session() as session:
        first = coordinator_packages.export_configuration(
            session, forms={"gesprek-v1.yaml": "id: gesprek\n"},
            leaflets={"vallen.yaml": "titel: Vallen\n"}, services={},
        )  # fmt: skip
        second = coordinator_packages.export_configuration(
            session, forms={"gesprek-v1.yaml": "id: gesprek\n", "gesprek-v2.yaml": "id: g2\n"},
            leaflets={"vallen.yaml": "titel: Vallen voorkomen\n"},
            services={"sociale-kaart.yaml": "diensten: []\n"},
        )  # fmt: skip
    changes = packages.accept_configuration(anna, first)
    assert changes.added["forms"] == ["gesprek-v1.yaml"]
    changes = packages.accept_configuration(anna, second)
    assert changes.added["forms"] == ["gesprek-v2.yaml"]
    assert changes.changed["leaflets"] == ["vallen.yaml"]
    assert "Folders gewijzigd: vallen.yaml" in changes.lines_nl()
    stored = packages.stored_configuration(anna)
    assert stored is not None and stored.recipients == [org.created.config.recipients[0]]
    with pytest.raises(package.OlderConfigurationError):
        packages.accept_configuration(anna, first)

    with pytest.raises(package.NotSignedByOrganisationError):
        packages.accept_configuration(anna, _resign(second, revision=9))
    tampered = json.loads(second)
    tampered["revision"] = 10
    with pytest.raises(package.NotSignedByOrganisationError):
        packages.accept_configuration(anna, json.dumps(tampered).encode())
    with pytest.raises(package.PackageError):
        packages.accept_configuration(anna, b"\x00 kapot")
    assert packages.stored_configuration(anna) == stored


def test_package_from_before_enrolment_asks_for_a_new_one(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    org, _anna, _bert, _a, _b = world
    with org.store.session() as session:
        early = coordinator_packages.export_configuration(
            session, forms={}, leaflets={}, services={}
        )
    late = _volunteer(tmp_path / "carla", org)
    try:
        _enrol(org, late, tmp_path)
        with pytest.raises(package.NoCertificateError) as caught:
            packages.accept_configuration(late, early)
        assert "nieuw pakket" in caught.value.message_nl
    finally:
        late.close()
