"""The shared vocabulary of preventive home visits: plain values and rules, no I/O.

Ids are English-free Dutch slugs where they end up in files the coordinator edits (forms,
leaflets, the services directory); the Dutch labels are what people read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a label for Qt's ``pyside6-lupdate`` (context ``Thema`` or ``Signaal``) without
    importing Qt: the screens translate these Dutch labels, printouts use them as they are."""
    return text


class Severity(IntEnum):
    """How urgent a signal is; ordered so that ``max()`` gives the most urgent."""

    INFORMATIE = 1
    AANDACHT = 2
    ZORG = 3
    DIRECT = 4  # for the volunteer to act on during the visit

    @property
    def slug(self) -> str:
        return self.name.lower()

    @property
    def label_nl(self) -> str:
        return SEVERITY_LABELS[self]

    @classmethod
    def from_slug(cls, slug: str) -> Severity:
        return cls[slug.upper()]


SEVERITY_LABELS = {
    Severity.INFORMATIE: QT_TRANSLATE_NOOP("Signaal", "Informatie"),
    Severity.AANDACHT: QT_TRANSLATE_NOOP("Signaal", "Aandacht"),
    Severity.ZORG: QT_TRANSLATE_NOOP("Signaal", "Zorg"),
    Severity.DIRECT: QT_TRANSLATE_NOOP("Signaal", "Direct actie"),
}


#: A theme id: what a signal is about. Any lower-case slug; a form declares the ones that are
#: not built in (``themes:`` in the form file), so an organisation can add one without a release.
ThemeId = str
#: A leaflet id: the name of a file ``<id>.yaml`` in the leaflets folder.
LeafletId = str


class Theme(StrEnum):
    """The built-in themes. Forms may declare more (see :data:`ThemeId`); these always exist,
    so visits and batches made before themes became data keep their meaning."""

    EENZAAMHEID = "eenzaamheid"
    VALLEN = "vallen"
    VOEDING = "voeding"
    MANTELZORG = "mantelzorg"
    GELDZAKEN = "geldzaken"
    DAGELIJKS_FUNCTIONEREN = "dagelijks_functioneren"
    WONEN_VEILIGHEID = "wonen_veiligheid"
    HULP_THUIS = "hulp_thuis"
    GEZONDHEID = "gezondheid"
    OVERIG = "overig"

    @property
    def label_nl(self) -> str:
        return THEME_LABELS[self]


THEME_LABELS = {
    Theme.EENZAAMHEID: QT_TRANSLATE_NOOP("Thema", "Eenzaamheid en contacten"),
    Theme.VALLEN: QT_TRANSLATE_NOOP("Thema", "Vallen"),
    Theme.VOEDING: QT_TRANSLATE_NOOP("Thema", "Eten en gewicht"),
    Theme.MANTELZORG: QT_TRANSLATE_NOOP("Thema", "Mantelzorg"),
    Theme.GELDZAKEN: QT_TRANSLATE_NOOP("Thema", "Geldzaken"),
    Theme.DAGELIJKS_FUNCTIONEREN: QT_TRANSLATE_NOOP("Thema", "Dagelijks functioneren"),
    Theme.WONEN_VEILIGHEID: QT_TRANSLATE_NOOP("Thema", "Wonen en veiligheid"),
    Theme.HULP_THUIS: QT_TRANSLATE_NOOP("Thema", "Hulp thuis (Wmo)"),
    Theme.GEZONDHEID: QT_TRANSLATE_NOOP("Thema", "Gezondheid"),
    Theme.OVERIG: QT_TRANSLATE_NOOP("Thema", "Andere zorg"),
}


def theme_label_nl(theme: ThemeId, declared: Mapping[str, str] | None = None) -> str:
    """The Dutch label of a theme: built-in, else as the form declared it, else from its id."""
    if theme in THEME_LABELS:
        return THEME_LABELS[Theme(theme)]
    if declared and theme in declared:
        return declared[theme]
    return theme.replace("_", " ").capitalize()


class OtherTheme(str):
    """A theme id that is not built in (a form declared it): reads like a :class:`Theme`."""

    __slots__ = ()

    @property
    def value(self) -> str:
        return str(self)

    @property
    def label_nl(self) -> str:
        return theme_label_nl(self)


def theme_of(theme_id: str) -> Theme | OtherTheme:
    """The built-in :class:`Theme` for this id, else the id as an :class:`OtherTheme`."""
    return Theme(theme_id) if theme_id in THEME_LABELS else OtherTheme(theme_id)


@dataclass(frozen=True, slots=True)
class OrganisationSummary:
    """What a person checks of the coordinating organisation: its name, and the fingerprint of
    its keys that the coordinator reads out over the phone."""

    name: str
    fingerprint: str


#: The longest name of a volunteer or coordinator (it goes on papers and in the audit trail).
MAX_PERSON_NAME_CHARS = 100


def person_name_problem(name: str) -> str:
    """The Dutch problem with a volunteer's or coordinator's own name, or "" when it is fine."""
    name = " ".join(name.split())
    if not name:
        return "Vul uw naam in."
    if len(name) > MAX_PERSON_NAME_CHARS:
        return "Deze naam is te lang."
    return ""


#: The neighbourhood of a resident whose neighbourhood is not known: the volunteer's counts use
#: it, and so does the coordinator's follow-up until an address list places the resident.
UNKNOWN_NEIGHBOURHOOD = "Wijk onbekend"


class LeafletTopic(StrEnum):
    """The built-in leaflets in ``resources/leaflets/`` (one file per topic, ``<id>.yaml``).
    An organisation's leaflets folder may hold more; these are always there."""

    ONTMOETING = "ontmoeting"  # ontmoeting en eenzaamheid
    VALLEN = "vallen"  # vallen voorkomen
    MANTELZORG = "mantelzorg"  # mantelzorg: hulp voor wie zorgt
    ETEN = "eten"  # goed eten en drinken
    WONEN = "wonen"  # veilig en prettig wonen
    GELDZAKEN = "geldzaken"  # geldzaken en hulp bij de administratie
    BEWEGEN = "bewegen"  # in beweging blijven
    WMO = "wmo"  # hulp aanvragen bij de gemeente en de ouderenadviseur
    VEILIG_OUDER = "veilig_ouder"  # veilig ouder worden: babbeltrucs, geldmisbruik


class ContactMethod(StrEnum):
    LETTER = "brief"
    PHONE = "telefoon"
    DOOR = "aan_de_deur"


class ContactOutcome(StrEnum):
    INTERESTED = "wil_bezoek"
    DECLINED = "afgezien"
    NO_ANSWER = "geen_gehoor"
    MOVED = "verhuisd"
    DECEASED = "overleden"
    CALL_BACK = "later_terugbellen"
    INVITED = "uitgenodigd"  # a letter was sent; no answer expected yet


class DeclineReason(StrEnum):
    NO_NEED = "geen_behoefte"
    ALREADY_HELPED = "al_hulp"
    TOO_BUSY = "geen_tijd"
    DISTRUST = "wantrouwen"
    HEALTH = "gezondheid"
    OTHER = "anders"


class ResidentStatus(StrEnum):
    """Where a resident stands in the round; derived from the contact history, never stored."""

    TO_INVITE = "nog_uitnodigen"
    INVITED = "uitgenodigd"
    APPOINTMENT = "afspraak"
    VISITED = "bezocht"
    DECLINED = "afgezien"
    NOT_REACHED = "niet_bereikt"
    GONE = "vertrokken"  # moved away or deceased: no longer in the round


class VisitStatus(StrEnum):
    DRAFT = "concept"
    FINAL = "afgerond"


class ConsentScope(StrEnum):
    """What a resident agreed to; each is asked and recorded on its own (AVG: per purpose)."""

    RECORD_VISIT = "vastleggen"  # keep the conversation in the volunteer's vault
    SHARE_SIGNAL = "delen_signaal"  # share the signal with the coordinating organisation
    SHARE_IDENTITY = "delen_identiteit"  # with name and contact details so they can call back
    REFERRAL = "doorverwijzen"  # pass on to a named local service


class ReferralCaller(StrEnum):
    """Who makes the first call of a referral, as agreed with the resident."""

    RESIDENT = "bewoner"  # the resident calls the service
    VOLUNTEER = "vrijwilliger"  # the volunteer calls, with the resident's consent
    COORDINATOR = "coordinator"  # the coordinator passes it on
    SERVICE = "organisatie"  # the service calls the resident


#: How the resident's summary says who calls ("Wie belt").
REFERRAL_CALLER_TEXT = {
    ReferralCaller.RESIDENT: "U belt zelf",
    ReferralCaller.VOLUNTEER: "De vrijwilliger belt",
    ReferralCaller.COORDINATOR: "De coördinator belt",
    ReferralCaller.SERVICE: "Zij bellen u",
}


class ConsentMethod(StrEnum):
    ORAL = "mondeling"
    WRITTEN = "schriftelijk"


# Answers that mean "no value" but are not "unanswered": a conversation is not an exam.
NOT_SAYING = "__wil_niet_zeggen__"
NOT_ASKED = "__niet_gevraagd__"
SPECIAL_ANSWERS = frozenset({NOT_SAYING, NOT_ASKED})
