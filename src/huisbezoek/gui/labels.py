"""Dutch labels for domain values and dates, all through ``translate()``."""

from __future__ import annotations

from datetime import date, datetime

from huisbezoek.domain import (
    SEVERITY_LABELS,
    THEME_LABELS,
    ConsentMethod,
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    ResidentStatus,
    Severity,
    Theme,
    VisitStatus,
)
from huisbezoek.gui.i18n import translate


def status_label(status: ResidentStatus) -> str:
    return {
        ResidentStatus.TO_INVITE: translate("Stand", "Nog uitnodigen"),
        ResidentStatus.INVITED: translate("Stand", "Uitgenodigd"),
        ResidentStatus.APPOINTMENT: translate("Stand", "Afspraak"),
        ResidentStatus.VISITED: translate("Stand", "Bezocht"),
        ResidentStatus.DECLINED: translate("Stand", "Afgezien"),
        ResidentStatus.NOT_REACHED: translate("Stand", "Niet bereikt"),
        ResidentStatus.GONE: translate("Stand", "Vertrokken"),
    }[status]


def method_label(method: ContactMethod) -> str:
    return {
        ContactMethod.LETTER: translate("Contact", "Brief"),
        ContactMethod.PHONE: translate("Contact", "Telefoon"),
        ContactMethod.DOOR: translate("Contact", "Aan de deur"),
    }[method]


def outcome_label(outcome: ContactOutcome) -> str:
    return {
        ContactOutcome.INVITED: translate("Contact", "Uitnodiging gestuurd"),
        ContactOutcome.INTERESTED: translate("Contact", "Wil een bezoek"),
        ContactOutcome.DECLINED: translate("Contact", "Wil geen bezoek"),
        ContactOutcome.NO_ANSWER: translate("Contact", "Geen gehoor"),
        ContactOutcome.CALL_BACK: translate("Contact", "Later terugbellen"),
        ContactOutcome.MOVED: translate("Contact", "Verhuisd"),
        ContactOutcome.DECEASED: translate("Contact", "Overleden"),
    }[outcome]


def decline_label(reason: DeclineReason) -> str:
    return {
        DeclineReason.NO_NEED: translate("Contact", "Geen behoefte"),
        DeclineReason.ALREADY_HELPED: translate("Contact", "Krijgt al hulp"),
        DeclineReason.TOO_BUSY: translate("Contact", "Geen tijd"),
        DeclineReason.DISTRUST: translate("Contact", "Vertrouwt het niet"),
        DeclineReason.HEALTH: translate("Contact", "Gezondheid"),
        DeclineReason.OTHER: translate("Contact", "Anders"),
    }[reason]


def visit_status_label(status: VisitStatus) -> str:
    return {
        VisitStatus.DRAFT: translate("Gesprek", "Nog bezig"),
        VisitStatus.FINAL: translate("Gesprek", "Afgerond"),
    }[status]


def severity_label(severity: Severity) -> str:
    """How urgent, in the screen's language (the Dutch labels are ``domain.SEVERITY_LABELS``)."""
    return translate("Signaal", SEVERITY_LABELS[severity])  # marked in domain for lupdate


def theme_label(theme: str) -> str:
    """What a signal is about, in the screen's language (Dutch: ``domain.THEME_LABELS``). A
    theme a form declares is shown as the form names it (form text is not translated)."""
    from huisbezoek.domain import theme_label_nl
    from huisbezoek.forms.registry import declared_theme_labels

    if theme in THEME_LABELS:
        return translate("Thema", THEME_LABELS[Theme(theme)])  # marked in domain for lupdate
    return theme_label_nl(theme, declared_theme_labels())


def all_themes() -> list[str]:
    """Built-in themes, then those the loaded forms declare."""
    from huisbezoek.forms.registry import declared_theme_labels

    return [*(t.value for t in Theme), *sorted(declared_theme_labels())]


def consent_method_label(method: ConsentMethod) -> str:
    return {
        ConsentMethod.ORAL: translate("Toestemming", "Mondeling"),
        ConsentMethod.WRITTEN: translate("Toestemming", "Schriftelijk (getekend)"),
    }[method]


def _day(weekday: int) -> str:
    return (
        translate("Datum", "ma"),
        translate("Datum", "di"),
        translate("Datum", "wo"),
        translate("Datum", "do"),
        translate("Datum", "vr"),
        translate("Datum", "za"),
        translate("Datum", "zo"),
    )[weekday]


def format_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone()
    return value.strftime("%d-%m-%Y")


def format_datetime(value: datetime) -> str:
    local = value.astimezone()
    day = _day(local.weekday())
    return f"{day} {local.strftime('%d-%m-%Y %H:%M')}"
