from datetime import UTC, date, datetime, timedelta

import pytest

from huisbezoek.domain import (
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    ResidentStatus,
)
from huisbezoek.errors import InvalidInputError
from huisbezoek.services import residents as svc
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams


@pytest.fixture
def vault(tmp_path):
    v, _ = Vault.create(tmp_path / "vault", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    yield v
    v.close()


def add(vault, name="Anna de Boer", **kw):
    return svc.add_resident(vault, svc.ResidentInput(name=name, **kw))


def test_add_edit_and_list(vault):
    rid = add(vault, address="Lindelaan 3", postcode="9199za", neighbourhood="Lindehoeve")
    rows = svc.list_residents(vault)
    assert [r.name for r in rows] == ["Anna de Boer"]
    assert rows[0].postcode == "9199 ZA"
    assert rows[0].status is ResidentStatus.TO_INVITE
    svc.update_resident(vault, rid, svc.ResidentInput(name="  Anna  de Boer-Visser "))
    detail = svc.resident_detail(vault, rid)
    assert detail.row.name == "Anna de Boer-Visser"
    assert detail.row.address == ""


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (svc.ResidentInput(name=" "), "naam"),
        (svc.ResidentInput(name="A", postcode="12"), "postcode"),
        (svc.ResidentInput(name="A", phone="bel mij"), "telefoonnummer"),
        (svc.ResidentInput(name="A", birth_date=date(2999, 1, 1)), "geboortedatum"),
    ],
)
def test_bad_input_has_dutch_message(vault, data, words):
    with pytest.raises(InvalidInputError) as info:
        svc.add_resident(vault, data)
    assert words in info.value.message_nl.lower()
    assert svc.list_residents(vault) == []


def test_status_follows_contacts(vault):
    rid = add(vault)
    now = datetime.now(UTC)
    svc.log_contact(
        vault,
        rid,
        method=ContactMethod.LETTER,
        outcome=ContactOutcome.INVITED,
        at=now - timedelta(2),
    )
    assert svc.list_residents(vault)[0].status is ResidentStatus.INVITED
    svc.log_contact(
        vault,
        rid,
        method=ContactMethod.PHONE,
        outcome=ContactOutcome.DECLINED,
        decline_reason=DeclineReason.NO_NEED,
        at=now - timedelta(1),
    )
    assert svc.list_residents(vault)[0].status is ResidentStatus.DECLINED
    svc.log_contact(
        vault, rid, method=ContactMethod.DOOR, outcome=ContactOutcome.INTERESTED, at=now
    )
    svc.add_appointment(vault, rid, now + timedelta(days=3))
    row = svc.list_residents(vault)[0]
    assert row.status is ResidentStatus.APPOINTMENT
    assert row.next_appointment is not None
    detail = svc.resident_detail(vault, rid)
    assert [c.outcome for c in detail.contacts] == [
        ContactOutcome.INTERESTED,
        ContactOutcome.DECLINED,
        ContactOutcome.INVITED,
    ]
    assert detail.contacts[1].decline_reason is DeclineReason.NO_NEED
    svc.cancel_appointment(vault, detail.appointments[0].id)
    assert svc.list_residents(vault)[0].status is ResidentStatus.INVITED


def test_decline_needs_reason(vault):
    rid = add(vault)
    with pytest.raises(InvalidInputError):
        svc.log_contact(vault, rid, method=ContactMethod.PHONE, outcome=ContactOutcome.DECLINED)
    assert svc.resident_detail(vault, rid).contacts == ()


GOOD_CSV = (
    b"naam;adres;postcode;wijk;geboortedatum;telefoon\n"
    b"Jan Smit;Molenstraat 1;9199 ZA;Molenkwartier;03-04-1949;06 1234 5678\n"
    b"Grietje Bos;Kerkpad 2;9198zb;Oude Kern;1948-12-01;\n"
)


def test_csv_import_and_reimport_adds_nothing(vault):
    progress = []
    result = svc.import_csv(vault, GOOD_CSV, progress=lambda f, m: progress.append(f))
    assert (result.added, result.skipped_duplicates) == (2, 0)
    assert progress[-1] == 1.0
    rows = {r.name: r for r in svc.list_residents(vault)}
    assert rows["Jan Smit"].birth_date == date(1949, 4, 3)
    assert rows["Grietje Bos"].postcode == "9198 ZB"
    again = svc.import_csv(vault, GOOD_CSV)
    assert (again.added, again.skipped_duplicates) == (0, 2)


def test_csv_with_bad_rows_imports_nothing(vault, tmp_path):
    bad = GOOD_CSV + b"Piet;Straat 3;12;Wijk;31-02-1950;\n;Geen naam 4;;;;\n"
    path = tmp_path / "lijst.csv"
    path.write_bytes(bad)
    with pytest.raises(svc.CsvImportError) as info:
        svc.import_csv(vault, path)
    lines = {e.line for e in info.value.errors}
    assert lines == {4, 5}
    assert "Regel 4" in info.value.message_nl
    assert "niets ingelezen" in info.value.message_nl
    assert svc.list_residents(vault) == []


def test_csv_cancel_rolls_back(vault):
    class Stop:
        def is_set(self):
            return True

    with pytest.raises(Exception, match="cancelled"):
        svc.import_csv(vault, GOOD_CSV, cancel=Stop())
    assert svc.list_residents(vault) == []


def test_csv_needs_name_column_and_cp1252(vault):
    with pytest.raises(InvalidInputError):
        svc.import_csv(vault, b"adres;postcode\nA;B\n")
    svc.import_csv(vault, "naam,adres\nJosé Müller,Hoofdstraat 1\n".encode("cp1252"))
    assert svc.list_residents(vault)[0].name == "José Müller"
