"""The one bounded reader for every file that comes from outside the app's own writes.

Vault side files, key slots, backups, batches, packages, forms, leaflets, the sociale kaart,
CSV lists and enrolment files all come in through here, so each gets the same treatment:

* regular files only: a FIFO, a device (``/dev/zero``) or a folder is refused. The file is
  opened with ``O_NONBLOCK`` and checked with ``fstat`` on the open descriptor, so opening a
  FIFO never waits for a writer and the check and the read are of the same file;
* the size is checked before a byte is read, and at most ``limit + 1`` bytes are read, so a
  file that grows (or a sparse 1 GiB file) never fills memory;
* JSON is parsed with a bounded nesting depth (a pre-scan, before the recursive parser runs)
  and bounded numbers (no ``1e999``, no 5000-digit integers, no ``NaN``);
* YAML is checked for nesting depth, aliases and huge numbers on the parser's event stream
  (which is not recursive) before the recursive composer runs;
* CSV text is decoded with a clear message for UTF-16 and binary files, NUL refused, a
  field over the limit and an unbalanced quote reported by line.

Every failure is a ``FileRefusedError`` (a ``UserError``) with a Dutch message; nothing is
changed by a refused read. Callers that have their own error type (a damaged key file, a form
problem) wrap the Dutch reason.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from huisbezoek.errors import InvalidInputError
from huisbezoek.safe_text import clean_line

#: Nesting depth allowed in JSON and YAML from outside. Our own files nest less than 10 deep.
MAX_DEPTH = 64
#: Characters allowed in one number (JSON) or numeric-looking plain scalar (YAML).
MAX_NUMBER_CHARS = 40
#: YAML aliases allowed in one file (a few are harmless; many can expand exponentially).
MAX_YAML_ALIASES = 100
#: One CSV field (Python's default is 128 KiB and then raises ``_csv.Error``).
MAX_CSV_FIELD_CHARS = 64 * 1024

_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


class FileRefusedError(InvalidInputError):
    """A file from outside that is not read: wrong kind, too large, or badly formed.

    ``reason_nl`` is a short Dutch clause ("het bestand is te groot") that callers with their
    own message can embed; ``message_nl`` is the whole sentence for the screen.
    """

    def __init__(
        self, log_message: str, *, reason_nl: str, name: str = "", too_large: bool = False
    ) -> None:
        self.reason_nl = reason_nl
        #: True when the only fault is the size (callers may have their own "too large" error).
        self.too_large = too_large
        self.file_name = clean_line(name)[:120]
        subject = f"Het bestand {self.file_name}" if self.file_name else "Het bestand"
        super().__init__(
            log_message,
            message_nl=f"{subject} is niet ingelezen: {reason_nl}. Er is niets veranderd.",
        )


def _size_text(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):.0f} MB"
    if limit >= 1024:
        return f"{limit / 1024:.0f} kB"
    return f"{limit} bytes"


def _open_fd(path: Path) -> int:
    name = Path(path).name
    try:
        return os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_BINARY)
    except FileNotFoundError:
        raise FileRefusedError(
            "file not found", reason_nl="het bestand bestaat niet", name=name
        ) from None
    except IsADirectoryError:
        raise FileRefusedError(
            "path is a folder", reason_nl="dit is een map, geen bestand", name=name
        ) from None
    except PermissionError:
        raise FileRefusedError(
            "permission denied", reason_nl="u mag dit bestand niet lezen", name=name
        ) from None
    except OSError as exc:
        raise FileRefusedError(
            f"cannot open: {type(exc).__name__}",
            reason_nl="het bestand kan niet worden geopend",
            name=name,
        ) from None


def _check_regular(fd: int, path: Path, limit: int) -> int:
    """The file's size, after checking it is a regular file no larger than ``limit``."""
    name = Path(path).name
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise FileRefusedError(
            "path is a folder", reason_nl="dit is een map, geen bestand", name=name
        )
    if not stat.S_ISREG(info.st_mode):
        raise FileRefusedError(
            "not a regular file",
            reason_nl="dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)",
            name=name,
        )
    if info.st_size > limit:
        raise FileRefusedError(
            f"file of {info.st_size} bytes over the limit of {limit}",
            reason_nl=f"het bestand is te groot (meer dan {_size_text(limit)})",
            name=name,
            too_large=True,
        )
    return int(info.st_size)


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refused when larger than ``limit``."""
    path = Path(path)
    fd = _open_fd(path)
    try:
        size = _check_regular(fd, path, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # Ask for the size found plus one byte (to notice growth), never more than the limit.
            data = handle.read(min(size, limit) + 1)
            if len(data) > size:
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        raise FileRefusedError(
            f"read failed: {type(exc).__name__}",
            reason_nl="het bestand kan niet worden gelezen",
            name=path.name,
        ) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise FileRefusedError(
            "file grew over the limit while being read",
            reason_nl=f"het bestand is te groot (meer dan {_size_text(limit)})",
            name=path.name,
            too_large=True,
        )
    return data


@contextlib.contextmanager
def open_bounded(path: Path, limit: int) -> Iterator[IO[bytes]]:
    """An open binary handle on the regular file at ``path`` (for files read in pieces, like
    a backup's ZIP archive), after the same checks as ``read_bounded``."""
    path = Path(path)
    fd = _open_fd(path)
    try:
        _check_regular(fd, path, limit)
        if _O_NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def is_regular_file(path: Path) -> bool:
    """True for an existing regular file (a symlink to one counts); never opens it."""
    try:
        return stat.S_ISREG(Path(path).stat().st_mode)
    except (OSError, ValueError):
        return False


# -- JSON ---------------------------------------------------------------------------------------

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def check_json_depth(text: str, max_depth: int = MAX_DEPTH, *, name: str = "") -> None:
    """Refuse JSON nested deeper than ``max_depth`` before a recursive parser sees it."""
    depth = 0
    for match in _BRACKETS.finditer(_JSON_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            if depth > max_depth:
                raise FileRefusedError(
                    "json nested too deep",
                    reason_nl="de inhoud is te diep genest",
                    name=name,
                )
        else:
            depth -= 1


def _too_big_number(name: str) -> FileRefusedError:
    return FileRefusedError(
        "number out of range", reason_nl="er staat een getal in dat te groot is", name=name
    )


def loads_json(data: bytes | str, *, max_depth: int = MAX_DEPTH, name: str = "") -> Any:
    """Parse JSON from outside: bounded depth and numbers, UTF-8 only; ``FileRefusedError``
    for anything else (syntax errors included)."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise FileRefusedError(
                "json is not utf-8", reason_nl="de inhoud is geen leesbare tekst", name=name
            ) from None
    else:
        text = data
    check_json_depth(text, max_depth, name=name)

    def parse_int(value: str) -> int:
        if len(value) > MAX_NUMBER_CHARS:
            raise _too_big_number(name)
        return int(value)

    def parse_float(value: str) -> float:
        number = float(value)
        if len(value) > MAX_NUMBER_CHARS or number in (float("inf"), float("-inf")):
            raise _too_big_number(name)
        return number

    def parse_constant(value: str) -> Any:
        raise _too_big_number(name)

    try:
        return json.loads(
            text, parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant
        )
    except (ValueError, RecursionError):
        raise FileRefusedError(
            "json syntax error", reason_nl="de inhoud is geen geldige JSON", name=name
        ) from None


# -- YAML ---------------------------------------------------------------------------------------

_NUMBERISH = re.compile(r"[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?0[xXoObB][0-9a-fA-F_]+")


def check_yaml(
    text: str,
    *,
    max_depth: int = MAX_DEPTH,
    max_aliases: int = MAX_YAML_ALIASES,
    name: str = "",
) -> None:
    """Walk the YAML parser's events (an iterative state machine) and refuse deep nesting,
    many aliases and huge numbers before the recursive composer builds anything.

    Syntax errors are left to the real load, which reports them with a line number.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        ScalarEvent,
    )

    depth = aliases = 0
    try:
        for event in YAML(typ="safe", pure=True).parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    raise FileRefusedError(
                        "yaml nested too deep", reason_nl="de inhoud is te diep genest", name=name
                    )
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, AliasEvent):
                aliases += 1
                if aliases > max_aliases:
                    raise FileRefusedError(
                        "yaml has too many aliases",
                        reason_nl="de inhoud verwijst te vaak naar zichzelf",
                        name=name,
                    )
            elif (
                isinstance(event, ScalarEvent)
                and not event.style
                and len(event.value) > MAX_NUMBER_CHARS
                and _NUMBERISH.fullmatch(event.value)
            ):
                raise _too_big_number(name)
    except YAMLError:
        return  # the load itself reports the syntax error with its line


# -- CSV ----------------------------------------------------------------------------------------


def decode_csv(data: bytes, *, name: str = "", fallback: str = "cp1252") -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), else ``fallback`` (Excel on Dutch
    Windows saves Windows-1252). UTF-16/32 and binary files get a message about the encoding;
    a NUL character is refused (it has no place in a list of names and addresses)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(data) >= 4 and (data[1:4:2] == b"\0\0" or data[0:3:2] == b"\0\0")
    ):
        raise FileRefusedError(
            "csv in utf-16",
            reason_nl=(
                "het is opgeslagen als Unicode (UTF-16). Sla het in Excel op als "
                "'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw"
            ),
            name=name,
        )
    if b"\0" in data:
        raise FileRefusedError(
            "csv holds NUL bytes",
            reason_nl="er staan onzichtbare nultekens in; is het wel een CSV-bestand?",
            name=name,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode(fallback, errors="replace")


class CsvProblem(InvalidInputError):
    """A CSV file that cannot be read row by row; ``line`` is the spreadsheet line number."""

    def __init__(self, log_message: str, *, line: int, reason_nl: str) -> None:
        self.line = line
        self.reason_nl = reason_nl
        super().__init__(
            log_message,
            message_nl=f"Regel {line}: {reason_nl} Er is niets ingelezen.",
        )


def csv_rows(
    text: str, delimiter: str, *, max_field: int = MAX_CSV_FIELD_CHARS
) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each record. A field longer than ``max_field`` and a quote
    that is opened but never closed raise ``CsvProblem`` naming the line; the rest of the
    file is never silently merged into one field."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    line = 1
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc) or "EOF" in str(exc):
                raise CsvProblem(
                    "unbalanced quote",
                    line=start,
                    reason_nl=(
                        'hier staat een aanhalingsteken (") zonder tweede aanhalingsteken. '
                        "Haal het weg of zet er een tweede bij."
                    ),
                ) from None
            if "field larger than field limit" in str(exc):
                raise _field_too_long(start, max_field) from None
            raise CsvProblem(
                "csv syntax", line=start, reason_nl="deze regel kan niet worden gelezen."
            ) from None
        line = start
        if any(len(cell) > max_field for cell in cells):
            raise _field_too_long(line, max_field)
        yield line, cells


def _field_too_long(line: int, max_field: int) -> CsvProblem:
    return CsvProblem(
        "csv field too long",
        line=line,
        reason_nl=(
            f"een vakje is te lang (meer dan {max_field // 1024} duizend tekens). "
            "Misschien ontbreekt er een aanhalingsteken."
        ),
    )


__all__ = [
    "MAX_CSV_FIELD_CHARS",
    "MAX_DEPTH",
    "CsvProblem",
    "FileRefusedError",
    "check_json_depth",
    "check_yaml",
    "csv_rows",
    "decode_csv",
    "is_regular_file",
    "loads_json",
    "open_bounded",
    "read_bounded",
]


#: Largest YAML file (form, leaflet, sociale kaart) taken from a folder for a package.
MAX_YAML_FILE_BYTES = 4 * 1024 * 1024
#: Most YAML files taken from one folder.
MAX_YAML_FILES = 200


def read_yaml_folder(folder: Path) -> dict[str, str]:
    """Every ``*.yaml`` in ``folder`` as text (for a configuration package), each through the
    bounded reader and checked for depth; FIFOs, devices and oversized files are refused."""
    files = sorted(Path(folder).glob("*.yaml"))
    if len(files) > MAX_YAML_FILES:
        raise FileRefusedError(
            "too many yaml files",
            reason_nl=f"er staan meer dan {MAX_YAML_FILES} bestanden in de map",
            name=Path(folder).name,
        )
    out: dict[str, str] = {}
    for path in files:
        try:
            text = read_bounded(path, MAX_YAML_FILE_BYTES).decode("utf-8")
        except UnicodeDecodeError:
            raise FileRefusedError(
                "yaml not utf-8", reason_nl="dit is geen tekstbestand (UTF-8)", name=path.name
            ) from None
        check_yaml(text, name=path.name)
        out[path.name] = text
    return out
