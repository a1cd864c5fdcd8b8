"""Fictional residents for the demo vault, so a new volunteer can try every screen safely.

Every name, address and phone number here is made up; the phone numbers use the 0612345xxx
range and the street names do not belong to a real town.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from huisbezoek.domain import (
    NOT_ASKED,
    ConsentMethod,
    ConsentScope,
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    ReferralCaller,
    Severity,
)
from huisbezoek.services import residents as res
from huisbezoek.services.residents import VaultLike

_FIRST = [
    "Johanna",
    "Hendrik",
    "Maria",
    "Cornelis",
    "Geertruida",
    "Willem",
    "Aaltje",
    "Jacobus",
    "Hendrika",
    "Pieter",
    "Wilhelmina",
    "Gerrit",
    "Anna",
    "Jan",
    "Catharina",
    "Dirk",
    "Elisabeth",
    "Teunis",
    "Margaretha",
    "Klaas",
    "Grietje",
    "Bernard",
    "Sophia",
    "Frans",
]
_LAST = [
    "de Vries-Bakker",
    "Jansen",
    "van Dijk",
    "Visser",
    "Smit",
    "Mulder",
    "de Boer",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Koster",
    "Prins",
    "Huisman",
    "Kuiper",
    "Vermeulen",
]
_STREETS = [
    ("Lindelaan", "Lindehoeve"),
    ("Kastanjeplein", "Lindehoeve"),
    ("Molenstraat", "Molenkwartier"),
    ("Zeilmakerspad", "Molenkwartier"),
    ("Bloesemhof", "Oude Kern"),
    ("Kerkpad", "Oude Kern"),
]


def demo_residents() -> list[res.ResidentInput]:
    people = []
    for i, (first, last) in enumerate(zip(_FIRST, _LAST, strict=True)):
        street, area = _STREETS[i % len(_STREETS)]
        people.append(
            res.ResidentInput(
                name=f"{first} {last}",
                address=f"{street} {3 + i * 2}",
                postcode=f"9{(i % 6) + 1}99 Z{chr(ord('A') + i % 20)}",
                neighbourhood=area,
                birth_date=date(1946 + i % 5, 1 + i % 12, 1 + (i * 3) % 28),
                phone=f"06 1234 5{i:03d}",
            )
        )
    return people


def fill_demo_vault(vault: VaultLike, *, now: datetime | None = None) -> list[int]:
    """Add the fictional residents with a mix of contact histories; returns their ids."""
    now = now or datetime.now(UTC)
    ids = [res.add_resident(vault, p) for p in demo_residents()]
    week = timedelta(days=7)
    letter = now - 3 * week
    for rid in ids[:18]:
        res.log_contact(
            vault, rid, method=ContactMethod.LETTER, outcome=ContactOutcome.INVITED, at=letter
        )
    # A few declined, some want a visit, some could not be reached.
    for rid, reason in zip(
        ids[:6],
        [DeclineReason.NO_NEED, DeclineReason.ALREADY_HELPED, DeclineReason.HEALTH] * 2,
        strict=True,
    ):
        res.log_contact(
            vault,
            rid,
            method=ContactMethod.PHONE,
            outcome=ContactOutcome.DECLINED,
            decline_reason=reason,
            at=now - 2 * week,
        )
    for offset, rid in enumerate(ids[6:10]):
        res.log_contact(
            vault,
            rid,
            method=ContactMethod.PHONE,
            outcome=ContactOutcome.INTERESTED,
            at=now - week,
        )
        res.add_appointment(
            vault, rid, (now + timedelta(days=2 + offset)).replace(hour=10, minute=0)
        )
    for rid in ids[10:13]:
        for n in range(3):
            res.log_contact(
                vault,
                rid,
                method=ContactMethod.DOOR if n else ContactMethod.PHONE,
                outcome=ContactOutcome.NO_ANSWER,
                at=now - timedelta(days=10 - n * 3),
            )
    res.log_contact(
        vault, ids[13], method=ContactMethod.PHONE, outcome=ContactOutcome.MOVED, at=now - week
    )
    for rid, answers in zip(ids[14:16], DEMO_VISITS, strict=True):
        visited = (now - timedelta(days=5)).replace(hour=14, minute=0)
        res.log_contact(
            vault, rid, method=ContactMethod.PHONE, outcome=ContactOutcome.INTERESTED, at=letter
        )
        res.add_appointment(vault, rid, visited)
        _finished_visit(vault, rid, {"bezoekdatum": visited.date(), **answers})
    return ids


# Two finished conversations, so the review, the summary and an export can be tried at once.
# The first raises signals the resident agreed to share; the second raises one they did not.
DEMO_VISITS: tuple[dict[str, Any], ...] = (
    {
        "toestemming_gesprek": True,
        "woonsituatie": "alleen",
        "welzijn_lichaam": 6,
        "welzijn_mentaal": 5,
        "welzijn_zingeving": 7,
        "welzijn_kwaliteit": 6,
        "welzijn_meedoen": 4,
        "welzijn_dagelijks": 7,
        "gevallen": True,
        "val_aantal": 2,
        "bang_vallen": True,
        "rookmelder": False,
        "contact_vaak": "minder",
        "meer_ontmoeten": True,
        "waardevol": "Mijn kleinkinderen. En 's ochtends koffie in de tuin.",
        "wens": "Weer zelf naar de markt lopen.",
        "afspraak": "terugbellen",
    },
    {
        "toestemming_gesprek": True,
        "woonsituatie": "met_partner",
        "welzijn_lichaam": 8,
        "welzijn_mentaal": 8,
        "welzijn_zingeving": 9,
        "welzijn_kwaliteit": 8,
        "welzijn_meedoen": 7,
        "welzijn_dagelijks": 8,
        "medicijnen_aantal": 6,
        "medicijnen_besproken": False,
        "afspraak": "geen_vervolg",
    },
)


def _finished_visit(vault: Any, resident_id: int, answers: dict[str, Any]) -> None:
    """A finalised visit with these answers; required questions left are 'niet gevraagd'."""
    from huisbezoek.forms import FormState
    from huisbezoek.services import review, visit_resume

    form = visit_resume.default_form()
    state = FormState(form, answers)
    for _ in range(3):  # answering one question can make another relevant
        missing = {qid: NOT_ASKED for qid in state.evaluation.messages if qid not in answers}
        if not missing:
            break
        answers = {**answers, **missing}
        state = FormState(form, answers)
    opened = visit_resume.start_or_resume(vault, resident_id, form)
    for question_id, value in answers.items():
        visit_resume.save_answer(vault, opened.visit_id, question_id, value)
    raised = state.evaluation.signals
    signals = review.sync_signals(vault, opened.visit_id, raised).signals
    shared = answers.get("woonsituatie") == "alleen"
    visit_day = answers.get("bezoekdatum")
    for signal in signals:
        # Every signal gets an explicit share decision: shared when she lives alone, else not.
        # The fall signal also gets a referral the resident agreed to: she calls herself.
        referral = shared and signal.theme == "vallen" and signal.severity >= Severity.ZORG
        scopes = [ConsentScope.SHARE_SIGNAL, ConsentScope.SHARE_IDENTITY] if shared else []
        review.set_signal_consent(
            vault,
            signal.id,
            scopes=[*scopes, ConsentScope.REFERRAL] if referral else scopes,
            method=ConsentMethod.ORAL,
            referral_service="Cursus Stevig Staan" if referral else None,
            referral_caller=ReferralCaller.RESIDENT if referral else None,
            referral_due=visit_day + timedelta(days=14)
            if referral and isinstance(visit_day, date)
            else None,
        )
    review.finalise(vault, opened.visit_id, raised=raised, open_required=0)
