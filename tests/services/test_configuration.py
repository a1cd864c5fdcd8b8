"""An accepted configuration package takes effect: the printed leaflet shows the new text, new
visits use the new form version, a visit already started keeps its pinned form; a package with
broken files changes nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from huisbezoek import paths
from huisbezoek.coordinator import organisation
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.domain import LeafletTopic
from huisbezoek.exchange import package
from huisbezoek.services import configuration, exchange, packages, residents, visit_resume
from huisbezoek.services.letterhead import organisation_of
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

PASS = "fiets kopje regen zeven"
NEW_SENTENCE = "Doe mee met de valcursus in het buurthuis op dinsdag."
# The newest shipped form version, and the one a configuration package brings.
SHIPPED, NEXT = 2, 3
FORM_SHIPPED = f"samen-sterker-75plus.v{SHIPPED}.yaml"
FORM_NEXT = f"samen-sterker-75plus.v{NEXT}.yaml"


@dataclass
class World:
    org: organisation.CreatedOrganisation
    volunteer: Vault

    def package(self, **files: dict[str, str]) -> bytes:
        store = CoordinatorStore.from_vault(self.org.store)
        with store.session() as session:
            return coordinator_packages.export_configuration(
                session,
                forms=files.get("forms", {}),
                leaflets=files.get("leaflets", {}),
                services=files.get("services", {}),
            )


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    org = organisation.init_organisation(tmp_path / "org", PASS, "Welzijn", kdf=KdfParams.FLOOR)
    volunteer, _ = Vault.create(tmp_path / "vrijwilliger", PASS, kdf=KdfParams.FLOOR)
    (tmp_path / "org.json").write_bytes(org.config.to_bytes())
    exchange.import_org_config(volunteer, tmp_path / "org.json")
    summary = exchange.write_enrolment(volunteer, tmp_path / "aanmelding.json")
    row = organisation.enrol_volunteer(org.store, summary.path)
    organisation.approve_volunteer(org.store, row.key_id)
    yield World(org, volunteer)
    volunteer.close()
    org.store.close()


def _pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def _printed_leaflet() -> str:
    from huisbezoek.printing import load_directory, render_leaflet

    directory = load_directory()
    return _pdf_text(
        render_leaflet(LeafletTopic.VALLEN, directory, organisation=organisation_of(directory))
    )


def _new_files() -> dict[str, dict[str, str]]:
    leaflet = (paths.resources_dir() / "leaflets" / "vallen.yaml").read_text(encoding="utf-8")
    leaflet = leaflet.replace("inleiding:\n", f"inleiding:\n  - {NEW_SENTENCE}\n", 1)
    form = (paths.forms_dir() / FORM_SHIPPED).read_text(encoding="utf-8")
    assert f"\nversion: {SHIPPED}\n" in form
    form = form.replace(f"\nversion: {SHIPPED}\n", f"\nversion: {NEXT}\n", 1)
    return {"leaflets": {"vallen.yaml": leaflet}, "forms": {FORM_NEXT: form}}


def test_configuration_takes_effect_and_drafts_keep_their_form(world: World) -> None:
    vault = world.volunteer
    assert NEW_SENTENCE not in _printed_leaflet()
    first = residents.add_resident(vault, residents.ResidentInput(name="Mevrouw Eerst"))
    draft = visit_resume.start_or_resume(vault, first, visit_resume.default_form())
    assert draft.form.version == SHIPPED

    changes = configuration.apply_configuration_package(vault, world.package(**_new_files()))
    assert changes.added["forms"] == [FORM_NEXT]
    assert changes.added["leaflets"] == ["vallen.yaml"]

    # The printed leaflet shows the organisation's text.
    assert NEW_SENTENCE in _printed_leaflet()
    override = paths.config_override_dir()
    assert (override / "leaflets" / "vallen.yaml").exists()
    assert (override / "leaflets" / "eten.yaml").exists()  # the rest of the set is shipped
    # New visits use the new form version; the draft keeps the version it pinned.
    assert visit_resume.default_form().version == NEXT
    second = residents.add_resident(vault, residents.ResidentInput(name="Meneer Later"))
    new_visit = visit_resume.start_or_resume(vault, second, visit_resume.default_form())
    assert new_visit.form.version == NEXT
    resumed = visit_resume.start_or_resume(vault, first, visit_resume.default_form())
    assert resumed.visit_id == draft.visit_id
    assert resumed.form.version == SHIPPED
    assert resumed.form.definition_hash == draft.form.definition_hash
    assert not list(override.glob(".nieuw-*")) and not list(override.glob(".oud-*"))


def test_broken_files_change_nothing(world: World) -> None:
    vault = world.volunteer
    broken = world.package(leaflets={"onbekend.yaml": "id: onbekend\n"})
    with pytest.raises(configuration.ConfigurationFilesError) as caught:
        configuration.apply_configuration_package(vault, broken)
    assert "niets veranderd" in caught.value.message_nl
    assert packages.stored_configuration(vault) is None
    assert not (paths.config_override_dir() / "leaflets").exists()
    assert visit_resume.default_form().version == SHIPPED

    escaping = world.package(forms={"../buiten.yaml": "id: x\n"})
    with pytest.raises(configuration.ConfigurationFilesError):
        configuration.apply_configuration_package(vault, escaping)
    assert not (paths.config_override_dir().parent / "buiten.yaml").exists()
    assert packages.stored_configuration(vault) is None

    # A good package after the refusals works; the older refused one stays refused.
    configuration.apply_configuration_package(vault, world.package(**_new_files()))
    assert NEW_SENTENCE in _printed_leaflet()
    with pytest.raises(package.OlderConfigurationError):
        configuration.apply_configuration_package(vault, broken)
    assert NEW_SENTENCE in _printed_leaflet()
    assert not list(paths.config_override_dir().glob(".nieuw-*"))


def test_unlock_writes_the_kept_configuration_again(world: World, tmp_path: Path) -> None:
    import shutil

    from huisbezoek.services import startup

    vault = world.volunteer
    configuration.apply_configuration_package(vault, world.package(**_new_files()))
    assert configuration.ensure_installed(vault) is False  # all there: nothing written
    # As on a new laptop with a restored vault: the configuration folder is gone.
    shutil.rmtree(paths.config_override_dir())
    assert NEW_SENTENCE not in _printed_leaflet()
    assert visit_resume.default_form().version == SHIPPED
    vault.close()
    opened = startup.unlock(PASS, folder=tmp_path / "vrijwilliger")
    world.volunteer = opened.vault
    assert NEW_SENTENCE in _printed_leaflet()
    assert visit_resume.default_form().version == NEXT
    # A changed file is put right as well.
    leaflet = paths.config_override_dir() / "leaflets" / "vallen.yaml"
    leaflet.write_text(leaflet.read_text("utf-8").replace(NEW_SENTENCE, "Iets anders."), "utf-8")
    assert configuration.ensure_installed(opened.vault) is True
    assert NEW_SENTENCE in _printed_leaflet()


def test_coordinator_checks_the_files_before_making_a_package() -> None:
    configuration.check_package_files(**_new_files(), services={})
    form = _new_files()["forms"][FORM_NEXT].replace(f"\nversion: {NEXT}\n", "\nversion: twee\n", 1)
    with pytest.raises(configuration.PackageFilesError) as caught:
        configuration.check_package_files(forms={FORM_NEXT: form}, leaflets={}, services={})
    assert "geen pakket gemaakt" in caught.value.message_nl
    assert FORM_NEXT in caught.value.message_nl  # says which file
    with pytest.raises(configuration.PackageFilesError):
        configuration.check_package_files(
            forms={}, leaflets={"onbekend.yaml": "id: onbekend\n"}, services={}
        )


def test_a_form_naming_a_leaflet_that_does_not_exist_is_refused() -> None:
    form = _new_files()["forms"][FORM_NEXT].replace(
        "leaflets: [geheugen]", "leaflets: [vergeten]", 1
    )
    assert "[vergeten]" in form
    with pytest.raises(configuration.PackageFilesError) as caught:
        configuration.check_package_files(forms={FORM_NEXT: form}, leaflets={}, services={})
    assert "signaal 'geheugen': folder 'vergeten' bestaat niet" in caught.value.message_nl
    # With the leaflet in the package, the same form is fine: leaflets are data.
    leaflet = (paths.resources_dir() / "leaflets" / "geheugen.yaml").read_text("utf-8")
    configuration.check_package_files(
        forms={FORM_NEXT: form},
        leaflets={"vergeten.yaml": leaflet.replace("id: geheugen", "id: vergeten", 1)},
        services={},
    )
