"""Load errors name the file, the line and the field in plain Dutch, and come all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from huisbezoek.errors import UserError
from huisbezoek.forms import FormDefinitionError, load_form, load_form_source

TWO_QUESTIONS = """\
sections:
  - id: contact
    title: Contact
    questions:
      - id: eenzaam_1
        type: yes_no
        label: Vraag een
      - id: eenzaam_3
        type: yes_no
        label: Vraag drie
        relevant: eenzam_1
"""


def load_error(path: Path) -> FormDefinitionError:
    with pytest.raises(FormDefinitionError) as caught:
        load_form(path)
    assert isinstance(caught.value, UserError)
    return caught.value


def test_unknown_reference_names_file_line_field_and_suggests(
    write_form: Callable[..., Path],
) -> None:
    error = load_error(write_form(TWO_QUESTIONS, name="samen-sterker.v1.yaml"))
    # header is 4 lines; "relevant:" is line 11 of the body
    assert error.message_nl == (
        "samen-sterker.v1.yaml, regel 15: vraag 'eenzaam_3', veld 'relevant': "
        "verwijst naar onbekende vraag 'eenzam_1'. Bedoelt u 'eenzaam_1'?"
    )
    (problem,) = error.problems
    assert (problem.file, problem.line) == ("samen-sterker.v1.yaml", 15)
    assert "eenzam_1" not in error.log_message  # the log gets codes, not content


def test_several_problems_are_shown_together(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - id: a
            type: scale
            label: A
            min_label: laag
          - id: b
            type: schaal
            label: B
          - id: c
            type: yes_no
            labl: C
    """
    error = load_error(write_form(body))
    text = error.message_nl
    assert text.startswith("Het formulier heeft 4 fouten:")
    assert "regel 9: vraag 'a': het veld 'max_label' ontbreekt." in text
    assert "regel 14: vraag 'b', veld 'type': onbekende vraagsoort 'schaal'" in text
    assert "regel 16: vraag 'c': het veld 'label' ontbreekt." in text
    assert "regel 18: vraag 'c', veld 'labl': onbekend veld 'labl'. Bedoelt u 'label'?" in text


@pytest.mark.parametrize(
    ("relevant", "expected"),
    [
        ("a > 'drie'", "werkt met twee getallen of twee datums, niet met een getal en een tekst"),
        ("a = 'drie'", "kan een getal niet vergelijken met een tekst"),
        ("'x' in a", "werkt alleen met een vraag met meer antwoorden"),
        ("k = 'misschien'", "'k' kent de waarde 'misschien' niet. Kies uit: 'ja', 'nee'"),
        ("m contains 'rood'", "'m' kent de waarde 'rood' niet"),
        ("m = 'groen'", "met 'contains'"),
        ("a + 1", "de uitkomst moet waar/onwaar (ja/nee) zijn, maar is een getal"),
        ("a >", "de formule houdt te vroeg op"),
        ("a > 1 > 0", "twee vergelijkingen achter elkaar"),
        ("info_tekst", "is een informatietekst zonder antwoord"),
        ("answerd(a)", "onbekende functie 'answerd'. Bedoelt u 'answered'?"),
        ("a = 1 ; 2", "onbekend teken ';'"),
        ("band(a) = 'x'", "werkt alleen met een score met banden"),
    ],
)
def test_expression_errors(write_form: Callable[..., Path], relevant: str, expected: str) -> None:
    body = f"""\
    sections:
      - id: s
        title: S
        questions:
          - id: info_tekst
            type: info
            label: Uitleg
          - id: a
            type: number
            label: A
          - id: k
            type: single_choice
            label: K
            options: [{{value: ja, label: Ja}}, {{value: nee, label: Nee}}]
          - id: m
            type: multiple_choice
            label: M
            options: [{{value: groen, label: Groen}}, {{value: blauw, label: Blauw}}]
          - id: q
            type: yes_no
            label: Q
            relevant: "{relevant}"
    """
    error = load_error(write_form(body))
    (problem,) = error.problems
    assert problem.line == 26
    assert problem.field == "vraag 'q', veld 'relevant'"
    assert expected in problem.message


def test_cycles_are_reported(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - id: a
            type: yes_no
            label: A
            relevant: c
          - id: b
            type: yes_no
            label: B
            relevant: a
          - id: c
            type: yes_no
            label: C
            relevant: b
          - id: d
            type: yes_no
            label: D
            relevant: d
    scores:
      - id: t
        label: T
        kind: formula
        formula: u + 1
      - id: u
        label: U
        kind: formula
        formula: t * 2
    """
    error = load_error(write_form(body))
    messages = [str(p) for p in error.problems]
    assert any("kring" in m and "a" in m and "regel 12" in m for m in messages), messages
    assert any("vraag 'd' hangt van zichzelf af" in m for m in messages), messages
    assert any("kring" in m and "score 't'" in m for m in messages), messages
    assert len(error.problems) == 3


def test_duplicate_ids_and_reserved_words(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - id: a
            type: yes_no
            label: A
          - id: a
            type: yes_no
            label: A2
          - id: count
            type: yes_no
            label: C
    """
    error = load_error(write_form(body))
    text = error.message_nl
    assert "regel 12: vraag 'a', veld 'id': de naam 'a' is al gebruikt voor een vraag." in text
    assert "'count' is een gereserveerd woord" in text


def test_yaml_syntax_error_has_a_line(small_form_text: Callable[..., str]) -> None:
    text = small_form_text("sections:\n  - id: s\n    title: [niet gesloten\n")
    with pytest.raises(FormDefinitionError) as caught:
        load_form_source(text, "kapot.yaml")
    (problem,) = caught.value.problems
    assert problem.file == "kapot.yaml"
    assert problem.line is not None and problem.line >= 7


def test_duplicate_key_is_reported_with_line(small_form_text: Callable[..., str]) -> None:
    text = small_form_text("title: Nog een titel\nsections: []\n")
    with pytest.raises(FormDefinitionError) as caught:
        load_form_source(text, "dubbel.yaml")
    assert caught.value.problems[0].line == 5
    assert "twee keer" in caught.value.message_nl


def test_not_utf8() -> None:
    with pytest.raises(FormDefinitionError) as caught:
        load_form_source(b"\xff\xfe\x00id: x", "raar.yaml")
    assert "geen tekstbestand" in caught.value.message_nl


def test_score_problems(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - id: k
            type: single_choice
            label: K
            options: [{value: ja, label: Ja}, {value: nee, label: Nee}]
          - id: t
            type: short_text
            label: T
    scores:
      - id: totaal
        label: Totaal
        kind: sum
        option_scores: {ja: 1}
        items: [{question: k}, {question: t}, {question: x}]
        bands:
          - {id: laag, label: laag, from: 3}
          - {id: hoog, label: hoog, from: 1}
    """
    error = load_error(write_form(body))
    text = error.message_nl
    assert "geen score voor antwoord 'nee' van vraag 'k'" in text
    assert "vraag 't' kan niet meetellen in een score" in text
    assert "verwijst naar onbekende vraag 'x'" in text
    assert "de banden moeten van laag naar hoog gaan" in text
    assert "score 'totaal'" in text


def test_shape_errors_in_plain_dutch(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - {id: a, type: number, label: A, min: '5', max: [1]}
          - {id: c, type: number, label: C, min: .nan, max: .inf}
          - {id: b, type: single_choice, label: B, options: [{value: Ja, label: 3}]}
    scores:
      - {id: t, label: T, kind: sum, items: [{question: a}], option_scores: {Ja: x}}
    signals:
      - {id: s1, when: a > 1, theme: Eenzaam, severity: hoog, text: T, leaflets: [Folder]}
    """
    lines = load_error(write_form(body)).message_nl.splitlines()
    expected = [
        "regel 9: vraag 'a', veld 'min': hier hoort een getal.",
        "regel 9: vraag 'a', veld 'max': hier hoort een getal.",
        "regel 10: vraag 'c', veld 'min': hier hoort een gewoon getal, niet oneindig of 'nan'.",
        "regel 10: vraag 'c', veld 'max': hier hoort een gewoon getal, niet oneindig of 'nan'.",
        "regel 11: vraag 'b', veld 'options[1].value': 'Ja' is geen geldige naam",
        "regel 11: vraag 'b', veld 'options[1].label': hier hoort tekst.",
        "regel 13: score 't', veld 'option_scores.Ja': 'Ja' is geen geldige naam",
        "regel 13: score 't', veld 'option_scores.Ja': hier hoort een getal.",
        "regel 15: signaal 's1', veld 'theme': 'Eenzaam' is geen geldige naam",
        "regel 15: signaal 's1', veld 'severity': 'hoog' kan hier niet. Kies uit: "
        "'informatie', 'aandacht', 'zorg' of 'direct'.",
        "regel 15: signaal 's1', veld 'leaflets[1]': 'Folder' is geen geldige naam",
    ]
    for part in expected:
        assert any(part in line for line in lines), part
    assert len(lines) == 1 + 11


def test_only_one_question_is_the_visit_date(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - id: datum
            type: date
            label: Datum
            visit_date: true
          - id: andere_datum
            type: date
            label: Nog een datum
            visit_date: true
    """
    text = load_error(write_form(body)).message_nl
    assert "vraag 'andere_datum', veld 'visit_date'" in text
    assert "vraag 'datum' is al de datum van het bezoek" in text
