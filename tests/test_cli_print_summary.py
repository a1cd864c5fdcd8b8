"""``huisbezoek print summary VISIT``: the resident's summary from the vault, headless."""

import io
from datetime import date

from pypdf import PdfReader

from huisbezoek.cli import main
from huisbezoek.services import residents, visit_resume
from huisbezoek.services.startup import set_volunteer_name
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

PASS = "een lange proefzin voor de kluis"


def make_visit(folder):
    vault, _ = Vault.create(folder, PASS, kdf=KdfParams.FLOOR)
    with vault:
        set_volunteer_name(vault, "Henk de Vries")
        rid = residents.add_resident(vault, residents.ResidentInput(name="Truus Verzonnen"))
        opened = visit_resume.start_or_resume(vault, rid, visit_resume.default_form())
        for qid, value in {
            "bezoekdatum": date(2026, 11, 2),
            "toestemming_gesprek": True,
            "afspraak": "bewoner_zelf",
        }.items():
            visit_resume.save_answer(vault, opened.visit_id, qid, value)
        return opened.visit_id


def test_summary_is_written_where_asked(tmp_path, monkeypatch, capsys):
    visit_id = make_visit(tmp_path / "kluis")
    out = tmp_path / "samenvatting.pdf"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASS + "\n"))
    rc = main(
        [
            "print",
            "summary",
            str(visit_id),
            "--out",
            str(out),
            "--dir",
            str(tmp_path / "kluis"),
            "--passphrase-stdin",
        ]
    )
    assert rc == 0
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Uw gesprek van 2 november 2026" in text
    assert "Henk" in text
    assert "U neemt zelf contact op" in text
    assert out.stat().st_mode & 0o077 == 0  # readable by the owner only


def test_unknown_visit_gives_a_dutch_message(tmp_path, monkeypatch, capsys):
    make_visit(tmp_path / "kluis")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASS + "\n"))
    rc = main(
        [
            "print",
            "summary",
            "999",
            "--out",
            str(tmp_path / "x.pdf"),
            "--dir",
            str(tmp_path / "kluis"),
            "--passphrase-stdin",
        ]
    )
    assert rc == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_wrong_passphrase_writes_nothing(tmp_path, monkeypatch, capsys):
    visit_id = make_visit(tmp_path / "kluis")
    monkeypatch.setattr("sys.stdin", io.StringIO("fout fout fout fout\n"))
    rc = main(
        [
            "print",
            "summary",
            str(visit_id),
            "--out",
            str(tmp_path / "x.pdf"),
            "--dir",
            str(tmp_path / "kluis"),
            "--passphrase-stdin",
        ]
    )
    assert rc == 2
    assert "wachtwoord" in capsys.readouterr().err.lower()
    assert not (tmp_path / "x.pdf").exists()
