"""The published JSON Schema accepts the default form and rejects broken ones.

Checked with a small validator for exactly the JSON Schema keywords the schema uses (no
``jsonschema`` dependency); it refuses any keyword it does not know, so a model change that
brings in a new keyword makes this test say so instead of passing silently.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from huisbezoek.forms.schema import form_json_schema

IGNORED = {"title", "description", "default", "discriminator", "$schema", "$defs"}


class SchemaError(Exception):
    pass


def _json_value(value: Any) -> Any:
    """What a YAML editor sends to the schema: dates are strings, containers converted."""
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validate(instance: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "") -> None:
    unknown = set(schema) - IGNORED - {
        "$ref", "type", "properties", "required", "additionalProperties", "patternProperties",
        "enum", "const", "pattern", "minLength", "minItems", "minimum", "maximum", "items",
        "anyOf", "oneOf", "format",
    }  # fmt: skip
    if unknown:
        raise AssertionError(f"validator does not know {sorted(unknown)}")
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        validate(instance, root["$defs"][name], root, where)
    if "type" in schema:
        ok = {
            "string": isinstance(instance, str),
            "integer": isinstance(instance, int) and not isinstance(instance, bool),
            "number": isinstance(instance, int | float) and not isinstance(instance, bool),
            "boolean": isinstance(instance, bool),
            "object": isinstance(instance, dict),
            "array": isinstance(instance, list),
            "null": instance is None,
        }[schema["type"]]
        if not ok:
            raise SchemaError(f"{where}: not {schema['type']}")
    if "enum" in schema and instance not in schema["enum"]:
        raise SchemaError(f"{where}: {instance!r} not in enum")
    if "const" in schema and instance != schema["const"]:
        raise SchemaError(f"{where}: not {schema['const']!r}")
    if isinstance(instance, str):
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            raise SchemaError(f"{where}: {instance!r} does not match")
        if len(instance) < schema.get("minLength", 0):
            raise SchemaError(f"{where}: too short")
        if schema.get("format") == "date":
            dt.date.fromisoformat(instance)
    if isinstance(instance, int | float) and not isinstance(instance, bool):
        if "minimum" in schema and instance < schema["minimum"]:
            raise SchemaError(f"{where}: below minimum")
        if "maximum" in schema and instance > schema["maximum"]:
            raise SchemaError(f"{where}: above maximum")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            raise SchemaError(f"{where}: too few items")
        if "items" in schema:
            for i, item in enumerate(instance):
                validate(item, schema["items"], root, f"{where}[{i}]")
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                raise SchemaError(f"{where}: {key} missing")
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        for key, value in instance.items():
            if key in properties:
                validate(value, properties[key], root, f"{where}.{key}")
                continue
            matched = [p for p in patterns if re.search(p, key)]
            for pattern in matched:
                validate(value, patterns[pattern], root, f"{where}.{key}")
            if matched:
                continue
            extra = schema.get("additionalProperties", True)
            if extra is False:
                raise SchemaError(f"{where}: unknown key {key}")
            if isinstance(extra, dict):
                validate(value, extra, root, f"{where}.{key}")
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                validate(instance, option, root, where)
                break
            except SchemaError as exc:
                errors.append(str(exc))
        else:
            raise SchemaError(f"{where}: no anyOf matches ({errors})")
    if "oneOf" in schema:
        matches = 0
        for option in schema["oneOf"]:
            try:
                validate(instance, option, root, where)
                matches += 1
            except SchemaError:
                pass
        if matches != 1:
            raise SchemaError(f"{where}: {matches} oneOf matches")


@pytest.fixture(scope="module")
def default_data(default_form_path: Path) -> Any:
    return _json_value(YAML(typ="safe").load(default_form_path.read_text(encoding="utf-8")))


def test_default_form_is_valid_against_the_published_schema(default_data: Any) -> None:
    schema = form_json_schema()
    validate(default_data, schema, schema)


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("version"),
        lambda d: d.update(format=2),
        lambda d: d["sections"][0]["questions"][1].update(type="schaal"),
        lambda d: d["sections"][0]["questions"][1].update(labl="x"),
        lambda d: d["sections"][1]["questions"][0].update(id="Hoofdletter"),
        lambda d: d["signals"][0].update(severity="hoog"),
        lambda d: d["signals"][0].update(theme="Eenzaam"),
        lambda d: d["scores"][0].update(max_missing=-1),
        lambda d: d["scores"][0].update(kind="som"),
        lambda d: d.update(sections=[]),
    ],
)
def test_schema_rejects_broken_forms(default_data: Any, breakage: Any) -> None:
    import copy

    data = copy.deepcopy(default_data)
    breakage(data)
    schema = form_json_schema()
    with pytest.raises(SchemaError):
        validate(data, schema, schema)
