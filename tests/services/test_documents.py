"""The personal summary and leaflets built from a real visit in a real vault."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from huisbezoek.domain import NOT_SAYING, LeafletTopic
from huisbezoek.forms import FormState
from huisbezoek.services import documents, review, visit_resume
from huisbezoek.services import residents as residents_svc
from huisbezoek.services.startup import set_volunteer_name
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def visit(tmp_path):
    vault, _ = Vault.create(tmp_path / "vault", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    set_volunteer_name(vault, "Gerda Mulder")
    rid = residents_svc.add_resident(vault, residents_svc.ResidentInput(name="Jan Verzonnen"))
    form = visit_resume.default_form()
    opened = visit_resume.start_or_resume(vault, rid, form)
    answers = {
        "bezoekdatum": date(2026, 11, 20),
        "toestemming_gesprek": True,
        "afspraak": "terugbellen",
        "vervolg_datum": date(2026, 12, 1),
    }
    # Rate five wellbeing domains, and let the resident pass on one.
    ratings = iter([7, 4, 6, 5, 3, NOT_SAYING])
    for section in form.sections:
        for question in section.questions:
            if getattr(question, "wellbeing_domain", None):
                answers[question.id] = next(ratings)
    for qid, value in answers.items():
        visit_resume.save_answer(vault, opened.visit_id, qid, value)
    review.sync_signals(vault, opened.visit_id, FormState(form, answers).evaluation.signals)
    yield vault, opened.visit_id
    vault.close()


def test_a_new_visit_starts_with_today_as_its_date_and_the_summary_uses_the_answer(tmp_path):
    vault, _ = Vault.create(tmp_path / "vault", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    with vault:
        rid = residents_svc.add_resident(vault, residents_svc.ResidentInput(name="Jan Verzonnen"))
        form = visit_resume.default_form()
        dated = form.visit_date_question
        assert dated is not None and dated.id == "bezoekdatum"
        opened = visit_resume.start_or_resume(vault, rid, form)
        assert opened.answers[dated.id] == date.today()
        assert (
            documents.summary_input(vault, opened.visit_id, show_wellbeing_chart=False).visit_date
            == date.today()
        )
        # The volunteer corrects it (the visit was yesterday, typed in today).
        visit_resume.save_answer(vault, opened.visit_id, dated.id, date(2026, 11, 2))
        resumed = visit_resume.start_or_resume(vault, rid, form)
        assert resumed.visit_id == opened.visit_id
        assert resumed.answers[dated.id] == date(2026, 11, 2)  # resuming keeps the answer
        assert documents.summary_input(
            vault, opened.visit_id, show_wellbeing_chart=False
        ).visit_date == date(2026, 11, 2)


def test_summary_shows_topics_agreements_and_ratings_but_no_scores(visit):
    vault, visit_id = visit
    data = documents.summary_input(vault, visit_id, show_wellbeing_chart=True)
    assert data.visit_date == date(2026, 11, 20)
    assert data.volunteer_first_name == "Gerda"
    assert "Hoe gaat het met u?" in data.topics
    assert "Kennismaking en toestemming" not in data.topics
    assert any("belt u terug" in a.what for a in data.agreements)
    assert sorted(r for r in data.wellbeing.values() if r is not None) == [3, 4, 5, 6, 7]
    assert list(data.wellbeing.values()).count(None) == 1
    assert data.show_wellbeing_chart

    text = pdf_text(
        documents.visit_documents(vault, visit_id, [], show_wellbeing_chart=True)[0].pdf
    )
    assert "Uw gesprek van" in text
    assert "Gerda" in text
    for forbidden in ("score", "Score", "matig", "eenzaam", "signaal", "Signaal", "band"):
        assert forbidden not in text


def test_chart_is_left_out_when_too_few_ratings(visit):
    vault, visit_id = visit
    opened = visit_resume.open_visit(vault, visit_id)
    for section in opened.form.sections:
        for question in section.questions:
            if getattr(question, "wellbeing_domain", None):
                visit_resume.save_answer(vault, visit_id, question.id, NOT_SAYING)
    data = documents.summary_input(vault, visit_id, show_wellbeing_chart=True)
    assert not data.show_wellbeing_chart


def test_leaflets_print_with_summary_and_are_recorded(visit):
    vault, visit_id = visit
    topics = [LeafletTopic.VALLEN, LeafletTopic.ONTMOETING, LeafletTopic.VALLEN]
    jobs = documents.visit_documents(vault, visit_id, topics)
    assert [j.topic for j in jobs] == [None, LeafletTopic.VALLEN, LeafletTopic.ONTMOETING]
    assert all(j.pdf.startswith(b"%PDF") for j in jobs)
    assert "vallen" in pdf_text(jobs[1].pdf).lower()
    printed = [j.topic for j in jobs if j.topic]
    assert documents.record_leaflets_given(vault, visit_id, printed) == 2
    assert documents.leaflets_given(vault, visit_id) == [
        LeafletTopic.VALLEN,
        LeafletTopic.ONTMOETING,
    ]
