"""The visit screen: sections with progress on the left, the questions in the middle, the
wellbeing chart on the right; a banner for "direct" signals; the review page to finish.

The form engine's ``FormState`` decides relevance, messages, scores and signals; this screen
only draws them. Section pages are built when first shown, so opening a long form is quick.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from huisbezoek.domain import Severity, VisitStatus
from huisbezoek.forms import FormState
from huisbezoek.gui.autosave import AnswerSaver
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import format_date
from huisbezoek.gui.operations import run_op, worker
from huisbezoek.gui.questions import QuestionWidget
from huisbezoek.gui.radar import RadarChart
from huisbezoek.gui.safety import DirectActionPanel
from huisbezoek.gui.widgets import (
    PageStack,
    button_row,
    error_label,
    heading,
    hint,
    show_message,
)
from huisbezoek.services import visit_resume

log = logging.getLogger(__name__)

#: Quiet time before the next hidden section page is built.
PREBUILD_PAUSE_MS = 400


class ConsentScript(QFrame):
    """What the volunteer tells the resident first: who sees the answers, for how long, and
    the resident's rights (``resources/privacy/privacy.yaml``, part ``gesprek``)."""

    def __init__(self, script, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("consentScript")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(script.title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(script.title, "subheading"))
        if script.hint:
            layout.addWidget(hint(script.hint))
        self.lines: list[QLabel] = []
        for text in script.lines:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.lines.append(label)


class SectionPage(QScrollArea):
    def __init__(self, section, parent=None, *, preface=None) -> None:
        super().__init__(parent)
        self.section = section
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(
            section.intro or translate("Gesprek", "De vragen van dit onderwerp.")
        )
        inner = QWidget()
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(8, 8, 16, 8)
        self.layout_.addWidget(heading(section.title))
        if section.intro:
            self.layout_.addWidget(hint(section.intro))
        # After the volunteer has introduced themselves (the intro), before any question.
        self.consent_script = ConsentScript(preface) if preface is not None else None
        if self.consent_script is not None:
            self.layout_.addWidget(self.consent_script)
        self.widgets: dict[str, QuestionWidget] = {}
        for q in section.questions:
            w = QuestionWidget(q)
            self.widgets[q.id] = w
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)
        self.setWidget(inner)


class SidePanel(QWidget):
    """About 30 characters wide in the current font, whatever the text size.

    On every resize the chart panel decides between chart, text and nothing (ChartPanel.fit).
    """

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        chart = self.findChild(ChartPanel)
        if chart is not None:
            chart.fit()

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(self.fontMetrics().averageCharWidth() * 30)
        return hint

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(self.fontMetrics().averageCharWidth() * 22)
        return hint


class TopicList(QListWidget):
    """The topics; never shorter than three of them, whatever the text size (issue 14)."""

    SHOWN_AT_LEAST = 3

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # The tallest topic counts: a long title wraps onto more lines at 200% text, and any
        # three neighbours must fit wherever the list is scrolled to.
        tallest = max(
            (self._row_height(row) for row in range(self.count())),
            default=self.fontMetrics().height() * 2,
        )
        rows = self.SHOWN_AT_LEAST
        needed = rows * (tallest + 2 * self.spacing()) + 2 * self.frameWidth() + 4
        hint.setHeight(max(hint.height(), needed))
        return hint

    def _row_height(self, row: int) -> int:
        # Qt's row size hint ignores word wrapping; measure the wrapped text at the list's width.
        item = self.item(row)
        width = max(self.viewport().width() - 4 * self.spacing() - 8, 40)
        text = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), item.text() if item else ""
        )
        return max(self.sizeHintForRow(row), text.height() + 6)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapping, and so the height three topics need, changed


class ChartPanel(QWidget):
    """The wellbeing chart under its heading; it gives way when it would not be legible.

    Where the chart's labels would overlap (200% text in a short side panel) the six ratings
    show as a line of text; where even that does not fit (a very small screen) the panel
    stays empty: the topics come first, and the ratings are on the review page too.
    """

    def __init__(self, radar: RadarChart) -> None:
        super().__init__()
        self.radar = radar
        self.heading = heading(translate("Gesprek", "Cijfers"), "subheading")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("radarText")
        self.text.setAccessibleName(translate("Gesprek", "Cijfers"))
        self.text.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.radar, 1)
        layout.addWidget(self.text)
        layout.addStretch(0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setHeight(0)
        return hint

    def sizeHint(self):
        hint = super().sizeHint()
        if not self.radar.isVisibleTo(self):
            shown = [w for w in (self.heading, self.text) if w.isVisibleTo(self)]
            hint.setHeight(sum(w.sizeHint().height() for w in shown) + 6 * len(shown))
        return hint

    def refresh(self) -> None:
        self.text.setText(self.radar.as_text())
        self.fit()

    def fit(self) -> None:
        """Chart, text or nothing, for the room the side panel can give (see SidePanel)."""
        side = self.parentWidget()
        layout = side.layout() if side is not None else None
        if side is None or layout is None:
            return
        topics = side.findChild(TopicList)
        spacing = layout.spacing()
        fixed = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is not None and item.widget() not in (self, topics):
                fixed += item.sizeHint().height()
        fixed += self.heading.sizeHint().height() + spacing * (layout.count() + 1)
        free = side.height() - fixed
        # Next to the topics (stretch 3:2) the chart gets two fifths, never the topics' minimum.
        minimum = topics.minimumSizeHint().height() if topics is not None else 0
        share = min(free * 2 // 5, free - minimum)
        chart = self.radar.legible_at(side.width(), share)
        text = not chart and self.text.heightForWidth(side.width()) <= free - minimum
        self.radar.setVisible(chart)
        self.text.setVisible(text)
        self.heading.setVisible(chart or text)
        # Without the chart the panel takes only what its text needs: the topics get the rest.
        index = layout.indexOf(self)
        if index >= 0 and hasattr(layout, "setStretch"):
            layout.setStretch(index, 2 if chart else 0)

    @property
    def showing_chart(self) -> bool:
        return self.radar.isVisibleTo(self)


class VisitScreen(QWidget):
    back = Signal()
    opened = Signal()
    evaluated = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit = None
        self.consent_script = None  # shown at the top of the first section
        self.state: FormState | None = None
        self.saver: AnswerSaver | None = None
        self.pages: dict[str, SectionPage] = {}
        self._resume: tuple[int, str | None, bool] | None = None
        self.last_block_ms = 0.0
        self._touched: set[str] = set()
        # Section pages not yet shown are built one at a time while the volunteer is not
        # answering, so moving to the next topic later costs nothing.
        self._prebuild = QTimer(self)
        self._prebuild.setSingleShot(True)
        self._prebuild.setInterval(PREBUILD_PAUSE_MS)
        self._prebuild.timeout.connect(self._build_next_page)
        self.back_button = QPushButton(translate("Gesprek", "← &Terug"))
        self.back_button.clicked.connect(self.leave)
        self.title = heading("")
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setProperty("role", "saved")
        self.save_state.setAccessibleName(translate("Gesprek", "Opslaan"))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.save_state)
        # "Direct" signals: what to do now and whom to call, above the questions.
        self.banner = DirectActionPanel("directBanner", compact=True)
        self.banner.setVisible(False)
        self.sections = TopicList()
        self.sections.setObjectName("sectionList")
        self.sections.setAccessibleName(translate("Gesprek", "Onderwerpen"))
        self.sections.setAccessibleDescription(
            translate("Gesprek", "Pijltjestoetsen: naar een ander onderwerp. Tab: naar de vragen.")
        )
        self.sections.setWordWrap(True)
        self.sections.setSpacing(2)
        self.sections.currentRowChanged.connect(self._section_chosen)
        self.section_stack = QStackedWidget()  # its pages are alike: no PageStack needed
        self.radar = RadarChart()
        self.prev_button = QPushButton(translate("Gesprek", "&Vorig onderwerp"))
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton(translate("Gesprek", "V&olgend onderwerp"))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.review_button = QPushButton(translate("Gesprek", "&Afronden…"))
        self.review_button.setProperty("role", "primary")
        self.review_button.clicked.connect(self.show_review)
        # Moving on past an open required question: the first press shows the messages at the
        # questions (scrolled into view), a second press moves on anyway.
        self.nav_message = error_label()
        self.nav_message.setObjectName("navMessage")
        self._warned_section: int | None = None
        nav = QHBoxLayout()
        nav.addWidget(button_row(self.prev_button, self.next_button), 1)
        nav.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(self.section_stack, 1)
        mid.addWidget(self.nav_message)
        mid.addLayout(nav)
        # Side panel: the topics with progress, and under them the wellbeing chart. One narrow
        # column keeps the questions wide enough at 200% text size.
        self.side = SidePanel()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(heading(translate("Gesprek", "Onderwerpen"), "subheading"))
        side.addWidget(self.sections, 3)
        self.chart = ChartPanel(self.radar)
        side.addWidget(self.chart, 2)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(middle)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        from huisbezoek.gui.review_page import ReviewPage

        self.review = ReviewPage(ctx, self)
        self.review.back_to_form.connect(self.show_form)
        self.review.jump_to.connect(self._jump_from_review)
        self.review.status_changed.connect(self._status_changed)
        self.outer = PageStack()
        form_page = QWidget()
        fl = QVBoxLayout(form_page)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.banner)
        fl.addWidget(self.splitter, 1)
        self.form_page = form_page
        self.outer.addWidget(form_page)
        self.outer.addWidget(self.review)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.outer, 1)
        self.setTabOrder(self.sections, self.section_stack)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # -- opening ------------------------------------------------------------------------------

    def start_for(self, resident_id: int, *, new: bool = False) -> None:
        """Resume the resident's draft or start a visit; ``new`` always starts one."""
        vault = self.ctx.vault
        folder = getattr(self.ctx, "forms_folder", None)

        def work():
            form = visit_resume.default_form(folder)
            if new:
                return visit_resume.start_new(vault, resident_id, form), _script(vault)
            return visit_resume.start_or_resume(vault, resident_id, form), _script(vault)

        self._clear()
        run_op(self, work, on_done=self._loaded)

    def open_visit(self, visit_id: int, *, section: int | None = None, focus=None, review=False):
        vault = self.ctx.vault
        self._clear()
        self._resume = (section, focus, review) if section is not None else None
        run_op(
            self,
            lambda: (visit_resume.open_visit(vault, visit_id), _script(vault)),
            on_done=self._loaded,
        )

    def _loaded(self, result) -> None:
        visit, self.consent_script = result
        self.show_visit(visit)

    def show_visit(self, visit) -> None:
        if self.ctx.vault is None:
            return  # locked while the visit was loading; restore() opens it again
        started = time.perf_counter()
        self._clear()
        self.visit = visit
        self.state = FormState(visit.form, visit.answers)
        self.saver = AnswerSaver(self.ctx, visit.visit_id, self)
        self.saver.state_changed.connect(self._show_saved)
        self.saver.saved_values.update(visit.answers)
        self._show_title()
        self._show_saved(True)
        self.sections.blockSignals(True)
        self.sections.clear()
        for section in visit.form.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        self.sections.updateGeometry()
        self._apply_evaluation(full=True)
        resume = self._resume
        self._resume = None
        if resume is not None:
            index, focus, review = resume
            self.go_to_section(index)
            if focus:
                self.go_to_question(focus)
            if review:
                self.show_review()
        elif visit.position is not None and self._section_index(visit.position[0]) >= 0:
            self.go_to_section(self._section_index(visit.position[0]))
            if visit.position[1]:
                self.go_to_question(visit.position[1])
            self.show_form()
        else:
            self.go_to_section(self._resume_section())
            self.show_form()
        if resume is None and not (visit.position and visit.position[1]):
            self.focus_first_question()
        self.opened_ms = (time.perf_counter() - started) * 1000
        self._prebuild.start()
        self.opened.emit()

    def visit_date(self):
        """The answer to "Datum van het bezoek", else the day the visit was started."""
        assert self.visit is not None and self.state is not None
        question = self.visit.form.visit_date_question
        value = self.state.answer(question.id) if question is not None else None
        if isinstance(value, dt.date):
            return value
        return self.visit.started_at

    def _show_title(self) -> None:
        if self.visit is None:
            return
        text = translate("Gesprek", "Gesprek met {naam} — {datum}").format(
            naam=self.visit.resident_name, datum=format_date(self.visit_date())
        )
        if self.title.text() != text:
            self.title.setText(text)

    def _section_index(self, section_id: str) -> int:
        assert self.visit is not None
        ids = [s.id for s in self.visit.form.sections]
        return ids.index(section_id) if section_id in ids else -1

    def _focused_question(self) -> str | None:
        focus: QWidget | None = self.focusWidget()
        while focus is not None:
            if isinstance(focus, QuestionWidget):
                return focus.qid
            focus = focus.parentWidget()
        return None

    def remember_position(self) -> None:
        """Store where the volunteer is (section and question) for the next time."""
        if self.visit is None or self.ctx.vault is None or self.current_section() < 0:
            return
        vault, vid = self.ctx.vault, self.visit.visit_id
        section = self.visit.form.sections[self.current_section()].id
        question = self._focused_question()
        worker().submit(lambda: visit_resume.remember_position(vault, vid, section, question))

    def _resume_section(self) -> int:
        """Where a draft resumes: the first section with an open question."""
        assert self.state is not None and self.visit is not None
        ev = self.state.evaluation
        for i, section in enumerate(self.visit.form.sections):
            for q in section.questions:
                if ev.is_relevant(q.id) and q.id in ev.messages:
                    return i
        return 0

    def _clear(self) -> None:
        self._prebuild.stop()
        if self.saver is not None:
            self.saver.flush_pending()
            self.saver.deleteLater()
        self.saver = None
        self.visit = None
        self.state = None
        for page in self.pages.values():
            self.section_stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self._touched = set()
        self._warned_section = None
        show_message(self.nav_message, "")
        self.sections.clear()
        self.banner.setVisible(False)
        self.radar.set_values({})
        self.review.clear()

    # -- pages --------------------------------------------------------------------------------

    def page_for(self, index: int) -> SectionPage:
        assert self.visit is not None and self.state is not None
        section = self.visit.form.sections[index]
        page = self.pages.get(section.id)
        if page is None:
            # The consent script stands at the top of the first section: it is said first.
            preface = self.consent_script if index == 0 else None
            page = SectionPage(section, preface=preface)
            read_only = self.visit.status is VisitStatus.FINAL
            ev = self.state.evaluation
            for qid, w in page.widgets.items():
                w.set_value(self.state.answer(qid))
                w.setVisible(ev.is_relevant(qid))
                w.set_messages(ev.messages_for(qid) if self._show_messages(qid) else ())
                w.set_read_only(read_only)
                w.answered.connect(self._answered)
            self.pages[section.id] = page
            self.section_stack.addWidget(page)
            self._chain_tab_order(page)
        return page

    def _chain_tab_order(self, page: SectionPage) -> None:
        """Tab runs: topics, the page's questions in order, then Vorig, Volgend, Afronden."""
        inner = page.widget()
        assert inner is not None
        chain = [
            w for w in inner.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        previous: QWidget = self.sections
        for w in [*chain, self.prev_button, self.next_button, self.review_button]:
            QWidget.setTabOrder(previous, w)
            previous = w

    def focus_first_question(self) -> None:
        """Put the keyboard on the first question of the topic on screen."""
        index = self.current_section()
        if self.visit is None or index < 0:
            return
        page = self.page_for(index)
        # The first question that takes an answer: an introduction text cannot have the focus
        # (typing went nowhere when it did; found in a real window).
        first = next(
            (w for w in page.widgets.values() if w.isVisibleTo(page) and w.takes_answer),
            None,
        )
        if first is not None:
            # As if tabbed to: a line edit selects its text (the visit date is filled in with
            # today), so typing replaces it instead of adding to it.
            first.focus_target().setFocus(Qt.FocusReason.TabFocusReason)

    def _build_next_page(self) -> None:
        if self.visit is None:
            return
        for i, section in enumerate(self.visit.form.sections):
            if section.id not in self.pages:
                self.page_for(i)
                self._prebuild.start()
                return

    def go_to_section(self, index: int) -> None:
        if self.visit is None:
            return
        index = max(0, min(index, len(self.visit.form.sections) - 1))
        page = self.page_for(index)
        if index != self.current_section():
            self._warned_section = None
            show_message(self.nav_message, "")
        self.section_stack.setCurrentWidget(page)
        if self.sections.currentRow() != index:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(index)
            self.sections.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.visit.form.sections) - 1)

    def current_section(self) -> int:
        return self.sections.currentRow()

    def _section_chosen(self, row: int) -> None:
        if row >= 0:
            self.go_to_section(row)

    def _open_required_here(self) -> list[str]:
        """Relevant questions of the current section that still need an answer."""
        assert self.state is not None and self.visit is not None
        ev = self.state.evaluation
        section = self.visit.form.sections[self.current_section()]
        return [q.id for q in section.questions if ev.is_relevant(q.id) and q.id in ev.messages]

    def _step(self, delta: int) -> None:
        assert self.state is not None and self.visit is not None
        ev = self.state.evaluation
        here = self.current_section()
        open_here = self._open_required_here() if delta > 0 else []
        if open_here and self._warned_section != here:
            # Show what is open, next to the questions, before moving on.
            self._warned_section = here
            self._touched.update(open_here)
            self._apply_evaluation()
            page = self.page_for(here)
            first = page.widgets[open_here[0]]
            page.ensureWidgetVisible(first.message, 0, 0)
            page.ensureWidgetVisible(first, 0, 0)
            first.focus_target().setFocus()
            n = len(open_here)
            show_message(
                self.nav_message,
                translate(
                    "Gesprek",
                    "Hier {is} nog {n} {vraag} open. Kies nog eens 'Volgend onderwerp' om "
                    "toch verder te gaan.",
                ).format(
                    n=n,
                    **{"is": "is" if n == 1 else "zijn"},
                    vraag=translate("Gesprek", "vraag")
                    if n == 1
                    else translate("Gesprek", "vragen"),
                ),
            )
            return
        i = self.current_section() + delta
        sections = self.visit.form.sections
        # Skip sections with nothing relevant in them (skip logic on section level).
        while 0 <= i < len(sections) and not any(
            ev.is_relevant(q.id) for q in sections[i].questions
        ):
            i += delta
        if 0 <= i < len(sections):
            self.go_to_section(i)
            self.focus_first_question()

    def go_to_question(self, question_id: str) -> None:
        if self.visit is None:
            return
        self.show_form()
        for i, section in enumerate(self.visit.form.sections):
            if any(q.id == question_id for q in section.questions):
                self.go_to_section(i)
                page = self.page_for(i)
                w = page.widgets[question_id]
                page.ensureWidgetVisible(w)
                w.focus_target().setFocus()
                return

    def _jump_from_review(self, question_id: str) -> None:
        """From the review's list of open questions: there, with its message showing."""
        if self.state is None:
            return
        self._touched.add(question_id)
        self.go_to_question(question_id)
        self._apply_evaluation()

    def question_widget(self, question_id: str) -> QuestionWidget:
        """The widget of a question (building its section page if needed); for tests."""
        assert self.visit is not None
        for i, section in enumerate(self.visit.form.sections):
            if any(q.id == question_id for q in section.questions):
                return self.page_for(i).widgets[question_id]
        raise KeyError(question_id)

    def show_form(self) -> None:
        self.outer.setCurrentWidget(self.form_page)

    def show_review(self) -> None:
        if self.visit is None or self.state is None or self.saver is None:
            return
        self.saver.flush_pending()
        self.review.show_for(self.visit, self.state)
        self.outer.setCurrentWidget(self.review)

    # -- answers ------------------------------------------------------------------------------

    def _focus_moved(self, old, new) -> None:
        """Leaving a question counts as having been past it: its "required" message shows."""
        if self.state is None or old is None:
            return
        left, entered = _question_of(old), _question_of(new)
        if left is None or left is entered or left.qid in self._touched:
            return
        if left.qid in self.state.evaluation.messages:
            self._touched.add(left.qid)
            left.set_messages(self.state.evaluation.messages_for(left.qid))

    def _answered(self, question_id: str, value, typed: bool) -> None:
        started = time.perf_counter()
        assert self.state is not None and self.saver is not None
        if self.visit is not None and self.visit.status is VisitStatus.FINAL:
            return
        self._touched.add(question_id)
        self.state.set_answer(question_id, value)
        self.saver.schedule(question_id, value, typed)
        if self._prebuild.isActive():
            self._prebuild.start()  # not while the volunteer is answering
        self._apply_evaluation()
        self.last_block_ms = (time.perf_counter() - started) * 1000

    def answer(self, question_id: str, value, typed: bool = False) -> None:
        """Answer as if the volunteer did it in the widget (tests, benchmark)."""
        w = self.question_widget(question_id)
        w.set_value(value)
        self._answered(question_id, value, typed)

    def _show_messages(self, qid: str) -> bool:
        # "Required" is only shown once the volunteer has been past the question or on review;
        # a wrong value is shown at once.
        assert self.state is not None
        if qid in self._touched:
            return True
        return self.state.answer(qid) is not None

    def _apply_evaluation(self, full: bool = False) -> None:
        assert self.state is not None and self.visit is not None
        ev = self.state.evaluation
        focused = self._focused_question()
        for page in self.pages.values():
            for qid, w in page.widgets.items():
                relevant = ev.is_relevant(qid)
                if w.isVisibleTo(page) != relevant:
                    w.setVisible(relevant)
                had_message = w.message.isVisibleTo(w)
                w.set_messages(ev.messages_for(qid) if self._show_messages(qid) else ())
                if qid == focused and not had_message and w.message.isVisibleTo(w):
                    # A message under the field in hand must not appear out of sight.
                    QTimer.singleShot(0, lambda p=page, m=w.message: _show_in(p, m))
        for row, section in enumerate(self.visit.form.sections):
            relevant = [q.id for q in section.questions if ev.is_relevant(q.id) and _answerable(q)]
            done = sum(1 for q in relevant if q in ev.answered)
            item = self.sections.item(row)
            if item is None:
                continue
            if not relevant and self._waits_for_answer(section, ev):
                text = translate("Gesprek", "{titel}\n(na een eerdere vraag)").format(
                    titel=section.title
                )
            elif not relevant:
                text = translate("Gesprek", "{titel}\n(overgeslagen)").format(titel=section.title)
            else:
                mark = "✓ " if done == len(relevant) else ""
                text = translate(
                    "Gesprek", "{vink}{titel}\n{klaar} van {totaal} beantwoord"
                ).format(vink=mark, titel=section.title, klaar=done, totaal=len(relevant))
            if item.text() != text:
                item.setText(text)
        self.radar.set_values(self.state.wellbeing())
        self.chart.refresh()
        direct = [s.text for s in ev.signals if s.severity is Severity.DIRECT]
        shown = self.banner.isVisibleTo(self)
        self.banner.show_signals(direct)
        if shown != self.banner.isVisibleTo(self):
            # The panel takes room from the questions: keep the one in hand in view.
            QTimer.singleShot(0, self._keep_focused_question_in_view)
        if self.nav_message.isVisible() and not self._open_required_here():
            show_message(self.nav_message, "")  # never a stale message
        self._show_title()
        self.evaluated.emit()

    def _keep_focused_question_in_view(self) -> None:
        qid = self._focused_question()
        if qid is None or self.visit is None or self.current_section() < 0:
            return
        page = self.section_stack.currentWidget()
        if isinstance(page, SectionPage) and qid in page.widgets:
            page.ensureWidgetVisible(page.widgets[qid], 0, 0)

    def _waits_for_answer(self, section, ev) -> bool:
        """True when a section is hidden only because an earlier question has no answer yet
        (e.g. everything after the consent question), rather than skipped by an answer."""
        assert self.visit is not None
        nodes = self.visit.form.plan.questions
        for q in section.questions:
            node = nodes.get(q.id)
            if node is None:
                continue
            for dep in node.deps:
                if dep in nodes and dep not in ev.answered and ev.is_relevant(dep):
                    return True
        return False

    def _show_saved(self, all_saved: bool) -> None:
        if self.visit is not None and self.visit.status is VisitStatus.FINAL:
            self.save_state.setText(translate("Gesprek", "Afgerond (alleen lezen)"))
        elif all_saved:
            self.save_state.setText(translate("Gesprek", "✓ Alles opgeslagen"))
        else:
            self.save_state.setText(translate("Gesprek", "Bezig met opslaan…"))

    def _status_changed(self, status) -> None:
        if self.visit is None:
            return
        from dataclasses import replace

        self.visit = replace(self.visit, status=status)
        read_only = status is VisitStatus.FINAL
        for page in self.pages.values():
            for w in page.widgets.values():
                w.set_read_only(read_only)
        self._show_saved(self.saver.all_saved if self.saver else True)

    # -- leaving, locking ---------------------------------------------------------------------

    def flush_pending(self) -> None:
        if self.saver is not None:
            self.saver.flush_pending()
        self.remember_position()

    def leave(self) -> None:
        self.flush_pending()
        self.back.emit()

    def blank(self) -> None:
        """Forget what is on screen (lock), remembering where the volunteer was."""
        if self.visit is None:
            self._resume_after_lock = None
            return
        qid = self._focused_question()
        self._resume_after_lock = (
            self.visit.visit_id,
            self.current_section(),
            qid,
            self.outer.currentWidget() is self.review,
        )
        self._clear()
        self.title.clear()

    def restore(self) -> None:
        resume = getattr(self, "_resume_after_lock", None)
        self._resume_after_lock = None
        if resume is None:
            return
        visit_id, section, qid, review = resume
        self.open_visit(visit_id, section=section, focus=qid, review=review)


def _show_in(page: QScrollArea, widget: QWidget) -> None:
    if isValid(page) and isValid(widget):
        page.ensureWidgetVisible(widget)


def _question_of(widget) -> QuestionWidget | None:
    while widget is not None:
        if isinstance(widget, QuestionWidget):
            return widget
        widget = widget.parentWidget()
    return None


def _script(vault) -> object:
    """The consent script for the first section, or None when its file cannot be used (the
    visit must open all the same; the reason goes to the log, without content)."""
    from huisbezoek.errors import UserError
    from huisbezoek.services.privacy import consent_script

    try:
        return consent_script(vault)
    except (UserError, OSError) as exc:
        log.warning("consent script not shown: %s", type(exc).__name__)
        return None


def _answerable(question) -> bool:
    return getattr(question, "type", "info") != "info"
