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
