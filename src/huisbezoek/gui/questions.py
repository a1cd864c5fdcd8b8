"""One widget per question type, generated from the form model; large, keyboard-friendly.

Every question the resident answers has a "Wil ik niet zeggen" button next to it (not the
volunteer's own questions, see ``forms.is_for_volunteer``); every answerable question has "Niet
gevraagd". A required question says so under its title. Choices save at once; typed text is
debounced (the screen decides how long) so typing never waits for the disk.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.domain import NOT_ASKED, NOT_SAYING
from huisbezoek.domain.dates import format_date, parse_date
from huisbezoek.forms import (
    DateQuestion,
    InfoQuestion,
    LongTextQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    ScaleQuestion,
    ShortTextQuestion,
    SingleChoiceQuestion,
    YesNoQuestion,
    is_for_volunteer,
)
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.keygroup import KeyGroup
from huisbezoek.gui.widgets import WrapLabel, button_row, set_role

SPECIAL = (NOT_SAYING, NOT_ASKED)


def _label(text: str, role: str | None = None) -> QLabel:
    label = WrapLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class QuestionWidget(QFrame):
    """Emits ``answered(question_id, value, typed)``; ``typed`` asks for a debounced save."""

    answered = Signal(str, object, bool)

    def __init__(self, question, parent=None) -> None:
        super().__init__(parent)
        self.question = question
        self.qid = question.id
        self.setObjectName(f"q_{question.id}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._quiet = False
        self._chosen: int | None = None  # the chosen button's id in an exclusive group
        self.keys: KeyGroup | None = None
        self.not_saying: QPushButton | None = None
        self.special_keys: KeyGroup | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        self.title = _label(
            question.label, None if isinstance(question, InfoQuestion) else "subheading"
        )
        layout.addWidget(self.title)
        self.required = bool(getattr(question, "required", False))
        if self.required:
            # Marked where it is asked, in words (not a bare asterisk).
            self.required_mark = _label(translate("Vraag", "✱ Verplichte vraag"), "hint")
            self.required_mark.setObjectName("requiredMark")
            layout.addWidget(self.required_mark)
            self.title.setAccessibleName(
                translate("Vraag", "{vraag} (verplicht)").format(vraag=question.label)
            )
        toelichting = getattr(question, "toelichting", None)
        self.hint = (
            _label(translate("Vraag", "Tip: {tekst}").format(tekst=toelichting), "hint")
            if toelichting
            else None
        )
        if self.hint:
            layout.addWidget(self.hint)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body)
        self.message = _label("", "error")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        if isinstance(question, InfoQuestion):
            return
        self.control = self._build_control()
        self.body.addWidget(self.control)
        if not is_for_volunteer(question):
            self.not_saying = QPushButton(translate("Vraag", "Wil ik niet zeggen"))
            self.not_saying.setCheckable(True)
            self.not_saying.setObjectName(f"ns_{question.id}")
            self.not_saying.setAccessibleName(
                translate("Vraag", "Wil ik niet zeggen: {vraag}").format(vraag=question.label)
            )
            self.not_saying.toggled.connect(lambda on: self._special_toggled(NOT_SAYING, on))
            self.not_saying.setProperty("role", "notsaying")
        # "Niet gevraagd": the volunteer skipped it (no time, not fitting); the summary then
        # does not list the topic as talked about.
        self.not_asked = QPushButton(translate("Vraag", "Niet gevraagd"))
        self.not_asked.setCheckable(True)
        self.not_asked.setObjectName(f"na_{question.id}")
        self.not_asked.setAccessibleName(
            translate("Vraag", "Niet gevraagd: {vraag}").format(vraag=question.label)
        )
        self.not_asked.toggled.connect(lambda on: self._special_toggled(NOT_ASKED, on))
        self.not_asked.setProperty("role", "notsaying")
        self.body.addWidget(button_row(*self.special_buttons()))
        self.special_keys = KeyGroup(self.special_buttons(), self)
        self._describe_controls()
        if isinstance(question, DateQuestion) and question.visit_date:
            self.not_asked.setVisible(False)  # the day of the visit is never "not asked"

    @property
    def takes_answer(self) -> bool:
        """False for an introduction text (an info "question"), which cannot have the focus."""
        return not isinstance(self.question, InfoQuestion)

    def special_buttons(self) -> list[QPushButton]:
        """ "Wil ik niet zeggen" (when the resident answers) and "Niet gevraagd"."""
        if isinstance(self.question, InfoQuestion):
            return []
        return [b for b in (self.not_saying, self.not_asked) if b is not None]

    # -- building ---------------------------------------------------------------------------

    def _build_control(self) -> QWidget:
        q = self.question
        name = q.label
        if isinstance(q, YesNoQuestion):
            return self._choice_buttons(
                [(True, translate("Vraag", "Ja")), (False, translate("Vraag", "Nee"))], name
            )
        if isinstance(q, SingleChoiceQuestion):
            return self._radios([(o.value, o.label) for o in (q.options or ())], name)
        if isinstance(q, MultipleChoiceQuestion):
            return self._checks(q, name)
        if isinstance(q, ScaleQuestion):
            return self._scale(q, name)
        if isinstance(q, NumberQuestion):
            return self._line(name, unit=q.unit, placeholder=translate("Vraag", "getal"))
        if isinstance(q, DateQuestion):
            return self._line(name, placeholder=translate("Vraag", "bijvoorbeeld 15-3-1949"))
        if isinstance(q, ShortTextQuestion):
            return self._line(name, max_length=q.max_length)
        if isinstance(q, LongTextQuestion):
            return self._text(name, q.max_length)
        raise TypeError(f"unknown question type {type(q).__name__}")

    def _choice_buttons(self, options, name) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.values: dict[int, object] = {}
        for i, (value, text) in enumerate(options):
            b = QPushButton(text)
            b.setCheckable(True)
            b.setAccessibleName(f"{name}: {text}")
            b.setProperty("role", "choice")
            self.group.addButton(b, i)
            self.values[i] = value
            row.addWidget(b)
        row.addStretch(1)
        self.group.buttonClicked.connect(self._button_clicked)
        self.keys = KeyGroup(self.group.buttons(), box)
        self.kind = "buttons"
        return box

    def _radios(self, options, name) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.values = {}
        for i, (value, text) in enumerate(options):
            b = QRadioButton(text)
            b.setAccessibleName(f"{name}: {text}")
            self.group.addButton(b, i)
            self.values[i] = value
            col.addWidget(b)
        self.group.buttonClicked.connect(self._button_clicked)
        self.keys = KeyGroup(self.group.buttons(), box)
        self.kind = "buttons"
        return box

    def _checks(self, q: MultipleChoiceQuestion, name) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        self.exclusive = {o.value for o in (q.options or ()) if o.exclusive}
        for o in q.options or ():
            c = QCheckBox(o.label)
            c.setAccessibleName(f"{name}: {o.label}")
            c.toggled.connect(lambda on, v=o.value: self._check_toggled(v, on))
            self.checks[o.value] = c
            col.addWidget(c)
        self.keys = KeyGroup(list(self.checks.values()), box, follow_checked=False)
        self.kind = "checks"
        return box

    def _scale(self, q: ScaleQuestion, name) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.group = QButtonGroup(box)
        self.values = {}
        count = q.max - q.min + 1
        for i, value in enumerate(range(q.min, q.max + 1)):
            b = QPushButton(str(value))
            b.setCheckable(True)
            b.setAccessibleName(f"{name}: {value}")
            b.setProperty("role", "scale")
            # Narrow at least, wide when there is room: eleven of them fit a page at 200%.
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.group.addButton(b, i)
            self.values[i] = value
            grid.addWidget(b, 0, i)
        low, high = _label(q.min_label, "hint"), _label(q.max_label, "hint")
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        half = max(1, count // 2)
        grid.addWidget(low, 1, 0, 1, half)
        grid.addWidget(high, 1, count - half, 1, half)
        self.group.buttonClicked.connect(self._button_clicked)
        self.keys = KeyGroup(self.group.buttons(), box)
        self.kind = "buttons"
        return box

    def _line(self, name, *, unit=None, placeholder="", max_length=None) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(placeholder)
        if max_length:
            self.edit.setMaxLength(max_length)
        self.edit.textEdited.connect(self._typed)
        if isinstance(self.question, DateQuestion):
            self.edit.editingFinished.connect(self._show_date_as_read)
        row.addWidget(self.edit, 1)
        if unit:
            row.addWidget(_label(unit))
        self.kind = "line"
        return box

    def _text(self, name, max_length) -> QWidget:
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(name)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(self.fontMetrics().height() * 4)
        self.text_edit.setMaximumHeight(self.fontMetrics().height() * 7)
        self.text_edit.textChanged.connect(self._text_changed)
        self.max_length = max_length
        self.kind = "text"
        return self.text_edit

    def _describe_controls(self) -> None:
        """Accessible descriptions: how to answer, for a screen reader (NVDA, Orca)."""
        how = {
            "buttons": translate(
                "Vraag", "Pijltjestoetsen: naar een ander antwoord. Spatie: kiezen."
            ),
            "checks": translate(
                "Vraag", "Meer antwoorden mogelijk. Pijltjestoetsen: verder. Spatie: aan of uit."
            ),
            "line": translate("Vraag", "Typ het antwoord."),
            "text": translate("Vraag", "Typ het antwoord. Tab gaat naar de volgende vraag."),
        }[self.kind]
        if isinstance(self.question, DateQuestion):
            how = translate("Vraag", "Typ de datum, bijvoorbeeld 15-3-1949 of 15 maart 1949.")
        toelichting = getattr(self.question, "toelichting", None)
        description = f"{self.question.label}. {how}"
        if toelichting:
            description += " " + translate("Vraag", "Tip: {tekst}").format(tekst=toelichting)
        controls: list[QWidget] = list(self.keys.buttons) if self.keys else [self.control]
        if self.kind == "line":
            controls = [self.edit]
        for widget in controls:
            widget.setAccessibleDescription(description)
        special = translate(
            "Vraag", "Als de bewoner niet wil antwoorden of de vraag niet gesteld is. {hoe}"
        ).format(hoe=how if self.kind == "buttons" else "")
        for special_button in (self.not_saying, self.not_asked):
            if special_button is not None:
                special_button.setAccessibleDescription(special.strip())

    def _sync_tab_stops(self) -> None:
        if self.keys is not None:
            self.keys.update_tab_stop()
        if self.special_keys is not None:
            self.special_keys.update_tab_stop()

    # -- values -----------------------------------------------------------------------------

    def focus_target(self) -> QWidget:
        if isinstance(self.question, InfoQuestion):
            return self
        if self.kind == "line":
            return self.edit
        if self.kind == "text":
            return self.text_edit
        assert self.keys is not None
        return self.keys.anchor()

    def _emit(self, value, typed: bool = False) -> None:
        if self._quiet:
            return
        if value is not None and value not in SPECIAL:
            self._quiet = True
            for b in self.special_buttons():
                b.setChecked(False)
            self._quiet = False
        self.answered.emit(self.qid, value, typed)

    def _button_clicked(self, button: QAbstractButton) -> None:
        # The group is exclusive (one answer, announced as such by screen readers); choosing
        # the chosen answer again takes it back, as a volunteer expects from a toggle.
        idx = self.group.id(button)
        if idx == self._chosen:
            self._uncheck_all()
            self._emit(None)
        else:
            self._chosen = idx
            self._emit(self.values[idx])
        self._sync_tab_stops()

    def _check_toggled(self, value: str, on: bool) -> None:
        if self._quiet:
            return
        self._quiet = True
        if on and value in self.exclusive:
            for v, c in self.checks.items():
                if v != value:
                    c.setChecked(False)
        elif on:
            for v in self.exclusive:
                self.checks[v].setChecked(False)
        self._quiet = False
        chosen = frozenset(v for v, c in self.checks.items() if c.isChecked())
        self._emit(chosen or None)

    def _typed(self, text: str) -> None:
        self._emit(self.parse_line(text), typed=True)

    def _show_date_as_read(self) -> None:
        """Show a typed date (15031949, 15 maart 1949) the way it was understood."""
        parsed = parse_date(self.edit.text())
        if parsed is not None and self.edit.text() != format_date(parsed):
            self.edit.setText(format_date(parsed))

    def _text_changed(self) -> None:
        if self._quiet:
            return
        text = self.text_edit.toPlainText()
        self._emit(text if text.strip() else None, typed=True)

    def parse_line(self, text: str):
        text = text.strip()
        if not text:
            return None
        if isinstance(self.question, NumberQuestion):
            cleaned = text.replace(",", ".")
            try:
                number = float(cleaned)
            except ValueError:
                return text  # the form engine explains what is wrong
            return int(number) if number.is_integer() and "." not in cleaned else number
        if isinstance(self.question, DateQuestion):
            return parse_date(text) or text
        return text

    def _special_toggled(self, special: str, on: bool) -> None:
        if self._quiet:
            return
        self._quiet = True
        if on:
            self._clear_control()
            other = self.not_asked if special == NOT_SAYING else self.not_saying
            if other is not None:
                other.setChecked(False)
        self._quiet = False
        self._sync_tab_stops()
        self.answered.emit(self.qid, special if on else None, False)

    def _uncheck_all(self) -> None:
        self.group.setExclusive(False)
        for b in self.group.buttons():
            b.setChecked(False)
        self.group.setExclusive(True)
        self._chosen = None

    def _clear_control(self) -> None:
        if self.kind == "buttons":
            self._uncheck_all()
        elif self.kind == "checks":
            for c in self.checks.values():
                c.setChecked(False)
        elif self.kind == "line":
            self.edit.clear()
        elif self.kind == "text":
            self.text_edit.clear()

    def set_value(self, value) -> None:
        """Show a stored answer without emitting anything."""
        if isinstance(self.question, InfoQuestion):
            return
        self._quiet = True
        try:
            self._clear_control()
            if self.not_saying is not None:
                self.not_saying.setChecked(value == NOT_SAYING)
            self.not_asked.setChecked(value == NOT_ASKED)
            if value is None or value in SPECIAL:
                return
            if self.kind == "buttons":
                for idx, v in self.values.items():
                    if v == value and type(v) is type(value):
                        self.group.button(idx).setChecked(True)
                        self._chosen = idx
            elif self.kind == "checks":
                for v, c in self.checks.items():
                    c.setChecked(v in value)
            elif self.kind == "line":
                if isinstance(value, dt.date):
                    self.edit.setText(format_date(value))
                elif isinstance(value, float):
                    self.edit.setText(f"{value:g}".replace(".", ","))
                else:
                    self.edit.setText(str(value))
            elif self.kind == "text":
                self.text_edit.setPlainText(str(value))
        finally:
            self._quiet = False
            self._sync_tab_stops()

    def set_messages(self, messages: tuple[str, ...]) -> None:
        text = "\n".join(messages)
        if text != self.message.text():
            self.message.setText(text)
            self.message.setVisible(bool(text))
            set_role(self.message, "error")

    def set_read_only(self, read_only: bool) -> None:
        if isinstance(self.question, InfoQuestion):
            return
        self.control.setEnabled(not read_only)
        for b in self.special_buttons():
            b.setEnabled(not read_only)
