"""Fixtures for the privacy tests: a vault with one fully filled-in resident (invented)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from huisbezoek.domain import ConsentMethod, ConsentScope, ContactMethod, ContactOutcome
from huisbezoek.forms import FormState, load_form
from huisbezoek.services import residents as res
from huisbezoek.services import review, visit_answers
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

FORM = Path(__file__).parents[1] / "gui" / "data" / "proef.v1.yaml"
PASSPHRASE = "proef wachtwoord lang genoeg"

# Marker strings that occur nowhere else: each must be gone from every byte after an erasure.
NAME = "Wilhelmina Zeldzaamhuis"
ADDRESS = "Kwartelkoningpad 77"
NOTE = "Bewonernotitie Xylofoonkast"
CONTACT_NOTE = "Belnotitie Quetzalvogel"
ANSWER = "Valt vaak bij de Zwanenbloemvijver"
SIGNAL_NOTE = "Signaalnotitie Okapistreep"
MARKERS = [NAME, ADDRESS, NOTE, CONTACT_NOTE, ANSWER, SIGNAL_NOTE, "0698765432"]


@dataclass
class Filled:
    vault: Vault
    folder: Path
    resident_id: int
    visit_id: int
    signal_ids: list[int]


@pytest.fixture
def form():
    return load_form(FORM)


@pytest.fixture
def vault(tmp_path) -> Iterator[Vault]:
    opened, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=KdfParams.FLOOR)
    yield opened
    if not opened.closed:
        opened.close()


OTHER = {
    "name": "Ander Persoon Blijft",
    "address": "Anderlaan 2",
    "note": "Andere notitie",
    "contact_note": "Ander belletje",
    "answer": "Ander antwoord",
    "signal_note": "Andere signaalnotitie",
    "phone": "0611112222",
}


def fill_resident(
    vault: Vault,
    form,
    *,
    name: str = NAME,
    address: str = ADDRESS,
    note: str = NOTE,
    contact_note: str = CONTACT_NOTE,
    answer: str = ANSWER,
    signal_note: str = SIGNAL_NOTE,
    phone: str = "0698765432",
    when: datetime | None = None,
    share: bool = True,
) -> Filled:
    """A resident with a note, a contact, an appointment and a finished visit with answers, a
    signal with a note and consent to share it (with identity)."""
    when = when or datetime.now(UTC) - timedelta(days=1)
    rid = res.add_resident(
        vault,
        res.ResidentInput(
            name=name, address=address, postcode="9999 ZZ", neighbourhood="Noord",
            phone=phone, notes=note,
        ),
    )  # fmt: skip
    res.log_contact(
        vault, rid, method=ContactMethod.PHONE, outcome=ContactOutcome.INTERESTED,
        note=contact_note, at=when,
    )  # fmt: skip
    res.add_appointment(vault, rid, when, location="thuis", note="Afspraaknotitie")
    vid = visit_answers.start_visit(vault, rid, form)
    answers = {"toestemming": True, "gevallen": True, "hoe_vaak": 3, "onveilig": True,
               "toelichting_vallen": answer}  # fmt: skip
    for qid, value in answers.items():
        visit_answers.save_answer(vault, vid, qid, value)
    raised = FormState(form, answers).evaluation.signals
    data = review.sync_signals(vault, vid, raised)
    sids = [s.id for s in data.signals]
    review.update_signal_notes(vault, sids[0], note=signal_note, agreed_action="Belt de huisarts")
    if share:
        review.set_signal_consent(
            vault, sids[0],
            scopes={ConsentScope.SHARE_SIGNAL, ConsentScope.SHARE_IDENTITY},
            method=ConsentMethod.ORAL,
        )  # fmt: skip
    # Every other signal: the resident said no to sharing it (finalising needs a decision).
    for sid in sids[1 if share else 0 :]:
        review.set_signal_consent(vault, sid, scopes=(), method=ConsentMethod.ORAL)
    review.finalise(vault, vid, raised=raised, open_required=0)
    return Filled(vault, vault.folder, rid, vid, sids)


@pytest.fixture
def filled(vault, form) -> Filled:
    return fill_resident(vault, form)
