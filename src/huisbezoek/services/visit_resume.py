"""What the visit screen needs to open, resume and autosave a visit, in one place.

A thin layer over ``huisbezoek.services.visit_answers`` (the vault area's ``start_visit`` /
``save_answer`` / ``load_answers``): it adds "resume the draft, else start one", the pinned
form (rebuilt from the stored text when need be) and plain data for the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from huisbezoek.domain import VisitStatus
from huisbezoek.errors import UserError
from huisbezoek.forms import Answer, Form, FormRegistry, default_forms_dir
from huisbezoek.services import vault_settings, visit_answers
from huisbezoek.services.residents import VisitRow, unit_of_work
from huisbezoek.vault.core import Vault
from huisbezoek.vault.models import FormDefinition, Resident, Visit

#: The default conversation form's id (the form engine's file in ``forms/``).
DEFAULT_FORM_ID = "samen-sterker-75plus"

_REGISTRIES: dict[str, tuple[tuple[tuple[str, int, int], ...], FormRegistry]] = {}


def _signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(out)


def registry(folder: Path | None = None) -> FormRegistry:
    """The installed forms, loaded again only when the folder's files change (a configuration
    package from the organisation can install new form versions while the app runs)."""
    folder = folder if folder is not None else default_forms_dir()
    key, signature = str(folder), _signature(folder)
    cached = _REGISTRIES.get(key)
    if cached is None or cached[0] != signature:
        cached = (signature, FormRegistry.from_folder(folder))
        _REGISTRIES[key] = cached
    return cached[1]


def default_form(folder: Path | None = None) -> Form:
    reg = registry(folder)
    forms = reg.forms()
    if not forms:
        raise UserError(
            "no forms installed",
            message_nl="Er is geen gespreksformulier geïnstalleerd. Vraag de coördinator om hulp.",
        )
    ids = {f.id for f in forms}
    form_id = DEFAULT_FORM_ID if DEFAULT_FORM_ID in ids else forms[0].id
    return reg.latest(form_id)


@dataclass(frozen=True, slots=True)
class OpenVisit:
    visit_id: int
    resident_id: int
    resident_name: str
    status: VisitStatus
    form: Form
    answers: dict[str, Answer]
    started_at: datetime
    #: Where the volunteer left this visit: (section id, question id or None), if known.
    position: tuple[str, str | None] | None = None


# -- opening ----------------------------------------------------------------------------------


def visit_on(vault: Vault, resident_id: int, day: date | None = None) -> VisitRow | None:
    """The resident's visit on ``day`` (default today) by its visit date, draft or final;
    the newest when there are more. "Gesprek beginnen" asks before starting a second one."""
    from huisbezoek.services.residents import visits_of

    day = day or date.today()
    return next((v for v in visits_of(vault, resident_id) if v.day == day), None)


def start_new(vault: Vault, resident_id: int, form: Form) -> OpenVisit:
    """A new visit even if another one exists (the volunteer chose so)."""
    dated = form.visit_date_question
    prefill = {dated.id: date.today()} if dated is not None else None
    return open_visit(vault, visit_answers.start_visit(vault, resident_id, form, prefill=prefill))


def start_or_resume(vault: Vault, resident_id: int, form: Form) -> OpenVisit:
    """The resident's draft visit if there is one, else a new visit pinned to ``form``."""
    with unit_of_work(vault) as s:
        draft = s.scalars(
            select(Visit.id)
            .where(Visit.resident_id == resident_id, Visit.status == VisitStatus.DRAFT)
            .order_by(Visit.started_at.desc())
        ).first()
    if draft is None:
        dated = form.visit_date_question
        prefill = {dated.id: date.today()} if dated is not None else None
        draft = visit_answers.start_visit(vault, resident_id, form, prefill=prefill)
    return open_visit(vault, draft)


def open_visit(vault: Vault, visit_id: int, forms: FormRegistry | None = None) -> OpenVisit:
    """The visit with its pinned form (rebuilt from the stored text if need be) and answers."""
    with unit_of_work(vault) as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise UserError("visit gone", message_nl="Dit gesprek bestaat niet meer.")
        definition = s.get(FormDefinition, visit.definition_hash)
        resident = s.get(Resident, visit.resident_id)
        assert resident is not None
        info = (visit.form_id, int(visit.form_version), visit.definition_hash)
        status, started, resident_id, name = (
            visit.status,
            visit.started_at,
            visit.resident_id,
            resident.name,
        )
        source = definition.source if definition is not None else ""
    try:
        reg = forms or registry()
    except Exception:  # a broken forms folder must not hide old visits
        reg = FormRegistry()
    form = reg.pinned(info[0], info[1], info[2], source)
    answers: dict[str, Answer] = dict(visit_answers.load_answers(vault, visit_id))
    position = _read_position(vault, visit_id)
    return OpenVisit(
        position=position,
        visit_id=visit_id,
        resident_id=resident_id,
        resident_name=name,
        status=status,
        form=form,
        answers=answers,
        started_at=started,
    )


# -- where the volunteer was ------------------------------------------------------------------


def remember_position(
    vault: Vault, visit_id: int, section_id: str, question_id: str | None
) -> None:
    """Keep where the volunteer is in a visit, so a draft opens there next time."""
    with unit_of_work(vault) as s:
        vault_settings.set_visit_position(
            s, visit_id, {"section": section_id, "question": question_id}
        )


def _read_position(vault: Vault, visit_id: int) -> tuple[str, str | None] | None:
    with unit_of_work(vault) as s:
        data = vault_settings.visit_position(s, visit_id)
    if data is None:
        return None
    section, question = data.get("section"), data.get("question")
    if not isinstance(section, str) or not (question is None or isinstance(question, str)):
        return None
    return section, question


# -- autosave ---------------------------------------------------------------------------------


def save_answer(vault: Vault, visit_id: int, question_id: str, value: Answer) -> None:
    """Save one answer durably (``None`` removes it); refused once the visit is finalised."""
    visit_answers.save_answer(vault, visit_id, question_id, value)  # type: ignore[arg-type]
