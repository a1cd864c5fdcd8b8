"""Turn a visit into what the resident takes home: the personal summary and the leaflets.

This is the bridge between the vault (answers, signals), the form (sections, wellbeing
questions) and printing (PDF bytes). Nothing here writes a file: the GUI prints the bytes or
saves them where the volunteer chooses; the CLI does the same with ``--out``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from huisbezoek.domain import (
    REFERRAL_CALLER_TEXT,
    SPECIAL_ANSWERS,
    ConsentScope,
    LeafletId,
    ReferralCaller,
    Severity,
    VisitStatus,
    theme_label_nl,
)
from huisbezoek.forms import WELLBEING_DOMAINS as FORM_WELLBEING_DOMAINS
from huisbezoek.forms import Form, FormRegistry, FormState
from huisbezoek.forms.form import RaisedSignal
from huisbezoek.printing import (
    WELLBEING_DOMAINS as PRINT_WELLBEING_LABELS,
)
from huisbezoek.printing import (
    Agreement,
    Leaflet,
    Referral,
    Service,
    ServiceDirectory,
    ServiceKind,
    SummaryInput,
    date_nl,
    leaflet_contacts,
    load_directory,
    load_leaflets,
    render_leaflet,
    render_summary,
    service_kind,
    suggest_leaflets,
)
from huisbezoek.services import visit_resume
from huisbezoek.services.letterhead import organisation_of, volunteer_first_name
from huisbezoek.services.residents import unit_of_work
from huisbezoek.services.review import SignalRow, VisitReview, review
from huisbezoek.vault import Vault
from huisbezoek.vault.models import LeafletGiven

# The form's wellbeing ids and printing's reader-facing labels, in the same order.
WELLBEING_LABELS = dict(zip(FORM_WELLBEING_DOMAINS, PRINT_WELLBEING_LABELS, strict=True))

# Sections that are about the conversation itself, not a topic the resident talked about.
NOT_A_TOPIC = frozenset({"kennismaking", "afspraken"})

# What the "afspraak" question means for who does what, in the resident's words.
FOLLOW_UP_AGREEMENTS = {
    "bewoner_zelf": ("U neemt zelf contact op.", "U"),
    "terugbellen": ("De vrijwilliger belt u terug.", "De vrijwilliger"),
    "doorverwijzen": ("De vrijwilliger geeft uw vraag door. Dat mag van u.", "De vrijwilliger"),
    "nieuw_bezoek": ("We zien elkaar nog een keer.", "Wij samen"),
}

#: Questions whose answers are the resident's own words, and how the summary asks them.
OWN_WORDS = (
    ("waardevol", "Wat voor u belangrijk is"),
    ("wens", "Wat u nog graag wilt"),
    ("geven_leren", "Wat u graag wilt leren of geven"),
)
#: The multiple-choice question on which the volunteer notes the leaflets handed over.
LEAFLETS_QUESTION = "folders"

#: Themes about health: a signal about one of these that needs care ("zorg") or action now
#: ("direct") puts the huisarts at the top of the contacts, whatever else its rule names.
HEALTH_THEMES = frozenset(
    {"gezondheid", "voeding", "vallen", "geheugen", "stemming", "zintuigen", "kwetsbaarheid"}
)
CONTACTS_PER_KIND = 2  # e.g. the course and the physiotherapist for falls
MAX_CONTACTS = 6  # besides the urgent block: about two pages; more is not read

#: Keys for parts of the summary the volunteer may leave out (see :func:`summary_parts`).
OWN_WORDS_KEY = "eigen_woorden"


def section_key(section_id: str) -> str:
    return f"onderwerp:{section_id}"


def signal_key(signal_id: int) -> str:
    return f"signaal:{signal_id}"


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One document to print, in the order the volunteer hands them over."""

    title: str
    pdf: bytes
    topic: LeafletId | None = None  # set for leaflets, so printing can be recorded


@dataclass(frozen=True, slots=True)
class ChosenHelp:
    """The help a visit's signals call for: leaflets and contacts, most urgent first."""

    leaflets: tuple[LeafletId, ...]
    contacts: tuple[Service, ...]
    #: How many of the first contacts are for a signal that needs action now ("direct"):
    #: the summary puts them in a short block at the top, with their numbers.
    urgent_count: int = 0
    #: A raised rule says paper at home could be unsafe (violence, money misuse).
    paper_unsafe: bool = False


# -- help chosen by the rules -------------------------------------------------------------------


def _needs_huisarts(signal: RaisedSignal) -> bool:
    return signal.severity >= Severity.ZORG and (
        signal.theme in HEALTH_THEMES or "huisarts" in signal.services
    )


def choose_help(
    signals: Sequence[RaisedSignal],
    directory: ServiceDirectory,
    library: Mapping[LeafletId, Leaflet],
    extra_topics: Iterable[LeafletId] = (),
) -> ChosenHelp:
    """Leaflets and contacts for these signals, by the rules that raised them.

    Most urgent signal first (then in the given order). A rule's own ``leaflets`` and
    ``services`` come first, in the order the rule names them; a signal added by hand falls
    back to the leaflets whose ``signalen`` match its theme, and their first contacts.
    A health signal that needs care or action now puts the huisarts first. National
    lines (113, Veilig Thuis, De Luisterlijn) appear only where a rule names them.
    ``extra_topics`` are leaflets the volunteer picked: their contacts come last.
    """
    ordered = [
        signal
        for _, signal in sorted(enumerate(signals), key=lambda p: (-int(p[1].severity), p[0]))
    ]
    leaflets: list[LeafletId] = []
    for signal in ordered:
        leaflets += [t for t in leaflets_for(signal, library) if t not in leaflets]

    kinds: list[ServiceKind] = []
    if any(_needs_huisarts(signal) for signal in ordered):
        kinds.append(ServiceKind.HUISARTS)
    urgent_kinds: set[ServiceKind] = set()
    for signal in ordered:
        for tag in signal.services:
            kind = service_kind(tag)
            if kind is not None and signal.severity is Severity.DIRECT:
                urgent_kinds.add(kind)
            if kind is not None and kind not in kinds:
                kinds.append(kind)
    picks: dict[ServiceKind, tuple[Service, ...]] = {}
    for kind in kinds:
        # The huisartsenpost (evening, night) only when something needs action now.
        room = CONTACTS_PER_KIND if kind in urgent_kinds or kind is not ServiceKind.HUISARTS else 1
        picks[kind] = directory.of_kind(kind)[:room]
    # Everything a "direct" signal needs; then one service of every kind before a second one
    # of any, so a long list for one signal does not push out the only one for another.
    chosen: set[str] = {s.id for kind in kinds if kind in urgent_kinds for s in picks[kind]}
    limit = MAX_CONTACTS + len(chosen)  # the urgent ones sit in one short block
    for depth in range(CONTACTS_PER_KIND):
        for kind in kinds:
            if depth < len(picks[kind]) and len(chosen) < limit:
                chosen.add(picks[kind][depth].id)
    found: dict[str, Service] = {}
    for kind in kinds:
        for service in picks[kind]:
            if service.id in chosen:
                found.setdefault(service.id, service)
    urgent = 0
    for service in found.values():
        if not urgent_kinds.intersection(service.kinds):
            break
        urgent += 1
    # Signals added by hand, then leaflets the volunteer picked: their leaflets' first contacts.
    fallback = [t for s in ordered if not s.rule_id for t in leaflets_for(s, library)]
    for topic in dict.fromkeys([*fallback, *extra_topics]):
        if topic in library:
            for service in leaflet_contacts(library[topic], directory)[:1]:
                found.setdefault(service.id, service)
    return ChosenHelp(
        leaflets=tuple(leaflets),
        contacts=tuple(list(found.values())[:limit]),
        urgent_count=urgent,
        paper_unsafe=any(signal.paper_unsafe for signal in ordered),
    )


def leaflets_for(signal: RaisedSignal, library: Mapping[LeafletId, Leaflet]) -> list[LeafletId]:
    """The rule's leaflets. A signal added by hand (no rule) gets the leaflets for its theme;
    a rule that names no leaflets means none (a crisis is not a moment for a leaflet)."""
    if signal.rule_id:
        return [topic for topic in signal.leaflets if topic in library]
    return list(suggest_leaflets([signal], library))


def _as_raised(row: SignalRow, form: Form | None) -> RaisedSignal:
    """A stored signal with its rule's leaflets and services (none for one added by hand)."""
    rule = form.signal_rule(row.source_rule) if form is not None and row.source_rule else None
    return RaisedSignal(
        rule_id=row.source_rule or "",
        theme=row.theme,
        severity=row.severity,
        text=row.text,
        leaflets=rule.leaflets if rule is not None else (),
        services=rule.services if rule is not None else (),
        paper_unsafe=rule.paper_unsafe if rule is not None else False,
    )


def _visit_signals(
    vault: Vault, visit_id: int, forms: FormRegistry | None = None
) -> tuple[VisitReview, list[tuple[SignalRow, RaisedSignal]]]:
    checked = review(vault, visit_id)
    form = visit_resume.open_visit(vault, visit_id, forms).form
    return checked, [(row, _as_raised(row, form)) for row in checked.signals]


def visit_help(
    vault: Vault,
    visit_id: int,
    *,
    directory: ServiceDirectory | None = None,
    forms: FormRegistry | None = None,
    extra_topics: Iterable[LeafletId] = (),
    leave_out: Iterable[str] = (),
) -> ChosenHelp:
    """The help this visit's signals call for (see :func:`choose_help`). Signals the volunteer
    left out of the summary (``signaal:<id>`` in ``leave_out``) bring no contacts."""
    directory = directory if directory is not None else load_directory()
    skipped = set(leave_out)
    _, pairs = _visit_signals(vault, visit_id, forms)
    raised = [r for row, r in pairs if signal_key(row.id) not in skipped]
    return choose_help(raised, directory, load_leaflets(), extra_topics)


def suggested_topics(vault: Vault, visit_id: int) -> list[LeafletId]:
    """Leaflets the signals of this visit call for, most urgent first."""
    _, pairs = _visit_signals(vault, visit_id)
    return list(choose_help([r for _, r in pairs], load_directory(), load_leaflets()).leaflets)


def recorded_topics(vault: Vault, visit_id: int) -> list[LeafletId]:
    """Leaflets noted as handed over: on the form's leaflet question, or printed before."""
    opened = visit_resume.open_visit(vault, visit_id)
    noted = opened.answers.get(LEAFLETS_QUESTION)
    from_form = sorted(str(t) for t in noted) if isinstance(noted, frozenset) else []
    library = load_leaflets()
    given = dict.fromkeys([*from_form, *leaflets_given(vault, visit_id)])
    return [topic for topic in given if topic in library]


def paper_unsafe(vault: Vault, visit_id: int) -> bool:
    """Whether a raised rule says a summary on paper at home could be unsafe."""
    _, pairs = _visit_signals(vault, visit_id)
    return any(r.paper_unsafe for _, r in pairs)


def summary_parts(vault: Vault, visit_id: int) -> list[tuple[str, str]]:
    """What the volunteer may leave out of the summary, as (key, Dutch label): the resident's
    own words, each topic talked about (its title), and each signal ("Hulp bij vallen": its
    agreement, referral and contacts). Labels are short: they sit in a narrow column."""
    opened = visit_resume.open_visit(vault, visit_id)
    state = FormState(opened.form, opened.answers)
    parts: list[tuple[str, str]] = []
    if _own_words(opened.form, opened.answers):
        parts.append((OWN_WORDS_KEY, "In uw eigen woorden"))
    for section in state.sections_discussed():
        if section.id not in NOT_A_TOPIC:
            parts.append((section_key(section.id), section.title))
    labels = opened.form.theme_labels
    for row in review(vault, visit_id).signals:
        theme = theme_label_nl(row.theme, labels)
        parts.append((signal_key(row.id), f"Hulp bij {theme[:1].lower()}{theme[1:]}"))
    return parts


def summary_input(
    vault: Vault,
    visit_id: int,
    *,
    show_wellbeing_chart: bool,
    directory: ServiceDirectory | None = None,
    forms: FormRegistry | None = None,
    topics: Iterable[LeafletId] = (),
    leave_out: Iterable[str] = (),
) -> SummaryInput:
    """What the personal summary shows for this visit; never scores, bands or signal labels.

    ``leave_out`` holds keys from :func:`summary_parts` the volunteer unticked.
    """
    directory = directory if directory is not None else load_directory()
    skipped = frozenset(leave_out)
    opened = visit_resume.open_visit(vault, visit_id, forms)
    answers = opened.answers
    form = opened.form

    state = FormState(form, answers)
    talked_about = [
        s.title
        for s in state.sections_discussed()
        if s.id not in NOT_A_TOPIC and section_key(s.id) not in skipped
    ]
    wellbeing = {WELLBEING_LABELS[domain]: r for domain, r in state.wellbeing().items()}

    _, pairs = _visit_signals(vault, visit_id, forms)
    kept = [(row, r) for row, r in pairs if signal_key(row.id) not in skipped]
    library = load_leaflets()
    # A leaflet that came with a signal left out brings no contacts onto the summary either.
    hidden = {
        t for row, r in pairs if signal_key(row.id) in skipped for t in leaflets_for(r, library)
    }
    extra = [topic for topic in topics if topic not in hidden]
    chosen = choose_help([r for _, r in kept], directory, library, extra)
    visit_day = _visit_date(form, answers, opened.started_at)
    own = _own_words(form, answers) if OWN_WORDS_KEY not in skipped else []
    first_name = volunteer_first_name(vault)
    organisation = organisation_of(directory)
    from huisbezoek.services.privacy import privacy_text

    return SummaryInput(
        visit_date=visit_day,
        volunteer_first_name=first_name,
        organisation=organisation,
        privacy=privacy_text(vault, "samenvatting", organisation, first_name),
        topics=tuple(talked_about),
        agreements=tuple(_agreements(answers, [row for row, _ in kept])),
        referrals=tuple(_referrals([row for row, _ in kept])),
        own_words=tuple(own),
        contacts=chosen.contacts,
        urgent_contacts=chosen.urgent_count,
        contacts_fictional=directory.fictional,
        national_ids=frozenset(line.id for line in directory.national),
        wellbeing=wellbeing,
        show_wellbeing_chart=show_wellbeing_chart
        and sum(r is not None for r in wellbeing.values()) >= 3,
    )


def visit_documents(
    vault: Vault,
    visit_id: int,
    topics: Sequence[LeafletId],
    *,
    include_summary: bool = True,
    show_wellbeing_chart: bool = False,
    directory: ServiceDirectory | None = None,
    leave_out: Iterable[str] = (),
) -> list[PrintJob]:
    """The summary (first) and the chosen leaflets, rendered, ready to print in one go."""
    directory = directory if directory is not None else load_directory()
    organisation = organisation_of(directory)
    jobs: list[PrintJob] = []
    if include_summary:
        data = summary_input(
            vault,
            visit_id,
            show_wellbeing_chart=show_wellbeing_chart,
            directory=directory,
            topics=topics,
            leave_out=leave_out,
        )
        jobs.append(
            PrintJob(title=f"Uw gesprek ({data.visit_date:%d-%m-%Y})", pdf=render_summary(data))
        )
    leaflets = load_leaflets()
    for topic in dict.fromkeys(topics):
        pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
        jobs.append(PrintJob(title=leaflets[topic].title, pdf=pdf, topic=topic))
    return jobs


def record_leaflets_given(vault: Vault, visit_id: int, topics: Iterable[LeafletId]) -> int:
    """Note on the visit which leaflets were printed for the resident; returns how many."""
    now = datetime.now(UTC)
    count = 0
    with unit_of_work(vault) as s:
        for topic in dict.fromkeys(topics):
            s.add(LeafletGiven(visit_id=visit_id, topic=topic, printed_at=now))
            count += 1
    return count


def leaflets_given(vault: Vault, visit_id: int) -> list[LeafletId]:
    with unit_of_work(vault) as s:
        rows = s.query(LeafletGiven).filter_by(visit_id=visit_id).order_by(LeafletGiven.id)
        return list(dict.fromkeys(row.topic for row in rows))


def _own_words(form: Form, answers: Mapping[str, object]) -> list[tuple[str, str]]:
    known = {q.id for q in form.all_questions()}
    out = []
    for question_id, asked in OWN_WORDS:
        value = answers.get(question_id)
        given = isinstance(value, str) and value.strip() and value not in SPECIAL_ANSWERS
        if question_id in known and given:
            out.append((asked, str(value).strip()))
    return out


def _agreements(answers: Mapping[str, object], signals: Sequence[SignalRow]) -> list[Agreement]:
    result: list[Agreement] = []
    follow_up = answers.get("afspraak")
    if isinstance(follow_up, str) and follow_up in FOLLOW_UP_AGREEMENTS:
        what, who = FOLLOW_UP_AGREEMENTS[follow_up]
        when = answers.get("vervolg_datum")
        result.append(Agreement(what=what, who=who, when=_date_text(when)))
    for signal in signals:
        if signal.agreed_action.strip():
            result.append(Agreement(what=signal.agreed_action.strip()))
    return result


def _referrals(signals: Sequence[SignalRow]) -> list[Referral]:
    """Each referral the resident agreed to, once per service."""
    out: dict[str, Referral] = {}
    for signal in signals:
        for consent in signal.consents:
            if consent.scope is not ConsentScope.REFERRAL or not consent.referral_service:
                continue
            caller = consent.referral_caller
            out.setdefault(
                consent.referral_service.casefold(),
                Referral(
                    service=consent.referral_service,
                    who=REFERRAL_CALLER_TEXT[ReferralCaller(caller)] if caller else None,
                    when=f"uiterlijk {date_nl(consent.referral_due)}"
                    if consent.referral_due
                    else None,
                ),
            )
    return list(out.values())


def _visit_date(form: Form, answers: Mapping[str, object], started_at: datetime) -> date:
    """The form's visit-date answer; the day the visit began when there is none."""
    question = form.visit_date_question
    value = answers.get(question.id) if question is not None else None
    return value if isinstance(value, date) else started_at.date()


def _date_text(value: object) -> str | None:
    return date_nl(value) if isinstance(value, date) else None


def finalised(vault: Vault, visit_id: int) -> bool:
    return review(vault, visit_id).status is VisitStatus.FINAL
