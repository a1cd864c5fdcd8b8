"""Fixtures for the forms tests: the shipped default form and a helper to write small forms."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from huisbezoek import paths
from huisbezoek.forms import Form, load_form

DEFAULT_FORM_FILE = "samen-sterker-75plus.v1.yaml"


@pytest.fixture(scope="session")
def default_form_path() -> Path:
    return paths.forms_dir() / DEFAULT_FORM_FILE


@pytest.fixture(scope="session")
def default_form(default_form_path: Path) -> Form:
    return load_form(default_form_path)


def small_form_text(body: str, *, form_id: str = "test", version: int = 1) -> str:
    """A minimal valid header plus ``body`` (YAML for sections, scores and signals)."""
    head = f"format: 1\nid: {form_id}\nversion: {version}\ntitle: Test\n"
    return head + textwrap.dedent(body)


@pytest.fixture(name="small_form_text")
def small_form_text_fixture() -> Callable[..., str]:
    return small_form_text


@pytest.fixture
def write_form(tmp_path: Path) -> Callable[..., Path]:
    def write(body: str, name: str = "test.v1.yaml", **kwargs: object) -> Path:
        path = tmp_path / name
        path.write_text(small_form_text(body, **kwargs), encoding="utf-8")  # type: ignore[arg-type]
        return path

    return write
