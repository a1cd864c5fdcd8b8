"""The review page: open questions, the signals with their severity, consent per signal,
signals added by hand, and finalising (or reopening) the visit.

Spots for printing (leaflets and the resident's summary) and for the export to the
coordinator are here too; they call the printing and exchange areas when those are there.
"""

from __future__ import annotations

import html
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.domain import (
    ConsentMethod,
    ConsentScope,
    ReferralCaller,
    Severity,
    Theme,
    VisitStatus,
)
from huisbezoek.errors import UserError
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import (
    all_themes,
    consent_method_label,
    format_datetime,
    severity_label,
    theme_label,
)
from huisbezoek.gui.operations import run_op, show_error
from huisbezoek.gui.widgets import (
    Banner,
    WrapLabel,
    button_row,
    enum_data,
    error_label,
    heading,
    hint,
    show_message,
    wheel_needs_focus,
)
from huisbezoek.services import review as svc


class SignalCard(QFrame):
    """One signal: what it is, how urgent, and what the resident agreed to."""

    def __init__(self, page, row: svc.SignalRow, read_only: bool) -> None:
        super().__init__()
        self.page = page
        self.row = row
        self.setObjectName(f"signal_{row.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        origin = (
            translate("Afronden", "zelf toegevoegd")
            if row.manual
            else translate("Afronden", "uit de antwoorden")
        )
        title = QLabel(f"{severity_label(row.severity)} · {theme_label(row.theme)} ({origin})")
        title.setProperty("role", "subheading")
        title.setWordWrap(True)
        text = QLabel(row.text)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.share = QCheckBox(translate("Afronden", "Mag gedeeld worden met de coördinator"))
        self.identity = QCheckBox(
            translate("Afronden", "Met naam en telefoon, zodat de coördinator kan terugbellen")
        )
        self.referral = QCheckBox(translate("Afronden", "Doorverwijzen naar:"))
        self.service = QLineEdit()
        self.service.setPlaceholderText(translate("Afronden", "naam van de organisatie"))
        # Who makes the call and by when: the resident's summary prints both.
        self.caller = QComboBox()
        self.caller.addItem(translate("Afronden", "(nog niet afgesproken)"), None)
        for caller, label in (
            (ReferralCaller.RESIDENT, translate("Afronden", "De bewoner belt zelf")),
            (ReferralCaller.VOLUNTEER, translate("Afronden", "Ik bel, als vrijwilliger")),
            (ReferralCaller.COORDINATOR, translate("Afronden", "De coördinator belt")),
            (ReferralCaller.SERVICE, translate("Afronden", "De organisatie belt de bewoner")),
        ):
            self.caller.addItem(label, caller)
        self.due_set = QCheckBox(translate("Afronden", "Uiterlijk op:"))
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.due.setCalendarPopup(True)
        self.due.setEnabled(False)
        self.due_set.toggled.connect(self.due.setEnabled)
        self.method = QComboBox()
        for m in ConsentMethod:
            self.method.addItem(consent_method_label(m), m)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("dd-MM-yyyy HH:mm")
        # Scrolling past the card must not change who calls, the date or the method.
        wheel_needs_focus(self.caller, self.due, self.method, self.when)
        self.note = QLineEdit(row.note)
        self.note.setPlaceholderText(translate("Afronden", "korte notitie"))
        self.agreed = QLineEdit(row.agreed_action)
        self.agreed.setPlaceholderText(translate("Afronden", "wat is afgesproken, wie doet wat"))
        for w, name in (
            (self.share, translate("Afronden", "Delen met de coördinator")),
            (self.identity, translate("Afronden", "Naam en telefoon delen")),
            (self.referral, translate("Afronden", "Doorverwijzen")),
            (self.service, translate("Afronden", "Naar welke organisatie")),
            (self.caller, translate("Afronden", "Wie belt")),
            (self.due_set, translate("Afronden", "Met een datum waarop uiterlijk gebeld is")),
            (self.due, translate("Afronden", "Uiterlijk op welke datum")),
            (self.method, translate("Afronden", "Hoe gaf de bewoner toestemming")),
            (self.when, translate("Afronden", "Wanneer gaf de bewoner toestemming")),
            (self.note, translate("Afronden", "Notitie bij het signaal")),
            (self.agreed, translate("Afronden", "Afspraak")),
        ):
            w.setAccessibleName(name)
        for w, about in (
            (self.share, translate("Afronden", "Alleen als de bewoner dat goed vindt.")),
            (
                self.identity,
                translate("Afronden", "Dan kan de coördinator de bewoner terugbellen."),
            ),
            (self.referral, translate("Afronden", "Zet aan en typ naar welke organisatie.")),
            (self.service, translate("Afronden", "De naam van de organisatie.")),
            (self.caller, translate("Afronden", "Wie de bewoner belt.")),
            (self.due_set, translate("Afronden", "Zet aan om een datum te kiezen.")),
            (self.due, translate("Afronden", "De datum waarop uiterlijk gebeld is.")),
            (self.method, translate("Afronden", "Mondeling, op papier of anders.")),
            (self.when, translate("Afronden", "Datum en tijd van de toestemming.")),
            (self.note, translate("Afronden", "Een korte notitie, als u wilt.")),
            (self.agreed, translate("Afronden", "Wat is afgesproken, wie doet wat.")),
        ):
            w.setAccessibleDescription(about)
        self.share.setChecked(row.has(ConsentScope.SHARE_SIGNAL))
        self.identity.setChecked(row.has(ConsentScope.SHARE_IDENTITY))
        referral = next((c for c in row.consents if c.scope is ConsentScope.REFERRAL), None)
        self.referral.setChecked(referral is not None)
        if referral is not None:
            self.service.setText(referral.referral_service or "")
            self.caller.setCurrentIndex(max(0, self.caller.findData(referral.referral_caller)))
            if referral.referral_due is not None:
                due = referral.referral_due
                self.due_set.setChecked(True)
                self.due.setDate(QDate(due.year, due.month, due.day))
        if row.consents:
            first = row.consents[0]
            self.method.setCurrentIndex(self.method.findData(first.method))
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(first.given_at.timestamp())))
        self.save_button = QPushButton(translate("Afronden", "Toestemming en notitie opslaan"))
        self.save_button.clicked.connect(self.save)
        self.status = hint()
        self.error = error_label()
        if row.consents:
            self.status.setText(
                translate("Afronden", "Vastgelegd: {wanneer}").format(
                    wanneer=format_datetime(row.consents[0].given_at)
                )
            )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.referral)
        ref_row.addWidget(self.service, 1)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_set)
        due_row.addWidget(self.due, 1)
        form.addRow(translate("Afronden", "Wie belt:"), self.caller)
        form.addRow(translate("Afronden", "Wanneer bellen:"), due_row)
        form.addRow(translate("Afronden", "Hoe:"), self.method)
        form.addRow(translate("Afronden", "Wanneer:"), self.when)
        form.addRow(translate("Afronden", "Notitie:"), self.note)
        form.addRow(translate("Afronden", "Afspraak:"), self.agreed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(heading(translate("Afronden", "Toestemming van de bewoner"), "subheading"))
        layout.addWidget(self.share)
        layout.addWidget(self.identity)
        layout.addLayout(ref_row)
        layout.addLayout(form)
        row_buttons: list[QWidget] = [self.save_button]
        if row.manual:
            self.remove_button = QPushButton(translate("Afronden", "Signaal weghalen"))
            self.remove_button.clicked.connect(self.remove)
            row_buttons.append(self.remove_button)
        layout.addWidget(button_row(*row_buttons))
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        editable: list[QWidget] = [
            self.share,
            self.identity,
            self.referral,
            self.service,
            self.caller,
            self.due_set,
            self.method,
            self.when,
            self.note,
            self.agreed,
            self.save_button,
        ]
        for widget in editable:
            widget.setEnabled(not read_only)
        self.due.setEnabled(not read_only and self.due_set.isChecked())

    def scopes(self) -> set[ConsentScope]:
        scopes = set()
        if self.share.isChecked():
            scopes.add(ConsentScope.SHARE_SIGNAL)
        if self.identity.isChecked():
            scopes.add(ConsentScope.SHARE_IDENTITY)
        if self.referral.isChecked():
            scopes.add(ConsentScope.REFERRAL)
        return scopes

    def save(self) -> None:
        vault, sid = self.page.ctx.vault, self.row.id
        scopes, method = self.scopes(), enum_data(self.method, ConsentMethod)
        when = datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)
        service, note, agreed = self.service.text(), self.note.text(), self.agreed.text()
        caller = self.caller.currentData()
        picked = self.due.date()
        due = (
            date(picked.year(), picked.month(), picked.day()) if self.due_set.isChecked() else None
        )

        def work():
            svc.update_signal_notes(vault, sid, note=note, agreed_action=agreed)
            return svc.set_signal_consent(
                vault,
                sid,
                scopes=scopes,
                method=method,
                given_at=when,
                referral_service=service,
                referral_caller=caller,
                referral_due=due,
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                show_message(self.error, exc.message_nl)
            else:
                show_error(self, exc)

        def done(row) -> None:
            self.row = row
            show_message(self.error, "")
            self.status.setText(translate("Afronden", "✓ Opgeslagen"))
            self.page.consent_saved.emit(row.id)

        run_op(self, work, on_done=done, on_error=failed)

    def remove(self) -> None:
        vault, sid = self.page.ctx.vault, self.row.id
        run_op(
            self, lambda: svc.remove_manual_signal(vault, sid), on_done=lambda _: self.page.reload()
        )


class ManualSignalDialog(BaseDialog):
    saved = Signal(int)

    def __init__(self, parent, ctx, visit_id: int) -> None:
        super().__init__(parent, "manualSignalDialog", ctx)
        self.visit_id = visit_id
        self.setWindowTitle(translate("Afronden", "Signaal toevoegen"))
        self.theme = QComboBox()
        for t in all_themes():
            self.theme.addItem(theme_label(t), t)
        self.theme.setCurrentIndex(self.theme.findData(Theme.OVERIG.value))
        self.severity = QComboBox()
        for s in Severity:
            self.severity.addItem(severity_label(s), s)
        self.severity.setCurrentIndex(self.severity.findData(Severity.AANDACHT))
        self.text = QLineEdit()
        self.note = QLineEdit()
        for w, name in (
            (self.theme, translate("Afronden", "Onderwerp")),
            (self.severity, translate("Afronden", "Hoe dringend")),
            (self.text, translate("Afronden", "Waar gaat het om")),
            (self.note, translate("Afronden", "Notitie")),
        ):
            w.setAccessibleName(name)
        for w, text in (
            (self.theme, translate("Afronden", "Waar het signaal over gaat.")),
            (self.severity, translate("Afronden", "Hoe snel iemand iets moet doen.")),
            (self.text, translate("Afronden", "Beschrijf het signaal in een paar woorden.")),
            (self.note, translate("Afronden", "Een korte notitie, als u wilt.")),
        ):
            w.setAccessibleDescription(text)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate("Afronden", "&Onderwerp:"), self.theme)
        form.addRow(translate("Afronden", "&Hoe dringend:"), self.severity)
        form.addRow(translate("Afronden", "&Waar gaat het om:"), self.text)
        form.addRow(translate("Afronden", "&Notitie:"), self.note)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.standard_buttons(translate("Afronden", "Toevoegen")))

    def accept(self) -> None:
        vault, vid = self.ctx.vault, self.visit_id
        theme, severity = str(self.theme.currentData()), enum_data(self.severity, Severity)
        text, note = self.text.text(), self.note.text()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                show_message(self.error, exc.message_nl)
            else:
                show_error(self, exc)

        def done(sid) -> None:
            super(ManualSignalDialog, self).accept()
            self.saved.emit(sid)

        run_op(
            self,
            lambda: svc.add_manual_signal(
                vault, vid, theme=theme, severity=severity, text=text, note=note
            ),
            on_done=done,
            on_error=failed,
        )


class ReviewPage(QWidget):
    back_to_form = Signal()
    jump_to = Signal(str)
    status_changed = Signal(object)
    consent_saved = Signal(int)
    loaded = Signal()

    def __init__(self, ctx, screen) -> None:
        super().__init__()
        self.ctx = ctx
        self.visit_screen = screen
        self.visit = None
        self.form_state = None
        self.data: svc.VisitReview | None = None
        self.cards: list[SignalCard] = []
        back = QPushButton(translate("Afronden", "← Terug naar de &vragen"))
        back.clicked.connect(self.back_to_form)
        self.status_banner = Banner()
        self.status_banner.setVisible(False)
        # One wrapped line with a link per open question (a list view would not wrap them
        # at 200% text); the links are reachable with Tab and opened with Enter.
        self.open_list = QWidget()
        self.open_list.setObjectName("openQuestions")
        self.open_list.setAccessibleName(translate("Afronden", "Open vragen"))
        self.open_rows = QVBoxLayout(self.open_list)
        self.open_rows.setContentsMargins(0, 0, 0, 0)
        self.open_labels: list[QLabel] = []
        self.open_label = hint()
        self.signals_box = QVBoxLayout()
        self.add_signal_button = QPushButton(translate("Afronden", "Signaal toevoe&gen…"))
        self.add_signal_button.clicked.connect(self.add_signal)
        # Spots for the printing and exchange areas (wired when their services exist).
        self.print_button = QPushButton(
            translate("Afronden", "Folders en samenvatting af&drukken…")
        )
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_documents)
        self.export_button = QPushButton(translate("Afronden", "Naar de coördinator &sturen…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.finalise_button = QPushButton(translate("Afronden", "Gesprek &afronden"))
        self.finalise_button.setProperty("role", "primary")
        self.finalise_button.clicked.connect(self.finalise)
        self.reopen_button = QPushButton(translate("Afronden", "Gesprek opnieuw &openen"))
        self.reopen_button.clicked.connect(self.reopen)
        self.message = error_label()
        inner = QWidget()
        col = QVBoxLayout(inner)
        col.addWidget(back, alignment=Qt.AlignmentFlag.AlignLeft)
        col.addWidget(heading(translate("Afronden", "Afronden")))
        col.addWidget(self.status_banner)
        col.addWidget(heading(translate("Afronden", "Open vragen"), "subheading"))
        col.addWidget(self.open_label)
        col.addWidget(self.open_list)
        col.addWidget(heading(translate("Afronden", "Signalen"), "subheading"))
        col.addLayout(self.signals_box)
        col.addWidget(self.add_signal_button, alignment=Qt.AlignmentFlag.AlignLeft)
        col.addWidget(
            heading(translate("Afronden", "Voor de bewoner en de coördinator"), "subheading")
        )
        col.addWidget(button_row(self.print_button, self.export_button))
        col.addStretch(1)
        self.scroll_area = scroll = QScrollArea()
        scroll.setAccessibleName(translate("Afronden", "Afronden"))
        scroll.setAccessibleDescription(translate("Afronden", "Open vragen, signalen en afronden."))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        # Under the scrolling part, always in view (issue 14: at 200% text "Gesprek afronden"
        # was far below the window's edge).
        layout.addWidget(self.message)
        layout.addWidget(button_row(self.reopen_button, self.finalise_button))

    def clear(self) -> None:
        self.visit = self.form_state = self.data = None
        self._clear_open()
        for c in self.cards:
            c.deleteLater()
        self.cards = []

    def _clear_open(self) -> None:
        for label in self.open_labels:
            self.open_rows.removeWidget(label)
            label.deleteLater()
        self.open_labels = []

    def open_required(self) -> list[str]:
        if self.form_state is None:
            return []
        ev = self.form_state.evaluation
        return [qid for qid in ev.messages if ev.is_relevant(qid)]

    def show_for(self, visit, state) -> None:
        self.visit, self.form_state = visit, state
        self._clear_open()
        for qid in self.open_required():
            q = visit.form.question(qid)
            message = " ".join(state.evaluation.messages_for(qid))
            label = WrapLabel(
                f'<a href="{html.escape(qid)}">{html.escape(q.label)}</a> — {html.escape(message)}'
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.linkActivated.connect(self.jump_to)
            self.open_rows.addWidget(label)
            self.open_labels.append(label)
        count = len(self.open_labels)
        self.open_list.setVisible(count > 0)
        self.open_label.setText(
            translate("Afronden", "Alle vragen zijn beantwoord.")
            if count == 0
            else translate("Afronden", "Nog {n} open. Klik op een vraag om erheen te gaan.").format(
                n=count
            )
        )
        self.reload()

    def reload(self) -> None:
        if self.visit is None or self.form_state is None:
            return
        vault, vid = self.ctx.vault, self.visit.visit_id
        raised = self.form_state.evaluation.signals
        if self.visit.status is VisitStatus.FINAL:
            work = lambda: svc.review(vault, vid)  # noqa: E731
        else:
            work = lambda: svc.sync_signals(vault, vid, raised)  # noqa: E731
        run_op(self, work, on_done=self._show)

    def _show(self, data: svc.VisitReview) -> None:
        self.data = data
        for c in self.cards:
            self.signals_box.removeWidget(c)
            c.deleteLater()
        read_only = data.status is VisitStatus.FINAL
        self.cards = [SignalCard(self, row, read_only) for row in data.signals]
        for c in self.cards:
            self.signals_box.addWidget(c)
        if not self.cards:
            empty = SignalCardPlaceholder()
            self.cards.append(empty)  # type: ignore[arg-type]
            self.signals_box.addWidget(empty)
        self.add_signal_button.setEnabled(not read_only)
        self.finalise_button.setVisible(not read_only)
        self.reopen_button.setVisible(read_only)
        if read_only:
            self.status_banner.label.setText(
                translate(
                    "Afronden",
                    "Dit gesprek is afgerond op {wanneer}. Het kan niet meer veranderen, "
                    "tenzij u het opnieuw opent.",
                ).format(wanneer=format_datetime(data.finalised_at) if data.finalised_at else "")
            )
        self.status_banner.setVisible(read_only)
        self.loaded.emit()

    def add_signal(self) -> ManualSignalDialog | None:
        if self.visit is None:
            return None
        dlg = ManualSignalDialog(self, self.ctx, self.visit.visit_id)
        dlg.saved.connect(lambda _: self.reload())
        dlg.open()
        return dlg

    def finalise(self) -> None:
        if self.visit is None or self.form_state is None:
            return
        self.visit_screen.flush_pending()
        vault, vid = self.ctx.vault, self.visit.visit_id
        raised, open_required = self.form_state.evaluation.signals, len(self.open_required())

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                show_message(self.message, exc.message_nl)
            else:
                show_error(self, exc)

        def done(data) -> None:
            show_message(self.message, "")
            self.visit = _with_status(self.visit, data.status)
            self.status_changed.emit(data.status)
            self._show(data)

        run_op(
            self,
            lambda: svc.finalise(vault, vid, raised=raised, open_required=open_required),
            on_done=done,
            on_error=failed,
        )

    def reopen(self) -> None:
        if self.visit is None:
            return
        vault, vid = self.ctx.vault, self.visit.visit_id

        def done(data) -> None:
            self.visit = _with_status(self.visit, data.status)
            self.status_changed.emit(data.status)
            self._show(data)

        run_op(self, lambda: svc.reopen(vault, vid), on_done=done)

    def print_documents(self):
        """The summary and leaflets for the resident (printing area); returns the dialog."""
        if self.visit is None:
            return None
        from huisbezoek.gui.print_dialog import PrintDialog

        dlg = PrintDialog(self, self.ctx, self.visit.visit_id)
        dlg.open()
        return dlg

    def export(self) -> None:
        """Batch export of the shared signals (exchange area); asks for the folder."""
        from huisbezoek.gui.exchange_ui import choose_and_export

        choose_and_export(self, self.ctx)


class SignalCardPlaceholder(QLabel):
    def __init__(self) -> None:
        super().__init__(translate("Afronden", "De antwoorden geven geen signalen."))
        self.setWordWrap(True)


def _with_status(visit, status):
    from dataclasses import replace

    return replace(visit, status=status)
