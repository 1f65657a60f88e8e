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

The work is shared out: :mod:`officer_app.la_yaml` reads the file with the line of every
key, :mod:`.schema_check` words what breaks the schema, :mod:`.semantics` checks what a
schema cannot say and :mod:`.registry` keeps what loaded. This module reads the files and
folders and puts the pieces together; its names are the ones the rest of the app imports.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from officer_app import la_yaml, paths
from officer_app.forms.model import FormDefinition, definition_from_dict
from officer_app.forms.registry import DefinitionProblem, FormRegistry, FormUnavailable
from officer_app.forms.schema_check import SCHEMA_FILE, schema, schema_path, schema_problems
from officer_app.forms.semantics import semantic_problems
from officer_app.la_yaml import DataPath, YamlProblem, place_of

__all__ = [
    "ARCHIVE",
    "SCHEMA_FILE",
    "SUFFIXES",
    "DefinitionProblem",
    "FormRegistry",
    "FormUnavailable",
    "default_folders",
    "load_definition_file",
    "load_definitions",
    "load_registry",
    "place_of",
    "schema",
    "schema_path",
]

SUFFIXES = (".yaml", ".yml", ".json")
ARCHIVE = "archive"

_FILE_NAME = re.compile(r"([a-z][a-z0-9_]*)(?:\.v([1-9][0-9]*))?")


# -- reading a file, with line numbers ------------------------------------------------------


def _parse_yaml(text: str) -> la_yaml.Located:
    try:
        located = la_yaml.locate(text)  # anchors, aliases and deep nesting refused
    except YamlProblem as exc:
        if exc.syntax:
            raise YamlProblem(f"not valid YAML: {exc.message}", exc.line, None) from exc
        raise
    if located is None:
        raise YamlProblem("the file is empty", None, None)
    return located


def _parse_json(text: str) -> la_yaml.Located:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise YamlProblem(f"not valid JSON: {exc.msg}", exc.lineno, None) from exc
    try:  # JSON is (near enough) YAML: borrow its line numbers where that works
        located = _parse_yaml(text)
    except YamlProblem:
        return la_yaml.Located(data)
    located.data = data
    return located


def _read(file: Path) -> la_yaml.Located:
    """The file's data with its positions; YamlProblem (message and line) when refused."""
    try:
        text = la_yaml.read_text(file)
    except UnicodeDecodeError as exc:
        raise YamlProblem(f"not UTF-8 text ({exc.reason} at byte {exc.start})", None, None) from exc
    return _parse_json(text) if file.suffix.lower() == ".json" else _parse_yaml(text)


# -- one file -------------------------------------------------------------------------------


def file_identity(file: Path) -> tuple[str | None, int | None]:
    """The form id (and version, for ``<id>.v<n>``) that the file name promises."""
    stem = file.name[: -len(file.suffix)] if file.suffix else file.name
    match = _FILE_NAME.fullmatch(stem)
    if match is None:
        return None, None
    return match.group(1), int(match.group(2)) if match.group(2) else None


def load_definition_file(file: Path) -> tuple[FormDefinition | None, list[DefinitionProblem]]:
    """Read and check one definition file: the definition, or None and why it was refused."""
    form_id, named_version = file_identity(file)

    def problem(place: DataPath, message: str, line: int | None) -> DefinitionProblem:
        return DefinitionProblem(file, place_of(place), message, line, form_id)

    try:
        parsed = _read(file)
    except YamlProblem as exc:
        return None, [problem((), exc.message, exc.line)]

    found = [
        problem(p, f"duplicate key {p[-1]!r} (YAML would silently keep only the last)", line)
        for p, line, _column in parsed.duplicates
    ]
    for p, message in schema_problems(parsed.data):
        found.append(problem(p, message, parsed.line(p)))
    if found:
        return None, _by_line(found)

    data: Mapping[str, Any] = parsed.data
    for p, message in semantic_problems(data):
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
    return sorted(problems, key=lambda p: la_yaml.by_position(p.line))


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
            form_id = definition.id if definition else file_identity(file)[0]
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
            if definition is not None and file_identity(file)[1] is None:
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
                registry.keep(definition)
        for definition in here.values():
            registry.make_current(definition)
        for form_id, problems in broken_here.items():
            registry.refuse(form_id, problems)
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
