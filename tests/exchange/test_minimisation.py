"""Data minimisation: what leaves the laptop is the signal, never the conversation."""

import gzip
import json
from datetime import UTC, datetime

import pyrage
from sqlalchemy import select

from huisbezoek.coordinator import organisation
from huisbezoek.domain import Severity, Theme
from huisbezoek.domain.status import quarter_of
from huisbezoek.exchange import batch
from huisbezoek.services import exchange as svc
from huisbezoek.vault.models import Answer, Visit

from .conftest import NO_SHARE, SHARE, SHARE_ID, add_visit

PERSONAL = ["Mevrouw Jansen", "Dorpsstraat", "4811 AB", "076-1234567", "heeft een hond"]
PRIVATE = ["privé notitie", "antwoord-geheim-42", "eenzaam_1"]


def decrypted(coordinator, path):
    with coordinator.session() as s:
        ids = [i.age_identity() for i in organisation.identities(s)]
    return gzip.decompress(pyrage.decrypt(batch.read(path.read_bytes()).encrypted, ids))


def export_with_answers(volunteer, tmp_path, scopes):
    add_visit(volunteer, signals=[(Theme.EENZAAMHEID, Severity.ZORG, "Voelt zich alleen", scopes)])
    with volunteer.session() as s:
        visit = s.scalars(select(Visit)).one()
        s.add(Answer(visit_id=visit.id, question_id="eenzaam_1",
                     value_json='"antwoord-geheim-42"', updated_at=datetime.now(UTC)))  # fmt: skip
    return svc.export_signals(volunteer, tmp_path)


def test_no_identity_without_identity_consent(linked, tmp_path):
    volunteer, coordinator = linked
    result = export_with_answers(volunteer, tmp_path, SHARE)
    assert result.signals == 1
    plain = decrypted(coordinator, result.path).decode()
    for needle in PERSONAL + PRIVATE:
        assert needle not in plain
    assert json.loads(plain)["signals"][0]["identity"] is None
    raw = result.path.read_bytes()
    for needle in PERSONAL + PRIVATE + ["Voelt zich alleen"]:
        assert needle.encode() not in raw  # and the file itself shows nothing


def test_identity_only_with_identity_consent_and_never_notes_or_answers(linked, tmp_path):
    volunteer, coordinator = linked
    result = export_with_answers(volunteer, tmp_path, SHARE_ID)
    plain = decrypted(coordinator, result.path).decode()
    for needle in PERSONAL[:4]:
        assert needle in plain
    for needle in ["heeft een hond", *PRIVATE]:
        assert needle not in plain
    signal = json.loads(plain)["signals"][0]
    assert set(signal) == {"id", "revision", "theme", "severity", "text", "agreed", "consent",
                           "identity", "referral_service_id", "neighbourhood"}  # fmt: skip
    assert signal["referral_service_id"] is None  # no referral consent here
    assert set(signal["identity"]) == {"name", "address", "postcode", "place", "phone"}


def test_without_sharing_consent_only_a_count_leaves(linked, tmp_path):
    volunteer, coordinator = linked
    result = export_with_answers(volunteer, tmp_path, NO_SHARE)
    payload = json.loads(decrypted(coordinator, result.path))
    assert payload["signals"] == []
    quarter = quarter_of(datetime.now(UTC).date())
    # residents, not attempts; no contact attempts or signal totals travel (schema 2)
    assert payload["neighbourhoods"] == [
        {"neighbourhood": "Noord", "outcomes": {}, "visits": 0, "unshared_signals": {},
         "periods": {quarter: {"invited": 1, "reached": 1, "accepted": 1, "visited": 1,
                               "not_reached": 0, "signalled": 1, "gone": 0, "declined": {},
                               "themes": {"eenzaamheid": 1}, "referrals": {}}}}
    ]  # fmt: skip
    assert "Voelt zich alleen" not in json.dumps(payload)


def test_draft_visits_are_not_exported(linked, tmp_path):
    volunteer, _ = linked
    add_visit(volunteer, final=False, signals=[(Theme.VALLEN, Severity.ZORG, "Concept", SHARE)])
    assert svc.export_signals(volunteer, tmp_path).signals == 0
