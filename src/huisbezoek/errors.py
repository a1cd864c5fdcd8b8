"""Typed errors a user can cause, each with a Dutch message for the screen and English for the log.

Screens show ``message_nl``; logs get ``log_message``, which must never hold names, answers or
keys. Nothing that raises one of these may have lost or half-written data.
"""

from __future__ import annotations


class UserError(Exception):
    """An error the user can cause and can do something about."""

    #: Default Dutch text when a subclass gives none; B1 level, says what to do next.
    message_nl: str = "Er ging iets mis. Probeer het nog eens."

    def __init__(self, log_message: str = "", *, message_nl: str | None = None) -> None:
        super().__init__(log_message or type(self).__name__)
        if message_nl is not None:
            self.message_nl = message_nl

    @property
    def log_message(self) -> str:
        return str(self.args[0])


class DiskFullError(UserError):
    message_nl = (
        "De schijf is vol. Er is niets verloren gegaan. "
        "Maak ruimte vrij op de computer en probeer het opnieuw."
    )


class InvalidInputError(UserError):
    """A value the user typed or a file the user chose does not fit."""

    message_nl = "Deze invoer klopt niet."
