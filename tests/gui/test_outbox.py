"""The volunteer's outbox in the main window, offline then online: the status line says what
waits, the export goes into the outbox at once, and "Nu versturen" delivers it when the drop
(a real WebDAV server on 127.0.0.1) can be reached."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme, VisitStatus
from huisbezoek.services import outbox
from huisbezoek.vault.models import ConsentRecord, FormDefinition, Resident, Signal, Visit

from .conftest import wait_op_idle
from .test_package_menu import enrol, make_organisation
from .test_volunteer_path import first_start

pytest.importorskip("wsgidav")


def _shared_signal(vault) -> None:
    now = datetime.now(UTC)
    with vault.session() as s:
        if s.get(FormDefinition, "0" * 64) is None:
            s.add(FormDefinition(sha256="0" * 64, form_id="t", version="1", source="{}"))
        resident = Resident(name="Mevrouw Kwartel", address="Laan 1", postcode="1234 AB",
                            neighbourhood="Noord")  # fmt: skip
        s.add(resident)
        s.flush()
        visit = Visit(
            resident_id=resident.id, form_id="t", form_version="1", definition_hash="0" * 64,
            status=VisitStatus.FINAL, finalised_at=now,
        )  # fmt: skip
        s.add(visit)
        s.flush()
        signal = Signal(visit_id=visit.id, theme=Theme.VALLEN, severity=Severity.ZORG,
                        text="Valt vaak.", agreed_action="Coördinator belt.")  # fmt: skip
        s.add(signal)
        s.flush()
        for scope in (ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL):
            s.add(ConsentRecord(
                resident_id=resident.id, visit_id=visit.id, signal_id=signal.id, scope=scope,
                given_at=now, method=ConsentMethod.WRITTEN,
            ))  # fmt: skip


def test_outbox_status_goes_from_offline_to_sent(qtbot, make_app, tmp_path) -> None:
    from exchange.dav import DavServer  # tests/exchange/dav.py (tests/ is on sys.path)

    app = make_app()
    first_start(qtbot, app)
    wait_op_idle(qtbot)
    vault = app.ctx.vault
    org = make_organisation(tmp_path / "org")
    try:
        enrol(org, vault, tmp_path)
    finally:
        org.store.close()
    outbox.set_webdav(vault, "http://127.0.0.1:9", "vrijwilliger", "geheim-1")  # unreachable
    _shared_signal(vault)
    bar = app.window.outbox_bar

    # Export from the File menu by keyboard: into the outbox at once, even offline.
    with qtbot.waitSignal(bar.sent, timeout=30_000):
        app.window.export_action.trigger()
    qtbot.waitUntil(lambda: "1 zending wacht op internet" in bar.status.text(), timeout=10_000)
    assert bar.isVisible()
    assert outbox.status(vault).waiting == 1

    server = DavServer(tmp_path / "dav", tmp_path)
    server.root.mkdir()
    server.start()
    try:
        outbox.set_webdav(vault, server.url, "vrijwilliger", "geheim-1")
        bar.send_button.setFocus()
        with qtbot.waitSignal(bar.sent, timeout=30_000) as sent:
            qtbot.keyClick(bar.send_button, Qt.Key.Key_Space)
        assert sent.args[0].sent == 1
        qtbot.waitUntil(lambda: "Alles is verstuurd" in bar.status.text(), timeout=10_000)
        assert len(list((server.root / "naar-coordinator").rglob("signalen-*.zip"))) == 1
    finally:
        server.kill()

    app.lock.lock()  # locked: the line is hidden and emptied
    assert not bar.isVisible() and bar.status.text() == ""


def test_connection_dialog_by_keyboard(qtbot, make_app) -> None:
    """Enter in the password field saves (it never opens the folder picker); a plain http
    address is refused in Dutch beside the fields and nothing is kept."""
    from huisbezoek.gui.outbox_ui import DropDialog

    app = make_app()
    first_start(qtbot, app)
    wait_op_idle(qtbot)
    vault = app.ctx.vault
    dialog = DropDialog(app.window, app.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_op_idle(qtbot)
    dialog.url.setFocus()
    qtbot.keyClicks(dialog.url, "http://wolk.example.nl/dav")
    qtbot.keyClick(dialog.url, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.user, "els")
    qtbot.keyClick(dialog.user, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "app-wachtwoord")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "https://" in dialog.error.text()
    assert outbox.drop_settings(vault) is None
    dialog.url.selectAll()
    qtbot.keyClicks(dialog.url, "https://wolk.example.nl/dav")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert outbox.drop_settings(vault).url == "https://wolk.example.nl/dav"
    assert outbox.credentials(vault).username == "els"
