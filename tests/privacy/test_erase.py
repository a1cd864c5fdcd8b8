"""Erasing a resident on the laptop: everything goes, in every byte of the data folder."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from huisbezoek.services import privacy
from huisbezoek.services import residents as res
from huisbezoek.vault.core import Vault
from huisbezoek.vault.models import (
    Answer,
    ConsentRecord,
    ContactAttempt,
    Erasure,
    Resident,
    Signal,
    Visit,
    WithdrawnSignal,
)

from .conftest import MARKERS, NAME, OTHER, PASSPHRASE, fill_resident
from .pages import holders


def _count(vault, model) -> int:
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_scanner_finds_markers_in_the_encrypted_files(filled):
    """The page decryption works: before the erasure the markers are found (in the database
    or the WAL), while a plain byte scan finds nothing (the files are encrypted)."""
    key = filled.vault._require_key()
    found = {marker for _file, marker in holders(filled.folder, key, MARKERS)}
    assert found == set(MARKERS)
    backup = filled.folder / "voor.hbbackup"
    filled.vault.backup(backup)
    assert ("voor.hbbackup", NAME) in holders(filled.folder, key, [NAME])
    backup.unlink()


def test_scope_names_exactly_what_goes(filled):
    scope = privacy.erasure_scope(filled.vault, filled.resident_id)
    assert scope.name == NAME
    # Hand count from fill_resident: 1 visit, 5 answers (+ the visit date? none in this form),
    # 1 contact, 1 appointment, notes: resident, contact, appointment, signal note and agreed.
    assert (scope.visits, scope.answers, scope.contacts, scope.appointments) == (1, 5, 1, 1)
    assert scope.notes == 5
    assert scope.signals == len(filled.signal_ids)
    assert scope.consents == 2
    lines = scope.lines_nl()
    assert lines[0].startswith("Naam, adres")
    assert "1 gesprek met 5 antwoorden" in lines
    assert "5 notities" in lines and "1 contactpoging" in lines and "1 afspraak" in lines


def test_erase_leaves_no_marker_in_any_file(filled, form):
    vault = filled.vault
    other = fill_resident(vault, form, **OTHER)
    key = vault._require_key()
    scope = privacy.erase_resident(vault, filled.resident_id)
    assert scope.visits == 1
    # A backup made after the erasure, while the vault is open.
    vault.backup(filled.folder / "na-wissen.hbbackup")
    assert holders(filled.folder, key, MARKERS) == []
    # The other resident is untouched, and the scan is not blind: their words are found in the
    # database and in the backup.
    kept = holders(filled.folder, key, list(OTHER.values()))
    assert {marker for _f, marker in kept} == set(OTHER.values())
    assert {f for f, _m in kept} >= {"vault.db", "na-wissen.hbbackup"}
    assert res.resident_detail(vault, other.resident_id).row.name == OTHER["name"]
    vault.close()
    assert holders(filled.folder, key, MARKERS) == []
    with Vault.open(filled.folder, PASSPHRASE) as again:
        with again.session() as s:
            assert s.get(Resident, filled.resident_id) is None
            assert s.scalar(select(func.count()).select_from(Visit)) == 1  # the other's
            tomb = s.scalars(select(Erasure)).one()
        assert tomb.reason == "verzoek"
        counts = json.loads(tomb.counts_json)
        assert counts["visits"] == 1 and counts["answers"] == 5 and counts["residents"] == 1
        # The tombstone and the audit event hold counts only.
        event = [e for e in again.audit_events() if e.event == "erase"][-1]
        text = json.dumps(event.detail) + tomb.counts_json
        assert NAME not in text
        assert set(counts) == {"residents", *privacy.ErasureScope(0, "").counts()}
        assert set(event.detail) == {"reason", "erasure", *counts}


def test_erase_removes_every_row_and_tells_the_coordinator(filled):
    vault = filled.vault
    with vault.session() as s:
        s.execute(Signal.__table__.update().values(exported_revision=1))
        revisions = dict(s.execute(select(Signal.uid, Signal.revision)).all())
    privacy.erase_resident(vault, filled.resident_id)
    for model in (Resident, ContactAttempt, Visit, Answer, Signal, ConsentRecord):
        assert _count(vault, model) == 0, model.__name__
    with vault.session() as s:
        gone = s.scalars(select(WithdrawnSignal)).all()
    # Every signal the coordinator held is withdrawn at a higher revision.
    assert len(gone) == len(filled.signal_ids)
    assert {g.uid: g.revision for g in gone} == {uid: r + 1 for uid, r in revisions.items()}
    assert all(g.sent_revision is None for g in gone)
    assert (filled.folder / "vault.db-wal").stat().st_size == 0  # checkpointed and truncated


def test_erasing_twice_says_the_resident_is_gone(filled):
    privacy.erase_resident(filled.vault, filled.resident_id)
    with pytest.raises(privacy.ResidentGoneError):
        privacy.erase_resident(filled.vault, filled.resident_id)
