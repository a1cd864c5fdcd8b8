"""Residents and the contact round: add/edit, contact attempts, appointments, the list rows.

A resident's status is never stored: it is derived from the contact history by
``huisbezoek.domain.status.resident_status`` each time the list is built. The GUI gets plain,
frozen rows, never live ORM objects. CSV import checks every row first and then writes all
rows in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from huisbezoek.domain import (
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    ResidentStatus,
    VisitStatus,
)
from huisbezoek.domain.status import ContactEvent, resident_status
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.progress import CancelFlag
from huisbezoek.safe_read import CsvProblem, csv_rows, decode_csv, read_bounded
from huisbezoek.safe_text import clean_line, clean_multiline
from huisbezoek.vault.models import (
    Answer,
    Appointment,
    ContactAttempt,
    FormDefinition,
    Resident,
    Visit,
)

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CSV_ROWS = 20_000


class VaultLike(Protocol):
    """What these services need from an open vault: one SQLAlchemy session per user action."""

    def session(self) -> AbstractContextManager[Session]: ...


def unit_of_work(vault: VaultLike) -> AbstractContextManager[Session]:
    """One session for one user action; commits on success, rolls back on error."""
    return vault.session()


# -- plain data for the screens ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResidentInput:
    """What the add/edit dialog and the CSV import give; checked by :func:`check_resident`."""

    name: str
    address: str = ""
    postcode: str = ""
    neighbourhood: str = ""
    birth_date: date | None = None
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ResidentRow:
    """One line in the resident list."""

    id: int
    name: str
    address: str
    postcode: str
    neighbourhood: str
    birth_date: date | None
    phone: str
    status: ResidentStatus
    last_contact: datetime | None
    next_appointment: datetime | None


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    at: datetime
    method: ContactMethod
    outcome: ContactOutcome
    decline_reason: DeclineReason | None
    note: str


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    id: int
    at: datetime
    location: str
    note: str
    cancelled: bool


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    started_at: datetime
    status: VisitStatus
    finalised_at: datetime | None
    form_id: str
    form_version: str
    #: The answer to the form's "Datum van het bezoek" question, when there is one.
    visit_date: date | None = None

    @property
    def day(self) -> date:
        """The day of the visit as the volunteer entered it, else the day it was started."""
        return self.visit_date if self.visit_date is not None else self.started_at.date()


@dataclass(frozen=True, slots=True)
class ResidentDetail:
    row: ResidentRow
    notes: str
    contacts: tuple[ContactRow, ...]
    appointments: tuple[AppointmentRow, ...]
    visits: tuple[VisitRow, ...]

    def as_input(self) -> ResidentInput:
        r = self.row
        return ResidentInput(
            r.name, r.address, r.postcode, r.neighbourhood, r.birth_date, r.phone, self.notes
        )


# -- checks -----------------------------------------------------------------------------------


def normalise_postcode(text: str) -> str:
    """``1234ab`` and ``1234 AB`` become ``1234 AB``; other text is returned trimmed."""
    compact = "".join(text.split()).upper()
    if len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha():
        return f"{compact[:4]} {compact[4:]}"
    return text.strip()


def check_resident(data: ResidentInput) -> ResidentInput:
    """The cleaned input, or :class:`InvalidInputError` with a Dutch message."""
    name = " ".join(data.name.split())
    if not name:
        raise InvalidInputError("resident without name", message_nl="Vul de naam in.")
    if len(name) > 200:
        raise InvalidInputError("name too long", message_nl="De naam is te lang.")
    postcode = normalise_postcode(data.postcode)
    if postcode and not (len(postcode) == 7 and postcode[:4].isdigit() and postcode[0] != "0"):
        raise InvalidInputError(
            "bad postcode", message_nl="De postcode klopt niet. Schrijf hem als 1234 AB."
        )
    if data.birth_date is not None:
        today = date.today()
        if data.birth_date > today or data.birth_date.year < today.year - 120:
            raise InvalidInputError("bad birth date", message_nl="De geboortedatum klopt niet.")
    phone = data.phone.strip()
    if phone and not all(ch.isdigit() or ch in "+-() " for ch in phone):
        raise InvalidInputError(
            "bad phone", message_nl="Het telefoonnummer mag alleen cijfers, +, - en spaties hebben."
        )
    return ResidentInput(
        name=name,
        address=" ".join(data.address.split()),
        postcode=postcode,
        neighbourhood=" ".join(data.neighbourhood.split()),
        birth_date=data.birth_date,
        phone=phone,
        notes=data.notes.strip(),
    )


# -- neighbourhoods ---------------------------------------------------------------------------


def distinct_neighbourhoods(names: Iterable[str]) -> list[str]:
    """One spelling per neighbourhood, compared without case ("Centrum" = "centrum").

    The spelling used most wins (the first one on a tie), so a coordinator's list sets it.
    """
    counts: dict[str, Counter[str]] = {}
    for name in names:
        clean = " ".join(name.split())
        if clean:
            counts.setdefault(clean.casefold(), Counter())[clean] += 1
    return sorted((c.most_common(1)[0][0] for c in counts.values()), key=str.casefold)


def canonical_neighbourhood(name: str, known: Iterable[str]) -> str:
    """``name`` in the spelling already in use, if a known neighbourhood matches it."""
    clean = " ".join(name.split())
    for existing in known:
        if existing.casefold() == clean.casefold():
            return existing
    return clean


def _used_neighbourhoods(s: Session) -> list[str]:
    return distinct_neighbourhoods(
        n for (n,) in s.execute(select(Resident.neighbourhood).where(Resident.neighbourhood != ""))
    )


def neighbourhood_names(vault: VaultLike) -> list[str]:
    """The neighbourhoods already used in this vault (including the coordinator's lists)."""
    with vault.session() as s:
        return _used_neighbourhoods(s)


# -- residents --------------------------------------------------------------------------------


def add_resident(vault: VaultLike, data: ResidentInput) -> int:
    clean = check_resident(data)
    with unit_of_work(vault) as s:
        resident = Resident(
            name=clean.name,
            address=clean.address,
            postcode=clean.postcode,
            neighbourhood=canonical_neighbourhood(clean.neighbourhood, _used_neighbourhoods(s)),
            birth_date=clean.birth_date,
            phone=clean.phone or None,
            notes=clean.notes,
        )
        s.add(resident)
        s.flush()
        return resident.id


def update_resident(vault: VaultLike, resident_id: int, data: ResidentInput) -> None:
    clean = check_resident(data)
    with unit_of_work(vault) as s:
        resident = _get(s, resident_id)
        resident.name = clean.name
        resident.address = clean.address
        resident.postcode = clean.postcode
        resident.neighbourhood = canonical_neighbourhood(
            clean.neighbourhood, _used_neighbourhoods(s)
        )
        resident.birth_date = clean.birth_date
        resident.phone = clean.phone or None
        resident.notes = clean.notes


def _get(s: Session, resident_id: int) -> Resident:
    resident = s.get(Resident, resident_id)
    if resident is None:
        raise UserError(
            f"resident {resident_id} not found",
            message_nl="Deze bewoner staat niet (meer) in de kluis.",
        )
    return resident


def _row(resident: Resident, now: datetime) -> ResidentRow:
    contacts = [ContactEvent(c.at, c.outcome) for c in resident.contacts]
    open_appointments = sorted(
        a.at for a in resident.appointments if not a.cancelled and a.at >= _day_start(now)
    )
    has_final = any(v.status is VisitStatus.FINAL for v in resident.visits)
    status = resident_status(
        contacts, has_final_visit=has_final, has_open_appointment=bool(open_appointments)
    )
    return ResidentRow(
        id=resident.id,
        name=resident.name,
        address=resident.address,
        postcode=resident.postcode,
        neighbourhood=resident.neighbourhood,
        birth_date=resident.birth_date,
        phone=resident.phone or "",
        status=status,
        last_contact=max((c.at for c in resident.contacts), default=None),
        next_appointment=open_appointments[0] if open_appointments else None,
    )


def _day_start(now: datetime) -> datetime:
    # An appointment from earlier today still counts as open until the visit is finished.
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def list_residents(vault: VaultLike, *, now: datetime | None = None) -> list[ResidentRow]:
    """Every resident with the status derived from the contact history, sorted by name."""
    now = now or datetime.now(UTC)
    with unit_of_work(vault) as s:
        residents = s.scalars(
            select(Resident)
            .options(
                selectinload(Resident.contacts),
                selectinload(Resident.appointments),
                selectinload(Resident.visits),
            )
            .order_by(Resident.name, Resident.id)
        ).all()
        return [_row(r, now) for r in residents]


def resident_detail(
    vault: VaultLike, resident_id: int, *, now: datetime | None = None
) -> ResidentDetail:
    now = now or datetime.now(UTC)
    with unit_of_work(vault) as s:
        r = _get(s, resident_id)
        return ResidentDetail(
            row=_row(r, now),
            notes=r.notes,
            contacts=tuple(
                ContactRow(c.id, c.at, c.method, c.outcome, c.decline_reason, c.note)
                for c in sorted(r.contacts, key=lambda c: (c.at, c.id), reverse=True)
            ),
            appointments=tuple(
                AppointmentRow(a.id, a.at, a.location, a.note, a.cancelled)
                for a in sorted(r.appointments, key=lambda a: (a.at, a.id), reverse=True)
            ),
            visits=_visit_rows(
                s, sorted(r.visits, key=lambda v: (v.started_at, v.id), reverse=True)
            ),
        )


def neighbourhoods(rows: Sequence[ResidentRow]) -> list[str]:
    return distinct_neighbourhoods(r.neighbourhood for r in rows)


# -- contact attempts and appointments --------------------------------------------------------


def log_contact(
    vault: VaultLike,
    resident_id: int,
    *,
    method: ContactMethod,
    outcome: ContactOutcome,
    decline_reason: DeclineReason | None = None,
    note: str = "",
    at: datetime | None = None,
) -> int:
    """Record one contact attempt; a decline must say why (or ``anders``), others must not."""
    if outcome is ContactOutcome.DECLINED and decline_reason is None:
        raise InvalidInputError(
            "decline without reason",
            message_nl=(
                "Kies waarom de bewoner geen bezoek wil. Weet u het niet, kies dan 'anders'."
            ),
        )
    if outcome is not ContactOutcome.DECLINED:
        decline_reason = None
    at = at or datetime.now(UTC)
    if at.tzinfo is None:
        raise ValueError("contact time must be timezone-aware")
    with unit_of_work(vault) as s:
        _get(s, resident_id)
        attempt = ContactAttempt(
            resident_id=resident_id,
            at=at,
            method=method,
            outcome=outcome,
            decline_reason=decline_reason,
            note=note.strip(),
        )
        s.add(attempt)
        s.flush()
        return attempt.id


def add_appointment(
    vault: VaultLike, resident_id: int, at: datetime, *, location: str = "", note: str = ""
) -> int:
    if at.tzinfo is None:
        raise ValueError("appointment time must be timezone-aware")
    with unit_of_work(vault) as s:
        _get(s, resident_id)
        appointment = Appointment(
            resident_id=resident_id, at=at, location=location.strip(), note=note.strip()
        )
        s.add(appointment)
        s.flush()
        return appointment.id


def cancel_appointment(vault: VaultLike, appointment_id: int) -> None:
    with unit_of_work(vault) as s:
        appointment = s.get(Appointment, appointment_id)
        if appointment is None:
            raise UserError("appointment not found", message_nl="Deze afspraak bestaat niet meer.")
        appointment.cancelled = True


def visits_of(vault: VaultLike, resident_id: int) -> list[VisitRow]:
    with unit_of_work(vault) as s:
        _get(s, resident_id)
        visits = s.scalars(
            select(Visit).where(Visit.resident_id == resident_id).order_by(Visit.started_at.desc())
        ).all()
        return list(_visit_rows(s, visits))


#: definition hash -> id of its visit-date question (None: the form has none)
_VISIT_DATE_IDS: dict[str, str | None] = {}


def _visit_date_id(s: Session, definition_hash: str) -> str | None:
    if definition_hash not in _VISIT_DATE_IDS:
        from huisbezoek.forms import load_form_source
        from huisbezoek.forms.errors import FormDefinitionError

        definition = s.get(FormDefinition, definition_hash)
        found = None
        if definition is not None:
            try:
                question = load_form_source(definition.source, "stored").visit_date_question
            except FormDefinitionError:
                question = None
            found = question.id if question is not None else None
        _VISIT_DATE_IDS[definition_hash] = found
    return _VISIT_DATE_IDS[definition_hash]


def _visit_rows(s: Session, visits: Sequence[Visit]) -> tuple[VisitRow, ...]:
    """Rows for the screens, each with its visit-date answer (the date the volunteer set)."""
    from huisbezoek.services.visit_answers import decode_answer

    rows = []
    for v in visits:
        visit_date = None
        qid = _visit_date_id(s, v.definition_hash)
        if qid is not None:
            text = s.scalar(
                select(Answer.value_json).where(Answer.visit_id == v.id, Answer.question_id == qid)
            )
            value = decode_answer(text) if text is not None else None
            visit_date = (
                value if isinstance(value, date) and not isinstance(value, datetime) else None
            )
        rows.append(
            VisitRow(
                v.id, v.started_at, v.status, v.finalised_at, v.form_id, v.form_version, visit_date
            )
        )
    return tuple(rows)


# -- CSV import -------------------------------------------------------------------------------

# Column headers we accept (lower case, without spaces), mapped to ResidentInput fields.
CSV_COLUMNS: dict[str, str] = {
    "naam": "name",
    "name": "name",
    "adres": "address",
    "straat": "address",
    "address": "address",
    "postcode": "postcode",
    "wijk": "neighbourhood",
    "buurt": "neighbourhood",
    "neighbourhood": "neighbourhood",
    "geboortedatum": "birth_date",
    "birth_date": "birth_date",
    "telefoon": "phone",
    "telefoonnummer": "phone",
    "phone": "phone",
    "notitie": "notes",
    "opmerking": "notes",
}


@dataclass(frozen=True, slots=True)
class CsvRowError:
    line: int
    message_nl: str


@dataclass(frozen=True, slots=True)
class CsvCheck:
    """The result of checking a file: the residents it would add, or per-row errors."""

    residents: tuple[ResidentInput, ...] = ()
    errors: tuple[CsvRowError, ...] = ()
    duplicates: tuple[int, ...] = field(default_factory=tuple)  # lines already in the vault

    @property
    def ok(self) -> bool:
        return not self.errors


class CsvImportError(InvalidInputError):
    """The file has rows with errors; nothing was imported."""

    def __init__(self, errors: Sequence[CsvRowError]) -> None:
        shown = "\n".join(f"Regel {e.line}: {e.message_nl}" for e in errors[:20])
        more = f"\n… en nog {len(errors) - 20} fouten." if len(errors) > 20 else ""
        super().__init__(
            f"csv import refused: {len(errors)} row errors",
            message_nl=(
                "Er is niets ingelezen, want het bestand heeft fouten. Verbeter ze en probeer "
                f"het opnieuw.\n\n{shown}{more}"
            ),
        )
        self.errors = tuple(errors)


def _parse_date(text: str) -> date:
    text = text.strip()
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def check_csv(data: bytes) -> CsvCheck:
    """Read an address list (comma or semicolon separated, header row with Dutch names)."""
    if len(data) > MAX_CSV_BYTES:
        raise InvalidInputError(
            "csv too large", message_nl="Dit bestand is te groot voor een adressenlijst."
        )
    text = decode_csv(data)  # UTF-16 and NUL get their own message
    if not text.strip():
        raise InvalidInputError("csv empty", message_nl="Dit bestand is leeg.")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv_rows(text, delimiter)
    try:
        header = next(reader)[1]
    except StopIteration:
        raise InvalidInputError(
            "csv unreadable", message_nl="Dit bestand is geen CSV-bestand."
        ) from None
    columns: list[str | None] = [CSV_COLUMNS.get("".join(h.lower().split())) for h in header]
    if "name" not in columns:
        raise InvalidInputError(
            "csv lacks name column",
            message_nl=(
                "De eerste regel moet de namen van de kolommen geven, met in elk geval 'naam'. "
                "Andere kolommen: adres, postcode, wijk, geboortedatum, telefoon."
            ),
        )
    residents: list[ResidentInput] = []
    errors: list[CsvRowError] = []
    try:
        for line_no, cells in reader:
            if len(residents) + len(errors) >= MAX_CSV_ROWS:
                errors.append(CsvRowError(line_no, f"Meer dan {MAX_CSV_ROWS} regels."))
                break
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                errors.append(
                    CsvRowError(
                        line_no, f"Te veel kolommen ({len(cells)} in plaats van {len(columns)})."
                    )
                )
                continue
            values: dict[str, str] = {}
            for col, cell in zip(columns, cells, strict=False):
                if col is not None:
                    # Control characters (escape sequences, stray line breaks) never stored.
                    values[col] = clean_multiline(cell) if col == "notes" else clean_line(cell)
            birth: date | None = None
            raw_birth = values.get("birth_date", "").strip()
            if raw_birth:
                try:
                    birth = _parse_date(raw_birth)
                except ValueError:
                    errors.append(
                        CsvRowError(
                            line_no,
                            f"De geboortedatum '{raw_birth}' klopt niet. "
                            "Schrijf bijvoorbeeld 17-03-1948.",
                        )
                    )
                    continue
            try:
                residents.append(
                    check_resident(
                        ResidentInput(
                            name=values.get("name", ""),
                            address=values.get("address", ""),
                            postcode=values.get("postcode", ""),
                            neighbourhood=values.get("neighbourhood", ""),
                            birth_date=birth,
                            phone=values.get("phone", ""),
                            notes=values.get("notes", ""),
                        )
                    )
                )
            except InvalidInputError as exc:
                errors.append(CsvRowError(line_no, exc.message_nl))
    except CsvProblem as exc:
        # An unbalanced quote or an overlong field: the rest of the file is not trusted.
        errors.append(CsvRowError(exc.line, exc.reason_nl))
    return CsvCheck(tuple(residents), tuple(errors))


Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class CsvImportResult:
    added: int
    skipped_duplicates: int


def import_csv(
    vault: VaultLike,
    source: Path | bytes,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> CsvImportResult:
    """Check the whole file, then add every new resident in one transaction.

    A resident with the same name, postcode and address as one already in the vault is skipped
    (importing the same list twice adds nothing). Any row error: nothing is added.
    """
    data = read_bounded(source, MAX_CSV_BYTES) if isinstance(source, Path) else source
    checked = check_csv(data)
    if not checked.ok:
        raise CsvImportError(checked.errors)
    total = len(checked.residents)
    with unit_of_work(vault) as s:
        existing = {
            (n.casefold(), p, a.casefold())
            for n, p, a in s.execute(select(Resident.name, Resident.postcode, Resident.address))
        }
        known = _used_neighbourhoods(s)
        added = skipped = 0
        for i, r in enumerate(checked.residents):
            if cancel is not None and cancel.is_set():
                # Leaving the block by an exception rolls the whole transaction back.
                raise UserError(
                    "csv import cancelled", message_nl="Inlezen gestopt. Er is niets ingelezen."
                )
            key = (r.name.casefold(), r.postcode, r.address.casefold())
            if key in existing:
                skipped += 1
                continue
            existing.add(key)
            s.add(
                Resident(
                    name=r.name,
                    address=r.address,
                    postcode=r.postcode,
                    neighbourhood=canonical_neighbourhood(r.neighbourhood, known),
                    birth_date=r.birth_date,
                    phone=r.phone or None,
                    notes=r.notes,
                )
            )
            if r.neighbourhood and canonical_neighbourhood(r.neighbourhood, known) not in known:
                known.append(" ".join(r.neighbourhood.split()))
            added += 1
            if progress is not None and i % 50 == 0:
                progress(i / max(total, 1), f"{i} van {total} regels")
        if progress is not None:
            progress(1.0, f"{total} van {total} regels")
    return CsvImportResult(added=added, skipped_duplicates=skipped)
