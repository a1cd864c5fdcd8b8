"""The installed forms, by id and version, plus old versions rebuilt from a visit's stored text.

A visit pins ``(form id, version, definition_hash)`` and the vault keeps the form's source text,
so :meth:`FormRegistry.pinned` can always give back exactly the definition the visit was made
with, even after a coordinator has installed a newer version or changed the file.
"""

from __future__ import annotations

from pathlib import Path

from huisbezoek import paths
from huisbezoek.forms.errors import FormDefinitionError, FormProblem
from huisbezoek.forms.form import Form
from huisbezoek.forms.loader import definition_hash, load_form, load_form_source

STORED_FILE_NAME = "opgeslagen formulier"

# Themes declared by the forms loaded in this process, id -> label: screens that show a
# signal without its form at hand (the coordinator's queue, a manual signal) name it with this.
_declared_themes: dict[str, str] = {}


def declared_theme_labels() -> dict[str, str]:
    """The themes the loaded forms declare on top of the built-in ones (a copy)."""
    return dict(_declared_themes)


def default_forms_dir() -> Path:
    """The top-level ``forms/`` folder (source checkout) or its copy inside the app bundle;
    the organisation's forms instead once a configuration package has installed them."""
    return paths.active_forms_dir()


class FormRegistry:
    """Forms by ``(id, version)``; refuses two different definitions under one id and version."""

    def __init__(self) -> None:
        self._forms: dict[tuple[str, int], Form] = {}
        self._by_hash: dict[str, Form] = {}

    @classmethod
    def from_folder(cls, folder: Path | None = None) -> FormRegistry:
        """Load every ``*.yaml`` form in ``folder`` (default: the shipped ``forms/``).

        All problems in all files are collected and raised together.
        """
        registry = cls()
        folder = default_forms_dir() if folder is None else folder
        problems: list[FormProblem] = []
        for path in sorted(folder.glob("*.yaml")):
            try:
                form = load_form(path)
            except FormDefinitionError as exc:
                problems.extend(exc.problems)
                continue
            try:
                registry.add(form)
            except FormDefinitionError as exc:
                problems.extend(exc.problems)
        if problems:
            raise FormDefinitionError(problems)
        return registry

    def add(self, form: Form) -> None:
        key = (form.id, form.version)
        known = self._forms.get(key)
        if known is not None and known.definition_hash != form.definition_hash:
            raise FormDefinitionError(
                [
                    FormProblem(
                        form.file_name,
                        None,
                        "",
                        f"formulier '{form.id}' versie {form.version} staat ook in "
                        f"{known.file_name}, maar met een andere inhoud. Geef een van beide "
                        "een nieuw versienummer.",
                        "duplicate_version",
                    )
                ]
            )
        if known is None:
            self._forms[key] = form
        for theme_id, label in form.theme_labels.items():
            _declared_themes.setdefault(theme_id, label)
        self._by_hash.setdefault(form.definition_hash, form)

    def get(self, form_id: str, version: int) -> Form:
        """The installed form; ``KeyError`` when it is not installed."""
        return self._forms[(form_id, version)]

    def latest(self, form_id: str) -> Form:
        """The highest installed version of a form; ``KeyError`` when there is none."""
        versions = [v for (fid, v) in self._forms if fid == form_id]
        if not versions:
            raise KeyError(form_id)
        return self._forms[(form_id, max(versions))]

    def forms(self) -> tuple[Form, ...]:
        """All installed forms, by id and version."""
        return tuple(self._forms[key] for key in sorted(self._forms))

    def pinned(self, form_id: str, version: int, pinned_hash: str, source_text: str) -> Form:
        """The exact definition a visit was made with, from the text the vault stored.

        Uses the installed form when its hash matches; otherwise rebuilds the form from
        ``source_text`` (never from a newer file). Raises :class:`FormDefinitionError` when
        the stored text does not match the pinned id, version or hash.
        """
        cached = self._by_hash.get(pinned_hash)
        if cached is not None and (cached.id, cached.version) == (form_id, version):
            return cached
        if definition_hash(source_text) != pinned_hash:
            raise FormDefinitionError(
                [
                    FormProblem(
                        STORED_FILE_NAME,
                        None,
                        "",
                        "de opgeslagen tekst van het formulier is veranderd of beschadigd.",
                        "hash_mismatch",
                    )
                ]
            )
        form = load_form_source(source_text, f"{form_id}.v{version} ({STORED_FILE_NAME})")
        if (form.id, form.version) != (form_id, version):
            raise FormDefinitionError(
                [
                    FormProblem(
                        form.file_name,
                        None,
                        "",
                        f"het opgeslagen formulier is '{form.id}' versie {form.version}, "
                        f"niet '{form_id}' versie {version}.",
                        "pin_mismatch",
                    )
                ]
            )
        self._by_hash[pinned_hash] = form
        return form
