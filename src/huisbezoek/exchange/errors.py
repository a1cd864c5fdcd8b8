"""Errors a user can meet while exchanging keys and batch files, each with a Dutch reason.

Every rejection of a batch raises one of these before anything in a store has changed.
"""

from __future__ import annotations

from huisbezoek.errors import UserError


class ExchangeError(UserError):
    """Base class: something about a key, configuration or batch file is not acceptable."""

    message_nl = "Dit bestand kan niet worden gebruikt."


class InvalidKeyFileError(ExchangeError):
    message_nl = (
        "Dit sleutelbestand of configuratiebestand klopt niet. "
        "Vraag om een nieuw bestand en probeer het opnieuw."
    )


class BatchRejectedError(ExchangeError):
    """A batch file was refused; nothing was imported from it."""

    message_nl = "Dit bestand is niet ingelezen."


class CorruptBatchError(BatchRejectedError):
    message_nl = (
        "Het bestand is beschadigd of niet compleet. Er is niets ingelezen. "
        "Vraag de vrijwilliger om het bestand opnieuw te sturen."
    )


class OversizedBatchError(BatchRejectedError):
    message_nl = (
        "Het bestand is te groot of bevat te veel gegevens. Er is niets ingelezen. "
        "Neem contact op met de beheerder."
    )


class DecompressionBombError(OversizedBatchError):
    message_nl = (
        "Het bestand wordt bij het uitpakken veel te groot. Er is niets ingelezen. "
        "Dit bestand is niet te vertrouwen."
    )


class OtherOrganisationError(BatchRejectedError):
    message_nl = (
        "Dit bestand is bedoeld voor een andere organisatie. Er is niets ingelezen. "
        "Controleer of de vrijwilliger de juiste configuratie gebruikt."
    )


class UnknownSignerError(BatchRejectedError):
    message_nl = (
        "Dit bestand komt van een vrijwilliger die niet is aangemeld of nog niet is "
        "goedgekeurd. Er is niets ingelezen."
    )


class RevokedSignerError(BatchRejectedError):
    message_nl = (
        "De sleutel van deze vrijwilliger is ingetrokken. Er is niets ingelezen. "
        "Neem contact op met de vrijwilliger."
    )


class BadSignatureError(BatchRejectedError):
    message_nl = (
        "De handtekening past niet bij de inhoud. Het bestand is veranderd of niet echt. "
        "Er is niets ingelezen."
    )


class ManifestMismatchError(BatchRejectedError):
    message_nl = (
        "De gegevens aan de buitenkant van het bestand passen niet bij de ondertekende inhoud. "
        "Er is niets ingelezen."
    )


class InvalidPayloadError(BatchRejectedError):
    message_nl = (
        "De inhoud van het bestand heeft niet de verwachte vorm. Er is niets ingelezen. "
        "Misschien gebruikt de vrijwilliger een andere versie van het programma."
    )


class ReplayedBatchError(BatchRejectedError):
    message_nl = (
        "Er is al een andere zending met dit nummer van deze vrijwilliger ingelezen. Er is "
        "niets ingelezen. Vraag de vrijwilliger om opnieuw alles te exporteren."
    )


class ConflictingBatchError(BatchRejectedError):
    message_nl = (
        "Er is al een zending met hetzelfde nummer ingelezen, maar met een andere inhoud. "
        "Er is niets ingelezen. Neem contact op met de beheerder."
    )


class NoOrganisationConfigError(ExchangeError):
    message_nl = (
        "Er is nog geen bestand van de organisatie ingelezen. Kies in het menu Bestand: "
        "Organisatie-instellingen inlezen. U krijgt dit bestand van uw coördinator."
    )


class ExportCancelledError(ExchangeError):
    message_nl = "De export is afgebroken. Er is niets verstuurd of gemarkeerd."


class ForeignSignalError(ConflictingBatchError):
    """A signal (or withdrawal) whose id is already held for another volunteer's key."""

    message_nl = (
        "In deze zending staat een signaal dat al bij een andere vrijwilliger hoort. Zo'n "
        "zending is veranderd of komt van een verkeerd ingestelde computer. Er is niets "
        "ingelezen. Neem contact op met de beheerder."
    )
