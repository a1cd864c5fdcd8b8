"""The resident's right of access on the laptop: everything held about them, in large print."""

from __future__ import annotations

from datetime import date

import pytest
from tests.printing.helpers import flat, text_of, text_runs

from huisbezoek.paths import resources_dir
from huisbezoek.printing.errors import ResourceFileError
from huisbezoek.printing.privacy import PRIVACY_FILE, load_privacy_texts
from huisbezoek.services import documents, privacy

from .conftest import ADDRESS, ANSWER, CONTACT_NOTE, NAME, NOTE, OTHER, SIGNAL_NOTE, fill_resident


def test_overview_holds_every_record_and_nothing_of_others(filled, form):
    fill_resident(filled.vault, form, **OTHER)
    pdf = privacy.subject_access_pdf(filled.vault, filled.resident_id, today=date(2026, 12, 3))
    text = flat(text_of(pdf))
    for marker in (NAME, ADDRESS, NOTE, CONTACT_NOTE, ANSWER, SIGNAL_NOTE, "0698765432"):
        assert flat(marker) in text, marker
    # Questions as the volunteer read them, with the answers in words.
    assert "Bent u het afgelopen jaar gevallen?" in text or "gevallen" in text.lower()
    assert "Wat wij over u bewaren" in text and "3 december 2026" in text
    assert "Signaal delen met de coördinator: gegeven op" in text
    for marker in OTHER.values():
        assert marker not in text
    # Large print: nothing under 14 pt.
    assert min(run.size for run in text_runs(pdf) if run.text.strip()) >= 14
    events = [e for e in filled.vault.audit_events() if e.event == "subject_access"]
    assert events and events[-1].detail == {"visits": 1}


def test_summary_carries_the_privacy_block(filled):
    data = documents.summary_input(filled.vault, filled.visit_id, show_wellbeing_chart=False)
    assert data.privacy is not None
    from huisbezoek.printing import render_summary

    text = flat(text_of(render_summary(data)))
    assert "Uw gegevens" in text
    assert f"na {privacy.DEFAULT_RETENTION_MONTHS} maanden" in text
    assert data.organisation.phone in text


def test_privacy_file_with_an_unknown_placeholder_is_refused(tmp_path):
    bad = tmp_path / "privacy.yaml"
    source = (resources_dir() / PRIVACY_FILE).read_text(encoding="utf-8")
    bad.write_text(source.replace("{maanden}", "{jaren}"), encoding="utf-8")
    with pytest.raises(ResourceFileError) as caught:
        load_privacy_texts(bad)
    assert "{jaren}" in caught.value.message_nl and "privacy.yaml" in caught.value.message_nl


def test_consent_script_says_who_how_long_and_the_rights():
    texts = load_privacy_texts()
    script = texts["gesprek"].filled(
        organisatie="Welzijn Voorbeeldstad", telefoon="010-0000000", maanden=6, vrijwilliger="Ans"
    )
    joined = " ".join(script.lines)
    for needed in ("Alleen ik", "Welzijn Voorbeeldstad", "6 maanden", "stoppen", "zien",
                   "verbeteren", "weg te halen", "intrekken", "010-0000000"):  # fmt: skip
        assert needed in joined, needed
    # B1: short sentences (at most 20 words here; the house rule aims at 15).
    for part in texts.values():
        for line in part.lines:
            for sentence in line.replace("?", ".").split(". "):
                assert len(sentence.split()) <= 20, sentence
