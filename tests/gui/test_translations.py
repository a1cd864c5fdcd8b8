"""Translations the Qt way: every visible string is extracted by pyside6-lupdate into the
committed .ts files, English is complete, and the language setting changes the screens (and Qt's
own dialogs speak Dutch)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from huisbezoek.gui import i18n
from huisbezoek.gui.i18n import translate
from huisbezoek.services.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import buildinfo  # noqa: E402

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    }


def extracted(tmp_path: Path) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the code now (into a fresh .ts file)."""
    fresh = tmp_path / "fresh.ts"
    cmd = buildinfo.lupdate_command(sys.executable, "en", fresh)
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return messages(fresh)


def test_every_visible_string_is_in_the_ts_files(tmp_path: Path) -> None:
    found = extracted(tmp_path)
    assert len(found) > 500  # the screens' strings, under their own contexts
    assert ("Menu", "&Bestand") in found and ("Thema", "Vallen") in found
    for language in buildinfo.APP_LANGUAGES:
        committed = messages(buildinfo.ts_file(language))
        missing = sorted(set(found) - set(committed))
        assert missing == [], (
            f"not in {buildinfo.ts_file(language).name} (run python3 dev.py translations): "
            f"{missing[:10]}"
        )


def test_the_english_translation_is_complete_and_keeps_placeholders() -> None:
    for (context, source), message in messages(buildinfo.ts_file("en")).items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source))
        assert ("&" in text) == ("&" in source), (context, source, text)


def test_every_translate_call_is_one_lupdate_can_read() -> None:
    """Literal context and text; the only exceptions translate labels marked in domain with
    QT_TRANSLATE_NOOP (themes and severities)."""
    dynamic = []
    for path in sorted((ROOT / "src" / "huisbezoek" / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("translate", "tr"):
                continue
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str)
                       for a in node.args[:2]]  # fmt: skip
            assert node.func.id == "translate", f"{path.name}:{node.lineno} uses translate()"
            if not all(literal):
                context = node.args[0]
                assert isinstance(context, ast.Constant), f"{path.name}:{node.lineno}"
                dynamic.append((path.name, context.value))
    assert sorted(dynamic) == [("labels.py", "Signaal"), ("labels.py", "Thema")]


@pytest.fixture
def english(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The English catalogue compiled from the committed .ts file, as dev.py builds it."""
    qm = tmp_path / "huisbezoek_en.qm"
    cmd = buildinfo.lrelease_command(sys.executable, buildinfo.ts_file("en"), qm)
    assert subprocess.run(cmd, capture_output=True, check=False).returncode == 0
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    yield
    i18n.install_translators("nl")


def test_english_and_dutch_including_qt_dialogs(english) -> None:
    i18n.install_translators("en")
    assert translate("Menu", "&Bestand") == "&File"
    assert translate("Thema", "Vallen") == "Falls"
    assert QLocale().language() is QLocale.Language.English

    i18n.install_translators("nl")
    assert translate("Menu", "&Bestand") == "&Bestand"
    # Qt's own Dutch: standard buttons, and the locale that calendars and dates use.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    assert QLocale().dayName(1) == "maandag"


def test_the_settings_dialog_chooses_english(qtbot, make_app, english) -> None:
    app = make_app()
    app.start()
    dialog = app.window.open_settings()
    combo = dialog.language
    assert isinstance(combo, QComboBox) and combo.currentText() == "Nederlands"
    assert combo.accessibleName() == "Taal van het programma"
    assert "opnieuw" in dialog.language_note.text()
    combo.setFocus()
    qtbot.keyClick(combo, "E")  # keyboard search picks "English"
    assert combo.currentData() == "en"
    dialog.accept()
    assert load_settings().language == "en"

    again = make_app()  # the next start speaks English
    again.start()
    assert again.window.menuBar().actions()[0].text() == "&File"


def test_the_bundle_ships_the_compiled_catalogue(tmp_path: Path) -> None:
    """build.py compiles the .qm files into resources/i18n, which the spec ships whole."""
    i18n_dir = tmp_path / "resources" / "i18n"
    i18n_dir.mkdir(parents=True)
    for language in buildinfo.compiled_languages():
        cmd = buildinfo.lrelease_command(
            sys.executable, buildinfo.ts_file(language), buildinfo.qm_file(language, i18n_dir)
        )
        assert subprocess.run(cmd, capture_output=True, check=False).returncode == 0
    shipped = {Path(dest) / Path(src).name for src, dest in buildinfo.shipped_data(tmp_path)}
    assert Path("resources/i18n/huisbezoek_en.qm") in shipped
