"""Benchmark of printing: one leaflet, a resident's summary with chart, a batch of 100 documents.

The floor, measured in the same run, is reportlab's own one page of large print: an A4 page
filled with a bold heading and body lines in the same two embedded TrueType fonts a leaflet
needs, each line put on the canvas with ``drawString`` (no layout at all), rendered to memory.
Target: one leaflet (three pages for "vallen") within 3x of that floor.

For reference the run also prints reportlab's bare minimum, a page with one string in one
font; it is mostly the fixed cost of embedding that font, so a document with two fonts and
three pages of text can never come near it.

    .venv/bin/python benchmarks/bench_print.py
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from huisbezoek.domain import LeafletTopic
from huisbezoek.printing import (
    WELLBEING_DOMAINS,
    Agreement,
    Organisation,
    SummaryInput,
    fonts,
    load_directory,
    load_leaflets,
    render_leaflet,
    render_summary,
)
from huisbezoek.printing.leaflets import clear_leaflet_cache

TARGET_FACTOR = 3.0
ORG = Organisation("Welzijn Voorbeeldstad", "010-000 00 99")


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed(func: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: Sequence[float]) -> float:
    p50, p95 = percentiles(samples)
    print(f"  {name:<52} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms   (n={len(samples)})")
    return p50


def page_lines(leaflet_text: str, words_per_line: int = 8) -> list[str]:
    words = leaflet_text.split()
    return [" ".join(words[i : i + words_per_line]) for i in range(0, len(words), words_per_line)]


def full_page(lines: Sequence[str]) -> bytes:
    """One A4 page of large print with reportlab's canvas alone: no layout, no page rules."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=fonts.REGULAR)
    canvas.setTitle("Vallen voorkomen")
    canvas.setFont(fonts.BOLD, 20)
    canvas.drawString(62, 780, "Vallen voorkomen")
    canvas.setFont(fonts.REGULAR, 14)
    y = 750.0
    for line in lines:
        if y < 80:
            break
        canvas.drawString(62, y, line)
        y -= 21
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def floor_page() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=fonts.REGULAR)
    canvas.setFont(fonts.REGULAR, 14)
    canvas.drawString(72, 720, "Vallen voorkomen")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> int:
    print("huisbezoek printing benchmark")
    print(f"python {sys.version.split()[0]}")

    start = time.perf_counter()
    fonts.register_fonts()
    leaflets = load_leaflets()
    directory = load_directory()
    cold = (time.perf_counter() - start) * 1000
    print(f"  {'first use: register fonts, parse leaflets and sociale kaart':<52} {cold:8.2f} ms")

    summary = SummaryInput(
        visit_date=date(2026, 11, 23),
        volunteer_first_name="Anna",
        organisation=ORG,
        resident_name="mevrouw De Vries",
        topics=["Uw gezondheid", "Vallen en bewegen", "Contacten met anderen"],
        agreements=[Agreement("Bellen met de Cursus Stevig Staan", "U zelf", "Voor 1 december")],
        contacts=[directory.service("stevig-staan"), directory.service("buurtkamer")],
        contacts_fictional=True,
        wellbeing=dict(zip(WELLBEING_DOMAINS, [7, 5, 8, 6, None, 9], strict=True)),
        show_wellbeing_chart=True,
    )

    def leaflet() -> bytes:
        return render_leaflet(LeafletTopic.VALLEN, directory, organisation=ORG, leaflets=leaflets)

    def leaflet_uncached() -> bytes:
        clear_leaflet_cache()
        return leaflet()

    topics = list(LeafletTopic)

    def batch(cold: bool = False) -> None:
        # A round's print job: every fourth document a summary, the rest leaflets.
        for i in range(100):
            if cold:
                clear_leaflet_cache()
            if i % 4 == 0:
                render_summary(summary)
            else:
                topic = topics[i % len(topics)]
                render_leaflet(topic, directory, organisation=ORG, leaflets=leaflets)

    vallen = leaflets[LeafletTopic.VALLEN]
    lines = page_lines(
        " ".join([*vallen.intro, *(p for s in vallen.sections for p in (s.question, *s.answer))])
    )

    def floor() -> bytes:
        return full_page(lines)

    for warm in (floor_page, floor, leaflet, lambda: render_summary(summary)):
        warm()

    print("single documents (warm: fonts and resources cached)")
    bare = report("reference: reportlab page with one string, one font", timed(floor_page, 60))
    floor_ms = report("floor: reportlab page of large print, two fonts", timed(floor, 60))
    first = report("one leaflet, first render (vallen, 3 pages)", timed(leaflet_uncached, 40))
    again = report("one leaflet, repeat render (rendered bytes cached)", timed(leaflet, 200))
    report(
        "resident's summary with radar chart (never cached)",
        timed(lambda: render_summary(summary), 40),
    )
    print("batch")
    total = timed(batch, 3)
    report("100 documents (75 leaflets, 25 summaries)", total)
    cold = timed(lambda: batch(cold=True), 3)
    report("100 documents, leaflet cache cleared before each", cold)
    print()
    for name, value in (("first render", first), ("repeat render", again)):
        factor = value / floor_ms
        verdict = "met" if factor <= TARGET_FACTOR else "NOT met"
        target = f"target <= {TARGET_FACTOR:.0f}x: {verdict}"
        print(f"one leaflet, {name}: {factor:.1f}x the floor ({target})")
    print(f"one leaflet, first render: {first / bare:.1f}x the one-string reference page")
    print(f"batch: {statistics.median(total) / 100:.2f} ms per document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
