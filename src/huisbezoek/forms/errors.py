"""Errors in form files, with every problem located by file, line and field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from huisbezoek.errors import UserError

#: Show at most this many problems on screen; the rest are counted.
MAX_SHOWN = 20


@dataclass(frozen=True)
class FormProblem:
    """One problem in a form file. ``line`` is 1-based, or ``None`` when the file has no lines
    (for example, it is not text at all). ``field`` is a readable path such as
    ``vraag 'eenzaam_3', veld 'relevant'``."""

    file: str
    line: int | None
    field: str
    message: str
    code: str = "invalid"  # short English code for the log, never the content

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, regel {self.line}"
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {subject}{self.message}"


class FormDefinitionError(UserError):
    """A form file that cannot be used. ``problems`` lists everything found, in file order."""

    message_nl = "Het formulier klopt niet."

    def __init__(self, problems: Sequence[FormProblem]) -> None:
        self.problems: tuple[FormProblem, ...] = tuple(
            sorted(problems, key=lambda p: (p.file, p.line or 0))
        )
        files = sorted({p.file for p in self.problems})
        codes = sorted({p.code for p in self.problems})
        super().__init__(
            f"form definition invalid: {len(self.problems)} problem(s) in "
            f"{', '.join(files)} ({', '.join(codes)})",
            message_nl=self._dutch(),
        )

    def _dutch(self) -> str:
        if not self.problems:
            return self.message_nl
        shown = [str(problem) for problem in self.problems[:MAX_SHOWN]]
        rest = len(self.problems) - len(shown)
        if len(self.problems) == 1:
            return shown[0]
        head = f"Het formulier heeft {len(self.problems)} fouten:"
        tail = [f"... en nog {rest} andere fouten."] if rest > 0 else []
        return "\n".join([head, *(f"- {line}" for line in shown), *tail])
