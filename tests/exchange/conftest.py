"""Exchange fixtures: template volunteer and coordinator vaults (floor KDF), copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from huisbezoek.coordinator import organisation
from huisbezoek.domain import (
    ConsentMethod,
    ConsentScope,
    ContactMethod,
    ContactOutcome,
    Severity,
    Theme,
    VisitStatus,
)
from huisbezoek.services import exchange as svc
from huisbezoek.vault import KdfParams, Vault
from huisbezoek.vault.models import (
    ConsentRecord,
    ContactAttempt,
    FormDefinition,
    Resident,
    Setting,
    Signal,
    Visit,
)

from .dav import dav  # noqa: F401 - the WebDAV server fixture, for every test here

PASSPHRASE = "correct paard batterij nietje"
ORG_NAME = "Welzijn Teststad"


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("exchange-templates")
    vol = base / "volunteer"
    vault, _ = Vault.create(vol, PASSPHRASE, kdf=KdfParams.FLOOR)
    with vault.session() as s:
        s.add(Setting(key="volunteer_name", value='"Anna de Vries"'))
    svc.ensure_volunteer_keys(vault)
    vault.close()
    coord = base / "coordinator"
    created = organisation.init_organisation(coord, PASSPHRASE, ORG_NAME, kdf=KdfParams.FLOOR)
    config = base / "organisatie.json"
    config.write_bytes(organisation.organisation_config(created.store).to_bytes())
    created.store.close()
    return {"volunteer": vol, "coordinator": coord, "config": config}


@pytest.fixture
def volunteer(tmp_path: Path, templates: dict[str, Path]) -> Iterator[Vault]:
    folder = tmp_path / "vol"
    shutil.copytree(templates["volunteer"], folder)
    vault = Vault.open(folder, PASSPHRASE)
    yield vault
    vault.close()


@pytest.fixture
def coordinator(tmp_path: Path, templates: dict[str, Path]) -> Iterator[Vault]:
    folder = tmp_path / "coord"
    shutil.copytree(templates["coordinator"], folder)
    store = organisation.open_coordinator(folder, PASSPHRASE)
    yield store
    store.close()


@pytest.fixture
def org_config_file(templates: dict[str, Path]) -> Path:
    return templates["config"]


@pytest.fixture
def linked(volunteer: Vault, coordinator: Vault, org_config_file: Path, tmp_path: Path):
    """A volunteer with the organisation's configuration, enrolled and approved."""
    svc.import_org_config(volunteer, org_config_file)
    enrol = svc.write_enrolment(volunteer, tmp_path / "aanmelding.json")
    organisation.enrol_volunteer(coordinator, enrol.path)
    organisation.approve_volunteer(coordinator, enrol.key_id)
    return volunteer, coordinator


def add_visit(
    vault: Vault,
    *,
    name: str = "Mevrouw Jansen",
    neighbourhood: str = "Noord",
    signals: list[tuple[Theme, Severity, str, set[ConsentScope]]] | None = None,
    final: bool = True,
) -> list[int]:
    """A resident with one contact attempt and a visit with signals; returns signal row ids."""
    now = datetime.now(UTC)
    ids = []
    with vault.session() as s:
        if s.get(FormDefinition, "0" * 64) is None:
            s.add(FormDefinition(sha256="0" * 64, form_id="test", version="1", source="{}"))
        resident = Resident(
            name=name,
            address="Dorpsstraat 12",
            postcode="4811 AB",
            neighbourhood=neighbourhood,
            phone="076-1234567",
            notes="heeft een hond",
        )
        s.add(resident)
        s.flush()
        s.add(
            ContactAttempt(
                resident_id=resident.id,
                at=now,
                method=ContactMethod.PHONE,
                outcome=ContactOutcome.INTERESTED,
            )
        )
        visit = Visit(
            resident_id=resident.id,
            form_id="test",
            form_version="1",
            definition_hash="0" * 64,
            status=VisitStatus.FINAL if final else VisitStatus.DRAFT,
            finalised_at=now if final else None,
        )
        s.add(visit)
        s.flush()
        for theme, severity, text, scopes in signals or []:
            sig = Signal(
                visit_id=visit.id,
                theme=theme,
                severity=severity,
                text=text,
                note="privé notitie van de vrijwilliger",
                agreed_action="Coördinator belt volgende week.",
            )
            s.add(sig)
            s.flush()
            for scope in scopes:
                s.add(
                    ConsentRecord(
                        resident_id=resident.id,
                        visit_id=visit.id,
                        signal_id=sig.id,
                        scope=scope,
                        given_at=now,
                        method=ConsentMethod.WRITTEN,
                    )
                )
            ids.append(sig.id)
    return ids


SHARE = {ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL}
SHARE_ID = SHARE | {ConsentScope.SHARE_IDENTITY}
NO_SHARE = {ConsentScope.RECORD_VISIT}
