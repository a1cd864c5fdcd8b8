"""``huisbezoek print ...`` headless."""

from __future__ import annotations

from pathlib import Path

import pytest

from huisbezoek.cli import main
from huisbezoek.domain import LeafletTopic
from huisbezoek.printing import load_leaflets

from .helpers import reader, text_of


def test_print_one_leaflet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "vallen.pdf"
    assert main(["print", "leaflet", "vallen", "--out", str(out)]) == 0
    content = text_of(out.read_bytes())
    assert "Vallen voorkomen" in content
    assert "Welzijn Voorbeeldstad" in content  # the organisation from the sociale kaart
    assert str(out) in capsys.readouterr().out


def test_print_leaflet_with_own_organisation(tmp_path: Path) -> None:
    out = tmp_path / "wmo.pdf"
    args = ["print", "leaflet", "wmo", "--out", str(out)]
    assert main([*args, "--organisatie", "Stichting Test", "--telefoon", "010-000 12 34"]) == 0
    assert reader(out.read_bytes()).metadata.author == "Stichting Test"  # type: ignore[union-attr]
    assert "010-000 12 34" in text_of(out.read_bytes())


def test_print_all_leaflets(tmp_path: Path) -> None:
    folder = tmp_path / "folders"
    assert main(["print", "leaflets", "--out", str(folder)]) == 0
    names = sorted(path.name for path in folder.iterdir())
    # The built-in leaflets and the ones added as data (geheugen, later).
    assert names == sorted(f"folder-{topic}.pdf" for topic in load_leaflets())
    assert {f"folder-{topic.value}.pdf" for topic in LeafletTopic} < set(names)


def test_missing_output_folder_is_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", "leaflet", "eten", "--out", str(tmp_path / "nee" / "x.pdf")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_bad_sociale_kaart_is_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sociale_kaart.yaml").write_text("gemeente: Nergens\n")
    code = main(["print", "leaflet", "eten", "--out", str(tmp_path / "x.pdf"),
                 "--sociale-kaart", str(tmp_path)])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert "sociale_kaart.yaml" in err and "ontbreekt" in err
    assert not (tmp_path / "x.pdf").exists()


def test_check_lists_stale_services(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "check", "--maanden", "12"]) == 0
    out = capsys.readouterr().out
    assert f"{len(load_leaflets())} folders" in out
    assert "Belcirkel Voorbeeldstad" in out
