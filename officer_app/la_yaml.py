"""Reading the YAML an LA writes (form definitions, letter headers): small and plain.

An LA's forms and letters folders are written by people and shared over network drives, so
their files are treated as untrusted input. YAML's anchors and aliases (``&a``, ``*a``) let a
few hundred bytes expand into billions of nodes (the "billion laughs"); LA files are short
and never need them. So, before anything is composed, the event stream is checked: an anchor,
an alias, or nesting deeper than :data:`MAX_DEPTH` is refused with its line and column. A
file over :data:`MAX_BYTES` is refused before it is parsed. Only the file concerned becomes
unavailable; the loaders carry on with the others.

Both loaders (:mod:`officer_app.forms.loader`, :mod:`officer_app.letters.loader`) read
through this module, which also owns what their messages share: :func:`locate` keeps the line
and column of every mapping key and sequence item (:class:`Located`), :func:`where` and
:func:`place_of` say where a problem is (``file:line:column``, ``sections[2].fields[4]``), and
:func:`describe`, :func:`wrong_type`, :func:`missing_key`, :func:`unknown_key` and
:func:`bad_choice` word the schema's complaints the same way in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import yaml  # type: ignore[import-untyped]

MAX_BYTES = 256 * 1024  # the largest shipped form is about 10 kB
MAX_DEPTH = 40  # a form nests sections, fields, conditions: about 8 levels

# libyaml's loader when PyYAML was built with it (about ten times faster), else pure Python.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Where a value is in the data: mapping keys and sequence indexes from the root.
DataPath: TypeAlias = tuple[str | int, ...]


class YamlProblem(Exception):
    """Why the text was refused; ``line`` and ``column`` count from 1 in the text given.

    ``syntax`` is true when the text is not YAML at all (the loaders say "not valid YAML").
    """

    def __init__(
        self, message: str, line: int | None, column: int | None, *, syntax: bool = False
    ) -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.syntax = message, line, column, syntax


def read_small(file: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``file``, refused (YamlProblem) when over ``limit``; OSError as it comes."""
    with file.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise YamlProblem(
            f"the file is over {limit // 1024} kB: an LA's form or letter is far smaller "
            "(is it the right file?)",
            None,
            None,
        )
    return data


def read_text(file: Path, encoding: str = "utf-8") -> str:
    """The text of ``file``: YamlProblem when too big or unreadable, UnicodeDecodeError as it
    comes (each loader words that for its own authors)."""
    try:
        data = read_small(file)
    except OSError as exc:
        raise YamlProblem(f"cannot be read: {exc.strerror or exc}", None, None) from exc
    return data.decode(encoding)


def _syntax(exc: yaml.YAMLError) -> YamlProblem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        context = exc.context or ""
        if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
            context = f"{exc.context} (from line {exc.context_mark.line + 1})"
        problem = ": ".join(p for p in (context, exc.problem) if p)
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        return YamlProblem(problem, line, column, syntax=True)
    return YamlProblem(str(exc), None, None, syntax=True)


def _refuse_expansion(text: str) -> None:
    """YamlProblem at the first anchor, alias or nesting too deep; only events are read."""
    loader = _SafeLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(
                    "anchors and aliases (&name, *name) are not allowed in an LA's file: "
                    "write each value out in full",
                    mark.line + 1,
                    mark.column + 1,
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(
                        f"nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _syntax(exc) from exc
    finally:
        loader.dispose()


def compose(text: str) -> tuple[Any, Any]:
    """(the data, the root node) of one YAML document; (None, None) when it is empty.

    The node keeps every value's line and column for the loaders' messages.
    """
    _refuse_expansion(text)
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        return loader.construct_document(node), node
    except yaml.YAMLError as exc:
        raise _syntax(exc) from exc
    finally:
        loader.dispose()


# -- positions ----------------------------------------------------------------------------


@dataclass
class Located:
    """The data of a YAML document with where each part of it is (lines and columns from 1).

    ``keys`` holds the position of every mapping key (by the path to its value), ``values``
    that of every value with its quoting style (``'``, ``"``, ``|``, ``>`` or nothing);
    ``duplicates`` every key given twice in one mapping, where the second one is.
    """

    data: Any
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[DataPath, tuple[int, int, str]] = field(default_factory=dict)
    duplicates: list[tuple[DataPath, int, int]] = field(default_factory=list)

    def at(self, path: DataPath, *, key: bool = False) -> tuple[int | None, int | None]:
        """Where ``path`` is (its key when ``key``, else its value), or its nearest parent."""
        for end in range(len(path), -1, -1):
            sub = path[:end]
            if key and sub in self.keys:
                return self.keys[sub]
            if sub in self.values:
                line, column, _style = self.values[sub]
                return line, column
            if sub in self.keys:
                return self.keys[sub]
        return None, None

    def line(self, path: DataPath) -> int | None:
        """The line of ``path`` (its key's line where it has one), or of its nearest parent."""
        for end in range(len(path), -1, -1):
            sub = path[:end]
            if sub in self.keys:
                return self.keys[sub][0]
            if sub in self.values:
                return self.values[sub][0]
        return None


def locate(text: str, first_line: int = 1) -> Located | None:
    """The document in ``text`` with every key's and value's position; None when it is empty.

    Lines are counted from ``first_line`` (where ``text`` starts in its file); a YamlProblem's
    line too.
    """
    try:
        data, node = compose(text)  # anchors, aliases and deep nesting refused
    except YamlProblem as exc:
        if exc.line is not None:
            exc.line = exc.line - 1 + first_line
        raise
    if node is None:
        return None
    located = Located(data)

    def walk(item: Any, path: DataPath) -> None:
        style = getattr(item, "style", None) or ""
        located.values.setdefault(
            path, (item.start_mark.line + first_line, item.start_mark.column + 1, style)
        )
        if isinstance(item, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, value_node in item.value:
                key = key_node.value
                spot = (key_node.start_mark.line + first_line, key_node.start_mark.column + 1)
                if key in seen:
                    located.duplicates.append(((*path, key), *spot))
                seen.add(key)
                located.keys[(*path, key)] = spot
                walk(value_node, (*path, key))
        elif isinstance(item, yaml.SequenceNode):
            for index, child in enumerate(item.value):
                walk(child, (*path, index))

    walk(node, ())
    return located


# -- the words of a message ---------------------------------------------------------------


def where(file: Path, line: int | None = None, column: int | None = None) -> str:
    """``file``, ``file:line`` or ``file:line:column``: the start of every loader message."""
    out = str(file)
    if line is not None:
        out += f":{line}"
        if column is not None:
            out += f":{column}"
    return out


def place_of(path: DataPath) -> str:
    """``("sections", 2, "fields", 4, "type")`` as ``sections[2].fields[4].type``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def by_position(line: int | None, column: int | None = None) -> tuple[bool, int, int]:
    """A sort key: problems in file order, those without a line last (in the order found)."""
    return (line is None, line or 0, column or 0)


def _unquoted(value: Any) -> str:
    return f"a {type(value).__name__} ({value}; quote it)"


def describe(value: Any, *, other: Callable[[Any], str] = _unquoted) -> str:
    """What was found, for a message: ``the text 'x'``, ``the number 3``, ``a list``…

    ``other`` words anything else YAML can make of unquoted text (a date, a set, bytes).
    """
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
    return other(value)


def wrong_type(expected: str, found: str) -> str:
    """``expected text, found the number 3`` (``found`` as :func:`describe` words it)."""
    return f"expected {expected}, found {found}"


def missing_key(key: object) -> str:
    return f"missing {key!r}"


def unknown_key(key: object, hint: str = "") -> str:
    """``unknown key 'x'``, with what the keys may be in brackets."""
    return f"unknown key {key!r} ({hint})" if hint else f"unknown key {key!r}"


def bad_choice(value: object, choices: Iterable[object]) -> str:
    """``'x' is not one of: a, b``."""
    return f"{value!r} is not one of: {', '.join(map(str, choices))}"
