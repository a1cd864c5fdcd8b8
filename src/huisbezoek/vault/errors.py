"""Typed errors of the encrypted vault, each with a Dutch message (B1) for the screen.

The English log message never holds names, answers, passphrases or keys. None of these errors
is raised after anything was lost: they are raised before a change, or after it was rolled back.
"""

from __future__ import annotations

from huisbezoek.errors import DiskFullError, UserError

__all__ = [
    "AuditTrimmedError",
    "DamagedDatabaseError",
    "DamagedKeyFileError",
    "DatabaseMissingError",
    "DiskFullError",
    "ForeignFileError",
    "KeyFileMissingError",
    "NewerSchemaError",
    "NoVaultError",
    "RecoveryKeyTypoError",
    "ReplacedDatabaseError",
    "UnsafeKdfParamsError",
    "VaultError",
    "VaultExistsError",
    "VaultInUseError",
    "VisitFinalisedError",
    "WeakPassphraseError",
    "WrongPassphraseError",
    "WrongRecoveryKeyError",
]


class VaultError(UserError):
    """Base class for everything the vault can refuse."""

    message_nl = "De kluis kon niet worden geopend. Er is niets verloren gegaan."


class WrongPassphraseError(VaultError):
    message_nl = (
        "De wachtwoordzin klopt niet. Let op hoofdletters en kleine letters en probeer het "
        "opnieuw. Weet u hem niet meer? Gebruik dan uw herstelsleutel."
    )


class WrongRecoveryKeyError(VaultError):
    message_nl = (
        "Deze herstelsleutel hoort niet bij deze kluis. Controleer of u het juiste vel "
        "gebruikt en typ de sleutel opnieuw over."
    )


class RecoveryKeyTypoError(WrongRecoveryKeyError):
    message_nl = (
        "Er zit een tikfout in de herstelsleutel. Typ hem nog eens over, groep voor groep. "
        "Streepjes en spaties mogen, hoofdletters of kleine letters maakt niet uit."
    )


class WeakPassphraseError(VaultError):
    message_nl = (
        "Deze wachtwoordzin is te kort. Kies er een van minstens 10 tekens, bijvoorbeeld "
        "een paar woorden achter elkaar."
    )


class DamagedKeyFileError(VaultError):
    message_nl = (
        "Het sleutelbestand van de kluis (vault.keys) is beschadigd. Zet een reservekopie "
        "terug, of vraag de coördinator om hulp. Gooi niets weg."
    )


class UnsafeKdfParamsError(DamagedKeyFileError):
    """Key-derivation settings outside the floors and ceilings: tampered or damaged."""

    message_nl = (
        "Het sleutelbestand van de kluis (vault.keys) heeft onveilige of onbekende "
        "instellingen. Misschien is het beschadigd of veranderd. Zet een reservekopie terug, "
        "of vraag de coördinator om hulp."
    )


class DamagedDatabaseError(VaultError):
    message_nl = (
        "De kluis is beschadigd en kan niet worden gelezen. Zet een reservekopie terug, of "
        "vraag de coördinator om hulp. Gooi niets weg."
    )


class DatabaseMissingError(VaultError):
    message_nl = (
        "Het sleutelbestand van de kluis is er wel, maar de kluis zelf (vault.db) ontbreekt. "
        "Is hij verplaatst? Zet hem terug of zet een reservekopie terug."
    )


class KeyFileMissingError(VaultError):
    message_nl = (
        "De kluis (vault.db) is er wel, maar het sleutelbestand (vault.keys) ontbreekt. "
        "Zonder dat bestand kan de kluis niet open. Zet het terug of zet een reservekopie terug."
    )


class NoVaultError(VaultError):
    message_nl = "Er is hier nog geen kluis. Maak eerst een nieuwe kluis aan."


class VaultExistsError(VaultError):
    message_nl = (
        "Hier staat al een kluis. Een nieuwe kluis zou de oude vervangen; dat doen we niet."
    )


class VaultInUseError(VaultError):
    message_nl = (
        "Deze kluis is al geopend in een ander venster of programma. Sluit dat eerst en "
        "probeer het dan opnieuw."
    )


class NewerSchemaError(VaultError):
    message_nl = (
        "Deze kluis is gemaakt met een nieuwere versie van Huisbezoek. Installeer de nieuwste "
        "versie om hem te openen. Er is niets veranderd aan de kluis."
    )


class ForeignFileError(VaultError):
    message_nl = (
        "Dit bestand is geen kluis of reservekopie van Huisbezoek, of hoort bij een ander "
        "soort kluis. Kies een ander bestand."
    )


class VisitFinalisedError(VaultError):
    message_nl = (
        "Dit gesprek is al afgerond. Open het eerst opnieuw als u nog iets wilt veranderen."
    )


class ReplacedDatabaseError(DamagedDatabaseError):
    """``vault.db`` is empty, cut short, or not the database this key file belongs to."""

    message_nl = (
        "De kluis (vault.db) is leeg, ingekort of vervangen door een ander bestand. Hij is "
        "niet geopend en er is niets veranderd. Zet een reservekopie terug, of vraag de "
        "coördinator om hulp. Gooi niets weg."
    )


class AuditTrimmedError(DamagedDatabaseError):
    """The audit log lacks the row the key file last recorded: trimmed, or an older copy."""

    message_nl = (
        "Het logboek van de kluis is korter dan de vorige keer: er zijn regels weggehaald, of "
        "de kluis is vervangen door een oudere kopie. De kluis is niet geopend en er is niets "
        "veranderd. Vraag de coördinator om hulp. Gooi niets weg."
    )
