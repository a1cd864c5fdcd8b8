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
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout

from huisbezoek.domain import Severity
from huisbezoek.gui.i18n import tr
from huisbezoek.gui.widgets import WrapLabel
from huisbezoek.services import review as svc

#: (normal colour, light background) per urgency; the high-contrast theme uses black borders
#: of different width and the same words and symbols.
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
        Severity.DIRECT: tr("Signaal", "⚠ DIRECT ACTIE"),
        Severity.ZORG: tr("Signaal", "✚ ZORG"),
        Severity.AANDACHT: tr("Signaal", "● AANDACHT"),
        Severity.INFORMATIE: tr("Signaal", "ℹ INFORMATIE"),
    }[severity]


def card_style(object_name: str, severity: Severity, high_contrast: bool) -> str:
    """A style sheet for a signal card (a QFrame named ``object_name``) and its badge."""
    colour, background = _COLOURS[severity]
    if high_contrast:
        width = _CONTRAST_BORDER[severity]
        style = "dashed" if severity is Severity.INFORMATIE else "solid"
        return (
            f"QFrame#{object_name} {{ border: {width}px {style} #000000; background: #ffffff; }}"
            f"QLabel#severityBadge {{ background: #000000; color: #ffffff; font-weight: bold;"
            f" padding: 2px 8px; }}"
        )
    left = 10 if severity >= Severity.ZORG else 4
    return (
        f"QFrame#{object_name} {{ border: 2px solid {colour}; border-left: {left}px solid "
        f"{colour}; background: {background}; }}"
        f"QLabel#severityBadge {{ background: {colour}; color: #ffffff; font-weight: bold;"
        f" padding: 2px 8px; }}"
    )


def severity_badge(severity: Severity) -> QLabel:
    badge = QLabel(severity_badge_text(severity))
    badge.setObjectName("severityBadge")
    badge.setTextFormat(Qt.TextFormat.PlainText)
    badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
    return badge


class DirectActionPanel(QFrame):
    """The red panel for "direct" signals: what is going on, what to do now, whom to call."""

    def __init__(self, object_name: str = "directBanner", *, compact: bool = False) -> None:
        """``compact``: steps and numbers as wrapped lines, for above the questions where
        every line of height counts at 200% text; the review page shows them as a table."""
        super().__init__()
        self.compact = compact
        self._numbers: list[str] = []
        self.setObjectName(object_name)
        self.setProperty("role", "banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Signaal", "Direct actie nodig"))
        self.title = QLabel(tr("Signaal", "⚠ Direct actie nodig"))
        self.title.setProperty("role", "subheading")
        self.label = WrapLabel()  # the signal texts
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.steps = WrapLabel(
            tr(
                "Signaal",
                "Wat doet u nu: bij direct gevaar belt u 112. Anders bespreekt u met de "
                "bewoner wie u nu belt: overdag de eigen huisarts, 's avonds en in het "
                "weekend de huisartsenpost. Daarna belt u de coördinator.",
            )
            if compact
            else tr(
                "Signaal",
                "Wat doet u nu:\n"
                "1. Is er direct gevaar? Bel 112.\n"
                "2. Anders: bespreek met de bewoner wie u nu belt. Overdag is dat de eigen "
                "huisarts, 's avonds en in het weekend de huisartsenpost.\n"
                "3. Blijf bij de bewoner tot de hulp geregeld is. Bel daarna de coördinator.",
            )
        )
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.numbers = QGridLayout()
        self.numbers.setHorizontalSpacing(16)
        self.number_labels: list[QLabel] = []
        self.number_line = WrapLabel()  # compact form: every number on wrapped lines
        self.number_line.setObjectName("urgentNumbers")
        self.number_line.setWordWrap(True)
        self.number_line.setTextFormat(Qt.TextFormat.PlainText)
        self.number_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number_line.setVisible(compact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.label)
        layout.addWidget(self.steps)
        layout.addLayout(self.numbers)
        layout.addWidget(self.number_line)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._contacts_shown = False

    def show_signals(self, texts: Sequence[str]) -> None:
        """Show the panel for these signal texts (hide it when there are none)."""
        if texts and not self._contacts_shown:
            self.set_contacts(svc.urgent_contacts())
        self.label.setText("\n".join(f"• {t}" for t in texts))
        self.setVisible(bool(texts))

    def set_contacts(self, contacts: Sequence[svc.UrgentContact]) -> None:
        self._numbers = [c.phone for c in contacts]
        self._contacts_shown = True
        if self.compact:
            self.number_line.setText(
                tr("Signaal", "Bellen: {nummers}").format(
                    nummers="  ·  ".join(f"{c.name} {c.phone}" for c in contacts)
                )
            )
            self.number_line.setAccessibleName(self.number_line.text())
            return
        for label in self.number_labels:
            self.numbers.removeWidget(label)
            label.deleteLater()
        self.number_labels = []
        for row, contact in enumerate(contacts):
            phone = QLabel(contact.phone)
            phone.setObjectName("urgentPhone")
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            phone.setStyleSheet("font-weight: bold;")
            phone.setMinimumHeight(phone.sizeHint().height())
            name = WrapLabel(contact.name + (f" ({contact.hours})" if contact.hours else ""))
            name.setWordWrap(True)
            name.setTextFormat(Qt.TextFormat.PlainText)
            phone.setAccessibleName(f"{contact.name}: {contact.phone}")
            self.numbers.addWidget(phone, row, 0, Qt.AlignmentFlag.AlignTop)
            self.numbers.addWidget(name, row, 1)
            self.number_labels += [phone, name]
        self.numbers.setColumnStretch(1, 1)

    def phone_numbers(self) -> list[str]:
        """The numbers shown, in order (tests)."""
        return list(self._numbers)
