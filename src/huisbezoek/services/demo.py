"""Fictional residents for the demo vault, so a new volunteer can try every screen safely.

Every name, address and phone number here is made up; the phone numbers use the 0612345xxx
range and the street names do not belong to a real town.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from huisbezoek.domain import ContactMethod, ContactOutcome, DeclineReason
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
    return ids
