"""Loading form definitions from folders, refusing broken ones without stopping the app.

``load_definitions([shipped, la_folder])`` reads every ``*.yaml``, ``*.yml`` and ``*.json``
directly in each folder (the current definitions) and in its ``archive/`` subfolder (older
versions kept so that records made with them still render). Each file is checked against the
published schema (``forms/schema/form-definition.schema.json``) and then for what a schema
cannot say: field ids unique across the form, conditions only on earlier fields that exist and
can be seen from where the condition is, condition values among the field's choices, ``after``
on an earlier field of the same type, the file named after the id.

A broken file is reported as a :class:`DefinitionProblem` (file, place, line, message) and its
form listed in ``registry.unavailable``; everything else loads. A later folder overrides an
earlier one by id (the LA's folder comes after the shipped one), and every version of every
form that loaded is kept, so ``registry.get(form_id, version)`` finds the definition a record
was made with.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias

import jsonschema  # type: ignore[import-untyped]
import yaml  # type: ignore[import-untyped]

from officer_app import la_yaml, paths
from officer_app.forms.model import FieldType, FormDefinition, definition_from_dict

SCHEMA_FILE = ("schema", "form-definition.schema.json")
SUFFIXES = (".yaml", ".yml", ".json")
ARCHIVE = "archive"

JsonPath: TypeAlias = tuple[str | int, ...]
_FILE_NAME = re.compile(r"([a-z][a-z0-9_]*)(?:\.v([1-9][0-9]*))?")


@dataclass(frozen=True)
class DefinitionProblem:
    """Why a definition file was refused: the file, the place in it (``sections[2].fields[4].type``,
    counting from 0) with its line where known (counting from 1), and what is wrong."""

    file: Path
    place: str
    message: str
    line: int | None = None
    form_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else str(self.file)
        return (
            f"{where}: {self.place}: {self.message}" if self.place else f"{where}: {self.message}"
        )


class FormUnavailable(LookupError):
    """The form asked for cannot be used: it does not exist or its definition is broken."""

    def __init__(self, form_id: str, message: str) -> None:
        super().__init__(message)
        self.form_id = form_id


def place_of(path: JsonPath) -> str:
    """``("sections", 2, "fields", 4, "type")`` as ``sections[2].fields[4].type``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


# -- the schema -----------------------------------------------------------------------------


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


# -- reading a file, with line numbers ------------------------------------------------------


class _FileError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class _Parsed:
    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[JsonPath, int]] = field(default_factory=list)

    def line(self, path: JsonPath) -> int | None:
        for end in range(len(path), -1, -1):
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return None


def _walk_nodes(node: Any, path: JsonPath, parsed: _Parsed) -> None:
    parsed.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                parsed.duplicate_keys.append(((*path, key), key_node.start_mark.line + 1))
            seen.add(key)
            parsed.lines[(*path, key)] = key_node.start_mark.line + 1
            _walk_nodes(value_node, (*path, key), parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk_nodes(item, (*path, index), parsed)


def _parse_yaml(text: str) -> _Parsed:
    try:
        data, node = la_yaml.compose(text)  # anchors, aliases and deep nesting refused
    except la_yaml.YamlProblem as exc:
        message = f"not valid YAML: {exc.message}" if exc.syntax else exc.message
        raise _FileError(message, exc.line) from exc
    if node is None:
        raise _FileError("the file is empty")
    parsed = _Parsed(data)
    _walk_nodes(node, (), parsed)
    return parsed


def _parse_json(text: str) -> _Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _FileError(f"not valid JSON: {exc.msg}", exc.lineno) from exc
    parsed = _Parsed(data)
    try:  # JSON is (near enough) YAML: borrow its line numbers where that works
        lined = _parse_yaml(text)
        parsed.lines, parsed.duplicate_keys = lined.lines, lined.duplicate_keys
    except _FileError:
        pass
    return parsed


def _read(file: Path) -> _Parsed:
    try:
        text = la_yaml.read_small(file).decode("utf-8")
    except la_yaml.YamlProblem as exc:
        raise _FileError(exc.message, exc.line) from exc
    except UnicodeDecodeError as exc:
        raise _FileError(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise _FileError(f"cannot be read: {exc.strerror or exc}") from exc
    return _parse_json(text) if file.suffix.lower() == ".json" else _parse_yaml(text)


# -- the schema check, in words an LA's forms author can act on -----------------------------


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (in YAML, quote yes, no, on and off)"
    if value is None:
        return "nothing"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__} ({value}; quote it)"


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


def _schema_messages(error: Any) -> Iterator[tuple[JsonPath, str]]:
    path: JsonPath = tuple(error.absolute_path)
    instance = error.instance
    validator = error.validator
    last = path[-1] if path else None
    if validator == "enum" and last == "type":
        known = ", ".join(t.value for t in FieldType)
        yield path, f"unknown field type {instance!r} (known types: {known})"
    elif validator == "enum":
        yield path, f"{instance!r} is not one of: {', '.join(map(str, error.validator_value))}"
    elif validator == "additionalProperties" and isinstance(instance, Mapping):
        allowed_keys = set(error.schema.get("properties", {}))
        hint = f" ({_CONDITION_HINT})" if _is_condition_schema(error.schema) else ""
        for key in sorted(set(instance) - allowed_keys, key=str):
            yield (*path, key), f"unknown key {key!r}{hint}"
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
                msg = f"missing {key!r}"
            yield path, msg
    elif validator in ("minProperties", "maxProperties") and _is_condition_schema(error.schema):
        yield (
            path,
            f"a condition on a field takes exactly one of equals, in, is_set; {_CONDITION_HINT}",
        )
    elif validator == "type" and last == "required":
        yield path, f"expected true, false or a condition, found {_describe(instance)}"
    elif validator == "type":
        wanted = error.validator_value
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        expected = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        yield path, f"expected {expected}, found {_describe(instance)}"
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


def _misplaced_keys(data: Any) -> Iterator[tuple[JsonPath, str]]:
    """The schema's ``unevaluatedProperties: false`` on fields, in words: a key that does not
    apply to the field's type, or that no field has."""
    keys = _keys_by_type()
    every = frozenset().union(*keys.values())

    def fields(items: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
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
                        yield (*here, key), f"unknown key {key!r}"
            yield from fields(item.get("fields"), (*here, "fields"))

    sections = data.get("sections") if isinstance(data, Mapping) else None
    if isinstance(sections, list):
        for index, section in enumerate(sections):
            if isinstance(section, Mapping):
                yield from fields(section.get("fields"), ("sections", index, "fields"))


def _schema_problems(data: Any) -> list[tuple[JsonPath, str]]:
    found: list[tuple[JsonPath, str]] = []
    for error in _validator().iter_errors(data):
        for item in _schema_messages(error):
            if item not in found:
                found.append(item)
    for item in _misplaced_keys(data):
        if item not in found:
            found.append(item)
    found.sort(key=lambda item: [(0, p) if isinstance(p, int) else (1, p) for p in item[0]])
    return found


# -- checks beyond the schema ---------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    id: str
    data: Mapping[str, Any]
    path: JsonPath
    groups: tuple[str, ...]
    order: int


class _Semantics:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.problems: list[tuple[JsonPath, str]] = []
        self.entries: list[_Entry] = []
        self.first: dict[str, _Entry] = {}

    def problem(self, path: JsonPath, message: str) -> None:
        self.problems.append((path, message))

    def run(self) -> list[tuple[JsonPath, str]]:
        section_ids: dict[str, JsonPath] = {}
        section_orders: list[int] = []
        for s_index, section in enumerate(self.data["sections"]):
            s_path: JsonPath = ("sections", s_index)
            if section["id"] in section_ids:
                where = place_of(section_ids[section["id"]])
                self.problem((*s_path, "id"), f"duplicate section id {section['id']!r} ({where})")
            section_ids.setdefault(section["id"], s_path)
            section_orders.append(len(self.entries))
            self.collect(section["fields"], s_path, ())
        for entry in self.entries:
            if entry.id in self.first:
                where = place_of(self.first[entry.id].path)
                self.problem(
                    (*entry.path, "id"),
                    f"duplicate field id {entry.id!r} (first used at {where})",
                )
            else:
                self.first[entry.id] = entry
        for entry in self.entries:
            self.check_field(entry)
        for s_index, section in enumerate(self.data["sections"]):
            if "show_when" in section:
                self.check_condition(
                    section["show_when"],
                    ("sections", s_index, "show_when"),
                    owner=None,
                    order=section_orders[s_index],
                    groups=(),
                )
        return self.problems

    def collect(self, fields: Sequence[Any], path: JsonPath, groups: tuple[str, ...]) -> None:
        for index, data in enumerate(fields):
            entry = _Entry(data["id"], data, (*path, "fields", index), groups, len(self.entries))
            self.entries.append(entry)
            if data["type"] == "group":
                self.collect(data["fields"], entry.path, (*groups, data["id"]))

    def check_field(self, entry: _Entry) -> None:
        data, path = entry.data, entry.path
        values: dict[str, int] = {}
        for index, choice in enumerate(data.get("choices", ())):
            if choice["value"] in values:
                self.problem(
                    (*path, "choices", index, "value"),
                    f"duplicate choice value {choice['value']!r}",
                )
            values.setdefault(choice["value"], index)
        low, high = data.get("min"), data.get("max")
        if low is not None and high is not None and low > high:
            self.problem((*path, "min"), f"min ({low}) is more than max ({high})")
        if data["type"] == "scale" and low is not None and low == high:
            self.problem((*path, "max"), "a scale needs max above min")
        few, many = data.get("min_items"), data.get("max_items")
        if few is not None and many is not None and few > many:
            self.problem((*path, "min_items"), f"min_items ({few}) is more than max_items ({many})")
        if "pattern" in data:
            try:
                re.compile(data["pattern"])
            except re.error as exc:
                self.problem((*path, "pattern"), f"not a valid regular expression: {exc}")
        if "after" in data:
            self.check_after(entry)
        if "from_case" in data and entry.groups:
            self.problem((*path, "from_case"), "a fact of the case cannot be inside a group")
        for key in ("show_when", "required"):
            if isinstance(data.get(key), Mapping):
                self.check_condition(
                    data[key], (*path, key), owner=entry, order=entry.order, groups=entry.groups
                )

    def reach(
        self,
        target_id: str,
        path: JsonPath,
        owner: _Entry | None,
        order: int,
        groups: tuple[str, ...],
        what: str,
    ) -> _Entry | None:
        """The entry for ``target_id`` if the owner at ``order`` inside ``groups`` may refer to
        it; otherwise record why not and return None."""
        target = self.first.get(target_id)
        if target is None:
            self.problem(path, f"{what} on unknown field {target_id!r}")
            return None
        if target is owner:
            self.problem(path, f"{what} on the field itself")
            return None
        if target.id in groups:
            self.problem(path, f"{what} on {target_id!r}, the group this field is in")
            return None
        if target.order >= order:
            self.problem(
                path,
                f"{what} on field {target_id!r}, which comes later in the form "
                f"({place_of(target.path)}); a {what} may only refer to an earlier field",
            )
            return None
        if target.groups != groups[: len(target.groups)]:
            self.problem(
                path,
                f"{what} on field {target_id!r}, which is inside group {target.groups[-1]!r} "
                "and cannot be seen from here",
            )
            return None
        return target

    def check_after(self, entry: _Entry) -> None:
        path = (*entry.path, "after")
        target = self.reach(
            entry.data["after"], path, entry, entry.order, entry.groups, "'after' rule"
        )
        if target is not None and target.data["type"] != entry.data["type"]:
            self.problem(
                path,
                f"'after' compares a {entry.data['type']} with {target.id!r}, "
                f"a {target.data['type']} field",
            )

    def check_condition(
        self,
        cond: Mapping[str, Any],
        path: JsonPath,
        owner: _Entry | None,
        order: int,
        groups: tuple[str, ...],
    ) -> None:
        for key in ("all", "any"):
            if key in cond:
                for index, sub in enumerate(cond[key]):
                    self.check_condition(sub, (*path, key, index), owner, order, groups)
                return
        if "not" in cond:
            self.check_condition(cond["not"], (*path, "not"), owner, order, groups)
            return
        target = self.reach(cond["field"], (*path, "field"), owner, order, groups, "condition")
        if target is None:
            return
        compared: list[tuple[JsonPath, Any]] = []
        if "equals" in cond:
            compared.append(((*path, "equals"), cond["equals"]))
        if "in" in cond:
            compared.extend(((*path, "in", i), v) for i, v in enumerate(cond["in"]))
        kind = target.data["type"]
        for value_path, value in compared:
            message = self.value_problem(target, kind, value)
            if message:
                self.problem(value_path, message)

    @staticmethod
    def value_problem(target: _Entry, kind: str, value: Any) -> str | None:
        name = target.id
        if kind in ("single_choice", "multiple_choice"):
            choices = [c["value"] for c in target.data["choices"]]
            if value not in choices or isinstance(value, bool):
                return f"{value!r} is not one of the choices of {name!r} ({', '.join(choices)})"
        elif kind == "yes_no":
            if not isinstance(value, bool):
                return f"{name!r} is a yes/no question: compare it with true or false"
        elif kind in ("number", "scale"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"{name!r} is a number: compare it with a number"
        elif kind == "group":
            return f"{name!r} is a group: a condition on it can only use is_set"
        elif not isinstance(value, str):
            return f"{name!r} is a {kind} field: compare it with text"
        return None


# -- one file -------------------------------------------------------------------------------


def _file_identity(file: Path) -> tuple[str | None, int | None]:
    """The form id (and version, for ``<id>.v<n>``) that the file name promises."""
    stem = file.name[: -len(file.suffix)] if file.suffix else file.name
    match = _FILE_NAME.fullmatch(stem)
    if match is None:
        return None, None
    return match.group(1), int(match.group(2)) if match.group(2) else None


def load_definition_file(file: Path) -> tuple[FormDefinition | None, list[DefinitionProblem]]:
    """Read and check one definition file: the definition, or None and why it was refused."""
    form_id, named_version = _file_identity(file)

    def problem(place: JsonPath, message: str, line: int | None) -> DefinitionProblem:
        return DefinitionProblem(file, place_of(place), message, line, form_id)

    try:
        parsed = _read(file)
    except _FileError as exc:
        return None, [problem((), exc.message, exc.line)]

    found = [
        problem(p, f"duplicate key {p[-1]!r} (YAML would silently keep only the last)", line)
        for p, line in parsed.duplicate_keys
    ]
    for p, message in _schema_problems(parsed.data):
        found.append(problem(p, message, parsed.line(p)))
    if found:
        return None, _by_line(found)

    data: Mapping[str, Any] = parsed.data
    for p, message in _Semantics(data).run():
        found.append(problem(p, message, parsed.line(p)))
    if form_id is None:
        found.append(
            problem(
                (),
                f"the file name should be the form's id: {data['id']}{file.suffix} "
                f"(or {data['id']}.v{data['version']}{file.suffix} in {ARCHIVE}/)",
                None,
            )
        )
    elif data["id"] != form_id:
        found.append(
            problem(
                ("id",),
                f"the id {data['id']!r} does not match the file name: "
                f"call the file {data['id']}{file.suffix}",
                parsed.line(("id",)),
            )
        )
    elif named_version is not None and data["version"] != named_version:
        found.append(
            problem(
                ("version",),
                f"version {data['version']} does not match the file name (.v{named_version})",
                parsed.line(("version",)),
            )
        )
    if found:
        return None, _by_line(found)
    return definition_from_dict(data, source=str(file)), []


def _by_line(problems: list[DefinitionProblem]) -> list[DefinitionProblem]:
    # A stable sort: problems without a line keep their order, after the others.
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


# -- the registry ---------------------------------------------------------------------------


@dataclass
class FormRegistry:
    """Every form definition that loaded, by id and version, and what was refused.

    ``get(form_id)`` is the current definition, for a new record; ``get(form_id, version)`` the
    one a record was made with. ``unavailable`` lists the forms that cannot be used for new
    records because their current file is broken (older versions that loaded still resolve).
    """

    problems: list[DefinitionProblem] = field(default_factory=list)
    _current: dict[str, FormDefinition] = field(default_factory=dict)
    _versions: dict[str, dict[int, list[FormDefinition]]] = field(default_factory=dict)
    _broken: dict[str, list[DefinitionProblem]] = field(default_factory=dict)

    @property
    def unavailable(self) -> list[str]:
        """Ids of forms whose current definition was refused (sorted)."""
        return sorted(self._broken)

    def problems_for(self, form_id: str) -> list[DefinitionProblem]:
        return [p for p in self.problems if p.form_id == form_id]

    def __contains__(self, form_id: object) -> bool:
        return form_id in self._current

    def ids(self) -> list[str]:
        """Ids of the forms available for new records (sorted)."""
        return sorted(self._current)

    def definitions(self) -> list[FormDefinition]:
        """The current definition of every available form, by title (for a menu)."""
        return sorted(self._current.values(), key=lambda d: (d.title.casefold(), d.id))

    def versions(self, form_id: str) -> list[int]:
        """Every version of a form that loaded (sorted)."""
        return sorted(self._versions.get(form_id, {}))

    def find(
        self, form_id: str, version: int | None = None, fingerprint: str | None = None
    ) -> FormDefinition | None:
        """Like :meth:`get`, but None instead of an exception."""
        if version is None:
            current = self._current.get(form_id)
            if current is None or (fingerprint and current.fingerprint != fingerprint):
                return None
            return current
        candidates = self._versions.get(form_id, {}).get(version, [])
        if fingerprint:
            candidates = [d for d in candidates if d.fingerprint == fingerprint]
        return candidates[-1] if candidates else None

    def get(
        self, form_id: str, version: int | None = None, fingerprint: str | None = None
    ) -> FormDefinition:
        """The current definition (``version=None``) or a given version. Where two folders hold
        the same id and version, the later folder's wins unless ``fingerprint`` (stored with the
        record) says which. Raises :class:`FormUnavailable` with a message for the officer."""
        found = self.find(form_id, version, fingerprint)
        if found is not None:
            return found
        if version is None and form_id in self._broken:
            detail = "; ".join(str(p) for p in self._broken[form_id][:3])
            raise FormUnavailable(
                form_id, f"The form {form_id!r} is unavailable: its definition is broken ({detail})"
            )
        wanted = form_id if version is None else f"{form_id} version {version}"
        raise FormUnavailable(form_id, f"There is no form {wanted!r}.")

    # -- building ---------------------------------------------------------------------------

    def _keep(self, definition: FormDefinition) -> None:
        self._versions.setdefault(definition.id, {}).setdefault(definition.version, []).append(
            definition
        )


def _definition_files(folder: Path) -> tuple[list[Path], list[Path]]:
    def listing(where: Path) -> list[Path]:
        if not where.is_dir():
            return []
        return sorted(p for p in where.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)

    return listing(folder), listing(folder / ARCHIVE)


def load_definitions(folders: Sequence[Path]) -> FormRegistry:
    """Load every definition in ``folders``, later folders overriding earlier ones by id.
    Never raises for a bad file or folder: see ``registry.problems``."""
    registry = FormRegistry()
    for folder in folders:
        if not folder.is_dir():
            registry.problems.append(
                DefinitionProblem(folder, "", "forms folder not found (check the configuration)")
            )
            continue
        current, archived = _definition_files(folder)
        here: dict[str, FormDefinition] = {}
        broken_here: dict[str, list[DefinitionProblem]] = {}
        claimed: dict[str, Path] = {}
        for file in current:
            definition, problems = load_definition_file(file)
            form_id = definition.id if definition else _file_identity(file)[0]
            if definition is not None and form_id in claimed:
                problems = [
                    DefinitionProblem(
                        file, "", f"{claimed[form_id].name} in the same folder also defines "
                        f"{form_id!r}: keep one", None, form_id,
                    )
                ]  # fmt: skip
                definition = None
            registry.problems.extend(problems)
            if form_id is None:
                continue
            claimed.setdefault(form_id, file)
            if definition is None:
                broken_here.setdefault(form_id, []).extend(problems)
                here.pop(form_id, None)
            elif form_id not in broken_here:
                here[form_id] = definition
        for file in archived:
            definition, problems = load_definition_file(file)
            if definition is not None and _file_identity(file)[1] is None:
                problems = [
                    DefinitionProblem(
                        file, "", f"a file in {ARCHIVE}/ is named <id>.v<version>, here "
                        f"{definition.id}.v{definition.version}{file.suffix}", None,
                        definition.id,
                    )
                ]  # fmt: skip
                definition = None
            clash = here.get(definition.id) if definition else None
            if (
                definition is not None
                and clash is not None
                and clash.version == definition.version
                and clash.fingerprint != definition.fingerprint
            ):
                problems = [
                    DefinitionProblem(
                        file, "version", f"{clash.source} has version {clash.version} of "
                        f"{definition.id!r} with different content: give one a new version",
                        None, definition.id,
                    )
                ]  # fmt: skip
                definition = None
            registry.problems.extend(problems)
            if definition is not None:
                registry._keep(definition)
        for form_id, definition in here.items():
            registry._keep(definition)
            registry._current[form_id] = definition
            registry._broken.pop(form_id, None)
        for form_id, problems in broken_here.items():
            registry._current.pop(form_id, None)
            registry._broken[form_id] = problems
    return registry


def default_folders(la_folder: Path | None = None) -> list[Path]:
    """The shipped forms, then the LA's folder from its configuration (if any)."""
    folders = [paths.shipped("forms")]
    if la_folder is not None:
        folders.append(la_folder)
    return folders


def load_registry(la_folder: Path | None = None) -> FormRegistry:
    """The registry the application uses: shipped forms overridden by the LA's."""
    return load_definitions(default_folders(la_folder))
