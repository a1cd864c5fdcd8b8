"""Dates and times as Dutch people type them (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest

from huisbezoek.domain.dates import format_date, parse_date, parse_time

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15031949", dt.date(1949, 3, 15)),
        ("15-3-1949", dt.date(1949, 3, 15)),
        ("15-03-1949", dt.date(1949, 3, 15)),
        ("15/3/1949", dt.date(1949, 3, 15)),
        ("15.3.1949", dt.date(1949, 3, 15)),
        ("15 maart 1949", dt.date(1949, 3, 15)),
        ("15 Maart 1949", dt.date(1949, 3, 15)),
        ("15 mrt 1949", dt.date(1949, 3, 15)),
        ("15 mrt. 1949", dt.date(1949, 3, 15)),
        ("1 okt 1948", dt.date(1948, 10, 1)),
        ("  3 december 2026 ", dt.date(2026, 12, 3)),
        ("150349", dt.date(1949, 3, 15)),  # two-digit year: the past, not 2049
        ("1-1-26", dt.date(2026, 1, 1)),
        ("29-2-1948", dt.date(1948, 2, 29)),
    ],
)
def test_typed_dates(typed, expected):
    assert parse_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    "typed", ["", "15", "1503", "32-1-1949", "29-2-1949", "15 ma 1949", "15 j 1949", "gisteren"]
)
def test_unclear_dates_are_none(typed):
    assert parse_date(typed, today=TODAY) is None


def test_format_date():
    assert format_date(dt.date(1949, 3, 5)) == "05-03-1949"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10", dt.time(10)),
        ("1030", dt.time(10, 30)),
        ("10:30", dt.time(10, 30)),
        ("9.05", dt.time(9, 5)),
        ("24:00", None),
        ("10:75", None),
        ("half elf", None),
    ],
)
def test_typed_times(typed, expected):
    assert parse_time(typed) == expected
