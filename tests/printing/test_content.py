"""Leaflet texts and the sociale kaart: shipped files valid, B1-ish, bad files named in Dutch."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from huisbezoek.domain import LeafletTopic, Severity, Theme
from huisbezoek.printing import (
    ResourceFileError,
    ServiceKind,
    leaflet_contacts,
    load_directory,
    load_leaflets,
    long_sentences,
    stale_services,
    suggest_leaflets,
)
from huisbezoek.printing.content import (
    default_directory_dir,
    default_leaflets_dir,
    months_before,
    sentences,
)


@pytest.fixture
def leaflet_copy(tmp_path: Path) -> Path:
    target = tmp_path / "leaflets"
    shutil.copytree(default_leaflets_dir(), target)
    return target


def test_every_topic_has_a_leaflet_with_local_contacts() -> None:
    leaflets = load_leaflets()
    directory = load_directory()
    # The built-in leaflets first, in their order; leaflets added as data after them.
    assert list(leaflets)[: len(LeafletTopic)] == list(LeafletTopic)
    for topic, leaflet in leaflets.items():
        assert leaflet.topic == topic
        assert len(leaflet.sections) >= 3, topic
        assert leaflet_contacts(leaflet, directory), f"{topic} has no local contacts"


def test_leaflet_sentences_are_short() -> None:
    # B1: sentences of 15 words or fewer.
    for topic, leaflet in load_leaflets().items():
        assert long_sentences(leaflet, max_words=15) == [], topic


def test_leaflets_say_u_and_ask_questions() -> None:
    informal = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
    for topic, leaflet in load_leaflets().items():
        for value in leaflet.texts():
            assert not informal.search(value), (topic, value)
        for section in leaflet.sections:
            assert section.question.endswith("?"), (topic, section.question)


def test_long_sentence_lint_catches_long_sentences() -> None:
    leaflet = load_leaflets()[LeafletTopic.VALLEN]
    long_text = " ".join(["woord"] * 16) + "."
    changed = leaflet.model_copy(update={"intro": (long_text, "Kort. Ook kort.")})
    assert long_sentences(changed, max_words=15) == [long_text]
    assert sentences("Een. Twee? Drie!") == ["Een.", "Twee?", "Drie!"]


def test_demo_directory_is_obviously_fictional() -> None:
    directory = load_directory()
    assert directory.fictional
    assert directory.municipality == "Voorbeeldstad"
    for service in directory.services:
        # The subscriber part starts with 0: Dutch numbering never hands that out.
        assert service.phone is None or re.fullmatch(r"0\d{2}-0\d\d \d\d \d\d", service.phone)
        assert service.website is None or ".example" in service.website
    covered = {topic for service in directory.services for topic in service.topics}
    assert covered >= set(LeafletTopic)


def test_stale_services_for_the_volunteer() -> None:
    directory = load_directory()
    stale = stale_services(directory, date(2026, 11, 23), months=12)
    assert [service.id for service in stale] == ["belcirkel", "fysio-voorbeeldhoek"]
    assert stale_services(directory, date(2026, 11, 23), months=120) == []
    everything = stale_services(directory.services, date(2100, 1, 1), months=1)
    assert len(everything) == len(directory.services)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 12, date(2025, 1, 15)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


@dataclass(frozen=True)
class FakeSignal:
    theme: Theme
    severity: Severity


def test_suggest_leaflets_most_urgent_first() -> None:
    assert suggest_leaflets([Theme.VALLEN]) == [LeafletTopic.VALLEN]
    assert suggest_leaflets([]) == []
    assert suggest_leaflets([Theme.OVERIG]) == []
    suggested = suggest_leaflets(
        [FakeSignal(Theme.EENZAAMHEID, Severity.AANDACHT), FakeSignal(Theme.VOEDING, Severity.ZORG)]
    )
    assert suggested == [LeafletTopic.ETEN, LeafletTopic.ONTMOETING]
    money = suggest_leaflets([FakeSignal(Theme.GELDZAKEN, Severity.DIRECT)])
    assert set(money) == {LeafletTopic.GELDZAKEN, LeafletTopic.VEILIG_OUDER}


def test_leaflet_contacts_follow_the_kinds_order_and_limit() -> None:
    leaflets = load_leaflets()
    directory = load_directory()
    vallen = leaflet_contacts(leaflets[LeafletTopic.VALLEN], directory)
    assert len(vallen) <= leaflets[LeafletTopic.VALLEN].contacts.limit
    assert ServiceKind.VALPREVENTIE in vallen[0].kinds


def test_loading_is_cached_until_a_file_changes(leaflet_copy: Path) -> None:
    first = load_leaflets(leaflet_copy)
    assert load_leaflets(leaflet_copy) is first
    path = leaflet_copy / "eten.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Goed eten", "Lekker eten", 1))
    second = load_leaflets(leaflet_copy)
    assert second is not first
    assert second[LeafletTopic.ETEN].title == "Lekker eten en drinken"


def _break(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "dutch"),
    [
        ("titel: Vallen voorkomen", "kop_tekst: Vallen voorkomen", "'titel' ontbreekt"),
        ("soorten: [valpreventie,", "soorten: [valpreventi,", "waarde die niet bestaat"),
        ("id: vallen", "id: eten", "'id' moet 'vallen' zijn"),
        ("vragen:", "vragen: [", "de opmaak klopt niet rond regel"),
    ],
)
def test_bad_leaflet_names_the_file_in_dutch(
    leaflet_copy: Path, old: str, new: str, dutch: str
) -> None:
    _break(leaflet_copy, "vallen.yaml", old, new)
    with pytest.raises(ResourceFileError) as caught:
        load_leaflets(leaflet_copy)
    assert "vallen.yaml" in caught.value.message_nl
    assert dutch in caught.value.message_nl
    assert "vallen.yaml" in caught.value.log_message


def test_missing_or_unknown_leaflet_file(leaflet_copy: Path) -> None:
    (leaflet_copy / "wmo.yaml").unlink()
    with pytest.raises(ResourceFileError, match=r"wmo\.yaml") as caught:
        load_leaflets(leaflet_copy)
    assert "ontbreekt" in caught.value.message_nl
    shutil.copy(default_leaflets_dir() / "wmo.yaml", leaflet_copy / "wmo.yaml")
    # An extra file is a leaflet of its own now, so its id must be its name.
    shutil.copy(default_leaflets_dir() / "wmo.yaml", leaflet_copy / "extra.yaml")
    with pytest.raises(ResourceFileError) as caught:
        load_leaflets(leaflet_copy)
    assert "extra.yaml" in caught.value.message_nl
    assert "'id' moet 'extra' zijn" in caught.value.message_nl
    (leaflet_copy / "extra.yaml").unlink()
    shutil.copy(default_leaflets_dir() / "wmo.yaml", leaflet_copy / "Extra Folder.yaml")
    with pytest.raises(ResourceFileError) as caught:
        load_leaflets(leaflet_copy)
    assert "Extra Folder.yaml" in caught.value.message_nl
    assert "kleine letters" in caught.value.message_nl


def test_an_organisation_adds_a_leaflet_as_data(leaflet_copy: Path) -> None:
    text = (default_leaflets_dir() / "geheugen.yaml").read_text(encoding="utf-8")
    (leaflet_copy / "zien_horen.yaml").write_text(
        text.replace("id: geheugen", "id: zien_horen", 1).replace(
            "titel: Als uw geheugen minder wordt", "titel: Goed zien en horen", 1
        ),
        encoding="utf-8",
    )
    leaflets = load_leaflets(leaflet_copy)
    assert list(leaflets)[: len(LeafletTopic)] == list(LeafletTopic)
    assert list(leaflets)[-1] == "zien_horen"  # extra ones after the built-in ones, by id
    assert leaflets["zien_horen"].title == "Goed zien en horen"


def test_bad_directory_names_the_file(tmp_path: Path) -> None:
    source = default_directory_dir() / "sociale_kaart.yaml"
    text = source.read_text(encoding="utf-8")
    (tmp_path / "sociale_kaart.yaml").write_text(
        text.replace("laatst_gecontroleerd: 2026-10-05", "laatst_gecontroleerd: gisteren", 1)
    )
    with pytest.raises(ResourceFileError) as caught:
        load_directory(tmp_path)
    assert "sociale_kaart.yaml" in caught.value.message_nl
    assert "laatst_gecontroleerd" in caught.value.message_nl
    (tmp_path / "dubbel.yaml").write_text(text.replace("id: clientondersteuning", "id: wmo-loket"))
    with pytest.raises(ResourceFileError, match=r"dubbel\.yaml") as caught:
        load_directory(tmp_path / "dubbel.yaml")
    assert "dubbele id wmo-loket" in caught.value.message_nl
