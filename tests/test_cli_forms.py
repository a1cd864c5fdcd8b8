from huisbezoek.cli import main


def test_forms_check_accepts_the_default_form(capsys):
    assert main(["forms", "check"]) == 0
    assert "in orde" in capsys.readouterr().out


def test_forms_check_names_file_line_and_field(tmp_path, capsys):
    broken = tmp_path / "kapot.v1.yaml"
    broken.write_text(
        "format: 1\nid: kapot\nversion: 1\ntitle: Kapot\nsections:\n"
        "  - id: a\n    title: A\n    questions:\n"
        "      - id: q1\n        type: yes_no\n        label: Vraag\n"
        "        relevant: q2\n",
        encoding="utf-8",
    )
    assert main(["forms", "check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "kapot.v1.yaml" in out
    assert "regel" in out
    assert "q2" in out
