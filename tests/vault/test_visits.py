from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from huisbezoek.domain import NOT_SAYING, VisitStatus
from huisbezoek.services import visit_answers
from huisbezoek.vault import VisitFinalisedError
from huisbezoek.vault.models import FormDefinition, Resident, Visit


def _resident(vault) -> int:
    with vault.session() as s:
        r = Resident(name="Verzonnen Greet", address="Nergensstraat 1")
        s.add(r)
        s.flush()
        return r.id


def test_start_save_load_roundtrip(vault):
    rid = _resident(vault)
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "id: gesprek\n")
    values = {
        "q_bool": True,
        "q_int": 3,
        "q_float": 2.5,
        "q_text": "ja, graag",
        "q_date": date(2026, 1, 31),
        "q_multi": frozenset({"b", "a"}),
        "q_refuse": NOT_SAYING,
    }
    before = datetime.now(UTC)
    for qid, value in values.items():
        saved_at = visit_answers.save_answer(vault, vid, qid, value)
        assert saved_at >= before
    assert visit_answers.load_answers(vault, vid) == values
    visit_answers.save_answer(vault, vid, "q_int", 4)
    visit_answers.save_answer(vault, vid, "q_text", None)
    loaded = visit_answers.load_answers(vault, vid)
    assert loaded["q_int"] == 4 and "q_text" not in loaded
    summary = visit_answers.get_visit(vault, vid)
    assert summary.status is VisitStatus.DRAFT and summary.form_version == "1"
    assert summary.updated_at >= before
    with vault.session() as s:
        assert s.get(FormDefinition, "ab" * 32).source == "id: gesprek\n"


def test_start_visit_accepts_form_object_and_stores_definition_once(vault):
    @dataclass
    class FakeForm:
        id: str = "gesprek"
        version: int = 2
        definition_hash: str = "cd" * 32
        source_text: str = "id: gesprek\nversion: 2\n"

    rid = _resident(vault)
    first = visit_answers.start_visit(vault, rid, FakeForm())
    second = visit_answers.start_visit(vault, rid, FakeForm())
    assert first != second
    with vault.session() as s:
        assert s.query(FormDefinition).count() == 1
        assert s.get(Visit, second).definition_hash == "cd" * 32


def test_finalised_visit_refuses_answers_and_keeps_them(vault):
    rid = _resident(vault)
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "x")
    visit_answers.save_answer(vault, vid, "q1", "oud")
    with vault.session() as s:
        s.get(Visit, vid).status = VisitStatus.FINAL
    with pytest.raises(VisitFinalisedError):
        visit_answers.save_answer(vault, vid, "q1", "nieuw")
    assert visit_answers.load_answers(vault, vid) == {"q1": "oud"}


def test_unknown_visit_and_resident(vault):
    with pytest.raises(visit_answers.VisitNotFoundError):
        visit_answers.save_answer(vault, 12345, "q1", 1)
    with pytest.raises(visit_answers.ResidentNotFoundError):
        visit_answers.start_visit(vault, 999, "gesprek", 1, "ab" * 32, "x")


def test_bad_answer_values_rejected_before_writing(vault):
    rid = _resident(vault)
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "x")
    with pytest.raises(TypeError):
        visit_answers.save_answer(vault, vid, "q1", datetime.now(UTC))  # type: ignore[arg-type]
    with pytest.raises(Exception, match="finite"):
        visit_answers.save_answer(vault, vid, "q1", float("nan"))
    assert visit_answers.load_answers(vault, vid) == {}


def test_save_answers_batch(vault):
    rid = _resident(vault)
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "x")
    visit_answers.save_answers(vault, vid, [("a", 1), ("b", "twee"), ("a", None)])
    assert visit_answers.load_answers(vault, vid) == {"b": "twee"}


def test_autosave_from_several_threads(vault):
    """The GUI saves from worker threads while screens read; nothing is lost or mixed."""
    import threading

    rid = _resident(vault)
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "x")
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(40):
                visit_answers.save_answer(vault, vid, f"t{n}q{i}", i)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            for _ in range(40):
                visit_answers.load_answers(vault, vid)
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    answers = visit_answers.load_answers(vault, vid)
    assert answers == {f"t{n}q{i}": i for n in range(4) for i in range(40)}


def test_failed_unit_leaves_autosave_connection_usable(vault):
    rid = _resident(vault)
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "x")
    with pytest.raises(RuntimeError), vault.driver_unit() as conn:
        conn.execute(visit_answers._UPSERT_ANSWER, (vid, "weg", '{"s":"weg"}', "2026"))
        raise RuntimeError("screen crashed mid-save")
    visit_answers.save_answer(vault, vid, "blijft", "ja")
    assert visit_answers.load_answers(vault, vid) == {"blijft": "ja"}
