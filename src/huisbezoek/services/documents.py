"""Turn a visit into what the resident takes home: the personal summary and the leaflets.

This is the bridge between the vault (answers, signals), the form (sections, wellbeing
questions) and printing (PDF bytes). Nothing here writes a file: the GUI prints the bytes or
saves them where the volunteer chooses; the CLI does the same with ``--out``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from huisbezoek.domain import LeafletTopic, VisitStatus
from huisbezoek.errors import InvalidInputError
from huisbezoek.forms import WELLBEING_DOMAINS as FORM_WELLBEING_DOMAINS
from huisbezoek.forms import Form, FormRegistry, FormState
from huisbezoek.printing import (
    WELLBEING_DOMAINS as PRINT_WELLBEING_LABELS,
)
from huisbezoek.printing import (
    Agreement,
    Organisation,
    Service,
    ServiceDirectory,
    SummaryInput,
    leaflet_contacts,
    load_directory,
    load_leaflets,
    render_leaflet,
    render_summary,
    suggest_leaflets,
)
from huisbezoek.services import vault_settings, visit_resume
from huisbezoek.services.residents import unit_of_work
from huisbezoek.services.review import review
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


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One document to print, in the order the volunteer hands them over."""

    title: str
    pdf: bytes
    topic: LeafletTopic | None = None  # set for leaflets, so printing can be recorded


class NoOrganisationError(InvalidInputError):
    message_nl = (
        "De gegevens van uw organisatie ontbreken in de sociale kaart. "
        "Vraag uw coördinator om een nieuwe sociale kaart."
    )


def organisation_of(directory: ServiceDirectory) -> Organisation:
    known = directory.organisation
    if known is None:
        raise NoOrganisationError("services directory has no organisation block")
    return Organisation(name=known.name, phone=known.phone)


def suggested_topics(vault: Vault, visit_id: int) -> list[LeafletTopic]:
    """Leaflets that fit the signals of this visit, most urgent first."""
    return suggest_leaflets(review(vault, visit_id).signals)


def summary_input(
    vault: Vault,
    visit_id: int,
    *,
    show_wellbeing_chart: bool,
    directory: ServiceDirectory | None = None,
    forms: FormRegistry | None = None,
    topics: Iterable[LeafletTopic] = (),
) -> SummaryInput:
    """What the personal summary shows for this visit; never scores, bands or signal labels."""
    directory = directory if directory is not None else load_directory()
    opened = visit_resume.open_visit(vault, visit_id, forms)
    answers = opened.answers
    form = opened.form

    state = FormState(form, answers)
    talked_about = [s.title for s in state.sections_discussed() if s.id not in NOT_A_TOPIC]
    wellbeing = {WELLBEING_LABELS[domain]: r for domain, r in state.wellbeing().items()}

    agreements = _agreements(vault, visit_id, answers)
    chosen = list(dict.fromkeys([*topics, *suggested_topics(vault, visit_id)]))
    contacts = _contacts_for(chosen, directory)
    visit_day = _visit_date(form, answers, opened.started_at)
    first_name = _first_name(_volunteer_name(vault))
    organisation = organisation_of(directory)
    from huisbezoek.services.privacy import privacy_text

    return SummaryInput(
        visit_date=visit_day,
        volunteer_first_name=first_name,
        organisation=organisation,
        privacy=privacy_text(vault, "samenvatting", organisation, first_name),
        topics=tuple(talked_about),
        agreements=tuple(agreements),
        contacts=tuple(contacts),
        contacts_fictional=directory.fictional,
        wellbeing=wellbeing,
        show_wellbeing_chart=show_wellbeing_chart
        and sum(r is not None for r in wellbeing.values()) >= 3,
    )


def visit_documents(
    vault: Vault,
    visit_id: int,
    topics: Sequence[LeafletTopic],
    *,
    include_summary: bool = True,
    show_wellbeing_chart: bool = False,
    directory: ServiceDirectory | None = None,
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
        )
        jobs.append(
            PrintJob(title=f"Uw gesprek ({data.visit_date:%d-%m-%Y})", pdf=render_summary(data))
        )
    leaflets = load_leaflets()
    for topic in dict.fromkeys(topics):
        pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
        jobs.append(PrintJob(title=leaflets[topic].title, pdf=pdf, topic=topic))
    return jobs


def record_leaflets_given(vault: Vault, visit_id: int, topics: Iterable[LeafletTopic]) -> int:
    """Note on the visit which leaflets were printed for the resident; returns how many."""
    now = datetime.now(UTC)
    count = 0
    with unit_of_work(vault) as s:
        for topic in dict.fromkeys(topics):
            s.add(LeafletGiven(visit_id=visit_id, topic=topic, printed_at=now))
            count += 1
    return count


def leaflets_given(vault: Vault, visit_id: int) -> list[LeafletTopic]:
    with unit_of_work(vault) as s:
        rows = s.query(LeafletGiven).filter_by(visit_id=visit_id).order_by(LeafletGiven.id)
        return list(dict.fromkeys(row.topic for row in rows))


def _agreements(vault: Vault, visit_id: int, answers: dict[str, object]) -> list[Agreement]:
    result: list[Agreement] = []
    follow_up = answers.get("afspraak")
    if isinstance(follow_up, str) and follow_up in FOLLOW_UP_AGREEMENTS:
        what, who = FOLLOW_UP_AGREEMENTS[follow_up]
        when = answers.get("vervolg_datum")
        result.append(Agreement(what=what, who=who, when=_date_text(when)))
    for signal in review(vault, visit_id).signals:
        if signal.agreed_action.strip():
            result.append(Agreement(what=signal.agreed_action.strip(), who="Afgesproken"))
    return result


def _contacts_for(topics: Sequence[LeafletTopic], directory: ServiceDirectory) -> list[Service]:
    leaflets = load_leaflets()
    seen: dict[str, Service] = {}
    for topic in topics:
        for service in leaflet_contacts(leaflets[topic], directory)[:2]:
            seen.setdefault(service.id, service)
    return list(seen.values())


def _visit_date(form: Form, answers: Mapping[str, object], started_at: datetime) -> date:
    """The form's visit-date answer; the day the visit began when there is none."""
    question = form.visit_date_question
    value = answers.get(question.id) if question is not None else None
    return value if isinstance(value, date) else started_at.date()


def _date_text(value: object) -> str | None:
    if isinstance(value, date):
        from huisbezoek.printing import date_nl

        return date_nl(value)
    return None


def _volunteer_name(vault: Vault) -> str:
    with unit_of_work(vault) as s:
        return vault_settings.volunteer_name(s)


def _first_name(full_name: str) -> str:
    parts = full_name.split()
    return parts[0] if parts else "uw vrijwilliger"


def finalised(vault: Vault, visit_id: int) -> bool:
    return review(vault, visit_id).status is VisitStatus.FINAL
