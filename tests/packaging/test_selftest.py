"""``huisbezoek --self-test`` from the source tree: every check passes, failures read plainly."""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import pytest

from huisbezoek.cli import main
from huisbezoek.errors import UserError
from huisbezoek.services import selftest, visit_answers

CHECK_NAMES = [name for name, _ in selftest.DEFAULT_CHECKS]


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """Point ``tempfile`` at an empty folder, so leftovers of the self-test can be seen."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_all_checks_pass_and_leave_nothing_behind(private_tmp, isolated_home):
    out = io.StringIO()
    assert selftest.run_self_test(out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Huisbezoek ")
    assert lines[-1] == selftest.ALL_OK
    for name in CHECK_NAMES:
        assert any(line.startswith("ok") and f"  {name}  " in line for line in lines), name
    assert not any(line.startswith("FOUT") for line in lines)
    assert list(private_tmp.iterdir()) == []
    # The data folder got no vault and no leftovers either.
    assert list(isolated_home.iterdir()) == []


def test_cli_flag_runs_the_self_test(capsys, private_tmp):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "ok    kluis" in out
    assert selftest.ALL_OK in out


def test_a_failing_check_is_reported_in_dutch_and_the_rest_still_runs():
    class Broken(UserError):
        message_nl = "De printer is kwijt."

    def user_error() -> str:
        raise Broken("printer gone")

    def missing_module() -> str:
        raise ModuleNotFoundError("No module named 'reportlab'", name="reportlab")

    out = io.StringIO()
    rc = selftest.run_self_test(
        out, extra_checks=[("printer", user_error), ("onderdeel", missing_module)]
    )
    text = out.getvalue()
    assert rc == 1
    assert "FOUT  printer" in text
    assert "De printer is kwijt." in text
    assert "printer gone" not in text  # the English log text stays out of the Dutch report
    assert "een onderdeel ontbreekt in deze installatie (reportlab)" in text
    assert "2 van 8 controles mislukt: printer, onderdeel" in text
    assert "ok    kluis" in text  # the other checks ran


def test_vault_check_notices_plaintext_on_disk(monkeypatch, private_tmp):
    real_save = visit_answers.save_answer

    def leaky_save(vault, visit_id, question_id, value):
        (vault.folder / "lek.txt").write_text(f"antwoord: {value}")
        return real_save(vault, visit_id, question_id, value)

    monkeypatch.setattr(visit_answers, "save_answer", leaky_save)
    with pytest.raises(selftest.SelfTestFailure, match=r"onversleutelde tekst in lek\.txt"):
        selftest.check_vault()
    assert list(private_tmp.iterdir()) == []  # cleaned up even when the check fails


def test_data_folder_inside_the_installed_program_is_refused(monkeypatch, tmp_path):
    bundle = tmp_path / "Programs" / "Huisbezoek"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "huisbezoek"))
    monkeypatch.setenv("HUISBEZOEK_HOME", str(bundle / "data"))
    with pytest.raises(selftest.SelfTestFailure, match="programmamap"):
        selftest.check_data_folder()
    monkeypatch.setenv("HUISBEZOEK_HOME", str(tmp_path / "elders"))
    assert selftest.check_data_folder() == "schrijven lukt"


def test_macos_bundle_root_is_the_app(monkeypatch, tmp_path):
    exe = tmp_path / "Huisbezoek.app" / "Contents" / "MacOS" / "huisbezoek"
    exe.parent.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert selftest._bundle_root() == (tmp_path / "Huisbezoek.app").resolve()


def test_holds_finds_utf8_and_utf16_text(tmp_path):
    marker = "zelftest-abc"
    (tmp_path / "a").write_bytes(b"xx" + marker.encode() + b"yy")
    (tmp_path / "b").write_bytes(marker.encode("utf-16-le"))
    (tmp_path / "c").write_bytes(b"zelftest-ab")
    assert selftest._holds(tmp_path / "a", marker)
    assert selftest._holds(tmp_path / "b", marker)
    assert not selftest._holds(tmp_path / "c", marker)
    assert not selftest._holds(tmp_path / "missing", marker)


def test_self_test_source_never_imports_qt():
    # services/ may not import PySide6; Qt checks come in through extra_checks.
    source = Path(selftest.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source.replace("(Qt)", "")
