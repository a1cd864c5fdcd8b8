"""Upgrade and downgrade of a vault through the command line, for the source tree and the bundle.

``command`` is how to start huisbezoek: ``[sys.executable, "-m", "huisbezoek"]`` or the path of
a built executable. The same steps run against both, so the bundle is held to what the source
does: an old vault is migrated and kept, a vault from a newer version is refused untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from huisbezoek.vault import Vault
from huisbezoek.vault.engine import connect_raw
from huisbezoek.vault.migrate import head_revision
from huisbezoek.vault.schema import VOLUNTEER_SCHEMA

FIXTURE_0001 = Path(__file__).resolve().parents[1] / "vault" / "fixtures" / "vault-0001"
FIXTURE_PASSPHRASE = "fixture-kluis-0001 fictief"
PASSPHRASE = "een lange proefzin voor de kluis"


def run(
    command: list[str], args: list[str], home: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HUISBEZOEK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def upgrade_old_vault(command: list[str], tmp_path: Path) -> None:
    """A vault of revision 0001 opens, is migrated to the newest revision and keeps its data."""
    folder = tmp_path / "oud"
    shutil.copytree(FIXTURE_0001, folder)
    result = run(
        command,
        ["vault", "check", "--dir", str(folder), "--passphrase-stdin"],
        tmp_path / "home",
        FIXTURE_PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Schemaversie: {head_revision(VOLUNTEER_SCHEMA)}" in result.stdout
    with Vault.open(folder, FIXTURE_PASSPHRASE) as vault, vault.connection() as conn:
        names = [row[0] for row in conn.exec_driver_sql("SELECT name FROM residents")]
    assert names == ["Fictieve Froukje Fixtuur"]


def refuse_newer_vault(command: list[str], tmp_path: Path) -> None:
    """A vault a newer version migrated is refused with the Dutch message and left untouched."""
    folder = tmp_path / "nieuw"
    home = tmp_path / "home"
    made = run(
        command,
        ["vault", "init", "--dir", str(folder), "--kdf-floor", "--passphrase-stdin"],
        home,
        f"{PASSPHRASE}\n{PASSPHRASE}\n",
    )
    assert made.returncode == 0, made.stdout + made.stderr
    with Vault.open(folder, PASSPHRASE) as vault:
        key = vault._require_key()
    conn = connect_raw(folder / "vault.db", key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_van_later'")
    conn.commit()
    conn.close()
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    result = run(
        command,
        ["vault", "check", "--dir", str(folder), "--passphrase-stdin"],
        home,
        PASSPHRASE + "\n",
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "gemaakt met een nieuwere versie van Huisbezoek" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before
