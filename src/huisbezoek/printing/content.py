"""Leaflet texts and the local services directory ("sociale kaart"): models, loading, queries.

Both are YAML files in ``resources/`` that the coordinator may replace, so every file is
validated on load and a bad one raises a :class:`ResourceFileError` that names it. Keys in the
files are Dutch because coordinators edit them; attributes in code are English.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from huisbezoek.domain import LeafletId, LeafletTopic, Severity, ThemeId
from huisbezoek.domain.dates import months_before
from huisbezoek.paths import active_dir, resources_dir
from huisbezoek.safe_read import FileRefusedError, check_yaml, read_bounded

from .errors import ResourceFileError

LEAFLETS_FOLDER = "leaflets"
DIRECTORY_FOLDER = "sociale_kaart"
DIRECTORY_FILE = "sociale_kaart.yaml"
#: Largest leaflet or sociale kaart file read (the shipped ones are a few kB).
MAX_RESOURCE_BYTES = 4 * 1024 * 1024


class ServiceKind(StrEnum):
    """What kind of help a service gives; leaflets ask for contacts by these ids."""

    VALPREVENTIE = "valpreventie"
    BEWEGING = "beweging"
    MAALTIJDEN = "maaltijden"
    DIETIST = "dietist"
    MANTELZORGONDERSTEUNING = "mantelzorgondersteuning"
    SCHULDHULP = "schuldhulp"
    THUISADMINISTRATIE = "thuisadministratie"
    WMO = "wmo"
    CLIENTONDERSTEUNING = "clientondersteuning"
    OUDERENADVISEUR = "ouderenadviseur"
    ONTMOETING = "ontmoeting"
    HUISARTS = "huisarts"
    WONINGAANPASSING = "woningaanpassing"
    BRANDVEILIGHEID = "brandveiligheid"
    POLITIE = "politie"
    VERVOER = "vervoer"
    GEHEUGEN = "geheugen"  # memory: casemanager dementie, Alzheimer Nederland, geheugenpoli
    # National lines (the ``landelijk`` block of the sociale kaart).
    ZELFMOORDPREVENTIE = "zelfmoordpreventie"  # 113 Zelfmoordpreventie
    VEILIG_THUIS = "veilig_thuis"  # abuse, also financial abuse by relatives
    LUISTERLIJN = "luisterlijn"  # someone to talk to, day and night


#: Older service tags in form rules (form v1) and the kind of help they mean.
SERVICE_TAG_ALIASES: Mapping[str, ServiceKind] = MappingProxyType(
    {
        "wijkagent": ServiceKind.POLITIE,
        "brandweer": ServiceKind.BRANDVEILIGHEID,
        "woonadvies": ServiceKind.WONINGAANPASSING,
        "respijtzorg": ServiceKind.MANTELZORGONDERSTEUNING,
    }
)


def service_kind(tag: str) -> ServiceKind | None:
    """The kind of help a form rule's service tag asks for; None when the tag is unknown."""
    if tag in SERVICE_TAG_ALIASES:
        return SERVICE_TAG_ALIASES[tag]
    try:
        return ServiceKind(tag)
    except ValueError:
        return None


class _Model(BaseModel):
    # Frozen so cached instances can be shared between threads and renders safely.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _text_tuple(value: Any) -> Any:
    """Allow a single string where a list of paragraphs is expected."""
    if isinstance(value, str):
        return (value,)
    return value


class Service(_Model):
    """One entry of the sociale kaart."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(alias="naam", min_length=1)
    offer: str = Field(alias="aanbod", min_length=1)
    audience: str = Field(alias="voor_wie", min_length=1)
    phone: str | None = Field(default=None, alias="telefoon")
    address: str | None = Field(default=None, alias="adres")
    opening_hours: str | None = Field(default=None, alias="openingstijden")
    website: str | None = Field(default=None, alias="website")
    email: str | None = Field(default=None, alias="e_mail")
    topics: tuple[LeafletId, ...] = Field(default=(), alias="onderwerpen")
    kinds: tuple[ServiceKind, ...] = Field(default=(), alias="soorten")
    last_checked: date = Field(alias="laatst_gecontroleerd")
    owner: str = Field(alias="beheerder", min_length=1)
    # For whoever keeps the file: how to check this entry. Never printed.
    check_note: str | None = Field(default=None, alias="controleren")


class OrganisationInfo(_Model):
    """The organisation that runs the visits, as printed on leaflets ("Vragen? Bel ...")."""

    name: str = Field(alias="naam", min_length=1)
    phone: str = Field(alias="telefoon", min_length=1)


class ServiceDirectory(_Model):
    """The sociale kaart of one municipality."""

    municipality: str = Field(alias="gemeente", min_length=1)
    owner: str = Field(alias="beheerder", min_length=1)
    organisation: OrganisationInfo | None = Field(default=None, alias="organisatie")
    # A demo directory: contact blocks then say the organisations are made up.
    fictional: bool = Field(default=False, alias="voorbeeld")
    services: tuple[Service, ...] = Field(alias="diensten")
    # National lines (113, Veilig Thuis, De Luisterlijn): the same in every municipality.
    # The summary shows them for signals that need action now, never in a leaflet's list.
    national: tuple[Service, ...] = Field(default=(), alias="landelijk")

    @field_validator("services", "national")
    @classmethod
    def _unique_ids(cls, services: tuple[Service, ...]) -> tuple[Service, ...]:
        seen: set[str] = set()
        for service in services:
            if service.id in seen:
                raise ValueError(f"dubbele id {service.id}")
            seen.add(service.id)
        return services

    def service(self, service_id: str) -> Service:
        for service in (*self.services, *self.national):
            if service.id == service_id:
                return service
        raise KeyError(service_id)

    def of_kind(self, kind: ServiceKind) -> tuple[Service, ...]:
        """Local services of this kind, then national lines of it, in the file's order (the
        coordinator puts the first choice first, e.g. the own huisarts before the post)."""
        return tuple(s for s in (*self.services, *self.national) if kind in s.kinds)

    def is_national(self, service: Service) -> bool:
        return any(service.id == line.id for line in self.national)


class LeafletSection(_Model):
    """A reader's question with a short answer and optional bullet points."""

    question: str = Field(alias="vraag", min_length=1)
    answer: tuple[str, ...] = Field(alias="antwoord", min_length=1)
    points: tuple[str, ...] = Field(default=(), alias="punten")

    _paragraphs = field_validator("answer", "points", mode="before")(_text_tuple)


class LeafletContacts(_Model):
    """Which services of the sociale kaart a leaflet lists, in this order of kinds."""

    heading: str = Field(default="Hulp bij u in de buurt", alias="kop")
    kinds: tuple[ServiceKind, ...] = Field(alias="soorten", min_length=1)
    limit: int = Field(default=5, alias="hoogstens", ge=1, le=10)


class Leaflet(_Model):
    topic: LeafletId = Field(alias="id", pattern=r"^[a-z][a-z0-9_]{0,63}$")
    title: str = Field(alias="titel", min_length=1)
    intro: tuple[str, ...] = Field(alias="inleiding", min_length=1)
    # Signals about these themes suggest the leaflet when no form rule names leaflets.
    themes: tuple[ThemeId, ...] = Field(default=(), alias="signalen")
    sections: tuple[LeafletSection, ...] = Field(alias="vragen", min_length=1)
    contacts: LeafletContacts = Field(alias="contacten")
    closing: str | None = Field(default=None, alias="tot_slot")

    _paragraphs = field_validator("intro", mode="before")(_text_tuple)

    def texts(self) -> list[str]:
        """Every running text of the leaflet, for language checks."""
        out = [self.title, *self.intro]
        for section in self.sections:
            out += [section.question, *section.answer, *section.points]
        out.append(self.contacts.heading)
        if self.closing:
            out.append(self.closing)
        return out


# --- loading -----------------------------------------------------------------------------

_M = TypeVar("_M", bound=BaseModel)

_cache_lock = threading.Lock()
_leaflet_cache: dict[Path, tuple[object, Mapping[LeafletId, Leaflet]]] = {}
_directory_cache: dict[Path, tuple[object, ServiceDirectory]] = {}

_ERROR_TEXT_NL = {
    "missing": "'{field}' ontbreekt",
    "extra_forbidden": "'{field}' is onbekend",
    "enum": "'{field}' heeft een waarde die niet bestaat",
    "string_too_short": "'{field}' is leeg",
    "too_short": "'{field}' is leeg",
    "date_type": "'{field}' is geen datum (schrijf 2026-01-31)",
    "date_from_datetime_parsing": "'{field}' is geen datum (schrijf 2026-01-31)",
    "string_pattern_mismatch": "'{field}' mag alleen kleine letters, cijfers, - en _ hebben",
}


def _dutch_detail(exc: ValidationError) -> tuple[str, str]:
    first = exc.errors()[0]
    field = " > ".join(str(part) for part in first["loc"]) or "het bestand"
    template = _ERROR_TEXT_NL.get(first["type"], "'{field}' heeft een verkeerde waarde")
    if first["type"] == "value_error":
        detail_nl = f"bij '{field}': {first['msg'].removeprefix('Value error, ')}"
    else:
        detail_nl = template.format(field=field)
    return f"{first['type']} at {field}", detail_nl


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        raise ResourceFileError.for_file(path, "missing", "het bestand ontbreekt")
    try:
        text = read_bounded(path, MAX_RESOURCE_BYTES).decode("utf-8")
        check_yaml(text, name=path.name)
    except FileRefusedError as exc:
        raise ResourceFileError.for_file(
            path, f"refused: {exc.log_message}", exc.reason_nl
        ) from None
    except UnicodeDecodeError as exc:
        raise ResourceFileError.for_file(
            path, f"unreadable: {type(exc).__name__}", "het bestand is niet te lezen"
        ) from exc
    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = int(mark.line) + 1 if mark is not None else None
        raise ResourceFileError.for_file(
            path,
            f"YAML syntax error at line {line}",
            f"de opmaak klopt niet rond regel {line}" if line else "de opmaak klopt niet",
        ) from exc


def _parse(path: Path, model: type[_M]) -> _M:
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ResourceFileError.for_file(path, "not a mapping", "het bestand is leeg of onvolledig")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        log_detail, detail_nl = _dutch_detail(exc)
        raise ResourceFileError.for_file(path, log_detail, detail_nl) from exc


def _signature(paths: Iterable[Path]) -> object:
    """What must stay the same for a cached parse to still be valid."""
    out = []
    for path in sorted(paths):
        try:
            stat = path.stat()
        except OSError:
            out.append((path.name, -1, -1))
        else:
            out.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(out)


_LEAFLET_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


def default_leaflets_dir() -> Path:
    """The shipped leaflets, or the organisation's from an accepted configuration package."""
    return active_dir(LEAFLETS_FOLDER, resources_dir() / LEAFLETS_FOLDER)


def default_directory_dir() -> Path:
    """The shipped sociale kaart, or the organisation's from an accepted configuration."""
    return active_dir(DIRECTORY_FOLDER, resources_dir() / DIRECTORY_FOLDER)


def load_leaflets(folder: Path | None = None) -> Mapping[LeafletId, Leaflet]:
    """Every leaflet in ``folder`` (default: the shipped ones), one ``<id>.yaml`` per leaflet.

    The built-in leaflets must be there; an organisation may add more (a new file whose
    ``id`` is its name). Built-in ones come first, then the others by id. Parsed files are
    cached until one of them changes on disk, so repeat calls are cheap.
    """
    folder = (folder or default_leaflets_dir()).resolve()
    files = list(folder.glob("*.yaml")) + [folder / f"{topic.value}.yaml" for topic in LeafletTopic]
    signature = _signature(set(files))
    with _cache_lock:
        cached = _leaflet_cache.get(folder)
        if cached is not None and cached[0] == signature:
            return cached[1]
    for path in files:
        if not _LEAFLET_ID.match(path.stem):
            raise ResourceFileError.for_file(
                path,
                "bad leaflet file name",
                "de naam van een folderbestand mag alleen kleine letters, cijfers en _ hebben",
            )
    builtin = [topic.value for topic in LeafletTopic]
    extra = sorted({path.stem for path in files} - set(builtin))
    leaflets: dict[LeafletId, Leaflet] = {}
    for topic in (*builtin, *extra):
        path = folder / f"{topic}.yaml"
        leaflet = _parse(path, Leaflet)
        if leaflet.topic != topic:
            raise ResourceFileError.for_file(
                path, "id does not match file name", f"'id' moet '{topic}' zijn"
            )
        leaflets[topic] = leaflet
    result: Mapping[LeafletId, Leaflet] = MappingProxyType(leaflets)
    with _cache_lock:
        _leaflet_cache[folder] = (signature, result)
    return result


def load_directory(folder: Path | None = None) -> ServiceDirectory:
    """The sociale kaart in ``folder`` (or that file itself); default: the shipped demo one."""
    path = (folder or default_directory_dir()).resolve()
    if path.is_dir():
        path = path / DIRECTORY_FILE
    signature = _signature([path])
    with _cache_lock:
        cached = _directory_cache.get(path)
        if cached is not None and cached[0] == signature:
            return cached[1]
    directory = _parse(path, ServiceDirectory)
    with _cache_lock:
        _directory_cache[path] = (signature, directory)
    return directory


# --- queries -------------------------------------------------------------------------------


def leaflet_contacts(leaflet: Leaflet, directory: ServiceDirectory) -> tuple[Service, ...]:
    """The services a leaflet lists: by the leaflet's kinds in order, then by topic; within a
    kind in the order of the sociale kaart (the coordinator puts the first choice first).
    National lines of a kind the leaflet names come after the local ones."""
    wanted = leaflet.contacts.kinds
    position = {service.id: n for n, service in enumerate(directory.services)}

    def rank(service: Service) -> tuple[int, int]:
        positions = [wanted.index(kind) for kind in service.kinds if kind in wanted]
        return (min(positions) if positions else len(wanted), position[service.id])

    matching = [
        service
        for service in directory.services
        if leaflet.topic in service.topics or any(kind in wanted for kind in service.kinds)
    ]
    # National lines only when the leaflet asks for their kind (Veilig Thuis on veilig_ouder).
    national = [s for s in directory.national if any(kind in wanted for kind in s.kinds)]
    local = sorted(matching, key=rank)[: max(leaflet.contacts.limit - len(national), 1)]
    return (*local, *national)


def stale_services(
    services: ServiceDirectory | Iterable[Service], today: date, months: int = 12
) -> list[Service]:
    """Services last checked more than ``months`` months before ``today``, oldest first.

    For the volunteer's screen only: a printed leaflet never says its contacts may be out of date.
    """
    items = services.services if isinstance(services, ServiceDirectory) else tuple(services)
    cutoff = months_before(today, months)
    return sorted(
        (service for service in items if service.last_checked < cutoff),
        key=lambda service: (service.last_checked, service.name.casefold()),
    )


class SignalLike(Protocol):
    """The part of a raised signal that leaflet suggestions need."""

    @property
    def theme(self) -> ThemeId: ...

    @property
    def severity(self) -> Severity: ...


def suggest_leaflets(
    signals: Iterable[ThemeId | SignalLike],
    leaflets: Mapping[LeafletId, Leaflet] | None = None,
) -> list[LeafletId]:
    """Leaflets whose themes match the signals, most urgent signal first, each topic once.

    The fallback for signals whose rule names no leaflets (and for signals added by hand);
    a rule's own ``leaflets`` come first, see ``services.documents``.
    """
    library = leaflets if leaflets is not None else load_leaflets()
    urgency: dict[str, Severity] = {}
    for signal in signals:
        theme, severity = (
            (signal, Severity.INFORMATIE)
            if isinstance(signal, str)
            else (signal.theme, signal.severity)
        )
        urgency[theme] = max(severity, urgency.get(theme, severity))
    order = list(library)
    scored: list[tuple[int, int, LeafletId]] = []
    for topic, leaflet in library.items():
        levels = [urgency[theme] for theme in leaflet.themes if theme in urgency]
        if levels:
            scored.append((-max(levels), order.index(topic), topic))
    return [topic for _, _, topic in sorted(scored)]


# --- language check ----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ'’-]+")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def long_sentences(leaflet: Leaflet, max_words: int = 15) -> list[str]:
    """Sentences with more than ``max_words`` words: B1 asks for short ones."""
    return [
        sentence
        for text in leaflet.texts()
        for sentence in sentences(text)
        if len(_WORD.findall(sentence)) > max_words
    ]
