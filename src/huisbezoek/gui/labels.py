"""Dutch labels for domain values and dates, all through ``tr()``."""

from __future__ import annotations

from datetime import date, datetime

from huisbezoek.domain import (
    ConsentMethod,
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    ResidentStatus,
    Severity,
    Theme,
    VisitStatus,
)
from huisbezoek.gui.i18n import tr


def status_label(status: ResidentStatus) -> str:
    return {
        ResidentStatus.TO_INVITE: tr("Stand", "Nog uitnodigen"),
        ResidentStatus.INVITED: tr("Stand", "Uitgenodigd"),
        ResidentStatus.APPOINTMENT: tr("Stand", "Afspraak"),
        ResidentStatus.VISITED: tr("Stand", "Bezocht"),
        ResidentStatus.DECLINED: tr("Stand", "Afgezien"),
        ResidentStatus.NOT_REACHED: tr("Stand", "Niet bereikt"),
        ResidentStatus.GONE: tr("Stand", "Vertrokken"),
    }[status]


def method_label(method: ContactMethod) -> str:
    return {
        ContactMethod.LETTER: tr("Contact", "Brief"),
        ContactMethod.PHONE: tr("Contact", "Telefoon"),
        ContactMethod.DOOR: tr("Contact", "Aan de deur"),
    }[method]


def outcome_label(outcome: ContactOutcome) -> str:
    return {
        ContactOutcome.INVITED: tr("Contact", "Uitnodiging gestuurd"),
        ContactOutcome.INTERESTED: tr("Contact", "Wil een bezoek"),
        ContactOutcome.DECLINED: tr("Contact", "Wil geen bezoek"),
        ContactOutcome.NO_ANSWER: tr("Contact", "Geen gehoor"),
        ContactOutcome.CALL_BACK: tr("Contact", "Later terugbellen"),
        ContactOutcome.MOVED: tr("Contact", "Verhuisd"),
        ContactOutcome.DECEASED: tr("Contact", "Overleden"),
    }[outcome]


def decline_label(reason: DeclineReason) -> str:
    return {
        DeclineReason.NO_NEED: tr("Contact", "Geen behoefte"),
        DeclineReason.ALREADY_HELPED: tr("Contact", "Krijgt al hulp"),
        DeclineReason.TOO_BUSY: tr("Contact", "Geen tijd"),
        DeclineReason.DISTRUST: tr("Contact", "Vertrouwt het niet"),
        DeclineReason.HEALTH: tr("Contact", "Gezondheid"),
        DeclineReason.OTHER: tr("Contact", "Anders"),
    }[reason]


def visit_status_label(status: VisitStatus) -> str:
    return {
        VisitStatus.DRAFT: tr("Gesprek", "Nog bezig"),
        VisitStatus.FINAL: tr("Gesprek", "Afgerond"),
    }[status]


def severity_label(severity: Severity) -> str:
    return {
        Severity.INFORMATIE: tr("Signaal", "Informatie"),
        Severity.AANDACHT: tr("Signaal", "Aandacht"),
        Severity.ZORG: tr("Signaal", "Zorg"),
        Severity.DIRECT: tr("Signaal", "Direct actie"),
    }[severity]


def theme_label(theme: str) -> str:
    """A built-in theme in the screen's language; a form-declared one as the form names it."""
    from huisbezoek.domain import theme_label_nl
    from huisbezoek.forms.registry import declared_theme_labels

    builtin = {
        Theme.EENZAAMHEID: tr("Thema", "Eenzaamheid en contacten"),
        Theme.VALLEN: tr("Thema", "Vallen"),
        Theme.VOEDING: tr("Thema", "Eten en gewicht"),
        Theme.MANTELZORG: tr("Thema", "Mantelzorg"),
        Theme.GELDZAKEN: tr("Thema", "Geldzaken"),
        Theme.DAGELIJKS_FUNCTIONEREN: tr("Thema", "Dagelijks functioneren"),
        Theme.WONEN_VEILIGHEID: tr("Thema", "Wonen en veiligheid"),
        Theme.HULP_THUIS: tr("Thema", "Hulp thuis (Wmo)"),
        Theme.GEZONDHEID: tr("Thema", "Gezondheid"),
        Theme.OVERIG: tr("Thema", "Andere zorg"),
    }
    if theme in builtin:
        return builtin[Theme(theme)]
    return theme_label_nl(theme, declared_theme_labels())


def all_themes() -> list[str]:
    """Built-in themes, then those the loaded forms declare."""
    from huisbezoek.forms.registry import declared_theme_labels

    return [*(t.value for t in Theme), *sorted(declared_theme_labels())]


def consent_method_label(method: ConsentMethod) -> str:
    return {
        ConsentMethod.ORAL: tr("Toestemming", "Mondeling"),
        ConsentMethod.WRITTEN: tr("Toestemming", "Schriftelijk (getekend)"),
    }[method]


def _day(weekday: int) -> str:
    return (
        tr("Datum", "ma"),
        tr("Datum", "di"),
        tr("Datum", "wo"),
        tr("Datum", "do"),
        tr("Datum", "vr"),
        tr("Datum", "za"),
        tr("Datum", "zo"),
    )[weekday]


def format_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone()
    return value.strftime("%d-%m-%Y")


def format_datetime(value: datetime) -> str:
    local = value.astimezone()
    day = _day(local.weekday())
    return f"{day} {local.strftime('%d-%m-%Y %H:%M')}"
