"""Rendered PDFs: content, local contacts, no scores, embedded fonts, metadata, print sizes."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib import colors

from huisbezoek.domain import SEVERITY_LABELS, LeafletTopic
from huisbezoek.printing import (
    Agreement,
    Leaflet,
    Organisation,
    PrintInputError,
    SavePdfError,
    ServiceDirectory,
    SummaryInput,
    leaflet_contacts,
    load_directory,
    load_leaflets,
    missing_glyphs,
    render_leaflet,
    render_recovery_sheet,
    render_summary,
    save_pdf,
    styles,
)

from .helpers import (
    ORG,
    flat,
    fonts_of,
    pdftotext,
    reader,
    sample_summary,
    scaling_matrices,
    text_of,
    text_runs,
    tf_sizes,
    words,
)

KEY = "7K2Q-AB3D-EF4H-JKMN-PQRS-TVWX-YZ01-2345-6789"


@pytest.fixture(scope="module")
def directory() -> ServiceDirectory:
    return load_directory()


@pytest.fixture(scope="module")
def leaflet_pdfs(directory: ServiceDirectory) -> dict[LeafletTopic, bytes]:
    return {topic: render_leaflet(topic, directory, organisation=ORG) for topic in load_leaflets()}


@pytest.fixture(scope="module")
def summary_pdf(directory: ServiceDirectory) -> bytes:
    return render_summary(sample_summary(directory))


@pytest.fixture(scope="module")
def recovery_pdf() -> bytes:
    return render_recovery_sheet(KEY, vault_id="kluis-3f9a", created=date(2026, 11, 23))


@pytest.fixture(scope="module")
def all_pdfs(
    leaflet_pdfs: dict[LeafletTopic, bytes], summary_pdf: bytes, recovery_pdf: bytes
) -> dict[str, bytes]:
    out = {f"folder {topic}": pdf for topic, pdf in leaflet_pdfs.items()}
    out["samenvatting"] = summary_pdf
    out["herstelsleutel"] = recovery_pdf
    return out


# --- content -----------------------------------------------------------------------------


def test_every_leaflet_has_its_text_and_local_contacts(
    leaflet_pdfs: dict[LeafletTopic, bytes], directory: ServiceDirectory
) -> None:
    leaflets = load_leaflets()
    for topic, pdf in leaflet_pdfs.items():
        leaflet: Leaflet = leaflets[topic]
        content = flat(text_of(pdf))
        assert leaflet.title in content
        for section in leaflet.sections:
            assert flat(section.question) in content, (topic, section.question)
            for answer in section.answer:
                assert flat(answer) in content, (topic, answer)
        contacts = leaflet_contacts(leaflet, directory)
        assert contacts
        for service in contacts:
            assert service.name in content, (topic, service.name)
            # Every service has a number, except the resident's own huisarts.
            assert service.phone or service.id == "eigen-huisarts", (topic, service.id)
            assert service.phone is None or service.phone in content, (topic, service.phone)
        # Not every service: only the ones that fit this leaflet.
        others = [s for s in directory.services if s not in contacts]
        assert not any(f"{s.name}\n" in text_of(pdf) for s in others if len(s.name) > 25)
        if any(directory.is_national(s) for s in contacts):  # Veilig Thuis is real
            assert "zijn voorbeelden. Ze bestaan niet echt. De landelijke" in content
        else:
            assert "dit zijn voorbeelden. Deze organisaties bestaan niet echt." in content
        assert ORG.phone in content
        pages = len(reader(pdf).pages)
        assert f"Pagina 1 van {pages}" in content


def test_leaflet_never_mentions_stale_contacts(leaflet_pdfs: dict[LeafletTopic, bytes]) -> None:
    # The fysiotherapist was checked long ago; the resident's leaflet must not say so.
    content = text_of(leaflet_pdfs[LeafletTopic.VALLEN]).casefold()
    assert "fysiotherapie de voorbeeldhoek" in content
    for hint in ("gecontroleerd", "verouderd", "2025-02-11", "beheerder"):
        assert hint not in content


def test_summary_shows_what_matters(summary_pdf: bytes, directory: ServiceDirectory) -> None:
    data = sample_summary(directory)
    content = flat(text_of(summary_pdf))
    assert "Uw gesprek van 23 november 2026" in content
    assert "mevrouw De Vries" in content
    for topic in data.topics:
        assert topic in content
    for agreement in data.agreements:
        assert agreement.what in content and agreement.who in content
    for service in data.contacts:
        assert service.name in content and str(service.phone) in content
    assert "Anna van Welzijn Voorbeeldstad" in content
    assert ORG.phone in content
    for label in data.wellbeing:
        assert label in content
    assert "7 van 10" in content and "geen cijfer" in content


FORBIDDEN_IN_SUMMARY = {
    "score", "scores", "totaalscore", "signaal", "signalen", "band", "risico", "kwetsbaar",
    "eenzaam", "matig", "ernstig", "gfi", "tfi", "snaq", "ediz", "afkappunt",
    *(label.casefold() for label in SEVERITY_LABELS.values()),
}  # fmt: skip


@pytest.mark.parametrize("chart", [True, False])
def test_summary_never_shows_scores_bands_or_signal_labels(
    directory: ServiceDirectory, chart: bool
) -> None:
    pdf = render_summary(sample_summary(directory, chart=chart))
    content = text_of(pdf)
    found = words(content) & {w for label in FORBIDDEN_IN_SUMMARY for w in words(label)}
    assert found == set()
    assert ("7 van 10" in content) is chart


def test_summary_input_has_no_place_for_scores() -> None:
    names = {field.name for field in dataclasses.fields(SummaryInput)}
    assert not {n for n in names if re.search(r"score|band|signal|severity|label", n)}


def test_summary_without_chart_or_optional_parts(directory: ServiceDirectory) -> None:
    data = dataclasses.replace(
        sample_summary(directory, chart=False),
        resident_name=None, agreements=(), contacts=(), topics=(),
    )  # fmt: skip
    content = text_of(render_summary(data))
    assert "Uw gesprek van 23 november 2026" in content
    assert "Voor:" not in content and "afsprak" not in content


@pytest.mark.parametrize("bad", [11, -1, 7.5, True])
def test_summary_rejects_bad_ratings(directory: ServiceDirectory, bad: object) -> None:
    data = dataclasses.replace(
        sample_summary(directory), wellbeing={"Lichaam": bad, "Gevoel": 5, "Meedoen": 5}
    )
    with pytest.raises(PrintInputError):
        render_summary(data)


def test_recovery_sheet_holds_the_key_once_and_nowhere_else(recovery_pdf: bytes) -> None:
    doc = reader(recovery_pdf)
    assert len(doc.pages) == 1
    content = text_of(recovery_pdf)
    compact = re.sub(r"[\s-]", "", content)
    key = KEY.replace("-", "")
    assert compact.count(key) == 1
    assert "kluis-3f9a" in content and "23 november 2026" in content
    metadata = " ".join(str(v) for v in (doc.metadata or {}).values())
    for group in KEY.split("-"):
        assert group not in metadata
    assert key not in recovery_pdf.decode("latin-1")  # not in any uncompressed part either


def test_recovery_sheet_rejects_odd_keys() -> None:
    with pytest.raises(PrintInputError):
        render_recovery_sheet("abc$%", vault_id="x", created=date(2026, 1, 1))
    pdf = render_recovery_sheet("ab12cd34", vault_id="x", created=date(2026, 1, 1))
    assert "AB12CD34" in re.sub(r"[\s-]", "", text_of(pdf))


def test_rendering_writes_nothing_to_disk(
    tmp_path: Path,
    isolated_home: Path,
    directory: ServiceDirectory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(isolated_home.rglob("*"))
    render_summary(sample_summary(directory))
    render_recovery_sheet(KEY, vault_id="k", created=date(2026, 1, 1))
    assert list(tmp_path.iterdir()) == []
    assert sorted(isolated_home.rglob("*")) == before


def test_save_pdf_is_private(tmp_path: Path, summary_pdf: bytes) -> None:
    target = tmp_path / "samenvatting.pdf"
    save_pdf(target, summary_pdf)
    assert target.read_bytes() == summary_pdf
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_save_pdf_into_a_folder_that_is_gone_says_so_in_dutch(
    tmp_path: Path, summary_pdf: bytes
) -> None:
    target = tmp_path / "usb-stick-eruit" / "inzage Gerda Mulder.pdf"
    with pytest.raises(SavePdfError) as caught:
        save_pdf(target, summary_pdf)
    assert "Kies een andere map" in caught.value.message_nl
    assert "Gerda" not in caught.value.log_message  # the log never names the resident
    assert not target.parent.exists()


# --- large print rules ---------------------------------------------------------------------


def test_every_font_is_embedded_atkinson(all_pdfs: dict[str, bytes]) -> None:
    for name, pdf in all_pdfs.items():
        fonts = fonts_of(pdf)
        assert fonts, name
        for base, font in fonts.items():
            assert re.fullmatch(r"/[A-Z]{6}\+AtkinsonHyperlegible-(Regular|Bold)", base), (
                name,
                base,
            )
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), (name, base)


def test_metadata_title_author_language(all_pdfs: dict[str, bytes]) -> None:
    for name, pdf in all_pdfs.items():
        doc = reader(pdf)
        assert doc.trailer["/Root"]["/Lang"] == "nl-NL", name
        assert doc.metadata is not None
        assert doc.metadata.title, name
        assert doc.metadata.author, name
    assert reader(all_pdfs["folder vallen"]).metadata.title == "Vallen voorkomen"  # type: ignore[union-attr]
    assert reader(all_pdfs["folder vallen"]).metadata.author == ORG.name  # type: ignore[union-attr]
    assert reader(all_pdfs["samenvatting"]).metadata.title == "Uw gesprek van 23 november 2026"  # type: ignore[union-attr]


def test_no_text_smaller_than_14_pt(all_pdfs: dict[str, bytes]) -> None:
    for name, pdf in all_pdfs.items():
        sizes = tf_sizes(pdf)
        assert sizes, name
        assert min(sizes) >= 14, name
        # A scaled matrix would make the Tf size lie about the printed size.
        assert scaling_matrices(pdf) == [], name


def test_headings_are_at_least_18_pt(leaflet_pdfs: dict[LeafletTopic, bytes]) -> None:
    leaflets = load_leaflets()
    for topic, pdf in leaflet_pdfs.items():
        runs = text_runs(pdf)
        leaflet = leaflets[topic]
        for heading in [leaflet.title, *(s.question for s in leaflet.sections)]:
            first_word = heading.split()[0]
            sizes = [r.size for r in runs if r.text.strip().startswith(first_word)]
            assert sizes and max(sizes) >= 18, (topic, heading)
        body = [r.size for r in runs if flat(leaflet.intro[0]).startswith(flat(r.text)[:20])]
        assert body and min(body) == 14, topic


def test_styles_follow_the_print_rules() -> None:
    for style in styles().all():
        assert style.font_size >= 14, style.name
        assert style.leading >= 1.4 * style.font_size, style.name
        assert style.alignment == "left", style.name
        assert style.text_color == colors.black, style.name
        assert style.font_name.startswith("AtkinsonHyperlegible"), style.name
    assert styles().heading.font_size >= 18 and styles().title.font_size >= 18


def test_reading_order_with_pdftotext(leaflet_pdfs: dict[LeafletTopic, bytes]) -> None:
    layout = pdftotext(leaflet_pdfs[LeafletTopic.VALLEN])
    if layout is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    content = flat(layout)
    leaflet = load_leaflets()[LeafletTopic.VALLEN]
    positions = [content.index(leaflet.title)]
    positions += [content.index(flat(s.question)) for s in leaflet.sections]
    positions.append(content.index("Vragen?"))
    positions.append(content.index(leaflet.contacts.heading))
    assert positions == sorted(positions)


def test_pages_render_to_images(all_pdfs: dict[str, bytes], tmp_path: Path) -> None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    for name, pdf in all_pdfs.items():
        prefix = tmp_path / name.replace(" ", "-")
        subprocess.run([tool, "-png", "-r", "20", "-", str(prefix)], input=pdf, check=True)
        assert list(tmp_path.glob(f"{prefix.name}-*.png")), name


def test_rendered_leaflets_are_reused_but_not_across_organisations(
    directory: ServiceDirectory,
) -> None:
    from huisbezoek.printing import prerender_leaflets
    from huisbezoek.printing.leaflets import _render_cached, clear_leaflet_cache

    clear_leaflet_cache()
    prerender_leaflets(directory, organisation=ORG)
    assert _render_cached.cache_info().currsize == len(load_leaflets())
    first = render_leaflet(LeafletTopic.WMO, directory, organisation=ORG)
    assert render_leaflet(LeafletTopic.WMO, directory, organisation=ORG) is first
    other = Organisation(name="Stichting Ander", phone="010-000 55 55")
    assert "Stichting Ander" in text_of(
        render_leaflet(LeafletTopic.WMO, directory, organisation=other)
    )


def test_long_agreement_flows_over_pages_without_losing_text(directory: ServiceDirectory) -> None:
    sentence = "Bellen met de huisarts over de medicijnen en de duizeligheid."
    data = dataclasses.replace(
        sample_summary(directory),
        agreements=[Agreement(" ".join([sentence] * 80), "U zelf", "Morgen")],
        topics=[f"Onderwerp {n}" for n in range(40)],
    )
    pdf = render_summary(data)
    content = text_of(pdf)
    assert len(reader(pdf).pages) >= 3
    assert content.count("duizeligheid") == 80
    assert "Wie doet het: U zelf" in content and "Onderwerp 39" in content


def test_markup_and_unusual_characters_are_printed_as_text(directory: ServiceDirectory) -> None:
    name = "Ayşe Yılmaz-Güneş & <Łukasz>"
    data = dataclasses.replace(sample_summary(directory), resident_name=name)
    assert name in text_of(render_summary(data))
    assert missing_glyphs(name) == ""
    assert missing_glyphs("Li 中 😀") == "中😀"
