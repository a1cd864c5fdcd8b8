"""``huisbezoek coordinator connect``: the organisation's server is saved once (never with a
password), shown and forgotten; every coordinator command then uses it, unless ``--url``,
``--dir`` or ``HUISBEZOEK_STORE_URL`` says otherwise; a password the server asks is typed,
never an argument; each way connecting fails has its own Dutch message and no traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import make_url

from huisbezoek.cli import main
from huisbezoek.coordinator import connection, organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.vault.keyslots import KdfParams

from .conftest import account_database

ORG_PASS = "organisatie zin voor de test"  # test data
VAULT_PASS = "fiets kopje regen zeven"  # test data
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(autouse=True)
def no_password_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libpq must not find a password of the person running the tests."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "geen-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICEFILE", raising=False)
    monkeypatch.delenv(connection.URL_ENV, raising=False)


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The installed command as a person runs it, with no terminal for prompts."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "huisbezoek", *args],
        check=False,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        start_new_session=True,  # no controlling terminal: getpass cannot ask
    )


def organisation_db(url: str, name: str) -> None:
    store = CoordinatorStore.open_url(url)
    try:
        init_organisation_in(store, name, ORG_PASS, kdf=KdfParams.FLOOR)
    finally:
        store.close()


def test_a_url_with_a_password_is_refused_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["coordinator", "connect", "postgresql://anna:geheim@db.example.nl/huisbezoek"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Zet geen wachtwoord in het adres" in err and "pgpass" in err
    assert "geheim" not in err
    assert not connection.connection_path().exists()
    assert main(["coordinator", "connect", "mysql://anna@db.example.nl/x"]) == 2
    assert "geen adres van een PostgreSQL-database" in capsys.readouterr().err


@pytest.mark.postgres
def test_connect_saves_shows_and_forgets_the_server(
    pg_server, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    organisation_db(url, "Welzijn Noordstad")
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    assert main(["coordinator", "connect", plain]) == 0
    out = capsys.readouterr().out
    assert "organisatie Welzijn Noordstad" in out and "U werkt als postgres" in out
    saved = json.loads(connection.connection_path().read_text("utf-8"))
    assert saved["password_needed"] is False and make_url(saved["url"]) == make_url(url)
    assert oct(connection.connection_path().stat().st_mode & 0o777) == "0o600"

    assert main(["coordinator", "connect"]) == 0
    assert f"Adres: {saved['url']}" in capsys.readouterr().out
    assert main(["coordinator", "connect", "--forget"]) == 0
    assert "vergeten" in capsys.readouterr().out
    assert not connection.connection_path().exists()
    assert main(["coordinator", "connect"]) == 0
    assert "Er is geen server ingesteld" in capsys.readouterr().out


@pytest.mark.postgres
def test_the_store_is_chosen_url_then_dir_then_environment_then_connected(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    connected, from_env, given = (pg_server.new_database() for _ in range(3))
    for url, name in ((connected, "Verbonden"), (from_env, "Omgeving"), (given, "Gegeven")):
        organisation_db(url, f"Welzijn {name}")
    vault = organisation.init_organisation(
        tmp_path / "coord", VAULT_PASS, "Welzijn Laptop", kdf=KdfParams.FLOOR
    )
    vault.store.close()

    def organisation_used(*extra: str, stdin: str = "") -> str:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        assert main(["coordinator", "settings", *extra]) == 0
        line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Organisatie"))
        return line.split(":", 1)[1].strip()

    assert main(["coordinator", "connect", connected]) == 0
    capsys.readouterr()
    assert organisation_used() == "Welzijn Verbonden"
    monkeypatch.setenv(connection.URL_ENV, from_env)
    assert organisation_used() == "Welzijn Omgeving"
    assert organisation_used("--url", given) == "Welzijn Gegeven"
    dir_args = ("--dir", str(tmp_path / "coord"), "--passphrase-stdin")
    assert organisation_used(*dir_args, stdin=VAULT_PASS + "\n") == "Welzijn Laptop"
    # org commands (cli/exchange.py) follow the same rule
    monkeypatch.delenv(connection.URL_ENV)
    assert main(["org", "volunteers"]) == 0
    assert "Er zijn nog geen vrijwilligers" in capsys.readouterr().out
    assert main(["coordinator", "connect"]) == 0
    assert f"database {make_url(connected).database}," in capsys.readouterr().out


@pytest.mark.postgres
def test_unreachable_server_says_so_in_dutch_without_a_traceback(tmp_path: Path) -> None:
    env_home = os.environ["HUISBEZOEK_HOME"]
    result = run_cli("coordinator", "connect", "postgresql://anna@127.0.0.1:1/huisbezoek")
    assert result.returncode == 2
    assert "niet bereikbaar" in result.stderr and "niet opgeslagen" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (Path(env_home) / connection.CONNECTION_FILE).exists()


@pytest.mark.postgres
def test_a_password_the_server_asks_is_typed_never_saved(
    pg_password_server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    account = account_database(pg_password_server)
    # The database is still empty: connect says so and saves nothing.
    monkeypatch.setattr(sys, "stdin", io.StringIO(account.password + "\n"))
    assert main(["coordinator", "connect", account.url, "--passphrase-stdin"]) == 2
    assert "nog geen gegevens van Huisbezoek" in capsys.readouterr().err
    assert not connection.connection_path().exists()
    store = CoordinatorStore.open_url(account.url, password=account.password)
    try:
        init_organisation_in(store, "Welzijn Zuid", ORG_PASS, kdf=KdfParams.FLOOR)
    finally:
        store.close()

    # No terminal to type it on: a Dutch message that names ~/.pgpass.
    result = run_cli("coordinator", "connect", account.url)
    assert result.returncode == 2, result.stderr
    assert "geen terminal" in result.stderr and "pgpass" in result.stderr
    assert "Traceback" not in result.stderr

    monkeypatch.setattr(sys, "stdin", io.StringIO("fout wachtwoord\n"))
    assert main(["coordinator", "connect", account.url, "--passphrase-stdin"]) == 2
    assert "klopt niet" in capsys.readouterr().err

    monkeypatch.setattr(sys, "stdin", io.StringIO(account.password + "\n"))
    assert main(["coordinator", "connect", account.url, "--passphrase-stdin"]) == 0
    assert f"U werkt als {account.account}" in capsys.readouterr().out
    stored = connection.connection_path().read_text("utf-8")
    assert account.password not in stored
    assert json.loads(stored) == {"url": account.url, "password_needed": True}

    # Every command now asks it (here on standard input), then works on the server.
    monkeypatch.setattr(sys, "stdin", io.StringIO(account.password + "\n"))
    assert main(["coordinator", "settings", "--passphrase-stdin"]) == 0
    assert "Welzijn Zuid" in capsys.readouterr().out
    # A ~/.pgpass line instead: nothing is asked (stdin is empty).
    pgpass = Path(os.environ["PGPASSFILE"])
    pgpass.write_text(f"127.0.0.1:{pg_password_server.tcp_port}:*:{account.account}:"
                      f"{account.password}\n")  # fmt: skip
    pgpass.chmod(0o600)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["org", "volunteers", "--passphrase-stdin"]) == 0
    assert "Er zijn nog geen vrijwilligers" in capsys.readouterr().out


@pytest.mark.postgres
def test_tls_and_a_missing_database_have_their_own_message(
    pg_password_server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    account = account_database(pg_password_server)
    port = pg_password_server.tcp_port
    # The test server speaks no TLS; a coordinator's address asks for it.
    tls = f"postgresql://{account.account}@127.0.0.1:{port}/huisbezoek?sslmode=require"
    assert main(["coordinator", "connect", tls]) == 2
    err = capsys.readouterr().err
    assert "beveiligde verbinding (TLS)" in err and "Traceback" not in err
    missing = f"postgresql://{account.account}@127.0.0.1:{port}/bestaat_niet"
    monkeypatch.setattr(sys, "stdin", io.StringIO(account.password + "\n"))
    assert main(["coordinator", "connect", missing, "--passphrase-stdin"]) == 2
    assert "database bestaat niet" in capsys.readouterr().err
    assert not connection.connection_path().exists()


@pytest.mark.postgres
def test_a_service_file_and_pgpass_need_no_question(
    pg_password_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    account = account_database(pg_password_server)
    store = CoordinatorStore.open_url(account.url, password=account.password)
    try:
        init_organisation_in(store, "Welzijn Dienst", ORG_PASS, kdf=KdfParams.FLOOR)
    finally:
        store.close()
    database = make_url(account.url).database
    service = tmp_path / "pg_service.conf"
    service.write_text(f"[huisbezoek]\nhost=127.0.0.1\nport={pg_password_server.tcp_port}\n"
                       f"dbname={database}\nuser={account.account}\n")  # fmt: skip
    pgpass = Path(os.environ["PGPASSFILE"])
    pgpass.write_text(f"127.0.0.1:{pg_password_server.tcp_port}:{database}:{account.account}:"
                      f"{account.password}\n")  # fmt: skip
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # nothing to read: nothing is asked
    assert main(["coordinator", "connect", "postgresql:///?service=huisbezoek"]) == 0
    out = capsys.readouterr().out
    assert "Dienst huisbezoek" in out and "organisatie Welzijn Dienst" in out
    assert json.loads(connection.connection_path().read_text("utf-8"))["password_needed"] is False
    assert main(["org", "volunteers"]) == 0
    assert "Er zijn nog geen vrijwilligers" in capsys.readouterr().out


@pytest.mark.postgres
def test_fetch_from_the_drop_on_the_server_asks_the_organisation_passphrase(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """``coordinator fetch`` on the connected server: the batches are opened with the
    organisation's key, so the organisation passphrase is asked (from standard input here);
    without it or with a wrong one, a Dutch message and nothing imported or filed."""
    from huisbezoek.coordinator.store.models import ImportedSignal
    from huisbezoek.exchange.keys import VolunteerKeys

    from .helpers import batch_file

    url = pg_server.new_database()
    organisation_db(url, "Welzijn Ophalen")
    keys = VolunteerKeys.generate()
    (tmp_path / "aanmelding.json").write_bytes(keys.enrolment("Vera").to_bytes())
    store = CoordinatorStore.open_url(url)
    try:
        store.unlock_org_key(ORG_PASS)
        organisation.enrol_volunteer(store, tmp_path / "aanmelding.json")
        organisation.approve_volunteer(store, keys.key_id_hex)
        config = organisation.organisation_config(store)
    finally:
        store.close()
    drop = tmp_path / "gedeeld"
    waiting = drop / "naar-coordinator" / keys.key_id_hex
    waiting.mkdir(parents=True)
    made = batch_file(tmp_path, keys, config)
    made.rename(waiting / "signalen-1.zip")

    assert main(["coordinator", "connect", url]) == 0
    assert main(["coordinator", "drop", "--folder", str(drop)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no passphrase given
    assert main(["coordinator", "fetch", "--passphrase-stdin"]) == 2
    assert "te weinig regels" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("een verkeerde zin\n"))
    assert main(["coordinator", "fetch", "--passphrase-stdin"]) == 2
    assert "wachtwoordzin" in capsys.readouterr().err
    assert (waiting / "signalen-1.zip").exists()

    monkeypatch.setattr(sys, "stdin", io.StringIO(ORG_PASS + "\n"))
    assert main(["coordinator", "fetch", "--passphrase-stdin"]) == 0
    out = capsys.readouterr().out
    assert "2 nieuw" in out or "2 nieuwe" in out, out
    assert not (waiting / "signalen-1.zip").exists()
    assert (drop / "verwerkt" / keys.key_id_hex / "signalen-1.zip").exists()
    store = CoordinatorStore.open_url(url)
    try:
        with store.session() as session:
            assert session.query(ImportedSignal).count() == 2
    finally:
        store.close()
