"""The volunteer's File menu reads a package from the coordinator: an assignment adds residents,
a configuration says what changed, a package from elsewhere is refused in plain words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from huisbezoek import paths
from huisbezoek.coordinator import organisation
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.addresses import assign_neighbourhood, import_address_list
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.services import exchange, packages
from huisbezoek.vault.keyslots import KdfParams

from .conftest import PASS, wait_op_idle
from .test_volunteer_path import first_start

ADDRESSES = (
    b"naam;straat;huisnummer;postcode;woonplaats;geboortedatum;wijk\n"
    b"Bewoner Een;Dorpsstraat;1;1234 AB;Teststad;01-03-1948;Noord\n"
    b"Bewoner Twee;Dorpsstraat;2;1234 AB;Teststad;02-03-1949;Noord\n"
)


def make_organisation(
    folder: Path, name: str = "Welzijn Teststad"
) -> organisation.CreatedOrganisation:
    return organisation.init_organisation(folder, PASS, name, kdf=KdfParams.FLOOR)


def enrol(org: organisation.CreatedOrganisation, volunteer_vault, folder: Path) -> str:
    """Give the volunteer the organisation's file and enrol them at the organisation."""
    config = folder / "organisatie.json"
    config.write_bytes(org.config.to_bytes())
    exchange.import_org_config(volunteer_vault, config)
    summary = exchange.write_enrolment(volunteer_vault, folder / "aanmelding.json")
    row = organisation.enrol_volunteer(org.store, summary.path)
    organisation.approve_volunteer(org.store, row.key_id)
    return row.key_id


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def result_box(qtbot) -> QMessageBox:
    def found():
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "packageResult" and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(found()), timeout=10_000)
    box = found()[0]
    return box


def test_package_menu_adds_residents_and_refuses_strangers(qtbot, make_app, tmp_path, monkeypatch):
    app = make_app()
    first_start(qtbot, app)
    wait_op_idle(qtbot)
    action = app.window.package_action
    assert action.isEnabled() and action.objectName() == "packageAction"
    org = make_organisation(tmp_path / "org")
    try:
        key_id = enrol(org, app.ctx.vault, tmp_path)
        store = CoordinatorStore.from_vault(org.store)
        with store.session() as session:
            import_address_list(session, ADDRESSES, today=date(2026, 11, 23))
            assign_neighbourhood(session, "Noord", key_id)
            assignment, count = coordinator_packages.export_assignment(session, key_id)
            leaflet = (paths.resources_dir() / "leaflets" / "vallen.yaml").read_text("utf-8")
            configuration = coordinator_packages.export_configuration(
                session,
                forms={},
                leaflets={
                    "vallen.yaml": leaflet.replace("titel: Vallen voorkomen", "titel: Niet vallen")
                },
                services={},
            )
        assert count == 2
    finally:
        org.store.close()
    package = tmp_path / "toewijzing.hbp"
    package.write_bytes(assignment)
    choose_file(monkeypatch, package)
    action.trigger()
    box = result_box(qtbot)
    assert "2 nieuwe bewoners" in box.text()
    box.close()
    model = app.window.work.residents.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    assert sorted(r.name for r in model.rows()) == ["Bewoner Een", "Bewoner Twee"]

    # A configuration: says what changed, and the leaflet is in use at once.
    package.write_bytes(configuration)
    action.trigger()
    box = result_box(qtbot)
    assert box.windowTitle() == "Pakket ingelezen"
    assert "Folders nieuw: vallen.yaml" in box.text()
    box.close()
    from huisbezoek.domain import LeafletTopic
    from huisbezoek.printing import load_leaflets

    assert load_leaflets()[LeafletTopic.VALLEN].title == "Niet vallen"

    # A package signed by another organisation: a calm refusal, nothing added.
    rival = make_organisation(tmp_path / "rival", "Andere Stichting")
    try:
        rival_store = CoordinatorStore.from_vault(rival.store)
        with rival_store.session() as session:
            forged = coordinator_packages.export_configuration(
                session, forms={}, leaflets={}, services={}
            )
    finally:
        rival.store.close()
    package.write_bytes(forged)
    action.trigger()
    box = result_box(qtbot)
    assert box.windowTitle() == "Pakket niet ingelezen"
    assert "organisatie" in box.text()
    box.close()
    stored = packages.stored_configuration(app.ctx.vault)
    assert stored is not None and "vallen.yaml" in stored.leaflets  # the first one stays
