"""What a volunteer sees when a signal needs action during the visit, and how signal cards of
different urgency look.

The direct-action panel says what to do now and lists the numbers from the organisation's
sociale kaart (112 first, then the huisarts and crisis lines, then the organisation). The
visit screen shows it above the questions and the review page at the top of the page, so it
is in the same place whichever page is open. Urgency is never shown by colour alone: every
card carries a word and a symbol too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.domain import Severity
from huisbezoek.gui.i18n import translate
from huisbezoek.services import review as svc

# (normal colour, light background) per urgency; the high-contrast theme uses black borders
# of different width and the same words and symbols.
_COLOURS = {
    Severity.DIRECT: ("#a40000", "#fde3e1"),
    Severity.ZORG: ("#8a4a00", "#fff0dc"),
    Severity.AANDACHT: ("#1f5fbf", "#eef3fb"),
    Severity.INFORMATIE: ("#5c6670", "#ffffff"),
}
_CONTRAST_BORDER = {
    Severity.DIRECT: 6,
    Severity.ZORG: 4,
    Severity.AANDACHT: 2,
    Severity.INFORMATIE: 1,
}


def severity_badge_text(severity: Severity) -> str:
    """Symbol and word for an urgency, e.g. '⚠ DIRECT ACTIE'."""
    return {
        Severity.DIRECT: translate("Signaal", "⚠ DIRECT ACTIE"),
        Severity.ZORG: translate("Signaal", "✚ ZORG"),
        Severity.AANDACHT: translate("Signaal", "● AANDACHT"),
        Severity.INFORMATIE: translate("Signaal", "ℹ INFORMATIE"),
    }[severity]


def card_style(
    object_name: str, severity: Severity, high_contrast: bool, read_only: bool = False
) -> str:
    """A style sheet for a signal card (a QFrame named ``object_name``) and its badge.

    ``read_only`` (a finalised visit): the card's fields are greyed and show no white input
    box, so nobody tries to type in them."""
    colour, background = _COLOURS[severity]
    locked = ""
    if read_only:
        fields = ", ".join(
            f"QFrame#{object_name} {kind}:disabled"
            for kind in ("QLineEdit", "QComboBox", "QDateTimeEdit", "QCheckBox", "QRadioButton")
        )
        locked = (
            f"{fields} {{ color: #555555; background: transparent; border: 1px dotted #777777; }}"
            if not high_contrast
            else f"{fields} {{ color: #000000; background: #ffffff; border: 1px dashed #000000; }}"
        )
    if high_contrast:
        width = _CONTRAST_BORDER[severity]
        style = "dashed" if severity is Severity.INFORMATIE else "solid"
        return (
            f"QFrame#{object_name} {{ border: {width}px {style} #000000; background: #ffffff; }}"
            f"QLabel#severityBadge {{ background: #000000; color: #ffffff; font-weight: bold;"
            f" padding: 2px 8px; }}" + locked
        )
    left = 10 if severity >= Severity.ZORG else 4
    return (
        f"QFrame#{object_name} {{ border: 2px solid {colour}; border-left: {left}px solid "
        f"{colour}; background: {background}; }}"
        f"QLabel#severityBadge {{ background: {colour}; color: #ffffff; font-weight: bold;"
        f" padding: 2px 8px; }}" + locked
    )


def severity_badge(severity: Severity) -> QLabel:
    badge = QLabel(severity_badge_text(severity))
    badge.setObjectName("severityBadge")
    badge.setTextFormat(Qt.TextFormat.PlainText)
    badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
    return badge


class DirectActionPanel(QFrame):
    """The red panel for "direct" signals: what is going on, what to do now, whom to call.

    ``compact`` (above the questions, and on a signal card): the signal, the first step with
    the first numbers on one wrapped line, and a button that shows every step and number; at
    200% text the questions keep their room. The full form (top of the review page) shows the
    steps and a table of numbers.
    """

    def __init__(
        self, object_name: str = "directBanner", *, compact: bool = False, name_signal: bool = True
    ) -> None:
        """``name_signal``: compact panels start with the signal's text (not on a signal card,
        which shows the text itself)."""
        super().__init__()
        self.compact = compact
        self.name_signal = name_signal
        self._step = ""
        self._texts: tuple[str, ...] = ()
        self._numbers: list[str] = []
        self._contacts_shown = False
        self.setObjectName(object_name)
        self.setProperty("role", "banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("Signaal", "Direct actie nodig"))
        self.title = _wrapped(translate("Signaal", "⚠ Direct actie nodig"))
        self.title.setProperty("role", "subheading")
        self.label = _wrapped("")  # the signal texts
        self.first_step = _wrapped("")  # compact: the first thing to do, with the numbers
        self.first_step.setObjectName("firstStep")
        self.first_step.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = _wrapped(
            translate(
                "Signaal",
                "Wat doet u nu:\n"
                "1. Is er direct gevaar? Bel 112.\n"
                "2. Anders: bespreek met de bewoner wie u nu belt. Overdag is dat de eigen "
                "huisarts, 's avonds en in het weekend de huisartsenpost.\n"
                "3. Blijf bij de bewoner tot de hulp geregeld is. Bel daarna de coördinator.",
            )
        )
        self.numbers = QGridLayout()
        self.numbers.setHorizontalSpacing(16)
        self.number_labels: list[QLabel] = []
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.steps)
        details.addLayout(self.numbers)
        self.more = QPushButton(translate("Signaal", "Alle &nummers…"))
        self.more.setObjectName("directMore")
        self.more.setAccessibleName(translate("Signaal", "Wat u nu doet en alle nummers"))
        self.more.setCheckable(True)
        self.more.toggled.connect(self.details.setVisible)
        step_row = QHBoxLayout()
        step_row.setContentsMargins(0, 0, 0, 0)
        step_row.addWidget(self.first_step, 1)
        step_row.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        if compact:
            layout.setContentsMargins(8, 2, 8, 2)
            layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.label)
        layout.addLayout(step_row)
        layout.addWidget(self.details)
        # Compact: heading, signal and first step in one paragraph; every line of height counts.
        self.title.setVisible(not compact)
        self.label.setVisible(not compact)
        self.first_step.setVisible(compact)
        self.more.setVisible(compact)
        self.details.setVisible(not compact)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_signals(self, texts: Sequence[str]) -> None:
        """Show the panel for these signal texts (hide it when there are none)."""
        if texts and not self._contacts_shown:
            self.set_contacts(svc.urgent_contacts())
        text = "\n".join(f"• {t}" for t in texts)
        if self.label.text() != text:
            self.label.setText(text)
        self._texts = tuple(texts)
        self._show_first_step()
        self.setVisible(bool(texts))

    def _show_first_step(self) -> None:
        text = self._step
        if self.name_signal and self._texts:
            text = translate("Signaal", "⚠ Direct actie nodig: {tekst} {stap}").format(
                tekst=" ".join(self._texts), stap=self._step
            )
        if self.first_step.text() != text:
            self.first_step.setText(text)

    def set_contacts(self, contacts: Sequence[svc.UrgentContact]) -> None:
        self._numbers = [c.phone for c in contacts]
        self._contacts_shown = True
        first = [c for c in contacts if c.phone != svc.EMERGENCY_NUMBER][:1]
        self._step = (
            translate(
                "Signaal",
                "Direct gevaar: bel 112. Anders bespreekt u met de bewoner wie u nu belt, "
                "bijvoorbeeld {naam}: {nummer}.",
            ).format(naam=first[0].name, nummer=unbroken(first[0].phone))
            if first
            else translate("Signaal", "Direct gevaar: bel 112.")
        )
        self._show_first_step()
        for label in self.number_labels:
            self.numbers.removeWidget(label)
            label.deleteLater()
        self.number_labels = []
        for row, contact in enumerate(contacts):
            phone = QLabel(unbroken(contact.phone))
            phone.setObjectName("urgentPhone")
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            phone.setAccessibleName(f"{contact.name}: {contact.phone}")
            name = _wrapped(contact.name + (f" — {contact.hours}" if contact.hours else ""))
            self.numbers.addWidget(phone, row, 0, Qt.AlignmentFlag.AlignTop)
            self.numbers.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            self.number_labels += [phone, name]
        self.numbers.setColumnStretch(1, 1)

    def phone_numbers(self) -> list[str]:
        """The numbers shown, in order (tests)."""
        return list(self._numbers)


def unbroken(phone: str) -> str:
    """A phone number that never breaks over two lines (no-break space and hyphen)."""
    return phone.replace(" ", "\u00a0").replace("-", "\u2011")


def _wrapped(text: str) -> QLabel:
    # A plain wrapping QLabel: inside this panel the layout's height-for-width does the work
    # (a WrapLabel keeps the taller height of an earlier, narrower width here).
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
