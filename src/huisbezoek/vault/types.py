"""Column types shared by every vault schema: UTC timestamps as ISO text, enums as their values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum, IntEnum
from typing import Any, TypeVar

from sqlalchemy import Date, Dialect, Integer, String
from sqlalchemy.types import TypeDecorator

from huisbezoek.domain import Theme, theme_of

E = TypeVar("E", bound=Enum)
IE = TypeVar("IE", bound=IntEnum)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as ISO-8601 text in UTC (sorts correctly, no time-zone loss)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the vault; use datetime.now(UTC)")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(str(value))


class StrEnumType(TypeDecorator[E]):
    """A ``StrEnum`` stored as its value (the Dutch slug), so the file stays readable."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_cls: type[E]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: E | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(self.enum_cls(value).value)

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self.enum_cls(value)


class ThemeType(TypeDecorator[Theme]):
    """A theme id stored as text; read back as the built-in ``Theme`` when it is one, else as
    an ``OtherTheme`` (a theme a form declared), so both read the same way in code."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Theme | None:
        return None if value is None else theme_of(str(value))  # type: ignore[return-value]


class IntEnumType(TypeDecorator[IE]):
    """An ``IntEnum`` (``Severity``) stored as its number, so SQL can order and compare it."""

    impl = Integer
    cache_ok = True

    def __init__(self, enum_cls: type[IE]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: IE | int | None, dialect: Dialect) -> int | None:
        return None if value is None else int(self.enum_cls(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> IE | None:
        return None if value is None else self.enum_cls(value)


def utcnow() -> datetime:
    return datetime.now(UTC)


# Every schema's metadata names its constraints the same way (stable names for migrations) and
# maps Python annotations to the same column types.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def type_annotation_map() -> dict[Any, Any]:
    """A fresh annotation map for a schema's ``DeclarativeBase``."""
    return {datetime: UTCDateTime(), date: Date(), str: String(200)}
