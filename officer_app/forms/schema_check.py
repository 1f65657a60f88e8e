"""A form definition against the published JSON Schema, in words an LA's forms author can act on.

The schema is ``forms/schema/form-definition.schema.json``. :func:`schema_problems` lists
every place where a definition breaks it (the path to the value, and what is wrong), worded
with the shared messages of :mod:`officer_app.la_yaml` (wrong type, missing key, unknown key,
bad choice) and hints for the form's own shapes (conditions, choices, scales).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]

from officer_app import paths
from officer_app.forms.model import FieldType
from officer_app.la_yaml import (
    DataPath,
    bad_choice,
    describe,
    missing_key,
    unknown_key,
    wrong_type,
)

SCHEMA_FILE = ("schema", "form-definition.schema.json")


def schema_path() -> Path:
    return paths.shipped("forms", *SCHEMA_FILE)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema of a form definition."""
    loaded: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _validator() -> Any:
    """A validator for the published schema less its ``unevaluatedProperties`` rule on fields,
    which jsonschema evaluates slowly (it more than doubles the time to load the forms);
    :func:`_misplaced_keys` applies the same rule, read from the same schema."""
    cls = jsonschema.Draft202012Validator
    published = schema()
    cls.check_schema(published)
    fast = copy.deepcopy(published)
    fast["$defs"]["field"].pop("unevaluatedProperties", None)
    return cls(fast)


@lru_cache(maxsize=1)
def _keys_by_type() -> dict[str, frozenset[str]]:
    """Which keys a field of each type may have, read from the schema's if/then rules."""
    field_schema = schema()["$defs"]["field"]
    common = set(field_schema["properties"])
    out = {t.value: set(common) for t in FieldType}
    for rule in field_schema.get("allOf", ()):
        cond = rule["if"]["properties"]["type"]
        types = [cond["const"]] if "const" in cond else cond["enum"]
        for t in types:
            out[t] |= set(rule["then"].get("properties", {}))
    return {t: frozenset(keys) for t, keys in out.items()}


_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}

_CONDITION_HINT = (
    "a condition is {field: X, equals: V}, {field: X, in: [...]}, {field: X, is_set: true}, "
    "{all: [...]}, {any: [...]} or {not: ...}"
)


def _is_condition_schema(sub: Any) -> bool:
    return isinstance(sub, Mapping) and bool(
        {"all", "any", "not", "field"} & set(sub.get("properties", {}))
    )


def _schema_messages(error: Any) -> Iterator[tuple[DataPath, str]]:
    path: DataPath = tuple(error.absolute_path)
    instance = error.instance
    validator = error.validator
    last = path[-1] if path else None
    if validator == "enum" and last == "type":
        known = ", ".join(t.value for t in FieldType)
        yield path, f"unknown field type {instance!r} (known types: {known})"
    elif validator == "enum":
        yield path, bad_choice(instance, error.validator_value)
    elif validator == "additionalProperties" and isinstance(instance, Mapping):
        allowed_keys = set(error.schema.get("properties", {}))
        hint = _CONDITION_HINT if _is_condition_schema(error.schema) else ""
        for key in sorted(set(instance) - allowed_keys, key=str):
            yield (*path, key), unknown_key(key, hint)
    elif validator == "required" and isinstance(instance, Mapping):
        for key in error.validator_value:
            if key in instance:
                continue
            if key == "choices":
                msg = f"a {instance.get('type')} field needs 'choices' (a list of value and label)"
            elif key == "fields" and instance.get("type") == "group":
                msg = "a group needs 'fields'"
            elif key == "field" and _is_condition_schema(error.schema):
                msg = f"not a condition: {_CONDITION_HINT}"
            elif key in ("min", "max") and instance.get("type") == "scale":
                msg = f"a scale needs '{key}'"
            else:
                msg = missing_key(key)
            yield path, msg
    elif validator in ("minProperties", "maxProperties") and _is_condition_schema(error.schema):
        yield (
            path,
            f"a condition on a field takes exactly one of equals, in, is_set; {_CONDITION_HINT}",
        )
    elif validator == "type" and last == "required":
        yield path, wrong_type("true, false or a condition", describe(instance))
    elif validator == "type":
        wanted = error.validator_value
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        expected = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        yield path, wrong_type(expected, describe(instance))
    elif validator == "pattern" and last in ("value",) and "[a-z0-9]" in error.validator_value:
        yield (
            path,
            (
                f"{instance!r} is not a valid choice value: use lower-case letters, digits and "
                "underscores"
            ),
        )
    elif validator == "pattern":
        yield (
            path,
            (
                f"{instance!r} is not a valid id: use lower-case letters, digits and underscores, "
                "starting with a letter"
            ),
        )
    elif validator == "minItems":
        yield path, "needs at least one entry"
    elif validator == "minLength":
        yield path, "cannot be empty"
    elif validator == "maxLength":
        yield path, f"is too long (at most {error.validator_value} characters)"
    elif validator == "minimum":
        yield path, f"must be at least {error.validator_value}, found {instance}"
    elif validator == "exclusiveMinimum":
        yield path, f"must be more than {error.validator_value}, found {instance}"
    elif validator == "dependentRequired":
        yield path, "'pattern_message' needs a 'pattern'"
    else:
        yield path, str(error.message)


def _misplaced_keys(data: Any) -> Iterator[tuple[DataPath, str]]:
    """The schema's ``unevaluatedProperties: false`` on fields, in words: a key that does not
    apply to the field's type, or that no field has."""
    keys = _keys_by_type()
    every = frozenset().union(*keys.values())

    def fields(items: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
        if not isinstance(items, list):
            return
        for index, item in enumerate(items):
            if not isinstance(item, Mapping):
                continue
            here = (*path, index)
            field_type = item.get("type")
            allowed = keys.get(field_type) if isinstance(field_type, str) else None
            if allowed is not None:  # an unknown type is reported on its own
                for key in item:
                    if key in allowed:
                        continue
                    if key in every:
                        yield (*here, key), f"{key!r} does not apply to a {field_type} field"
                    else:
                        yield (*here, key), unknown_key(key)
            yield from fields(item.get("fields"), (*here, "fields"))

    sections = data.get("sections") if isinstance(data, Mapping) else None
    if isinstance(sections, list):
        for index, section in enumerate(sections):
            if isinstance(section, Mapping):
                yield from fields(section.get("fields"), ("sections", index, "fields"))


def schema_problems(data: Any) -> list[tuple[DataPath, str]]:
    """Where ``data`` breaks the schema and why, in the order of the paths."""
    found: list[tuple[DataPath, str]] = []
    for error in _validator().iter_errors(data):
        for item in _schema_messages(error):
            if item not in found:
                found.append(item)
    for item in _misplaced_keys(data):
        if item not in found:
            found.append(item)
    found.sort(key=lambda item: [(0, p) if isinstance(p, int) else (1, p) for p in item[0]])
    return found
