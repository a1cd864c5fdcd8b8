"""Drive the application with the keyboard only, as a volunteer without a mouse does.

Every key goes to the widget that has the keyboard focus at that moment (never to a widget
picked by the test), so a control that Tab cannot reach, or a shortcut that does not work,
makes the walk fail. Reusable: the visit walk takes a ``choose`` function that decides the
answer per question, and stops at the navigation buttons so callers can drive the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWidget

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


class Keyboard:
    def __init__(self, qtbot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window
        self.presses = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focus(), key, modifier)
            self.presses += 1

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)
        self.presses += len(text)

    def tab(self, back: bool = False) -> QWidget:
        if back:
            self.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            self.press(Qt.Key.Key_Tab)
        return self.focus()

    def alt(self, letter: str) -> None:
        self.press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)

    def tab_until(self, wanted: Callable[[QWidget], bool], limit: int = 300) -> QWidget:
        seen = []
        for _ in range(limit):
            widget = self.focus()
            if wanted(widget):
                return widget
            seen.append(f"{type(widget).__name__}:{widget.objectName() or widget.accessibleName()}")
            self.tab()
        raise AssertionError(f"Tab never reached the wanted control; went past {seen[-12:]}")


def question_of(widget: QWidget) -> QuestionWidget | None:
    while widget is not None:
        if isinstance(widget, QuestionWidget):
            return widget
        widget = widget.parentWidget()
    return None


def is_answer_control(qw: QuestionWidget, widget: QWidget) -> bool:
    """The focus sits on the question's answer (not on "Wil ik niet zeggen")."""
    if qw.keys is not None:
        return widget in qw.keys.buttons
    return widget in (getattr(qw, "edit", None), getattr(qw, "text_edit", None))


def answer_by_keys(kb: Keyboard, qw: QuestionWidget, choice) -> None:
    """Give ``choice`` with keys; the focus is on the question's answer control.

    ``choice``: for button groups the option's position (0-based), for check boxes a set of
    positions, for typed questions the text to type.
    """
    focus = kb.focus()
    q = qw.question
    if isinstance(q, YesNoQuestion | SingleChoiceQuestion | ScaleQuestion):
        start = qw.keys.buttons.index(focus)
        kb.press(Qt.Key.Key_Home)
        kb.press(
            Qt.Key.Key_Right if isinstance(q, ScaleQuestion) else Qt.Key.Key_Down, times=choice
        )
        assert qw.keys.buttons.index(kb.focus()) == choice, (q.id, start, choice)
        kb.press(Qt.Key.Key_Space)
    elif isinstance(q, MultipleChoiceQuestion):
        kb.press(Qt.Key.Key_Home)
        for index in range(len(qw.keys.buttons)):
            if index in choice:
                kb.press(Qt.Key.Key_Space)
            if index < len(qw.keys.buttons) - 1:
                kb.press(Qt.Key.Key_Down)
    elif isinstance(q, NumberQuestion | DateQuestion | ShortTextQuestion | LongTextQuestion):
        assert isinstance(focus, QLineEdit | QPlainTextEdit), q.id
        kb.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace what is there
        kb.type(str(choice))
    else:  # pragma: no cover - a new question type needs a rule here
        raise AssertionError(f"no keyboard rule for {type(q).__name__}")


def fill_visit_by_keys(kb: Keyboard, visit, choose: Callable[[object], object]) -> list[str]:
    """Answer every question the keyboard reaches, topic by topic; returns the ids answered.

    Within a topic: Tab from question to question, answer each with ``answer_by_keys``; at the
    navigation buttons press Alt+O ("Volgend onderwerp"). Stops on the last topic with the
    focus on the navigation buttons.
    """
    answered: list[str] = []
    sections = visit.visit.form.sections
    nav = (visit.prev_button, visit.next_button, visit.review_button)
    while True:
        for _ in range(400):
            widget = kb.focus()
            if widget in nav:
                break
            qw = question_of(widget)
            if qw is not None and qw.qid not in answered and is_answer_control(qw, widget):
                answer_by_keys(kb, qw, choose(qw.question))
                answered.append(qw.qid)
            kb.tab()
        else:
            raise AssertionError("Tab did not reach the navigation buttons")
        if visit.current_section() >= len(sections) - 1 or not visit.next_button.isEnabled():
            return answered
        before = visit.current_section()
        kb.alt("o")  # a mnemonic "animates" the click: it lands a moment later
        kb.qtbot.waitUntil(lambda b=before: visit.current_section() > b, timeout=2_000)
        qw = question_of(kb.focus())
        assert qw is not None and is_answer_control(qw, kb.focus()), "no question has the focus"


def focused_button_text(kb: Keyboard) -> str:
    widget = kb.focus()
    return widget.text() if isinstance(widget, QAbstractButton) else ""
