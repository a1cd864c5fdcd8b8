"""The whole path through the command line: org init, enrol, approve, config, export, import."""

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from huisbezoek.cli import main
from huisbezoek.domain import Severity, Theme
from huisbezoek.vault import Vault

from .conftest import PASSPHRASE, SHARE, SHARE_ID, add_visit


def run(monkeypatch, capsys, argv, stdin_lines):
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{x}\n" for x in stdin_lines)))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_round_trip(tmp_path, monkeypatch, capsys):
    coord, vol = tmp_path / "coord", tmp_path / "vol"
    config = tmp_path / "organisatie.json"
    pw = [PASSPHRASE]

    code, out, _ = run(monkeypatch, capsys, ["org", "init", "--dir", str(coord), "--name",
                       "Welzijn Teststad", "--config-out", str(config), "--kdf-floor",
                       "--passphrase-stdin"], pw * 2)  # fmt: skip
    assert code == 0 and "Vingerafdruk" in out
    org_fingerprint = json.loads(config.read_text())["fingerprint"]
    assert org_fingerprint in out

    code, _, _ = run(monkeypatch, capsys, ["vault", "init", "--dir", str(vol), "--kdf-floor",
                     "--passphrase-stdin"], pw * 2)  # fmt: skip
    assert code == 0
    code, out, _ = run(monkeypatch, capsys, ["config", "import", str(config), "--dir", str(vol),
                       "--passphrase-stdin"], pw)  # fmt: skip
    assert code == 0 and org_fingerprint in out

    enrol = tmp_path / "aanmelding.json"
    code, out, _ = run(monkeypatch, capsys, ["enrol", "--out", str(enrol), "--dir", str(vol),
                       "--passphrase-stdin"], pw)  # fmt: skip
    key_id = json.loads(enrol.read_text())["key_id"]
    assert code == 0 and key_id in out

    args = ["--dir", str(coord), "--passphrase-stdin"]
    assert run(monkeypatch, capsys, ["org", "enrol", str(enrol), *args], pw)[0] == 0
    code, out, _ = run(monkeypatch, capsys, ["org", "volunteers", *args], pw)
    assert "wacht op goedkeuring" in out
    assert run(monkeypatch, capsys, ["org", "approve", key_id, *args], pw)[0] == 0

    with Vault.open(vol, PASSPHRASE) as vault:
        signals = [
            (Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE_ID),
            (Theme.VOEDING, Severity.AANDACHT, "Eet weinig", SHARE),
        ]
        add_visit(vault, signals=signals)
    outbox = tmp_path / "uit"
    code, out, _ = run(monkeypatch, capsys, ["export", "--to", str(outbox), "--dir", str(vol),
                       "--passphrase-stdin"], pw)  # fmt: skip
    assert code == 0 and "2 signalen" in out
    (batch_file,) = outbox.glob("signalen-*.zip")

    code, out, _ = run(monkeypatch, capsys, ["import", str(batch_file), *args], pw)
    assert code == 0 and "2 nieuw" in out
    code, out, _ = run(monkeypatch, capsys, ["import", str(batch_file), *args], pw)
    assert code == 0 and "al ingelezen" in out

    # a refused file: exit 1, a Dutch reason, the good file next to it still reported
    broken = tmp_path / "kapot.zip"
    broken.write_bytes(batch_file.read_bytes()[:-10])
    code, out, _ = run(monkeypatch, capsys, ["import", str(broken), *args], pw)
    assert code == 1 and "geweigerd" in out and "beschadigd" in out

    assert run(monkeypatch, capsys, ["org", "revoke", key_id, *args], pw)[0] == 0
    code, out, _ = run(monkeypatch, capsys, ["org", "volunteers", *args], pw)
    assert "ingetrokken" in out

    if shutil.which("age"):
        identity = tmp_path / "org-identity.txt"
        code, _, _ = run(monkeypatch, capsys, ["org", "export-key", "--out", str(identity),
                         "--unencrypted", *args], pw)  # fmt: skip
        assert code == 0
        with zipfile.ZipFile(batch_file) as zf:
            (tmp_path / "payload.age").write_bytes(zf.read("payload.age"))
        plain = subprocess.run(["age", "-d", "-i", str(identity), str(tmp_path / "payload.age")],
                               capture_output=True, check=True).stdout  # fmt: skip
        assert plain[:2] == b"\x1f\x8b"  # gzip


def test_wrong_passphrase_is_a_dutch_error(tmp_path, monkeypatch, capsys, templates):
    coord = tmp_path / "coord"
    shutil.copytree(templates["coordinator"], coord)
    code, _, err = run(monkeypatch, capsys, ["org", "volunteers", "--dir", str(coord),
                       "--passphrase-stdin"], ["fout wachtwoord hier"])  # fmt: skip
    assert code == 2 and err.startswith("huisbezoek: ")


def test_encrypted_key_export_is_an_age_passphrase_file(tmp_path, monkeypatch, capsys, templates):
    coord = tmp_path / "coord"
    shutil.copytree(templates["coordinator"], coord)
    out = tmp_path / "sleutel.age"
    code, _, _ = run(monkeypatch, capsys, ["org", "export-key", "--out", str(out), "--dir",
                     str(coord), "--passphrase-stdin"],
                     [PASSPHRASE, "bewaar dit goed 123", "bewaar dit goed 123"])  # fmt: skip
    assert code == 0 and b"AGE-SECRET-KEY" not in out.read_bytes()
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")


def test_import_through_a_real_process(linked, tmp_path):
    volunteer, coordinator = linked
    from huisbezoek.services import exchange as svc

    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt", SHARE)])
    result = svc.export_signals(volunteer, tmp_path / "uit")
    folder = coordinator.folder
    coordinator.close()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2] / "src")
    proc = subprocess.run(
        [sys.executable, "-m", "huisbezoek", "import", str(result.path), "--dir", str(folder),
         "--passphrase-stdin"],
        input=PASSPHRASE + "\n", capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "1 nieuw" in proc.stdout
