from datetime import date

import pytest

from huisbezoek import paths
from huisbezoek.coordinator import startup as coordinator_startup
from huisbezoek.domain import ResidentStatus, VisitStatus
from huisbezoek.errors import InvalidInputError
from huisbezoek.services import documents, review, startup
from huisbezoek.services import residents as residents_svc
from huisbezoek.services.residents import list_residents
from huisbezoek.services.startup import FirstStartFlow, Role, Step
from huisbezoek.vault.errors import WrongPassphraseError
from huisbezoek.vault.keyslots import KdfParams

PASS = "fiets kopje regen zeven"


def test_flow_order_and_no_way_back_after_vault():
    flow = FirstStartFlow()
    steps = [flow.first()]
    while (nxt := flow.next_step(steps[-1])) is not None:
        steps.append(nxt)
    assert steps[0] is Step.ROLE and steps[1] is Step.NAME and steps[-1] is Step.ORGANISATION
    assert flow.previous_step(Step.RECOVERY_KEY) is None
    assert flow.previous_step(Step.PASSPHRASE) is Step.NAME
    assert flow.previous_step(Step.NAME) is Step.ROLE
    assert flow.previous_step(Step.ROLE) is None


def test_coordinator_flow_makes_and_saves_the_organisation():
    flow = FirstStartFlow(Role.COORDINATOR)
    steps = [flow.first()]
    while (nxt := flow.next_step(steps[-1])) is not None:
        steps.append(nxt)
    assert steps == [
        Step.ROLE,
        Step.ORG_NAME,
        Step.PASSPHRASE,
        Step.RECOVERY_KEY,
        Step.CONFIRM_KEY,
        Step.ORG_FILE,
    ]
    assert flow.previous_step(Step.PASSPHRASE) is Step.ORG_NAME
    assert flow.previous_step(Step.ORG_FILE) is None


def test_installed_workspace_follows_the_vault_on_disk():
    assert startup.installed_workspace() is None
    created = coordinator_startup.create_coordinator_vault("Welzijn Teststad", "Carla", PASS,
                                               kdf=KdfParams.FLOOR)  # fmt: skip
    created.opened.vault.close()
    installed = startup.installed_workspace()
    assert installed is not None and installed.role is Role.COORDINATOR
    assert installed.folder == paths.default_coordinator_dir()
    # A volunteer's vault beside it wins: a volunteer's start never shows coordinator screens.
    startup.create_vault("Els", PASS, kdf=KdfParams.FLOOR).opened.vault.close()
    installed = startup.installed_workspace()
    assert installed is not None and installed.role is Role.VOLUNTEER


def test_coordinator_vault_and_organisation_file(tmp_path):
    from huisbezoek.exchange.keys import OrgConfig

    created = coordinator_startup.create_coordinator_vault(
        "Welzijn  Teststad", "Carla", PASS, folder=tmp_path / "c", kdf=KdfParams.FLOOR
    )
    try:
        assert created.opened.vault.kind == "coordinator"
        assert created.opened.user == "Carla"
        summary = coordinator_startup.save_organisation_file(created.opened, tmp_path / "org.json")
        config = OrgConfig.from_bytes((tmp_path / "org.json").read_bytes())
        assert config.name == summary.name == "Welzijn Teststad"
        assert config.fingerprint == summary.fingerprint == created.opened.fingerprint
    finally:
        created.opened.vault.close()
    with pytest.raises(InvalidInputError):
        coordinator_startup.create_coordinator_vault(" ", "Carla", PASS, folder=tmp_path / "d")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("kort", 0),
        ("wachtwoord123", 1),
        ("aaaaaaaaaaaa", 1),
        ("fiets kopje regen", 2),
        ("lamp tegel haven mosterd", 3),
        # The example shown on screen, however it is typed.
        (startup.EXAMPLE_PASSPHRASE, 1),
        ("Fiets, Kopje  regen zeven!", 1),
    ],
)
def test_passphrase_hint_levels(text, level):
    assert startup.passphrase_hint(text).level == level


def test_check_new_passphrase():
    assert "kort" in startup.check_new_passphrase("abc", "abc")
    assert "niet hetzelfde" in startup.check_new_passphrase(PASS, PASS + "x")
    assert startup.check_new_passphrase(PASS, PASS) == ""


def test_create_unlock_recover(tmp_path):
    folder = tmp_path / "v"
    created = startup.create_vault("Els", PASS, folder=folder, kdf=KdfParams.FLOOR)
    key = created.recovery_key
    assert created.opened.volunteer_name == "Els"
    assert not created.opened.is_demo
    assert startup.last_group_matches(key, key.split("-")[-1].lower())
    assert not startup.last_group_matches(key, "ZZZZ")
    startup.close(created.opened)
    with pytest.raises(WrongPassphraseError):
        startup.unlock("verkeerde zin hier", folder=folder)
    opened = startup.unlock(PASS, folder=folder)
    assert opened.volunteer_name == "Els"
    startup.close(opened)
    new = "nieuwe zin met woorden"
    opened = startup.unlock_with_recovery_key(key, new, folder=folder, kdf=KdfParams.FLOOR)
    startup.close(opened)
    startup.close(startup.unlock(new, folder=folder))


def test_demo_vault_shows_passphrase_only_for_demo(tmp_path):
    demo = tmp_path / "demo"
    startup.create_demo_vault(folder=demo, kdf=KdfParams.FLOOR)
    info = startup.vault_info(demo)
    assert info.exists and info.demo_passphrase == startup.DEMO_PASSPHRASE
    opened = startup.unlock(startup.DEMO_PASSPHRASE, folder=demo)
    assert opened.is_demo
    rows = list_residents(opened.vault)
    assert len(rows) >= 20
    # Two finished conversations to try the review, the summary and an export with.
    visited = [row for row in rows if row.status is ResidentStatus.VISITED]
    assert len(visited) == 2
    reviews = [review.review(opened.vault, v.id) for row in visited for v in visits_of(opened, row)]
    assert all(r.status is VisitStatus.FINAL for r in reviews)
    shared = [sig for r in reviews for sig in r.signals if sig.consents]
    unshared = [sig for r in reviews for sig in r.signals if not sig.consents]
    assert shared and unshared
    data = documents.summary_input(opened.vault, reviews[0].visit_id, show_wellbeing_chart=True)
    assert data.visit_date < date.today() and data.agreements
    startup.close(opened)
    real = tmp_path / "real"
    startup.close(startup.create_vault("Els", PASS, folder=real, kdf=KdfParams.FLOOR).opened)
    assert startup.vault_info(real).demo_passphrase is None


def visits_of(opened, row):
    return residents_svc.resident_detail(opened.vault, row.id).visits


def test_recovery_sheet_pdf_holds_the_key(tmp_path):
    if not startup.can_print_recovery_sheet():
        pytest.skip("printing area not installed")
    created = startup.create_vault("Els", PASS, folder=tmp_path / "v", kdf=KdfParams.FLOOR)
    try:
        out = startup.save_recovery_sheet(
            tmp_path / "sheet.pdf", created.opened, created.recovery_key
        )
        assert out.read_bytes().startswith(b"%PDF")
    finally:
        startup.close(created.opened)


def test_light_constants_match_the_vault():
    from huisbezoek.vault import core, keyslots

    assert startup.MIN_PASSPHRASE_CHARS == keyslots.MIN_PASSPHRASE_CHARS
    assert startup.VAULT_FILES == (core.DB_NAME, core.KEYS_NAME)


def test_session_module_does_not_load_the_vault():
    import subprocess
    import sys

    code = (
        "import sys, huisbezoek.services.startup, huisbezoek.gui.app;"
        "print(sorted(m for m in sys.modules if m.startswith(('huisbezoek.vault', 'sqlalchemy'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
