"""The review page as a new volunteer uses it: mouse wheel, consent that saves itself, the
finalise confirmation, direct signals, the idle warning, required questions, a visit today."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from huisbezoek.domain import ConsentScope, Severity, VisitStatus
from huisbezoek.gui.wheel_guard import is_guarded
from huisbezoek.services import residents as res_svc
from huisbezoek.services import review as review_svc
from huisbezoek.services import startup as session
from huisbezoek.vault.keyslots import KdfParams

from .conftest import PASS, wait_op_idle

SCREEN = (1366, 768)


def unlocked_app(qtbot, make_app, **kwargs):
    app = make_app(**kwargs)
    created = session.create_vault("Els Vrijwilliger", PASS, kdf=KdfParams.FLOOR)
    app.window.resize(*SCREEN)
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(app.lock.unlocked, timeout=10_000):
        app.lock.on_unlocked(created.opened)
    return app


def open_visit(qtbot, app, name="Jan Smit"):
    rid = res_svc.add_resident(app.ctx.vault, res_svc.ResidentInput(name=name))
    work = app.window.work
    work.show_resident(rid)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    visit = work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    return rid, visit


def plain(text: str) -> str:
    """Screen text with the no-break space and hyphen of phone numbers made ordinary."""
    return text.replace("\u00a0", " ").replace("\u2011", "-")


def give_focus(qtbot, widget: QWidget) -> None:
    """Focus as after a click or Tab (the offscreen platform drops activation after dialogs)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


def review_with_two_signals(qtbot, app):
    """A visit whose answers raise a direct signal and a zorg signal; on the review page."""
    rid, visit = open_visit(qtbot, app)
    for qid, value in (("toestemming", True), ("gevallen", True), ("hoe_vaak", 3)):
        visit.answer(qid, value)
    visit.answer("onveilig", True)
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    with qtbot.waitSignal(visit.review.loaded, timeout=10_000):
        qtbot.mouseClick(visit.review_button, Qt.MouseButton.LeftButton)
    return rid, visit, visit.review


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of a mouse wheel with the pointer over the middle of ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value_of(w: QWidget):
    if isinstance(w, QComboBox):
        return w.currentIndex()
    if isinstance(w, QDateTimeEdit):
        return w.dateTime().toSecsSinceEpoch()
    if isinstance(w, QAbstractSpinBox):
        return w.text()
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QAbstractButton):
        return w.isChecked()
    raise TypeError(type(w))


INPUTS = (QComboBox, QAbstractSpinBox, QLineEdit, QCheckBox, QRadioButton)


def test_wheel_over_every_input_on_the_review_page_changes_nothing(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    qtbot.mouseClick(review.cards[0].share_yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    inputs = [w for w in review.findChildren(QWidget) if isinstance(w, INPUTS) and w.isVisible()]
    inputs = [w for w in inputs if not isinstance(w.parentWidget(), QAbstractSpinBox)]
    for kind in (QComboBox, QDateTimeEdit, QLineEdit, QCheckBox, QRadioButton):
        assert any(isinstance(w, kind) for w in inputs), kind
    # Three per card: the service from the sociale kaart, who calls, and how consent was given.
    assert len([w for w in inputs if isinstance(w, QComboBox)]) == 6
    review.cards[0].share_yes.setFocus()  # the focus is elsewhere, as after a click
    before = {id(w): value_of(w) for w in inputs}
    bar = review.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the page is long enough to scroll at 1366x768"
    scrolled = 0
    for w in inputs:
        review.scroll_area.ensureWidgetVisible(w)
        for notches in (-1, -1, 1):
            start = bar.value()
            wheel(w, notches)
            if is_guarded(w) and bar.value() != start:
                scrolled += 1
    assert {id(w): value_of(w) for w in inputs} == before
    assert scrolled > 0  # over a combo box or date field the page scrolls instead
    # Nothing reached the vault either.
    wait_op_idle(qtbot)
    assert visit.saver.all_saved

    # With keyboard focus the wheel still works on purpose (the guard is what stopped it).
    method = review.cards[0].method
    give_focus(qtbot, method)
    index = method.currentIndex()
    wheel(method, -1)
    assert method.currentIndex() != index
    # Combo boxes no longer take the focus from the wheel.
    assert method.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_consent_autosaves_and_survives_leaving_the_page(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    visit_id = visit.visit.visit_id
    assert not any(isinstance(w, QAbstractButton) and "opslaan" in w.text().lower()
                   for w in review.findChildren(QWidget))  # fmt: skip
    direct, zorg = review.cards
    assert direct.row.severity is Severity.DIRECT and zorg.row.severity is Severity.ZORG
    qtbot.mouseClick(zorg.share_yes, Qt.MouseButton.LeftButton)
    assert not visit.saver.all_saved or "opgeslagen" in visit.save_state.text()
    qtbot.mouseClick(
        zorg.identity, Qt.MouseButton.LeftButton, pos=QPoint(8, zorg.identity.height() // 2)
    )
    assert zorg.identity.isChecked()
    qtbot.keyClicks(zorg.note, "Dochter belt zelf ook")
    assert "Bezig" in visit.save_state.text()  # typed text waits a moment: not "opgeslagen"
    qtbot.mouseClick(direct.share_no, Qt.MouseButton.LeftButton)
    # Leave at once: back to the questions, then out of the visit.
    qtbot.mouseClick(visit.back_button, Qt.MouseButton.LeftButton)
    wait_op_idle(qtbot)
    rows = {r.severity: r for r in review_svc.review(app.ctx.vault, visit_id).signals}
    assert rows[Severity.ZORG].has(ConsentScope.SHARE_SIGNAL)
    assert rows[Severity.ZORG].has(ConsentScope.SHARE_IDENTITY)
    assert rows[Severity.ZORG].note == "Dochter belt zelf ook"
    assert rows[Severity.DIRECT].share_declined and rows[Severity.DIRECT].decided
    # Back in: the page is rebuilt from the vault and shows the same choices.
    work = app.window.work
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        visit.show_review()
    direct, zorg = review.cards
    assert zorg.share_yes.isChecked() and zorg.identity.isChecked()
    assert zorg.note.text() == "Dochter belt zelf ook"
    assert direct.share_no.isChecked() and not direct.share_yes.isChecked()
    assert "✓ Opgeslagen" in zorg.status.text()
    audit = [e for e in app.ctx.vault.audit_events() if e.event == "consent_changed"]
    assert len(audit) >= 2 and all("note" not in e.detail for e in audit)


def test_consent_ticked_just_before_the_lock_is_kept(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    visit_id = visit.visit.visit_id
    qtbot.keyClicks(review.cards[1].agreed, "Valcursus")
    qtbot.mouseClick(review.cards[1].share_yes, Qt.MouseButton.LeftButton)
    app.lock.lock()  # Ctrl+L right away
    created = session.unlock(PASS)
    try:
        rows = review_svc.review(created.vault, visit_id).signals
        zorg = next(r for r in rows if r.severity is Severity.ZORG)
        assert zorg.has(ConsentScope.SHARE_SIGNAL) and zorg.agreed_action == "Valcursus"
    finally:
        session.close(created)


def test_finalise_with_an_undecided_signal_is_refused_with_the_names(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    direct, zorg = review.cards
    qtbot.mouseClick(zorg.share_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.finalise_button, Qt.MouseButton.LeftButton)
    dlg = review.finalise_dialog
    assert dlg is not None and dlg.isVisible()
    # Every signal with its consent state; the undecided one named; no way to confirm.
    listed = "\n".join(label.text() for label in dlg.row_labels)
    assert "Voelt zich thuis onveilig." in listed and "Valt vaker" in listed
    assert "Nog geen keuze" in listed and "Delen, zonder naam" in listed
    assert dlg.problem.isVisible() and "Voelt zich thuis onveilig." in dlg.problem.text()
    assert "Valt vaker" not in dlg.problem.text()
    assert not dlg.confirm_button.isEnabled() and not dlg.confirm_button.isVisible()
    assert dlg.go_button.isDefault()
    qtbot.keyClick(dlg, Qt.Key.Key_Return)  # Enter takes the volunteer to the signal
    assert not dlg.isVisible()
    app.window.activateWindow()
    qtbot.waitUntil(direct.share_yes.hasFocus, timeout=5000)
    assert review.data.status is VisitStatus.DRAFT
    # The service refuses too, whatever the screen does.
    with pytest.raises(review_svc.UndecidedSignalsError):
        review_svc.finalise(
            app.ctx.vault,
            visit.visit.visit_id,
            raised=visit.state.evaluation.signals,
            open_required=0,
        )
    qtbot.keyClick(direct.share_yes, Qt.Key.Key_Space)  # keyboard: Space chooses "Ja, delen"
    assert direct.share_yes.isChecked()
    qtbot.mouseClick(review.finalise_button, Qt.MouseButton.LeftButton)
    dlg = review.finalise_dialog
    assert dlg.confirm_button.isEnabled() and not dlg.problem.isVisible()
    assert dlg.confirm_button.isDefault()
    with qtbot.waitSignal(review.status_changed, timeout=10_000):
        qtbot.keyClick(dlg, Qt.Key.Key_Return)
    assert review.data.status is VisitStatus.FINAL
    # A finalised visit shows its consent controls disabled, and says it is read-only.
    for card in review.cards:
        for w in card.editable:
            assert not w.isEnabled(), w.accessibleName()
        assert not card.identity.isEnabled() and not card.service.isEnabled()
        # ...and looks it: greyed fields on this card, and the card says so in words.
        assert ":disabled" in card.styleSheet() and "alleen lezen" in card.status.text()
    assert review.status_banner.isVisible() and "alleen lezen" in review.status_banner.label.text()
    assert not review.add_signal_button.isEnabled()
    assert "Afgerond" in visit.save_state.text()


def test_open_questions_block_finalising_without_suggesting_not_saying(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit = open_visit(qtbot, app)
    visit.answer("toestemming", True)
    with qtbot.waitSignal(visit.review.loaded, timeout=10_000):
        visit.show_review()
    review = visit.review
    qtbot.mouseClick(review.finalise_button, Qt.MouseButton.LeftButton)
    assert review.finalise_dialog is None
    shown = review.open_error
    assert shown.isVisible() and "1 vraag open" in shown.text()
    assert "niet zeggen" not in shown.text().lower()
    # Under the list of open questions, and scrolled into view.
    assert shown.y() > review.open_list.y()
    bar = review.scroll_area.verticalScrollBar()
    top = shown.mapTo(review.scroll_area.widget(), QPoint(0, 0)).y()
    assert bar.value() <= top <= bar.value() + review.scroll_area.viewport().height()
    # The open question has the focus: Enter goes there.
    link = review.open_labels[0]
    app.window.activateWindow()
    qtbot.waitUntil(link.hasFocus, timeout=5000)
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert visit.outer.currentWidget() is visit.form_page
    qtbot.waitUntil(visit.question_widget("gevallen").focus_target().hasFocus, timeout=5000)
    assert visit.question_widget("gevallen").message.isVisible()  # says why it is there
    # Answer it; the page comes back without the stale message.
    visit.answer("gevallen", False)
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        visit.show_review()
    assert not review.open_error.isVisible() and not review.message.isVisible()
    assert "Alle vragen zijn beantwoord" in review.open_label.text()


def test_direct_signal_says_what_to_do_and_whom_to_call(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    for panel in (review.direct_panel, review.cards[0].direct_panel, visit.banner):
        numbers = panel.phone_numbers()
        if panel.compact:  # first step and the key number at once, the rest on request
            first = plain(panel.first_step.text())
            assert "112" in first and "010-000 00 19" in first
            assert not panel.details.isVisibleTo(panel)
            qtbot.keyClick(panel.more, Qt.Key.Key_Space)
            assert panel.details.isVisibleTo(panel)
        shown = plain(
            " ".join(w.text() for w in panel.findChildren(QLabel) if w.isVisibleTo(panel))
        )
        assert all(n in shown for n in numbers)  # on screen, not just in a list
        assert numbers[0] == "112"
        assert "010-000 00 19" in numbers  # the huisartsenpost of the sociale kaart
        # The national lines of the sociale kaart: 113, De Luisterlijn, Veilig Thuis.
        assert numbers[2:5] == ["113 of 0800-0113 (gratis)", "088-0767000", "0800-2000 (gratis)"]
        assert "Wat doet u nu" in panel.steps.text()
    assert review.direct_panel.isVisible()
    assert "Voelt zich thuis onveilig." in review.direct_panel.label.text()
    # The review page shows it first, above the open questions and the signals.
    assert review.direct_panel.y() < review.open_list.y()
    # "Direct" and "zorg" cards differ in word and symbol, not only in colour.
    direct, zorg = review.cards
    assert direct.badge.text() == "⚠ DIRECT ACTIE" and zorg.badge.text() == "✚ ZORG"
    assert direct.styleSheet() != zorg.styleSheet()
    assert review.cards[1].direct_panel is None


def test_idle_warning_counts_down_and_a_key_cancels_it(qtbot, make_app):
    app = unlocked_app(qtbot, make_app, idle_ms=60 * 60 * 1000)
    idle, banner = app.lock.idle, app.lock.idle_warning
    assert idle.warning_ms == 30_000  # the real warning time
    seen: list[int] = []
    idle.warning.connect(seen.append)
    idle.set_timeout_ms(600)  # warning after 300 ms, lock after 600 ms (short for the test)
    with qtbot.waitSignal(idle.warning, timeout=5000):
        pass
    assert banner.isVisible() and "seconden" in banner.label.text()
    assert banner.y() == 0 and banner.width() == app.window.width()
    qtbot.keyClick(app.window, Qt.Key.Key_Shift)
    assert not banner.isVisible()
    assert app.lock.is_unlocked
    # Left alone, it warns again and then locks.
    with qtbot.waitSignal(app.lock.locked, timeout=5000):
        pass
    assert not banner.isVisible()
    assert len(seen) >= 2


def test_countdown_ticks_every_second(qtbot):
    from huisbezoek.gui.idle import IdleWatcher

    watcher = IdleWatcher(4000, warning_ms=30_000)  # short timeout: warns at half time
    seen: list[int] = []
    watcher.warning.connect(seen.append)
    watcher.start()
    with qtbot.waitSignal(watcher.idle, timeout=8000):
        pass
    assert seen == [2, 1]


def test_required_question_marked_and_its_message_shown_when_moving_on(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    _, visit = open_visit(qtbot, app)
    consent = visit.question_widget("toestemming")
    assert consent.required_mark.isVisible() and "Verplicht" in consent.required_mark.text()
    assert not consent.message.isVisible()  # not before the volunteer moved on
    # Before the consent question no later topic claims to be skipped.
    assert all("overgeslagen" not in visit.sections.item(i).text()
               for i in range(visit.sections.count()))  # fmt: skip
    visit.answer("toestemming", True)
    visit.go_to_section(1)
    fallen = visit.question_widget("gevallen")
    visit.question_widget("toelichting_vallen").text_edit.setFocus()
    qtbot.mouseClick(visit.next_button, Qt.MouseButton.LeftButton)
    assert visit.current_section() == 1  # first press: shows what is open
    assert fallen.message.isVisible() and "beantwoord" in fallen.message.text()
    assert "niet zeggen" not in fallen.message.text()
    assert visit.nav_message.isVisible()
    page = visit.page_for(1)
    top = fallen.message.mapTo(page.widget(), QPoint(0, 0)).y()
    viewport = page.viewport().rect().translated(0, page.verticalScrollBar().value())
    assert viewport.top() <= top <= viewport.bottom()  # scrolled into view
    qtbot.mouseClick(next(b for b in fallen.group.buttons() if b.text() == "Nee"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert not fallen.message.isVisible() and not visit.nav_message.isVisible()
    qtbot.mouseClick(visit.next_button, Qt.MouseButton.LeftButton)
    assert visit.current_section() == 2


def test_not_saying_only_where_the_resident_answers(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    app.ctx.forms_folder = None  # the shipped form
    _, visit = open_visit(qtbot, app)
    for qid in ("bezoekdatum", "folders", "afspraak", "aanwezig", "bovenarm"):
        w = visit.question_widget(qid)
        assert w.not_saying is None, qid
        assert w.findChild(QWidget, f"ns_{qid}") is None
        assert w.not_asked is not None
    assert visit.question_widget("bezoekdatum").not_asked.isHidden()
    assert not visit.question_widget("folders").not_asked.isHidden()
    for qid in ("toestemming_gesprek", "gezondheid_oordeel", "nu_in_gevaar"):
        assert visit.question_widget(qid).not_saying is not None, qid
    # The title uses "Datum van het bezoek", and follows a change.
    today = dt.date.today()
    assert today.strftime("%d-%m-%Y") in visit.title.text()
    visit.answer("bezoekdatum", dt.date(2026, 11, 30))
    assert "30-11-2026" in visit.title.text()
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    rows = res_svc.visits_of(app.ctx.vault, visit.visit.resident_id)
    assert rows[0].visit_date == dt.date(2026, 11, 30) and rows[0].day == dt.date(2026, 11, 30)


def test_second_visit_today_asks_first(qtbot, make_app):
    app = unlocked_app(qtbot, make_app)
    rid, visit = open_visit(qtbot, app)
    vid = visit.visit.visit_id
    review_svc.finalise(app.ctx.vault, vid, raised=(), open_required=0)
    work = app.window.work
    qtbot.mouseClick(visit.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: work.currentWidget() is work.resident, timeout=5000)
    qtbot.waitUntil(lambda: work.resident.detail.row.id == rid, timeout=5000)
    qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(work, "today_prompt", None) is not None, timeout=5000)
    prompt = work.today_prompt
    qtbot.waitUntil(prompt.isVisible, timeout=5000)
    assert "vandaag al een gesprek" in prompt.text()
    assert prompt.defaultButton() is prompt.continue_button
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(prompt.continue_button, Qt.MouseButton.LeftButton)
    assert visit.visit.visit_id == vid  # the same visit, no second one
    assert len(res_svc.visits_of(app.ctx.vault, rid)) == 1
    # "Nieuw gesprek beginnen" really starts a second one.
    qtbot.mouseClick(visit.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: work.currentWidget() is work.resident, timeout=5000)
    qtbot.mouseClick(work.resident.visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: work.today_prompt is not prompt, timeout=5000)
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(work.today_prompt.new_button, Qt.MouseButton.LeftButton)
    assert visit.visit.visit_id != vid
    assert len(res_svc.visits_of(app.ctx.vault, rid)) == 2


def test_direct_panel_keeps_the_visit_screen_on_a_laptop_screen_at_200_percent(qtbot, make_app):
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import Settings

    app = unlocked_app(qtbot, make_app, settings=Settings(text_scale=200))
    try:
        _, visit = open_visit(qtbot, app)
        visit.answer("toestemming", True)
        visit.go_to_section(2)
        before = app.window.minimumSizeHint().height()
        visit.answer("onveilig", True)
        qtbot.wait(50)
        assert visit.banner.isVisible()
        app.window.resize(*SCREEN)
        qtbot.wait(50)
        # The window keeps to the laptop's screen (a taller minimum would push it past the
        # taskbar), and the questions keep room to work in.
        assert app.window.height() <= SCREEN[1], (before, visit.banner.height())
        assert visit.section_stack.height() >= 200
    finally:
        apply_theme(QApplication.instance(), Settings())


def test_keyboard_walks_through_a_signal_card(qtbot, make_app):
    """Tab goes from field to field (also out of the date field), Space and arrows choose."""
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    card = review.cards[1]
    give_focus(qtbot, card.share_yes)
    qtbot.keyClick(card.share_yes, Qt.Key.Key_Space)
    assert card.share_yes.isChecked()
    order = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # The date field is left with one Tab (Qt's own would walk day, month, year... first).
    # Without a referral the service and the "uiterlijk op" date are off, so Tab skips them.
    assert order == [
        card.identity,
        card.referral,
        card.caller,
        card.due_set,
        card.method,
        card.when,
        card.note,
    ]
    qtbot.keyClicks(card.note, "Belt zelf")
    qtbot.keyClick(card.note, Qt.Key.Key_Backtab)
    assert card.when.hasFocus()
    qtbot.keyClick(card.when, Qt.Key.Key_Backtab)
    assert card.method.hasFocus()
    qtbot.keyClick(card.method, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=10_000)
    row = review_svc.review(app.ctx.vault, visit.visit.visit_id).signals[1]
    assert row.note == "Belt zelf" and row.consents[0].method.value == "schriftelijk"


def test_review_page_mnemonics_do_not_clash(qtbot, make_app):
    """Alt+letter reaches one thing: the menu bar and the page's buttons share no letter."""
    app = unlocked_app(qtbot, make_app)
    _, visit, review = review_with_two_signals(qtbot, app)
    texts = {a.text() for a in app.window.menuBar().actions()}
    texts |= {b.text() for b in visit.findChildren(QAbstractButton) if b.isVisible()}
    letters: dict[str, str] = {}
    for text in texts:
        if "&" not in text.replace("&&", ""):
            continue
        letter = text[text.index("&") + 1].lower()
        assert letter not in letters, (text, letters[letter])
        letters[letter] = text
    assert review.finalise_button.text() == "Gesprek &afronden…"
