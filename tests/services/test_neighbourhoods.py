"""One neighbourhood, one spelling: "Centrum" and "centrum" are the same (issue 14)."""

from __future__ import annotations

from huisbezoek.services import residents as svc


def test_distinct_ignores_case_and_spaces():
    names = ["Centrum", "centrum", " Oude  Kern", "oude kern", "Oude Kern", "", "Noord"]
    assert svc.distinct_neighbourhoods(names) == ["Centrum", "Noord", "Oude Kern"]


def test_canonical_uses_the_spelling_in_use():
    known = ["Centrum", "Oude Kern"]
    assert svc.canonical_neighbourhood("centrum", known) == "Centrum"
    assert svc.canonical_neighbourhood("  OUDE   kern ", known) == "Oude Kern"
    assert svc.canonical_neighbourhood("Nieuwbouw", known) == "Nieuwbouw"


def test_saving_and_importing_keep_one_spelling(tmp_path):
    from huisbezoek.vault.core import Vault
    from huisbezoek.vault.keyslots import KdfParams

    vault, _ = Vault.create(tmp_path / "vault", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    try:
        svc.add_resident(vault, svc.ResidentInput(name="Anna", neighbourhood="Centrum"))
        rid = svc.add_resident(vault, svc.ResidentInput(name="Bert", neighbourhood="centrum "))
        svc.update_resident(vault, rid, svc.ResidentInput(name="Bert", neighbourhood="CENTRUM"))
        csv = (
            "naam;adres;postcode;wijk\n"
            "Cor;Kerkpad 1;9199 ZA;centrum\n"
            "Dirk;Kerkpad 2;9199 ZA;noord\n"
            "Els;Kerkpad 3;9199 ZA;Noord\n"
        )
        svc.import_csv(vault, csv.encode())
        rows = svc.list_residents(vault)
        assert {r.name: r.neighbourhood for r in rows} == {
            "Anna": "Centrum",
            "Bert": "Centrum",
            "Cor": "Centrum",
            "Dirk": "noord",
            "Els": "noord",
        }
        assert svc.neighbourhood_names(vault) == ["Centrum", "noord"]
    finally:
        vault.close()
