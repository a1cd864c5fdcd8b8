"""The whole path as a volunteer walks it, driven through the widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from huisbezoek.domain import (
    NOT_ASKED,
    NOT_SAYING,
    ConsentScope,
    ContactOutcome,
    DeclineReason,
    ReferralCaller,
    ResidentStatus,
    Severity,
    VisitStatus,
)
from huisbezoek.services import residents as res_svc
from huisbezoek.services import review as review_svc
from huisbezoek.services import startup
from huisbezoek.services.startup import Step

from .conftest import PASS, wait_op_idle


def first_start(qtbot, app, org_file=None):
    app.start()
    page = app.window.first_start
    assert page is not None and page.current is Step.ROLE
    assert page.role_volunteer.isChecked()  # the common case needs no choice
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current is Step.NAME
    qtbot.keyClicks(page.name, "Els Vrijwilliger")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current is Step.PASSPHRASE
    qtbot.keyClicks(page.pass1, "kort")
    assert "kort" in page.strength.text().lower()
    page.pass1.clear()
    # The example on the screen is known to everyone who sees it: never "sterk".
    qtbot.keyClicks(page.pass1, startup.EXAMPLE_PASSPHRASE)
    assert startup.EXAMPLE_PASSPHRASE in page.findChild(QWidget, "passphraseHint").text()
    assert "zwak" in page.strength.text().lower() and "sterk" not in page.strength.text().lower()
    page.pass1.clear()
    qtbot.keyClicks(page.pass1, PASS)
    assert "sterk" in page.strength.text().lower()
    qtbot.keyClicks(page.pass2, PASS)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current is Step.RECOVERY_KEY, timeout=15_000)
    key = page.key_label.text()
    assert len(key.split("-")) >= 8
    # Not without saying it was written down.
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current is Step.RECOVERY_KEY and page.error.isVisible()
    page.key_written.setChecked(True)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current is Step.CONFIRM_KEY
    qtbot.keyClicks(page.confirm, "XXXX")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current is Step.CONFIRM_KEY and page.error.isVisible()
    page.confirm.clear()
    qtbot.keyClicks(page.confirm, key.split("-")[-1].lower())
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current is Step.ORGANISATION
    if org_file is not None:
        page.load_org_file(org_file)
        qtbot.waitUntil(lambda: "Vingerafdruk" in page.org_summary.text(), timeout=10_000)
    with qtbot.waitSignal(app.lock.unlocked, timeout=10_000):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.key_label.text() == ""  # the key is not kept on screen
    assert app.window.pages.currentWidget() is app.window.work
    return key


def add_resident(qtbot, app, name, **fields):
    screen = app.window.work.residents
    dlg = screen.add_resident()
    qtbot.keyClicks(dlg.name, name)
    for attr, text in fields.items():
        qtbot.keyClicks(getattr(dlg, attr), text)
    before = screen.model.rowCount()
    dlg.accept()
    qtbot.waitUntil(lambda: screen.model.rowCount() == before + 1, timeout=10_000)
    row = next(r for r in screen.model.rows() if r.name == name)
    return row.id


def log_contact(qtbot, app, outcome, reason=None):
    page = app.window.work.resident
    dlg = page.log_contact()
    dlg.set_outcome(outcome, reason)
    with qtbot.waitSignal(page.changed, timeout=10_000):
        dlg.accept()


def click_value(qtbot, widget, label):
    button = next(b for b in widget.group.buttons() if b.text() == label)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_volunteer_path(qtbot, make_app):
    app = make_app()
    first_start(qtbot, app)
    work = app.window.work

    # Two residents; one declines, one says yes and gets an appointment.
    anna = add_resident(
        qtbot,
        app,
        "Anna de Boer",
        address="Lindelaan 3",
        postcode="9199ZA",
        neighbourhood="Lindehoeve",
    )
    jan = add_resident(
        qtbot, app, "Jan Smit", address="Molenstraat 1", neighbourhood="Molenkwartier"
    )
    screen = work.residents
    qtbot.keyClicks(screen.search, "smit")
    assert screen.proxy.rowCount() == 1
    screen.search.clear()
    assert screen.proxy.rowCount() == 2

    work.show_resident(anna)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    log_contact(qtbot, app, ContactOutcome.DECLINED, DeclineReason.NO_NEED)
    assert work.resident.detail.row.status is ResidentStatus.DECLINED
    assert "Geen behoefte" in work.resident.contacts.item(0).text()

    work.show_resident(jan)
    qtbot.waitUntil(lambda: work.resident.detail.row.id == jan, timeout=10_000)
    log_contact(qtbot, app, ContactOutcome.INTERESTED)
    dlg = work.resident.make_appointment()
    with qtbot.waitSignal(work.resident.changed, timeout=10_000):
        dlg.accept()
    assert work.resident.detail.row.status is ResidentStatus.APPOINTMENT
    # Cancel it and make it again (the volunteer mistyped the day).
    work.resident.appointments.setCurrentRow(0)
    assert work.resident.cancel_button.isEnabled()
    with qtbot.waitSignal(work.resident.changed, timeout=10_000):
        qtbot.mouseClick(work.resident.cancel_button, Qt.MouseButton.LeftButton)
    assert work.resident.detail.row.status is ResidentStatus.INVITED
    dlg = work.resident.make_appointment()
    with qtbot.waitSignal(work.resident.changed, timeout=10_000):
        dlg.accept()
    assert work.resident.detail.row.status is ResidentStatus.APPOINTMENT

    # The visit.
    visit = work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    assert work.currentWidget() is visit
    click_value(qtbot, visit.question_widget("toestemming"), "Ja")
    how_often = visit.question_widget("hoe_vaak")
    assert not how_often.isVisibleTo(how_often.parentWidget())
    visit.go_to_section(1)
    click_value(qtbot, visit.question_widget("gevallen"), "Ja")
    assert how_often.isVisibleTo(how_often.parentWidget())  # skip logic, live
    qtbot.keyClicks(how_often.edit, "abc")
    qtbot.waitUntil(how_often.message.isVisible, timeout=2000)
    assert "getal" in how_often.message.text()
    how_often.edit.clear()
    qtbot.keyClicks(how_often.edit, "3")
    assert not how_often.message.isVisible()
    qtbot.keyClicks(visit.question_widget("toelichting_vallen").text_edit, "Op de trap.")
    wounded = visit.question_widget("gewond")
    click_value(qtbot, wounded, "Een beetje")
    qtbot.mouseClick(wounded.not_saying, Qt.MouseButton.LeftButton)  # one click, choice undone
    assert visit.state.answer("gewond") == NOT_SAYING
    assert not any(b.isChecked() for b in wounded.group.buttons())
    doctor = visit.question_widget("naam_huisarts")
    qtbot.mouseClick(doctor.not_asked, Qt.MouseButton.LeftButton)
    assert visit.state.answer("naam_huisarts") == NOT_ASKED
    visit.go_to_section(2)
    for qid, value in (("cijfer_lichaam", "7"), ("cijfer_mentaal", "6"), ("cijfer_meedoen", "4")):
        click_value(qtbot, visit.question_widget(qid), value)
    assert visit.radar.values["lichaam"] == 7 and visit.radar.values["zingeving"] is None
    assert not visit.banner.isVisible()
    click_value(qtbot, visit.question_widget("onveilig"), "Ja")
    assert visit.banner.isVisible()
    assert "onveilig" in visit.banner.label.text()
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    assert "opgeslagen" in visit.save_state.text()
    assert visit.saver.saved_values["hoe_vaak"] == 3
    assert visit.saver.saved_values["toelichting_vallen"] == "Op de trap."

    # Review: two signals from the answers, consent for the fall signal, a manual signal.
    review = visit.review
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        qtbot.mouseClick(visit.review_button, Qt.MouseButton.LeftButton)
    severities = [c.row.severity for c in review.cards]
    assert severities == [Severity.DIRECT, Severity.ZORG]
    fall = review.cards[1]
    # The mouse wheel over a field the volunteer did not click scrolls the page instead of
    # changing who calls (it did change a date in a real window).
    bar = review.scroll_area.verticalScrollBar()
    bar.setValue(0)
    before = fall.caller.currentIndex()
    spin = QWheelEvent(
        QPointF(10, 10), QPointF(fall.caller.mapToGlobal(QPoint(10, 10))), QPoint(),
        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(fall.caller, spin)
    assert fall.caller.currentIndex() == before
    assert bar.maximum() == 0 or bar.value() > 0
    qtbot.mouseClick(fall.share_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        fall.referral, Qt.MouseButton.LeftButton, pos=QPoint(8, fall.referral.height() // 2)
    )
    assert fall.referral.isChecked() and fall.service.isEnabled()
    # The service from the sociale kaart: a few letters and Enter pick it.
    fall.service.setFocus()
    qtbot.keyClicks(fall.service, "stevig")
    qtbot.keyClick(fall.service, Qt.Key.Key_Return)
    assert fall.service.service_id() == "stevig-staan"
    assert fall.error.isHidden()  # "which organisation?" went once the service was there
    # Who calls and by when, by keyboard: two steps down is "Ik bel, als vrijwilliger".
    fall.caller.setFocus()
    qtbot.keyClick(fall.caller, Qt.Key.Key_Down)
    qtbot.keyClick(fall.caller, Qt.Key.Key_Down)
    assert fall.caller.currentText() == "Ik bel, als vrijwilliger"
    assert not fall.due.isEnabled()
    fall.due_set.setFocus()
    qtbot.keyClick(fall.due_set, Qt.Key.Key_Space)
    assert fall.due.isEnabled()
    fall.due.setDate(QDate(2026, 12, 4))
    fall.agreed.setText("Coördinator belt over In Balans")  # QTest types ASCII only
    fall.agreed.textEdited.emit(fall.agreed.text())
    # No save button: every change above saved itself through the visit's saver.
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    [referral] = [c for c in fall.row.consents if c.scope is ConsentScope.REFERRAL]
    assert (
        referral.referral_service,
        referral.service_id,
        referral.referral_caller,
        referral.referral_due,
    ) == ("Cursus Stevig Staan", "stevig-staan", ReferralCaller.VOLUNTEER, date(2026, 12, 4))
    qtbot.mouseClick(review.cards[0].share_no, Qt.MouseButton.LeftButton)
    dlg = review.add_signal()
    qtbot.keyClicks(dlg.text, "Zorgen over de trap naar boven")
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        dlg.accept()
    assert len(review.cards) == 3
    qtbot.mouseClick(review.cards[2].share_no, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)

    qtbot.mouseClick(review.finalise_button, Qt.MouseButton.LeftButton)
    confirm = review.finalise_dialog
    assert confirm is not None and confirm.confirm_button.isEnabled()
    with qtbot.waitSignal(review.status_changed, timeout=10_000) as done:
        qtbot.mouseClick(confirm.confirm_button, Qt.MouseButton.LeftButton)
    assert done.args == [VisitStatus.FINAL]
    assert review.reopen_button.isVisible()
    visit_id = visit.visit.visit_id

    # Idle lock (a short timeout, injected), then unlock and find everything back.
    assert app.lock.is_unlocked
    app.lock.idle.set_timeout_ms(50)
    with qtbot.waitSignal(app.lock.locked, timeout=5000):
        pass
    assert app.window.pages.currentWidget() is app.window.unlock_page
    assert work.residents.model.rowCount() == 0
    assert visit.visit is None and visit.state is None
    assert app.ctx.vault is None
    app.lock.idle.set_timeout_ms(60 * 60 * 1000)
    unlock = app.window.unlock_page
    qtbot.keyClicks(unlock.passphrase, "verkeerde wachtwoordzin")
    qtbot.mouseClick(unlock.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(unlock.message.isVisible, timeout=15_000)
    assert "klopt niet" in unlock.message.text()
    unlock.passphrase.clear()
    qtbot.keyClicks(unlock.passphrase, PASS)
    with qtbot.waitSignal(visit.opened, timeout=15_000):
        qtbot.mouseClick(unlock.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.data is not None, timeout=10_000)
    assert app.window.pages.currentWidget() is app.window.work
    assert work.currentWidget() is visit
    assert visit.outer.currentWidget() is review  # back where the volunteer was
    assert visit.visit.visit_id == visit_id
    assert visit.state.answer("hoe_vaak") == 3
    assert visit.question_widget("hoe_vaak").edit.text() == "3"
    assert visit.state.answer("toelichting_vallen") == "Op de trap."
    assert visit.state.wellbeing()["meedoen"] == 4
    assert review.data.status is VisitStatus.FINAL
    fall_row = next(s for s in review.data.signals if s.severity is Severity.ZORG)
    assert fall_row.has(ConsentScope.SHARE_SIGNAL) and fall_row.has(ConsentScope.REFERRAL)
    assert fall_row.agreed_action == "Coördinator belt over In Balans"
    # The card shows the referral back as it was chosen, read-only now.
    fall_card = next(c for c in review.cards if c.row.id == fall_row.id)
    assert fall_card.service.service_id() == "stevig-staan"
    assert fall_card.service.currentText() == "Cursus Stevig Staan"
    assert fall_card.caller.currentText() == "Ik bel, als vrijwilliger"
    assert not fall_card.service.isEnabled() and not fall_card.due.isEnabled()
    assert any(s.manual for s in review.data.signals)
    rows = {r.name: r.status for r in res_svc.list_residents(app.ctx.vault)}
    assert rows == {"Anna de Boer": ResidentStatus.DECLINED, "Jan Smit": ResidentStatus.VISITED}

    # Reopening is possible and leaves a trace in the audit log.
    with qtbot.waitSignal(review.status_changed, timeout=10_000):
        qtbot.mouseClick(review.reopen_button, Qt.MouseButton.LeftButton)
    events = [e.event for e in app.ctx.vault.audit_events()]
    assert "visit_reopened" in [str(e) for e in events]
    assert review_svc.review(app.ctx.vault, visit_id).reopened_count == 1
    wait_op_idle(qtbot)


def test_print_summary_and_leaflets(qtbot, make_app, tmp_path):
    """The review page's print button makes the summary and the suggested leaflets as PDF."""
    from huisbezoek.services import documents

    app = make_app()
    first_start(qtbot, app)
    app.ctx.open_saved_documents = False
    rid = add_resident(qtbot, app, "Jan Smit")
    work = app.window.work
    work.show_resident(rid)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    visit = work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    visit.answer("toestemming", True)
    visit.go_to_section(1)
    visit.answer("gevallen", True)
    visit.answer("hoe_vaak", 4)
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    with qtbot.waitSignal(visit.review.loaded, timeout=10_000):
        visit.show_review()
    dlg = visit.review.print_documents()
    qtbot.waitUntil(dlg.save_button.isEnabled, timeout=10_000)
    chosen = dlg.chosen_topics()
    assert chosen == ["vallen"]  # suggested by the fall signal
    asked: list[object] = []
    dlg.confirm_example = lambda parent: asked.append(parent) or True  # "Toch afdrukken"
    with qtbot.waitSignal(dlg.saved, timeout=20_000) as saved:
        dlg.save_to(tmp_path)
    paths = saved.args[0]
    assert len(paths) == 2
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    given = documents.leaflets_given(app.ctx.vault, visit.visit.visit_id)
    assert given == ["vallen"]
    assert asked == [dlg]  # the demo sociale kaart, a real vault: asked once


def test_organisation_file_and_export_to_coordinator(qtbot, make_app, tmp_path):
    """The organisation file read at first start; a shared signal exported as a batch file."""
    import uuid

    from huisbezoek.exchange.keys import OrgConfig, OrgIdentity

    identity = OrgIdentity.generate()
    config = OrgConfig.create(uuid.uuid4(), "Welzijn Oudebrug", [identity.recipient])
    org_file = tmp_path / "organisatie.json"
    org_file.write_bytes(config.to_bytes())
    app = make_app()
    first_start(qtbot, app, org_file=org_file)
    assert config.fingerprint in app.window.first_start.org_summary.text()
    rid = add_resident(qtbot, app, "Jan Smit", neighbourhood="Molenkwartier")
    work = app.window.work
    work.show_resident(rid)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    visit = work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    visit.answer("toestemming", True)
    visit.go_to_section(1)
    visit.answer("gevallen", False)
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    review = visit.review
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        visit.show_review()
    dlg = review.add_signal()
    dlg.text.setText("Wil graag hulp bij de administratie")
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        dlg.accept()
    card = review.cards[0]
    with qtbot.waitSignal(review.consent_saved, timeout=10_000):
        qtbot.mouseClick(card.share_yes, Qt.MouseButton.LeftButton)
    confirm = review.finalise()
    with qtbot.waitSignal(review.status_changed, timeout=10_000):
        qtbot.mouseClick(confirm.confirm_button, Qt.MouseButton.LeftButton)
    from huisbezoek.gui.exchange_ui import export_to

    out = tmp_path / "usb"
    progress = export_to(app.window, app.ctx, out)
    with qtbot.waitSignal(progress.succeeded, timeout=20_000) as done:
        pass
    result = done.args[0]
    assert result.signals == 1
    assert result.path.exists() and result.path.parent == out
    assert b"administratie" not in result.path.read_bytes()  # encrypted


def test_draft_resumes_where_it_was_left(qtbot, make_app):
    app = make_app()
    first_start(qtbot, app)
    rid = add_resident(qtbot, app, "Jan Smit")
    work = app.window.work
    work.show_resident(rid)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    visit = work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    visit.answer("toestemming", True)
    visit.go_to_question("naam_huisarts")
    qtbot.keyClicks(visit.question_widget("naam_huisarts").edit, "Dokter Jansen")
    with qtbot.waitSignal(work.resident.changed, timeout=10_000):
        qtbot.mouseClick(visit.back_button, Qt.MouseButton.LeftButton)  # leave mid-typing
    assert work.resident.visit_button.text().replace("&", "") == "Verder met het gesprek"
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    assert visit.visit.form.sections[visit.current_section()].id == "welzijn"
    assert visit.question_widget("naam_huisarts").edit.text() == "Dokter Jansen"


def test_lock_right_after_typing_keeps_the_text(qtbot, make_app):
    """Text still inside the typing pause (not yet handed to the vault) survives a lock."""
    app = make_app()
    first_start(qtbot, app)
    rid = add_resident(qtbot, app, "Jan Smit")
    work = app.window.work
    work.show_resident(rid)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    visit = work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    visit.go_to_section(1)
    note = visit.question_widget("toelichting_vallen").text_edit
    note.setFocus()
    qtbot.keyClicks(note, "Viel van de trap")
    assert not visit.saver.all_saved  # still waiting for the typing pause
    visit_id = visit.visit.visit_id
    app.lock.lock()
    assert app.ctx.vault is None
    opened = startup.unlock(PASS)
    try:
        from huisbezoek.services import visit_answers

        assert (
            visit_answers.load_answers(opened.vault, visit_id)["toelichting_vallen"]
            == "Viel van de trap"
        )
    finally:
        startup.close(opened)
