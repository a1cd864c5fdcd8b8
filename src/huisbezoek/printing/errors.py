"""Errors from printing: a leaflet, directory or font file that cannot be used, or bad input."""

from __future__ import annotations

from pathlib import Path

from huisbezoek.errors import InvalidInputError


class ResourceFileError(InvalidInputError):
    """A shipped or coordinator-supplied resource file (leaflet, sociale kaart, font) is wrong."""

    message_nl = (
        "Een bestand met folders of adressen klopt niet. Vraag de coördinator om een nieuwe versie."
    )

    @classmethod
    def for_file(cls, path: Path, log_detail: str, detail_nl: str) -> ResourceFileError:
        """An error that names the file, in Dutch for the screen and in English for the log."""
        name = Path(path).name
        return cls(
            f"resource file {name}: {log_detail}",
            message_nl=(
                f"Het bestand {name} klopt niet: {detail_nl}. "
                "Vraag de coördinator om een nieuwe versie van dit bestand."
            ),
        )


class PrintInputError(InvalidInputError):
    """The data handed to a document does not fit (for example a rating outside 0 to 10)."""

    message_nl = "De gegevens voor deze afdruk kloppen niet. Er is niets afgedrukt."


class SavePdfError(InvalidInputError):
    """The folder the volunteer chose cannot take the file (read-only, gone, no rights)."""

    message_nl = (
        "Het bestand kon niet in deze map worden opgeslagen. Er is niets veranderd. "
        "Kies een andere map, bijvoorbeeld Documenten."
    )

    @classmethod
    def for_folder(cls, folder: Path, exc: OSError) -> SavePdfError:
        """Say what is wrong with the folder when it is one of the common cases."""
        kind = f"cannot save pdf: {type(exc).__name__}"
        if isinstance(exc, FileNotFoundError):
            return cls(kind, message_nl=f"De map {folder} bestaat niet (meer). Er is niets "
                       "veranderd. Kies een andere map, bijvoorbeeld Documenten.")  # fmt: skip
        if isinstance(exc, PermissionError):
            return cls(kind, message_nl=f"Opslaan in de map {folder} mag niet. Er is niets "
                       "veranderd. Kies een andere map, bijvoorbeeld Documenten.")  # fmt: skip
        return cls(kind)
