"""The coordinator screens at 200% text with stretched pseudo-translations: nothing clipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.addresses import import_address_list
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.gui import operations
from huisbezoek.gui.i18n import install_pseudo_translator
from huisbezoek.gui.theme import apply_theme
from huisbezoek.services.settings import Settings
from huisbezoek.vault.keyslots import KdfParams

from .helpers import address_csv, batch_file, resident_row

SCREEN = (1366, 768)


def clipped(root: QWidget) -> tuple[list[str], int]:
    """Problems, and how many visible labels and buttons were looked at."""
    problems = []
    checked = 0
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or not isinstance(w, QLabel | QAbstractButton):
            continue
        text = w.text()
        if not text or w.width() <= 1:
            continue
        checked += 1
        if isinstance(w, QLabel) and w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 1:
                problems.append(f"{type(w).__name__} {text[:40]!r}: height {w.height()} < {need}")
            continue
        hint = w.sizeHint()
        if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
            problems.append(f"{type(w).__name__} {text[:40]!r}: {w.width()}x{w.height()} < "
                            f"{hint.width()}x{hint.height()}")  # fmt: skip
    return problems, checked


@pytest.mark.parametrize("scale", [200, 100])
def test_no_clipping_on_coordinator_screens(qtbot, qapp, tmp_path: Path, scale: int) -> None:  # type: ignore[no-untyped-def]
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    created = organisation.init_organisation(tmp_path / "c", "fiets kopje regen zeven", "Welzijn",
                                         kdf=KdfParams.FLOOR)  # fmt: skip
    keys = VolunteerKeys.generate()
    (tmp_path / "a.json").write_bytes(keys.enrolment("Vera Vrijwilliger").to_bytes())
    key_id = organisation.enrol_volunteer(created.store, tmp_path / "a.json").key_id
    organisation.approve_volunteer(created.store, key_id)
    importer.import_batches(created.store, [batch_file(tmp_path, keys, created.config)])
    with CoordinatorStore.from_vault(created.store).session() as session:
        import_address_list(session, address_csv([resident_row(n) for n in range(1, 9)]),
                            today=__import__("datetime").date.today())  # fmt: skip
        fu.sync_followups(session)
    apply_theme(qapp, Settings(text_scale=scale))
    translator = install_pseudo_translator(1.3) if scale == 200 else None
    try:
        window = CoordinatorWindow(created.store, user="Carla")
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitUntil(lambda: window.queue.model.rowCount() == 2, timeout=10_000)
        window.queue.select(window.queue.model.items[0].signal_id)
        qtbot.waitUntil(lambda: operations.worker().pending == 0, timeout=10_000)
        problems: dict[int, list[str]] = {}
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(30)
            found, checked = clipped(window.tabs.currentWidget())
            assert checked >= 3, f"tab {index} showed almost nothing"
            if found:
                problems[index] = found
        assert window.width() <= SCREEN[0]
        assert problems == {}
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        apply_theme(qapp, Settings())
        operations.worker().flush(10)
        created.store.close()
