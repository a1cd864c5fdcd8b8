"""A whole visit with the keyboard only: from the locked vault to a finalised conversation.

Issue 14: in yes/no, single-choice and scale questions Tab reached only the first option and
the arrow keys did nothing, so "Nee" or "Met mijn partner" could not be chosen. Here every
key goes to whatever has the focus, in a 1366x768 window, at 100% and at 200% text.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from huisbezoek.domain import VisitStatus
from huisbezoek.forms import (
    DateQuestion,
    LongTextQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    ScaleQuestion,
    ShortTextQuestion,
    SingleChoiceQuestion,
    YesNoQuestion,
)
from huisbezoek.gui.questions import QuestionWidget
from huisbezoek.gui.theme import apply_theme
from huisbezoek.services import startup, visit_resume
from huisbezoek.services.settings import Settings
from huisbezoek.vault.keyslots import KdfParams

from .keys import Keyboard, fill_visit_by_keys, is_answer_control, question_of

SCREEN = (1366, 768)
# Questions answered "Ja" so that their follow-up questions appear and are walked too.
SAY_YES = {"toestemming_gesprek", "geeft_zorg", "krijgt_zorg", "trap_in_huis", "andere_zorg_ja"}


class MouseCounter(QObject):
    """Proof that the walk used no mouse: counts every mouse press in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.presses += 1
        return False


def choose(question):
    """The answer a volunteer gives; mostly not the first option, to need the arrow keys."""
    today = dt.date.today()
    if isinstance(question, YesNoQuestion):
        return 0 if question.id in SAY_YES else 1  # "Ja" / "Nee"
    if isinstance(question, SingleChoiceQuestion):
        return {"afspraak": 4}.get(question.id, 1)  # "nieuw_bezoek" asks for a date
    if isinstance(question, ScaleQuestion):
        return 7
    if isinstance(question, MultipleChoiceQuestion):
        return {1, 2}  # the first option is often exclusive ("alleen de bewoner")
    if isinstance(question, DateQuestion):
        if question.id == "bezoekdatum":
            return today.strftime("%d%m%Y")  # typed as 03122026
        return f"15 maart {today.year + 1}"
    if isinstance(question, NumberQuestion):
        return {"gewicht": "72", "bovenarm": "28,5"}.get(question.id, "3")
    if isinstance(question, ShortTextQuestion | LongTextQuestion):
        return "Gaat goed"
    raise AssertionError(question)


@pytest.fixture(params=[100, 200], ids=["100pct", "200pct"])
def text_scale(request, qapp):
    yield request.param
    apply_theme(qapp, Settings())


@pytest.mark.slow
def test_whole_default_visit_by_keyboard_only(qtbot, make_app, qapp, text_scale):
    startup.create_demo_vault(kdf=KdfParams.FLOOR)
    app = make_app(settings=Settings(text_scale=text_scale))
    app.ctx.forms_folder = None  # the shipped default form, not the small test form
    window = app.window
    window.resize(*SCREEN)
    mice = MouseCounter()
    qapp.installEventFilter(mice)
    try:
        app.start()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unlock_page.passphrase)
        kb = Keyboard(qtbot, window)
        kb.type(startup.DEMO_PASSPHRASE)
        with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
            kb.press(Qt.Key.Key_Return)
        residents = window.work.residents
        qtbot.waitUntil(lambda: residents.model.rowCount() > 0, timeout=15_000)

        # The list: Ctrl+F to search, Tab to the list, Enter opens the resident.
        kb.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert kb.focus() is residents.search
        kb.type("Bernard")
        qtbot.waitUntil(lambda: residents.proxy.rowCount() == 1)
        kb.tab_until(lambda w: w is residents.table)
        kb.press(Qt.Key.Key_Down)
        kb.press(Qt.Key.Key_Return)
        resident = window.work.resident
        qtbot.waitUntil(
            lambda: resident.detail is not None and "Bernard" in resident.detail.row.name
        )
        assert window.work.currentWidget() is resident

        # Alt+G starts the conversation; the focus lands on the first question.
        visit = window.work.visit
        with qtbot.waitSignal(visit.opened, timeout=15_000):
            kb.alt("g")
        qtbot.waitUntil(lambda: question_of(QApplication.focusWidget()) is not None)
        first = question_of(kb.focus())
        assert first.qid == "bezoekdatum" and is_answer_control(first, kb.focus())
        # The buttons a topic needs are inside the window (never below the fold).
        for button in (visit.next_button, visit.review_button):
            top_left = button.mapTo(window, button.rect().topLeft())
            assert window.rect().contains(top_left) and button.isVisible()
            bottom = button.mapTo(window, button.rect().bottomRight())
            assert window.rect().contains(bottom), button.text()

        answered = fill_visit_by_keys(kb, visit, choose)

        # The review page with Alt+A, then finalise: Tab to "Gesprek afronden", Space.
        with qtbot.waitSignal(visit.review.loaded, timeout=15_000):
            kb.alt("a")
        review = visit.review
        assert review.open_required() == [], review.open_required()
        # Each signal needs a yes or no to sharing (issue 13): Tab to its choice, Space.
        for card in review.cards:
            qtbot.waitUntil(card.share_yes.isVisible, timeout=5_000)  # shown after a turn
            kb.tab_until(lambda w, c=card: w in (c.share_yes, c.share_no))
            kb.press(Qt.Key.Key_Space)
            assert card.decided
        qtbot.waitUntil(lambda: visit.saver.all_saved, timeout=15_000)
        kb.tab_until(lambda w: w is review.finalise_button)
        kb.press(Qt.Key.Key_Space)
        confirm = review.finalise_dialog
        assert confirm is not None and not confirm.undecided
        qtbot.waitUntil(lambda: kb.focus() is confirm.confirm_button, timeout=5_000)
        with qtbot.waitSignal(review.status_changed, timeout=15_000):
            kb.press(Qt.Key.Key_Return)
        assert mice.presses == 0
    finally:
        qapp.removeEventFilter(mice)

    # Hand count: every relevant answerable question of the default form was answered.
    stored = visit_resume.open_visit(app.ctx.vault, visit.visit.visit_id)
    assert stored.status is VisitStatus.FINAL
    answers = stored.answers
    ev = visit.state.evaluation
    expected = {
        q.id
        for section in visit.visit.form.sections
        for q in section.questions
        if q.type != "info" and ev.is_relevant(q.id)
    }
    assert set(answered) == expected
    # Form v1 was counted by hand (65: 4+6+7+5+6+7+8+8+4+4+6). Form v2 (issue 15, merged
    # late) gives 82 with these answers; equal to the form engine's relevant set above, not yet
    # recounted by hand.
    assert len(answered) == 82, len(answered)
    assert answers["toestemming_gesprek"] is True
    assert answers["woonsituatie"] == "met_partner"  # the example, second option
    assert answers["gezondheid_oordeel"] == "gaat_wel"
    assert answers["achteruitgang"] is False  # "Nee"
    assert answers["welzijn_lichaam"] == 7
    assert answers["aanwezig"] == frozenset({"partner", "familie"})
    assert answers["afspraak"] == "nieuw_bezoek"
    assert answers["bezoekdatum"] == dt.date.today()
    assert answers["vervolg_datum"] == dt.date(dt.date.today().year + 1, 3, 15)
    assert answers["medicijnen_aantal"] == 3
    assert answers["bovenarm"] == 28.5
    assert answers["andere_zorg"] == "Gaat goed"


def test_question_group_is_one_tab_stop(qtbot, qapp):
    """One Tab stop per group, arrows move without choosing, Space chooses, again un-chooses."""
    from huisbezoek.forms.model import Option

    q = SingleChoiceQuestion(
        id="woon",
        type="single_choice",
        label="Hoe woont u?",
        options=(
            Option(value="alleen", label="Alleen"),
            Option(value="partner", label="Met mijn partner"),
            Option(value="anderen", label="Met anderen"),
        ),
    )
    qw = QuestionWidget(q)
    qtbot.addWidget(qw)
    got = []
    qw.answered.connect(lambda qid, value, typed: got.append(value))
    qw.show()
    qw.activateWindow()
    qw.focus_target().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is qw.keys.buttons[0])
    kb = Keyboard(qtbot, qw)
    kb.press(Qt.Key.Key_Down)
    assert kb.focus() is qw.keys.buttons[1] and got == []  # moving does not answer
    kb.press(Qt.Key.Key_Space)
    assert got == ["partner"] and qw.group.exclusive()
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Space)
    assert got[-1] == "anderen" and not qw.keys.buttons[1].isChecked()
    kb.press(Qt.Key.Key_Space)  # the chosen answer again: taken back
    assert got[-1] is None and not any(b.isChecked() for b in qw.keys.buttons)
    kb.press(Qt.Key.Key_Down)  # at the end: stays
    assert kb.focus() is qw.keys.buttons[2]
    # Tab leaves the group at once, for the "Wil ik niet zeggen" pair (one stop too).
    kb.tab()
    assert kb.focus() is qw.not_saying
    kb.press(Qt.Key.Key_Right)
    assert kb.focus() is qw.not_asked
    kb.tab(back=True)
    assert kb.focus() is qw.keys.buttons[2]
    # Only one button of each group takes Tab focus.
    tab_stops = [b for b in qw.keys.buttons if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tab_stops == [qw.keys.buttons[2]]
