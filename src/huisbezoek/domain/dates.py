"""Dates as Dutch people type them: 15031949, 15-3-1949, 15/3/49, 15 maart 1949, 15 mrt 1949.

Day first, always. A two-digit year is read as the most recent year that is not in the future
(residents are 75-80, so "49" is 1949, not 2049). Anything unclear gives ``None``; the screen
then says what it expects.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
_ABBREVIATIONS = {"mrt": 3, "sept": 9}

_DIGITS_ONLY = re.compile(r"\d{6}|\d{8}")
_PARTS = re.compile(r"(\d{1,2})\s*[-/.\s]\s*(\d{1,2}|[a-z]+)\.?\s*[-/.\s]\s*(\d{2}|\d{4})")


def _month(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    if len(word) < 3:
        return None
    found = [n for name, n in MONTHS.items() if name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:
        year += today.year // 100 * 100
        if year > today.year:
            year -= 100
    return year


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date ``text`` stands for, or ``None`` when it is not a clear day-month-year date."""
    today = today or dt.date.today()
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    if _DIGITS_ONLY.fullmatch(cleaned):
        day, month, year = cleaned[:2], cleaned[2:4], cleaned[4:]
    else:
        match = _PARTS.fullmatch(cleaned)
        if match is None:
            return None
        day, month, year = match.groups()
    month_number = _month(month)
    if month_number is None:
        return None
    try:
        return dt.date(_year(year, today), month_number, int(day))
    except ValueError:
        return None


_TIME = re.compile(r"(\d{1,2})(?:[:.\s]?(\d{2}))?")


def parse_time(text: str) -> dt.time | None:
    """10, 1030, 10:30, 10.30 and 9.05 as a time of day; anything else ``None``."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def format_date(value: dt.date) -> str:
    """The way the app shows a date: 15-03-1949."""
    return value.strftime("%d-%m-%Y")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to that month's last day
    (31 May minus 3 months is 28 or 29 February). Retention periods count this way."""
    year, month = divmod(day.year * 12 + (day.month - 1) - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))
