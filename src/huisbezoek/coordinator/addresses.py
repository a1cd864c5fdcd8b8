"""The municipality's address list of residents in the age band: import, split, assign.

The CSV is checked whole before anything is written: one Dutch message per wrong row, and a
list with any wrong row imports nothing. Importing the same list again updates the residents
it already holds (matched on postcode, house number, name and birth date) instead of doubling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ARRAY, String, any_, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from huisbezoek.coordinator.followup import (
    normalise_postcode,
    resolve_unknown_neighbourhoods,
)
from huisbezoek.coordinator.settings import load_settings
from huisbezoek.coordinator.store.models import AreaResident, Volunteer
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.safe_read import csv_rows, decode_csv
from huisbezoek.safe_text import clean_line

COLUMNS = ("naam", "straat", "huisnummer", "postcode", "woonplaats", "geboortedatum", "wijk")
MAX_ROWS = 500_000
MAX_BYTES = 200 * 1024 * 1024
MAX_ERRORS_SHOWN = 20
_POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
_CHUNK = 500


class AddressListError(UserError):
    """The list has wrong rows; ``errors`` holds one Dutch line per row."""

    def __init__(self, errors: list[str], total: int) -> None:
        shown = errors[:MAX_ERRORS_SHOWN]
        more = total - len(shown)
        text = "De adreslijst is niet ingelezen, want er zijn fouten:\n" + "\n".join(shown)
        if more > 0:
            text += f"\nEn nog {more} andere fouten."
        text += "\nVerbeter de lijst en lees hem opnieuw in. Er is niets veranderd."
        super().__init__(f"address list has {total} wrong rows", message_nl=text)
        self.errors = errors


@dataclass(frozen=True, slots=True)
class AddressRow:
    name: str
    street: str
    house_number: str
    postcode: str
    place: str
    birth_date: date
    neighbourhood: str

    @property
    def match_key(self) -> str:
        return "|".join(
            (self.postcode, self.house_number.upper(), self.name.casefold(), str(self.birth_date))
        )


@dataclass(slots=True)
class AddressImportReport:
    new: int = 0
    updated: int = 0
    per_neighbourhood: dict[str, int] = field(default_factory=dict)


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise InvalidInputError(
            "address list too large", message_nl="Dit bestand is te groot voor een adreslijst."
        )
    # UTF-8, else Windows-1252 (Excel on Dutch Windows); UTF-16 and NUL get their own message.
    return decode_csv(data)


def _parse_date(value: str) -> date | None:
    value = value.strip()
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def parse_address_list(
    data: bytes, *, today: date, age_min: int = 75, age_max: int = 80
) -> list[AddressRow]:
    """All rows, or ``AddressListError`` naming every wrong row (line numbers as in a sheet)."""
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv_rows(text, delimiter)
    try:
        header = [h.strip().casefold() for h in next(reader)[1]]
    except StopIteration:
        raise InvalidInputError(
            "empty address list", message_nl="Het bestand is leeg. Kies de adreslijst."
        ) from None
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InvalidInputError(
            f"address list lacks columns {missing}",
            message_nl=(
                "In de eerste regel ontbreken deze kolommen: "
                + ", ".join(missing)
                + ". Nodig zijn: "
                + ", ".join(COLUMNS)
                + "."
            ),
        )
    index = {c: header.index(c) for c in COLUMNS}
    rows: list[AddressRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for line_no, raw in reader:  # CsvProblem (unbalanced quote, field too long) ends it
        if not any(cell.strip() for cell in raw):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            raise InvalidInputError(
                "address list too long",
                message_nl=f"De adreslijst heeft meer dan {MAX_ROWS} regels. Splits hem op.",
            )
        problems, row = _check_row(raw, index, today, age_min, age_max)
        if row is not None:
            earlier = seen.get(row.match_key)
            if earlier is not None:
                problems.append(f"dezelfde bewoner staat ook op regel {earlier}")
            else:
                seen[row.match_key] = line_no
        if problems:
            errors.append(f"Regel {line_no}: " + "; ".join(problems) + ".")
        elif row is not None:
            rows.append(row)
    if errors:
        raise AddressListError(errors, len(errors))
    if not rows:
        raise InvalidInputError(
            "address list without rows", message_nl="De adreslijst heeft geen bewoners."
        )
    return rows


def _check_row(
    raw: list[str], index: dict[str, int], today: date, age_min: int, age_max: int
) -> tuple[list[str], AddressRow | None]:
    def cell(name: str) -> str:
        position = index[name]
        # Control characters (escape sequences, line breaks) are never stored.
        return clean_line(raw[position]).strip() if position < len(raw) else ""

    problems: list[str] = []
    values = {name: cell(name) for name in COLUMNS}
    for name in ("naam", "straat", "huisnummer", "woonplaats", "wijk"):
        if not values[name]:
            problems.append(f"{name} is leeg")
        elif len(values[name]) > (20 if name == "huisnummer" else 100 if name == "wijk" else 200):
            problems.append(f"{name} is te lang")
    postcode = normalise_postcode(values["postcode"])
    if not _POSTCODE.match(postcode):
        problems.append(f"postcode '{values['postcode'][:12]}' klopt niet (zo: 1234 AB)")
    born = _parse_date(values["geboortedatum"])
    if born is None:
        problems.append(
            f"geboortedatum '{values['geboortedatum'][:12]}' klopt niet (zo: 31-12-1948)"
        )
    elif not age_min <= _age_on(born, today) <= age_max:
        problems.append(
            f"deze bewoner is {_age_on(born, today)} jaar, niet {age_min} tot en met {age_max}"
        )
    if problems or born is None:
        return problems, None
    return problems, AddressRow(
        name=values["naam"],
        street=values["straat"],
        house_number=values["huisnummer"],
        postcode=postcode,
        place=values["woonplaats"],
        birth_date=born,
        neighbourhood=values["wijk"],
    )


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_address_list(
    session: Session, data: bytes, *, today: date | None = None
) -> AddressImportReport:
    """Check the whole list, then add or update its residents in the caller's transaction."""
    settings = load_settings(session)
    rows = parse_address_list(
        data, today=today or date.today(), age_min=settings.age_min, age_max=settings.age_max
    )
    return store_rows(session, rows)


_STORED = (
    AreaResident.match_key, AreaResident.id, AreaResident.name, AreaResident.street,
    AreaResident.house_number, AreaResident.postcode, AreaResident.place,
    AreaResident.birth_date, AreaResident.neighbourhood,
)  # fmt: skip
_COMPARED = ("name", "street", "house_number", "postcode", "place", "birth_date", "neighbourhood")


def store_rows(session: Session, rows: list[AddressRow]) -> AddressImportReport:
    """Add the new residents and update the ones already on the list (``updated`` counts
    them all; only rows whose street, place, neighbourhood or spelling changed are written)."""
    report = AddressImportReport()
    existing: dict[str, tuple[Any, ...]] = {}
    keys = [r.match_key for r in rows]
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        # one array parameter per 50,000 instead of a statement per 500 (a second per 100,000)
        wanted = AreaResident.match_key == any_(bindparam("keys", type_=ARRAY(String)))
        for chunk in _chunks(keys, 50_000):
            for found in session.execute(select(*_STORED).where(wanted), {"keys": chunk}):
                existing[found[0]] = tuple(found[1:])
    else:
        for chunk in _chunks(keys):
            query = select(*_STORED).where(AreaResident.match_key.in_(chunk))
            for found in session.execute(query):
                existing[found[0]] = tuple(found[1:])
    now = datetime.now(UTC)
    new_rows: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for row in rows:
        values = {
            "match_key": row.match_key,
            "name": row.name,
            "street": row.street,
            "house_number": row.house_number,
            "postcode": row.postcode,
            "place": row.place,
            "birth_date": row.birth_date,
            "neighbourhood": row.neighbourhood,
        }
        report.per_neighbourhood[row.neighbourhood] = (
            report.per_neighbourhood.get(row.neighbourhood, 0) + 1
        )
        stored = existing.get(row.match_key)
        if stored is None:
            new_rows.append({**values, "imported_at": now})
            continue
        report.updated += 1
        if stored[1:] != tuple(values[c] for c in _COMPARED):
            changed.append({"id": stored[0], **values})
    if new_rows and postgres:
        _copy_new_pg(session, new_rows)
    else:
        for chunk in _chunks(new_rows, 5000):
            session.execute(insert(AreaResident), chunk)
    if changed:
        session.execute(update(AreaResident), changed)
    report.new = len(new_rows)
    resolve_unknown_neighbourhoods(session)
    return report


def _copy_new_pg(session: Session, rows: list[dict[str, Any]]) -> None:
    """New residents into PostgreSQL by ``COPY`` in the transaction, each value in the form
    its column type stores: a list of 100,000 took 5 s as row-by-row ``INSERT``s there."""
    columns = AreaResident.__table__.c
    names = list(rows[0])
    conn = session.connection()
    processors = [columns[name].type.bind_processor(conn.dialect) for name in names]
    dbapi: Any = conn.connection.dbapi_connection
    # Identifiers come from our own table definition, never from the list.
    with (
        dbapi.cursor() as cursor,
        cursor.copy(f"COPY {AreaResident.__tablename__} ({', '.join(names)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([
                row[name] if process is None else process(row[name])
                for name, process in zip(names, processors, strict=True)
            ])  # fmt: skip


@dataclass(frozen=True, slots=True)
class NeighbourhoodSplit:
    neighbourhood: str
    residents: int
    assigned: int
    volunteers: tuple[str, ...]


def split_by_neighbourhood(session: Session) -> list[NeighbourhoodSplit]:
    """Per neighbourhood: residents, how many are assigned, and to which volunteers."""
    names: dict[str, str] = {
        k: n for k, n in session.execute(select(Volunteer.key_id, Volunteer.name))
    }
    per: dict[str, list[Any]] = {}
    for hood, key_id, count in session.execute(
        select(AreaResident.neighbourhood, AreaResident.assigned_key_id, func.count()).group_by(
            AreaResident.neighbourhood, AreaResident.assigned_key_id
        )
    ):
        entry = per.setdefault(hood, [0, 0, set()])
        entry[0] += count
        if key_id is not None:
            entry[1] += count
            entry[2].add(names.get(key_id, key_id))
    return [
        NeighbourhoodSplit(hood, e[0], e[1], tuple(sorted(e[2]))) for hood, e in sorted(per.items())
    ]


class UnknownVolunteerError(UserError):
    message_nl = "Deze vrijwilliger is niet goedgekeurd of ingetrokken. Kies een andere."


class UnknownNeighbourhoodError(UserError):
    message_nl = "Deze wijk staat niet op de adreslijst. Kijk de naam na."


def assign_neighbourhood(
    session: Session, neighbourhood: str, key_id: str, *, only_unassigned: bool = True
) -> int:
    """Give a neighbourhood's residents to an approved volunteer; returns how many.

    Residents of a revoked volunteer count as unassigned, so they can be handed on;
    ``only_unassigned=False`` reassigns the whole neighbourhood.
    """
    kid = key_id.strip().upper()
    volunteer = session.get(Volunteer, kid)
    if volunteer is None or volunteer.approved_at is None or volunteer.revoked_at is not None:
        raise UnknownVolunteerError(f"volunteer {kid} not approved")
    known = session.scalar(
        select(func.count())
        .select_from(AreaResident)
        .where(AreaResident.neighbourhood == neighbourhood)
    )
    if not known:
        names = sorted(session.scalars(select(AreaResident.neighbourhood).distinct()).all())
        raise UnknownNeighbourhoodError(
            f"unknown neighbourhood {neighbourhood!r}",
            message_nl=(
                f"De wijk '{neighbourhood}' staat niet op de adreslijst. Wijken: "
                + (", ".join(names[:20]) or "geen (lees eerst de adreslijst in)")
                + "."
            ),
        )
    query = update(AreaResident).where(AreaResident.neighbourhood == neighbourhood)
    if only_unassigned:
        revoked = select(Volunteer.key_id).where(Volunteer.revoked_at.is_not(None))
        query = query.where(
            or_(
                AreaResident.assigned_key_id.is_(None),
                AreaResident.assigned_key_id.in_(revoked),
            )
        )
    result = session.execute(
        query.values(assigned_key_id=kid, assigned_at=datetime.now(UTC)),
        execution_options={"synchronize_session": False},
    )
    return max(result.rowcount or 0, 0)  # type: ignore[attr-defined]
