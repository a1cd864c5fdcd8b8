"""What the visit screen needs to open, resume and autosave a visit, in one place.

This is a thin wrapper: it uses ``huisbezoek.services.visits`` (the vault area's
``start_visit`` / ``save_answer`` / ``load_answers``) when that module is installed, and
otherwise the vault's models directly with the same one-row-per-answer layout. The screen
calls only the functions here, so it does not change when the other module arrives.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import select

from huisbezoek.domain import VisitStatus
from huisbezoek.errors import UserError
from huisbezoek.forms import Answer, Form, FormRegistry
from huisbezoek.forms.form import answer_to_json
from huisbezoek.services.residents import VaultLike, unit_of_work
from huisbezoek.vault.errors import VisitFinalisedError
from huisbezoek.vault.models import Answer as AnswerRow
from huisbezoek.vault.models import FormDefinition, Resident, Visit

#: The default conversation form's id (the form engine's file in ``forms/``).
DEFAULT_FORM_ID = "samen-sterker-75plus"

_REGISTRIES: dict[str, FormRegistry] = {}


def registry(folder: Path | None = None) -> FormRegistry:
    """The installed forms, loaded once per folder."""
    key = str(folder or "")
    if key not in _REGISTRIES:
        _REGISTRIES[key] = FormRegistry.from_folder(folder)
    return _REGISTRIES[key]


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


def _visits_module() -> ModuleType | None:
    try:
        return importlib.import_module("huisbezoek.services.visits")
    except ImportError:
        return None


@dataclass(frozen=True, slots=True)
class OpenVisit:
    visit_id: int
    resident_id: int
    resident_name: str
    status: VisitStatus
    form: Form
    answers: dict[str, Answer]
    started_at: datetime


# -- answer encoding (fallback only; the visits module has its own) ----------------------------


def encode_answer(value: Answer) -> str:
    """JSON text of an answer, in the form engine's plain JSON shape (``answer_to_json``)."""
    return json.dumps(answer_to_json(value), ensure_ascii=False)


def decode_answer(text: str) -> Answer:
    """The stored JSON as the form engine accepts it back (lists for multiple choice, ISO
    text for dates); ``FormState`` normalises it."""
    value: Answer = json.loads(text)
    if isinstance(value, list):
        return frozenset(str(v) for v in value)
    return value


# -- opening ----------------------------------------------------------------------------------


def _store_definition(s: Any, form: Form) -> None:
    if s.get(FormDefinition, form.definition_hash) is None:
        s.add(
            FormDefinition(
                sha256=form.definition_hash,
                form_id=form.id,
                version=str(form.version),
                source=form.source_text,
            )
        )


def start_or_resume(vault: VaultLike, resident_id: int, form: Form) -> OpenVisit:
    """The resident's draft visit if there is one, else a new visit pinned to ``form``."""
    with unit_of_work(vault) as s:
        draft = s.scalars(
            select(Visit)
            .where(Visit.resident_id == resident_id, Visit.status == VisitStatus.DRAFT)
            .order_by(Visit.started_at.desc())
        ).first()
        if draft is not None:
            visit_id = draft.id
        else:
            module = _visits_module()
            starter = getattr(module, "start_visit", None) if module else None
            if starter is not None:
                visit_id = -1
            else:
                resident = s.get(Resident, resident_id)
                if resident is None:
                    raise UserError("resident gone", message_nl="Deze bewoner bestaat niet meer.")
                _store_definition(s, form)
                visit = Visit(
                    resident_id=resident_id,
                    form_id=form.id,
                    form_version=str(form.version),
                    definition_hash=form.definition_hash,
                )
                s.add(visit)
                s.flush()
                visit_id = visit.id
    if visit_id == -1:
        module = _visits_module()
        assert module is not None
        visit_id = _started_id(module.start_visit(vault, resident_id, form))
    return open_visit(vault, visit_id)


def _started_id(result: object) -> int:
    if isinstance(result, int):
        return result
    for name in ("visit_id", "id"):
        value = getattr(result, name, None)
        if isinstance(value, int):
            return value
    raise TypeError("start_visit returned no visit id")


def open_visit(vault: VaultLike, visit_id: int, forms: FormRegistry | None = None) -> OpenVisit:
    """The visit with its pinned form (rebuilt from the stored text if need be) and answers."""
    with unit_of_work(vault) as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise UserError("visit gone", message_nl="Dit gesprek bestaat niet meer.")
        definition = s.get(FormDefinition, visit.definition_hash)
        resident = s.get(Resident, visit.resident_id)
        assert resident is not None
        rows = list(s.scalars(select(AnswerRow).where(AnswerRow.visit_id == visit_id)))
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
    answers = _load_answers(vault, visit_id, rows)
    return OpenVisit(
        visit_id=visit_id,
        resident_id=resident_id,
        resident_name=name,
        status=status,
        form=form,
        answers=answers,
        started_at=started,
    )


def _load_answers(vault: VaultLike, visit_id: int, rows: list[AnswerRow]) -> dict[str, Answer]:
    module = _visits_module()
    loader = getattr(module, "load_answers", None) if module else None
    if loader is not None:
        return dict(loader(vault, visit_id))
    return {r.question_id: decode_answer(r.value_json) for r in rows}


# -- autosave ---------------------------------------------------------------------------------


def save_answer(vault: VaultLike, visit_id: int, question_id: str, value: Answer) -> None:
    """Save one answer durably (``None`` removes it); refused once the visit is finalised."""
    module = _visits_module()
    saver = getattr(module, "save_answer", None) if module else None
    if saver is not None:
        saver(vault, visit_id, question_id, value)
        return
    now = datetime.now(UTC)
    with unit_of_work(vault) as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise UserError("visit gone", message_nl="Dit gesprek bestaat niet meer.")
        if visit.status is VisitStatus.FINAL:
            raise VisitFinalisedError("answer to a finalised visit")
        row = s.scalars(
            select(AnswerRow).where(
                AnswerRow.visit_id == visit_id, AnswerRow.question_id == question_id
            )
        ).first()
        if value is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(
                AnswerRow(
                    visit_id=visit_id,
                    question_id=question_id,
                    value_json=encode_answer(value),
                    updated_at=now,
                )
            )
        else:
            row.value_json = encode_answer(value)
            row.updated_at = now
        visit.updated_at = now
