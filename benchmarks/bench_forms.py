"""Benchmark of the form engine: loading, and re-evaluation after one answer changes.

Prints p50/p95 for: loading and checking the default form; re-evaluating relevance, messages,
scores and signals after one answer changes, for the default form and for a generated
300-question form (target: under 2 ms); and, as a floor measured in the same run, a plain loop
of dict lookups over the same number of questions.

    .venv/bin/python benchmarks/bench_forms.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from huisbezoek import paths
from huisbezoek.forms import (
    Form,
    FormState,
    MultipleChoiceQuestion,
    NumberQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    YesNoQuestion,
    load_form_source,
)

TARGET_MS = 2.0


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return p50, p95


def timed(func: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: Sequence[float], unit: str = "ms") -> tuple[float, float]:
    p50, p95 = percentiles(samples)
    print(f"  {name:<64} p50 {p50:8.3f} {unit}   p95 {p95:8.3f} {unit}   (n={len(samples)})")
    return p50, p95


def generated_form_text(questions: int = 300, per_section: int = 10) -> str:
    """A form shaped like a real one: gated sections, relevance chains, sum and formula scores,
    classification scores and many signal rules."""
    lines = [
        "format: 1",
        "id: gegenereerd",
        "version: 1",
        "title: Gegenereerd formulier",
        "option_sets:",
        "  jmn: [{value: ja, label: Ja}, {value: mom, label: Min of meer},",
        "        {value: nee, label: Nee}]",
        "sections:",
    ]
    n = 0
    sections = questions // per_section
    for s in range(sections):
        lines += [f"  - id: s{s}", f"    title: Sectie {s}"]
        if s > 0:
            lines.append(f"    relevant: q{(s - 1) * per_section} != 'nee'")
        lines.append("    questions:")
        for i in range(per_section):
            qid = f"q{n}"
            kind = i % 5
            rel = f", relevant: q{n - 1} != 'nee'" if i in (3, 4, 8) else ""
            if i == 0 or kind in (1, 2):
                lines.append(
                    f"      - {{id: {qid}, type: single_choice, label: V{n}, option_set: jmn{rel}}}"
                )
            elif kind == 3:
                rel = f", relevant: answered(q{n - 1})" if rel else ""
                lines.append(
                    f"      - {{id: {qid}, type: scale, label: V{n}, min_label: a,"
                    f" max_label: b{rel}}}"
                )
            elif kind == 4:
                lines.append(
                    f"      - {{id: {qid}, type: number, label: V{n}, min: 0, max: 100,"
                    f" constraints: [{{check: '{qid} >= 0', message: Positief.}}]}}"
                )
            else:
                lines.append(f"      - {{id: {qid}, type: yes_no, label: V{n}{rel}}}")
            n += 1
    lines.append("scores:")
    for s in range(sections):
        items = [
            f"q{s * per_section + i}" for i in range(per_section) if i == 0 or (i % 5) in (1, 2)
        ]
        lines += [
            f"  - id: sc{s}",
            f"    label: Score {s}",
            "    kind: sum",
            "    option_scores: {ja: 1, mom: 1, nee: 0}",
            "    items: ["
            + ", ".join(
                f"{{question: {q}, reverse: {'true' if k % 2 else 'false'}}}"
                for k, q in enumerate(items)
            )
            + "]",
            "    max_missing: 1",
            "    bands: [{id: laag, label: laag, from: 0}, {id: hoog, label: hoog, from: 3}]",
        ]
    for s in range(0, sections, 3):
        parts = " + ".join(f"sc{t}" for t in range(s, min(s + 3, sections)))
        lines += [f"  - {{id: f{s}, label: F{s}, kind: formula, formula: '{parts}'}}"]
    lines.append("signals:")
    for s in range(sections):
        base = s * per_section
        lines += [
            f"  - id: sig{s}a",
            f"    when: band(sc{s}) = 'hoog' or q{base + 3} <= 2",
            "    theme: overig",
            "    severity: zorg",
            "    text: Signaal.",
            f"  - id: sig{s}b",
            f"    when: q{base + 5} and q{base + 4} > 50",
            "    theme: gezondheid",
            "    severity: aandacht",
            "    text: Signaal.",
        ]
    return "\n".join(lines) + "\n"


def sample_value(form: Form, question_id: str, rng: random.Random) -> object:
    question = form.question(question_id)
    if isinstance(question, YesNoQuestion):
        return rng.choice([True, False, None])
    if isinstance(question, SingleChoiceQuestion):
        return rng.choice([o.value for o in question.options or ()] + [None])
    if isinstance(question, MultipleChoiceQuestion):
        options = [o.value for o in question.options or () if not o.exclusive]
        return rng.sample(options, k=rng.randint(1, min(2, len(options))))
    if isinstance(question, ScaleQuestion):
        return rng.randint(question.min, question.max)
    if isinstance(question, NumberQuestion):
        return rng.randint(1, 10)
    return None


def fill(form: Form, rng: random.Random) -> dict[str, object]:
    answers: dict[str, object] = {}
    for question in form.all_questions():
        value = sample_value(form, question.id, rng)
        if value is not None:
            answers[question.id] = value
    return answers


def bench_changes(
    name: str, form: Form, answers: dict[str, object], rng: random.Random, runs: int
) -> tuple[float, float]:
    state = FormState(form, answers)
    answerable = [q.id for q in form.all_questions() if q.type != "info"]
    changes = [(qid, sample_value(form, qid, rng)) for qid in rng.choices(answerable, k=runs)]
    samples = []
    for question_id, value in changes:
        start = time.perf_counter()
        state.set_answer(question_id, value)
        samples.append((time.perf_counter() - start) * 1000)
    return report(name, samples)


def bench_root_toggle(
    name: str, form: Form, answers: dict[str, object], root: str, values: list[object], runs: int
) -> tuple[float, float]:
    state = FormState(form, answers)
    samples = []
    for i in range(runs):
        start = time.perf_counter()
        state.set_answer(root, values[i % len(values)])
        samples.append((time.perf_counter() - start) * 1000)
    return report(name, samples)


def bench_floor(question_ids: list[str], answers: dict[str, object], runs: int) -> float:
    def loop() -> object:
        found = 0
        for question_id in question_ids:
            if answers.get(question_id) is not None:
                found += 1
        return found

    return report(f"floor: dict lookup loop over {len(question_ids)} questions", timed(loop, runs))[
        0
    ]


def main() -> int:
    rng = random.Random(20261123)
    source = (paths.forms_dir() / "samen-sterker-75plus.v1.yaml").read_text(encoding="utf-8")
    print("huisbezoek forms benchmark")
    print(f"python {sys.version.split()[0]}")
    print("load and check")
    report(
        "default form (YAML parse, schema, expressions, plan)",
        timed(lambda: load_form_source(source, "default.yaml"), 15),
    )
    generated = generated_form_text()
    report("generated 300-question form", timed(lambda: load_form_source(generated, "gen.yaml"), 5))

    default = load_form_source(source, "default.yaml")
    big = load_form_source(generated, "gen.yaml")
    print(
        f"  (default form: {len(default.all_questions())} questions, "
        f"{len(default.spec.scores)} scores, {len(default.spec.signals)} signal rules; "
        f"generated: {len(big.all_questions())} questions, {len(big.spec.scores)} scores, "
        f"{len(big.spec.signals)} signal rules)"
    )

    print("re-evaluate after one answer changes (relevance, messages, scores, signals)")
    default_answers = {**fill(default, rng), "toestemming_gesprek": True}
    bench_changes("default form: random question", default, default_answers, rng, 3000)
    bench_root_toggle(
        "default form: consent on/off (hides/shows 9 sections)",
        default,
        default_answers,
        "toestemming_gesprek",
        [False, True],
        1000,
    )
    big_answers = fill(big, rng)
    p50_big, p95_big = bench_changes("300 questions: random question", big, big_answers, rng, 3000)
    bench_root_toggle(
        "300 questions: first question (cascades through all sections)",
        big,
        {**big_answers, "q0": "ja"},
        "q0",
        ["nee", "ja"],
        400,
    )
    print("full evaluation from scratch (opening a stored visit)")
    report("default form", timed(lambda: FormState(default, default_answers), 200))
    report("300 questions", timed(lambda: FormState(big, big_answers), 100))

    print("floor")
    big_ids = [q.id for q in big.all_questions()]
    floor = bench_floor(big_ids, big_answers, 3000)
    print()
    verdict = "OK" if p95_big < TARGET_MS else "OVER TARGET"
    print(
        f"300-question re-evaluation p95 {p95_big:.3f} ms vs target {TARGET_MS} ms: {verdict}; "
        f"p50 is {p50_big / floor:.1f}x the dict-lookup floor"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
