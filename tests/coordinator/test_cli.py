"""The coordinator commands on a vault made by ``org init``, and on PostgreSQL by URL."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from huisbezoek import paths
from huisbezoek.cli import main
from huisbezoek.coordinator import organisation

from .helpers import address_csv, resident_row
from .pdftext import text_of

PASSPHRASE = "een lange wachtwoordzin voor de test"


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], lines: int
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n" * lines))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_coordinator_cli_on_the_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "coord"
    code, _out, _err = run(monkeypatch, capsys, ["org", "init", "--dir", str(store), "--name",
                           "Welzijn Teststad", "--config-out", str(tmp_path / "org.json"),
                           "--kdf-floor", "--passphrase-stdin"], 2)  # fmt: skip
    assert code == 0
    common = ["--dir", str(store), "--passphrase-stdin"]
    good = tmp_path / "lijst.csv"
    good.write_bytes(address_csv([resident_row(n, "Noord") for n in range(1, 8)]))
    bad = tmp_path / "fout.csv"
    bad.write_bytes(address_csv([resident_row(1, postcode="XX")]))

    code, _out, err = run(monkeypatch, capsys, ["coordinator", "addresses", str(bad), *common], 1)
    assert code == 2 and "Regel 2: postcode 'XX' klopt niet" in err
    code, out, _err = run(monkeypatch, capsys, ["coordinator", "addresses", str(good), *common], 1)
    assert code == 0 and "7 nieuw" in out
    code, out, _err = run(monkeypatch, capsys, ["coordinator", "dashboard", *common], 1)
    assert code == 0 and "Noord" in out
    pdf, csv_file = tmp_path / "rapport.pdf", tmp_path / "rapport.csv"
    code, _out, _err = run(monkeypatch, capsys, ["coordinator", "report", "--pdf", str(pdf),
                                                 "--csv", str(csv_file), *common], 1)  # fmt: skip
    assert code == 0
    # 7 residents, published rounded to a multiple of 5
    assert "Bewoners 75-80 jaar: 5" in " ".join(text_of(pdf.read_bytes()).split())
    assert csv_file.read_text("utf-8-sig").splitlines()[4].startswith("Noord;5;0;")
    person = ["--name", "Bewoner 3", "--postcode", "1234ab"]
    code, out, _err = run(
        monkeypatch, capsys, ["coordinator", "erase", *person, "--yes", *common], 1
    )
    assert code == 0 and "1 op de adreslijst" in out
    dossier = ["coordinator", "dossier", *person, "--out", str(tmp_path / "d.pdf"), *common]
    code, _out, err = run(monkeypatch, capsys, dossier, 1)
    assert code == 2 and "niets gevonden" in err


@pytest.mark.postgres
def test_coordinator_cli_on_postgresql(
    pg_server: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = pg_server.new_database()  # type: ignore[attr-defined]
    good = tmp_path / "lijst.csv"
    good.write_bytes(address_csv([resident_row(n, "Zuid") for n in range(1, 4)]))
    assert main(["coordinator", "addresses", str(good), "--url", url]) == 0
    assert main(["coordinator", "retention", "--months", "6", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "3 nieuw" in out and "Bewaartermijn 6 maanden" in out
    org_file = tmp_path / "organisatie.json"
    code, _out, _err = run(monkeypatch, capsys, [
        "coordinator", "init-store", "--url", url, "--name", "Welzijn Teststad",
        "--config-out", str(org_file), "--passphrase-stdin", "--kdf-floor"], 2)  # fmt: skip
    assert code == 0
    from huisbezoek.coordinator.store.backend import CoordinatorStore
    from huisbezoek.exchange.keys import OrgConfig, VolunteerKeys

    from .helpers import batch_file

    config = OrgConfig.from_bytes(org_file.read_bytes())
    keys = VolunteerKeys.generate()
    (tmp_path / "aanmelding.json").write_bytes(keys.enrolment("Vera").to_bytes())
    store = CoordinatorStore.open_url(url)
    try:
        key_id = organisation.enrol_volunteer(store, tmp_path / "aanmelding.json").key_id  # type: ignore[arg-type]
        organisation.approve_volunteer(store, key_id)  # type: ignore[arg-type]
    finally:
        store.close()
    capsys.readouterr()
    batch_path = str(batch_file(tmp_path, keys, config))
    imp = ["coordinator", "import", batch_path, "--url", url, "--passphrase-stdin"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("niet de goede zin\n"))
    assert main(imp) == 2  # the organisation key stays sealed without its passphrase
    assert "opent de sleutel van de organisatie niet" in capsys.readouterr().err
    code, out, _err = run(monkeypatch, capsys, imp, 1)
    assert code == 0
    assert "Totaal: 2 nieuw" in out
    assert main(["coordinator", "queue", "--url", url]) == 0
    assert "Signalen 1 tot en met 2 van 2 (bladzijde 1 van 1)." in capsys.readouterr().out
    assert main(["coordinator", "queue", "--url", url, "--onderwerp", "vallen"]) == 0
    out = capsys.readouterr().out
    assert "van 1 (bladzijde 1 van 1)" in out and "Mevrouw Visser" in out
    assert main(["coordinator", "queue", "--url", url, "--zoek", "niemand"]) == 0
    assert "Geen signalen gevonden." in capsys.readouterr().out


def test_packages_through_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from huisbezoek.coordinator.addresses import assign_neighbourhood, import_address_list
    from huisbezoek.coordinator.store.backend import CoordinatorStore
    from huisbezoek.services import exchange
    from huisbezoek.vault.core import Vault
    from huisbezoek.vault.keyslots import KdfParams

    created = organisation.init_organisation(tmp_path / "coord", PASSPHRASE, "Welzijn Teststad",
                                         kdf=KdfParams.FLOOR)  # fmt: skip
    volunteer, _ = Vault.create(tmp_path / "vrijwilliger", PASSPHRASE, kdf=KdfParams.FLOOR)
    try:
        (tmp_path / "org.json").write_bytes(created.config.to_bytes())
        exchange.import_org_config(volunteer, tmp_path / "org.json")
        summary = exchange.write_enrolment(volunteer, tmp_path / "aanmelding.json")
        key_id = organisation.enrol_volunteer(created.store, summary.path).key_id
        organisation.approve_volunteer(created.store, key_id)
        with CoordinatorStore.from_vault(created.store).session() as session:
            import_address_list(session, address_csv([resident_row(1), resident_row(2)]),
                                today=date(2026, 11, 23))  # fmt: skip
            assign_neighbourhood(session, "Noord", key_id)
    finally:
        volunteer.close()
        created.store.close()
    forms = tmp_path / "forms"
    forms.mkdir()
    # A real new form version: the volunteer's app checks the files before it uses them.
    shipped = (paths.forms_dir() / "samen-sterker-75plus.v1.yaml").read_text("utf-8")
    (forms / "samen-sterker-75plus.v2.yaml").write_text(
        shipped.replace("\nversion: 1\n", "\nversion: 2\n", 1), "utf-8"
    )
    common = ["--dir", str(tmp_path / "coord"), "--passphrase-stdin"]
    out_a, out_c = tmp_path / "toewijzing.hbp", tmp_path / "configuratie.hbp"
    code, out, _ = run(monkeypatch, capsys, ["coordinator", "assignment", "--volunteer", key_id,
                                             "--out", str(out_a), *common], 1)  # fmt: skip
    assert code == 0 and "2 bewoners" in out
    config_cmd = ["coordinator", "configuration", "--forms", str(forms), "--out", str(out_c)]
    code, _out, _ = run(monkeypatch, capsys, [*config_cmd, *common], 1)
    assert code == 0
    vol = ["--dir", str(tmp_path / "vrijwilliger"), "--passphrase-stdin"]
    code, out, _ = run(monkeypatch, capsys, ["package", str(out_a), *vol], 1)
    assert code == 0 and "2 nieuwe bewoners" in out
    code, out, _ = run(monkeypatch, capsys, ["package", str(out_c), *vol], 1)
    assert code == 0 and "Formulieren nieuw: samen-sterker-75plus.v2.yaml" in out
    assert (paths.config_override_dir() / "forms" / "samen-sterker-75plus.v2.yaml").exists()
    # Broken files are refused before a package is made.
    (forms / "samen-sterker-75plus.v3.yaml").write_text("id: kapot\n", "utf-8")
    out_bad = tmp_path / "kapot-config.hbp"
    bad_cmd = ["coordinator", "configuration", "--forms", str(forms), "--out", str(out_bad)]
    code, _out, err = run(monkeypatch, capsys, [*bad_cmd, *common], 1)
    assert code != 0 and "geen pakket gemaakt" in err and not out_bad.exists()
    broken = tmp_path / "kapot.hbp"
    broken.write_bytes(out_a.read_bytes()[:-40])
    code, _out, err = run(monkeypatch, capsys, ["package", str(broken), *vol], 1)
    assert code == 2 and "geen geldig pakket" in err


@pytest.mark.postgres
def test_org_commands_work_on_postgresql_by_url(
    pg_server, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    """Enrol, approve, list and write the organisation file on a shared PostgreSQL store by
    --url: no vault passphrase is asked (there is none), and nothing reads the terminal."""
    from huisbezoek.exchange.keys import OrgConfig, VolunteerKeys

    url = pg_server.new_database()
    org_file = tmp_path / "org.json"
    code, _out, _err = run(monkeypatch, capsys, [
        "coordinator", "init-store", "--url", url, "--name", "Welzijn Teststad",
        "--config-out", str(org_file), "--passphrase-stdin", "--kdf-floor"], 2)  # fmt: skip
    assert code == 0
    keys = VolunteerKeys.generate()
    enrolment = tmp_path / "aanmelding.json"
    enrolment.write_bytes(keys.enrolment("Vera").to_bytes())
    assert main(["org", "enrol", str(enrolment), "--url", url]) == 0
    assert main(["org", "approve", keys.key_id_hex, "--url", url]) == 0
    capsys.readouterr()
    assert main(["org", "volunteers", "--url", url]) == 0
    listed = capsys.readouterr().out
    assert keys.key_id_hex in listed and "goedgekeurd" in listed
    out = tmp_path / "opnieuw.json"
    assert main(["org", "config", "--out", str(out), "--url", url]) == 0
    assert OrgConfig.from_bytes(out.read_bytes()).name == "Welzijn Teststad"
    # export-key asks the organisation passphrase (the key is sealed in the database), then
    # the one for the file; the file opens with age and holds the key the database does not.
    key_file = tmp_path / "sleutel.age"
    code, _out, err = run(monkeypatch, capsys, ["org", "export-key", "--out", str(key_file),
                                                "--url", url, "--passphrase-stdin"], 3)  # fmt: skip
    assert code == 0, err
    import pyrage

    exported = pyrage.passphrase.decrypt(key_file.read_bytes(), PASSPHRASE).decode()
    secret = next(line for line in exported.splitlines() if line.startswith("AGE-SECRET-KEY-"))
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT secret FROM org_keys")).scalar_one()
    finally:
        engine.dispose()
    assert stored.startswith("huisbezoek-orgkey-v1:") and secret not in stored


def test_no_terminal_gives_a_dutch_message(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import getpass

    def no_tty(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", no_tty)
    assert main(["org", "volunteers", "--dir", str(tmp_path / "x")]) == 2
    assert "Er kwam geen wachtwoordzin binnen" in capsys.readouterr().err
