from __future__ import annotations

import io
import re
import sys

import pytest

from huisbezoek.cli import main
from huisbezoek.vault import Vault

PASS = "cli wachtwoordzin lang"
NEW = "cli nieuwe wachtwoordzin"


def run(monkeypatch, capsys, lines, *argv):
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    code = main(["vault", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_lifecycle(tmp_path, monkeypatch, capsys):
    folder = str(tmp_path / "kluis")
    common = ["--dir", folder, "--passphrase-stdin"]
    code, out, _ = run(monkeypatch, capsys, [PASS, PASS], "init", *common, "--kdf-floor")
    assert code == 0
    key = re.search(r"([0-9A-Z]{4}(?:-[0-9A-Z]{4}){8})", out).group(1)
    assert out.count(key) == 1

    code, out, _ = run(monkeypatch, capsys, [PASS], "check", *common)
    assert code == 0 and "FOUT" not in out and out.count("in orde") == 4

    code, _, err = run(monkeypatch, capsys, ["verkeerde zin hier"], "check", *common)
    assert code == 2 and "wachtwoordzin klopt niet" in err and "Traceback" not in err

    backup = str(tmp_path / "kopie.hbbackup")
    code, _, _ = run(monkeypatch, capsys, [PASS], "backup", backup, *common)
    assert code == 0

    code, _, err = run(monkeypatch, capsys, [PASS, NEW, "anders"], "change-passphrase", *common)
    assert code == 2 and "niet gelijk" in err
    code, _, _ = run(
        monkeypatch, capsys, [PASS, NEW, NEW], "change-passphrase", *common, "--kdf-floor"
    )
    assert code == 0
    Vault.open(folder, NEW).close()

    code, _, _ = run(
        monkeypatch, capsys, [key.lower()], "restore", backup, *common, "--recovery-key"
    )
    assert code == 0
    Vault.open(folder, PASS).close()  # the backup's passphrase is back

    code, _, _ = run(
        monkeypatch, capsys, [key, NEW, NEW], "reset-passphrase", *common, "--kdf-floor"
    )
    assert code == 0
    Vault.open(folder, NEW).close()

    code, _, err = run(monkeypatch, capsys, [PASS, PASS], "init", *common, "--kdf-floor")
    assert code == 2 and "al een kluis" in err


def test_cli_uses_default_folder(monkeypatch, capsys, isolated_home):
    code, _, _ = run(monkeypatch, capsys, [PASS, PASS], "init", "--passphrase-stdin", "--kdf-floor")
    assert code == 0
    assert (isolated_home / "vault" / "vault.keys").exists()


def test_cli_check_reports_broken_audit_chain(tmp_path, monkeypatch, capsys):
    from huisbezoek.vault import KdfParams
    from huisbezoek.vault.engine import connect_raw

    folder = tmp_path / "kluis"
    vault, _ = Vault.create(folder, PASS, kdf=KdfParams.FLOOR)
    key = vault._require_key()
    vault.close()
    conn = connect_raw(folder / "vault.db", key)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET event = 'iets' WHERE id = 1")
    conn.close()
    code, out, _ = run(
        monkeypatch, capsys, [PASS], "check", "--dir", str(folder), "--passphrase-stdin"
    )
    assert code == 1 and "FOUT" in out


@pytest.mark.parametrize("argv", [["vault"], ["vault", "onbekend"]])
def test_cli_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
