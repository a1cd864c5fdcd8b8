"""Coordinator settings: checked whole (a wrong value changes nothing), used by letters and
the age band, set from the CLI and from the settings screen by keyboard; the retention
preview with --months saves nothing."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from huisbezoek.cli import main
from huisbezoek.coordinator import documents, organisation
from huisbezoek.coordinator.settings import load_settings, save_settings
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.errors import InvalidInputError
from huisbezoek.gui import operations
from huisbezoek.vault.keyslots import KdfParams

from .pdftext import text_of

PASS = "fiets kopje regen zeven"  # test data


def test_settings_checked_whole_and_used_on_letters(store: CoordinatorStore) -> None:
    with store.session() as session:
        before = load_settings(session)
        with pytest.raises(InvalidInputError) as raised:
            save_settings(session, phone="076-1234567", age_min=82, age_max=80)
        assert "leeftijdsgroep" in raised.value.message_nl
    with store.session() as session:
        assert load_settings(session) == before  # nothing half-saved
        for wrong, word in (
            ({"phone": "bel maar"}, "telefoonnummer"),
            ({"round_years": 0}, "ronde"),
            ({"retention_months": 500}, "bewaartermijn"),
            ({"organisation_name": " "}, "naam"),
        ):
            with pytest.raises(InvalidInputError) as raised:
                save_settings(session, **wrong)  # type: ignore[arg-type]
            assert word in raised.value.message_nl.lower()
        saved = save_settings(
            session, organisation_name="Welzijn Oost", phone="076-1234567",
            round_start=date(2026, 1, 5), round_years=3, age_min=70, age_max=85,
            retention_months=24,
        )  # fmt: skip
    assert (saved.phone, saved.target_years, saved.age_min, saved.age_max) == (
        "076-1234567", 3, 70, 85,
    )  # fmt: skip
    with store.session() as session:
        sender = documents.print_organisation(session)
        assert (sender.name, sender.phone) == ("Welzijn Oost", "076-1234567")
        pdf = documents.municipality_report_pdf(session, date(2026, 12, 3))
    assert "Huisbezoeken 70-85 jaar" in " ".join(text_of(pdf).split())


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASS}\n"))
    return main(argv)


@pytest.fixture
def created(tmp_path: Path) -> Iterator[organisation.CreatedOrganisation]:
    made = organisation.init_organisation(
        tmp_path / "coord", PASS, "Welzijn Teststad", kdf=KdfParams.FLOOR
    )
    made.store.close()
    yield made
    operations.worker().flush(10)


def test_cli_settings_and_retention_preview(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], created
) -> None:
    common = ["--dir", str(tmp_path / "coord"), "--passphrase-stdin"]
    change = ["--telefoon", "076-1234567", "--start-ronde", "05-01-2026", "--leeftijd-van", "70"]
    code = _run(monkeypatch, ["coordinator", "settings", *change, *common])
    out = capsys.readouterr().out
    assert code == 0 and "Telefoon:         076-1234567" in out
    assert "Start ronde:      05-01-2026" in out and "70 tot en met 80 jaar" in out
    code = _run(monkeypatch, ["coordinator", "settings", "--start-ronde", "31-02-2026", *common])
    assert code != 0 and "geen datum" in capsys.readouterr().err
    code = _run(monkeypatch, ["coordinator", "retention", "--months", "3", *common])
    out = capsys.readouterr().out
    assert code == 0 and "Bewaartermijn 3 maanden" in out and "als u --run gebruikt" in out
    _run(monkeypatch, ["coordinator", "settings", *common])
    assert "Bewaartermijn:    12 maanden" in capsys.readouterr().out  # the preview saved nothing


def test_cli_retention_wrong_laptop_term_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], created
) -> None:
    common = ["--dir", str(tmp_path / "coord"), "--passphrase-stdin"]
    argv = ["coordinator", "retention", "--months", "3", "--run", "--laptop-months", "99"]
    code = _run(monkeypatch, [*argv, *common])
    captured = capsys.readouterr()
    assert code != 0 and "tot en met 36 maanden" in captured.err
    assert "Traceback" not in captured.err and "Gewist" not in captured.out
    _run(monkeypatch, ["coordinator", "settings", *common])
    assert "Bewaartermijn:    12 maanden" in capsys.readouterr().out  # the good term not saved


def test_settings_screen_by_keyboard(qtbot, created, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.coordinator.organisation import open_coordinator
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    vault = open_coordinator(tmp_path / "coord", PASS)
    window = CoordinatorWindow(vault, user="Carla")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    panel = window.settings
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.name.text() == "Welzijn Teststad", timeout=10_000)
    panel.phone.setFocus()
    qtbot.keyClicks(panel.phone, "010-5556677")
    panel.age_max.setFocus()
    panel.age_max.selectAll()
    qtbot.keyClicks(panel.age_max, "60")  # below the youngest age: refused in Dutch
    qtbot.keyClick(panel.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "leeftijdsgroep" in panel.message.text(), timeout=10_000)
    panel.age_max.selectAll()
    qtbot.keyClicks(panel.age_max, "85")
    qtbot.keyClick(panel.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.saved.text() != "", timeout=10_000)
    with window.store.session() as session:
        current = load_settings(session)
    assert (current.phone, current.age_max) == ("010-5556677", 85)
    window.close()
    vault.close()


def test_enter_after_the_passphrase_opens_not_forgotten(qtbot, created, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.gui.coordinator.unlock import CoordinatorUnlockDialog

    dialog = CoordinatorUnlockDialog(None, tmp_path / "coord", KdfParams.FLOOR)
    qtbot.addWidget(dialog)
    dialog.show()
    opened = []
    dialog.unlocked.connect(lambda vault, user: opened.append((vault, user)))
    qtbot.keyClicks(dialog.name, "Carla")
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, PASS)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    assert not dialog.recovery.isVisible()  # "Wachtwoordzin vergeten?" was not pressed
    assert opened[0][1] == "Carla"
    opened[0][0].close()


def test_erase_reads_the_passphrase_before_the_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], created
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASS}\nja\n"))
    code = main(["coordinator", "erase", "--name", "Niemand", "--postcode", "1234 AB",
                 "--dir", str(tmp_path / "coord"), "--passphrase-stdin"])  # fmt: skip
    # got past the passphrase and the "ja" (before the fix the passphrase line was taken as
    # the answer and nothing happened): the store says in Dutch there is nobody to erase
    out = capsys.readouterr()
    assert code == 2 and "niets gevonden" in out.err and "Niets gewist" not in out.out


def test_file_menu_backup_key_and_passphrase(qtbot, created, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyrage

    from huisbezoek.coordinator.organisation import open_coordinator
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    vault = open_coordinator(tmp_path / "coord", PASS)
    window = CoordinatorWindow(vault, user="Carla", kdf=KdfParams.FLOOR)
    qtbot.addWidget(window)
    names = [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]
    assert {"coordinatorBackupAction", "coordinatorKeyAction",
            "coordinatorPassphraseAction"} <= set(names)  # fmt: skip
    told: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    qtbot_patch = pytest.MonkeyPatch()
    qtbot_patch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    try:
        actions = window.file_actions
        actions.backup(tmp_path / "kopie.hbbackup")
        qtbot.waitUntil(lambda: len(told) == 1, timeout=15_000)
        assert (tmp_path / "kopie.hbbackup").stat().st_size > 1000
        actions.export_key(tmp_path / "sleutel.age", "lang genoeg wachtwoord")
        qtbot.waitUntil(lambda: len(told) == 2, timeout=15_000)
        plain = pyrage.passphrase.decrypt(
            (tmp_path / "sleutel.age").read_bytes(), "lang genoeg wachtwoord"
        )
        assert b"\nAGE-SECRET-KEY-" in plain  # the identity file age-keygen writes
        actions.change_passphrase(PASS, "een heel nieuwe wachtwoordzin")
        qtbot.waitUntil(lambda: len(told) == 3, timeout=15_000)
    finally:
        qtbot_patch.undo()
    window.close()
    vault.close()
    open_coordinator(tmp_path / "coord", "een heel nieuwe wachtwoordzin").close()


def test_new_passphrase_by_keyboard_checked_like_everywhere(qtbot, created, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.coordinator.organisation import open_coordinator
    from huisbezoek.gui.coordinator.org_key import SecretDialog
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    vault = open_coordinator(tmp_path / "coord", PASS)
    window = CoordinatorWindow(vault, user="Carla", kdf=KdfParams.FLOOR)
    qtbot.addWidget(window)
    window.show()
    window.file_actions.passphrase_action.trigger()
    dialog = window.findChild(SecretDialog)
    assert dialog is not None
    old, new, again = dialog.fields
    qtbot.keyClicks(old, PASS)
    qtbot.keyClicks(new, "kort")  # too weak: said before the vault is touched
    qtbot.keyClicks(again, "kort")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert dialog.message.text() != "" and dialog.isVisible()
    new.clear()
    again.clear()
    qtbot.keyClicks(new, "een heel nieuwe wachtwoordzin")
    qtbot.keyClicks(again, "een heel andere wachtwoordzin")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert "niet hetzelfde" in dialog.message.text() and dialog.isVisible()
    window.close()
    vault.close()
    open_coordinator(tmp_path / "coord", PASS).close()  # nothing changed
