"""Form versions: hashes, the registry, and old visits that keep scoring as they did."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from huisbezoek.forms import (
    FormDefinitionError,
    FormRegistry,
    canonical_source,
    definition_hash,
    evaluate,
    load_form_source,
)

ON = {"toestemming_gesprek": True}
VISIT = {
    **ON,
    "eenzaam_e1": "ja",
    "eenzaam_e2": "nee",
    "eenzaam_e3": "nee",
    "eenzaam_s1": "ja",
    "eenzaam_s2": "ja",
    "eenzaam_s3": "ja",
}


def make_v2(v1_text: str) -> str:
    """A v2 that changes the cut-off and the signal text, as a coordinator might."""
    v2 = v1_text.replace("version: 1\n", "version: 2\n", 1)
    v2 = v2.replace(
        "{id: matig, label: matig eenzaam, from: 2}", "{id: matig, label: matig eenzaam, from: 1}"
    )
    v2 = v2.replace(
        "text: De bewoner voelt zich soms eenzaam of wil meer mensen ontmoeten.",
        "text: Let op contacten.",
    )
    assert v2 != v1_text
    return v2


def test_hash_is_of_the_canonical_text(default_form_path: Path) -> None:
    raw = default_form_path.read_bytes()
    crlf = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    assert definition_hash(raw) == definition_hash(crlf)
    assert canonical_source(crlf) == raw.decode("utf-8")
    assert definition_hash(raw) != definition_hash(raw + b"# comment\n")
    form = load_form_source(crlf, "kopie.yaml")
    assert form.definition_hash == definition_hash(raw)
    assert form.source_text == raw.decode("utf-8")


def test_visit_made_with_v1_scores_the_same_after_v2_is_installed(
    tmp_path: Path, default_form_path: Path
) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    shutil.copy(default_form_path, folder / default_form_path.name)
    registry = FormRegistry.from_folder(folder)
    v1 = registry.latest("samen-sterker-75plus")
    before = evaluate(v1, VISIT)
    assert before.scores["eenzaamheid"].value == 1
    assert before.scores["eenzaamheid"].band == "niet"
    assert before.signals == ()
    # What the vault stores with the visit:
    pinned = (v1.id, v1.version, v1.definition_hash, v1.source_text)

    # The coordinator installs v2 and removes v1 from the folder.
    v1_text = default_form_path.read_text(encoding="utf-8")
    (folder / "samen-sterker-75plus.v2.yaml").write_text(make_v2(v1_text), encoding="utf-8")
    (folder / default_form_path.name).unlink()
    registry = FormRegistry.from_folder(folder)
    v2 = registry.latest("samen-sterker-75plus")
    assert v2.version == 2
    assert evaluate(v2, VISIT).scores["eenzaamheid"].band == "matig"
    with pytest.raises(KeyError):
        registry.get("samen-sterker-75plus", 1)

    old = registry.pinned(*pinned)
    assert (old.id, old.version, old.definition_hash) == pinned[:3]
    after = evaluate(old, VISIT)
    assert after.scores == before.scores
    assert after.signals == before.signals
    assert after.relevant == before.relevant


def test_pinned_refuses_tampered_or_mismatched_text(default_form_path: Path) -> None:
    text = default_form_path.read_text(encoding="utf-8")
    registry = FormRegistry()
    good = definition_hash(text)
    with pytest.raises(FormDefinitionError) as caught:
        registry.pinned("samen-sterker-75plus", 1, good, text.replace("Ja", "Jawel", 1))
    assert "veranderd of beschadigd" in caught.value.message_nl
    with pytest.raises(FormDefinitionError) as caught:
        registry.pinned("samen-sterker-75plus", 2, good, text)
    assert "niet 'samen-sterker-75plus' versie 2" in caught.value.message_nl
    form = registry.pinned("samen-sterker-75plus", 1, good, text)
    assert registry.pinned("samen-sterker-75plus", 1, good, text) is form  # cached by hash


def test_two_files_with_the_same_id_and_version_are_refused(
    tmp_path: Path, default_form_path: Path
) -> None:
    text = default_form_path.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        text.replace("Met wie woont u?", "Met wie woont u nu?"), encoding="utf-8"
    )
    with pytest.raises(FormDefinitionError) as caught:
        FormRegistry.from_folder(tmp_path)
    message = caught.value.message_nl
    assert "b.yaml" in message
    assert "formulier 'samen-sterker-75plus' versie 1 staat ook in a.yaml" in message


def test_identical_copies_are_fine(tmp_path: Path, default_form_path: Path) -> None:
    shutil.copy(default_form_path, tmp_path / "a.yaml")
    shutil.copy(default_form_path, tmp_path / "b.yaml")
    registry = FormRegistry.from_folder(tmp_path)
    assert len(registry.forms()) == 1


def test_folder_errors_are_collected_over_files(tmp_path: Path) -> None:
    (tmp_path / "een.yaml").write_text("id: [\n", encoding="utf-8")
    (tmp_path / "twee.yaml").write_text("format: 1\n", encoding="utf-8")
    with pytest.raises(FormDefinitionError) as caught:
        FormRegistry.from_folder(tmp_path)
    files = {p.file for p in caught.value.problems}
    assert files == {"een.yaml", "twee.yaml"}


def test_check_command(tmp_path: Path, default_form_path: Path) -> None:
    import io

    from huisbezoek.forms.check import check_files

    bad = tmp_path / "kapot.yaml"
    bad.write_text("format: 1\nid: x\n", encoding="utf-8")
    out = io.StringIO()
    assert check_files([default_form_path], out) == 0
    assert "in orde (samen-sterker-75plus versie 1" in out.getvalue()
    out = io.StringIO()
    assert check_files([default_form_path, bad], out) == 1
    assert "kapot.yaml, regel 1: het veld 'version' ontbreekt." in out.getvalue()


def test_answers_survive_a_json_round_trip(default_form_path: Path) -> None:
    import datetime as dt
    import json

    from huisbezoek.forms import answer_to_json, load_form

    form = load_form(default_form_path)
    answers: dict[str, object] = {
        **VISIT,
        "bezoekdatum": dt.date(2025, 2, 3),
        "hulp_bij": frozenset({"koken", "vervoer"}),
        "gewicht": 71.5,
    }
    stored = json.loads(json.dumps({k: answer_to_json(v) for k, v in answers.items()}))
    assert stored["hulp_bij"] == ["koken", "vervoer"]
    assert evaluate(form, stored) == evaluate(form, answers)


def test_engine_imports_no_qt_and_no_other_layers() -> None:
    import subprocess
    import sys

    code = (
        "import sys, huisbezoek.forms, huisbezoek.forms.check, huisbezoek.forms.schema\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))\n"
        "    or m.split('.')[:2] in (['huisbezoek', 'gui'], ['huisbezoek', 'vault'],\n"
        "    ['huisbezoek', 'services'], ['huisbezoek', 'printing'], ['huisbezoek', 'exchange']))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
