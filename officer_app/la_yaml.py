"""Reading the YAML an LA writes (form definitions, letter headers): small and plain.

An LA's forms and letters folders are written by people and shared over network drives, so
their files are treated as untrusted input. YAML's anchors and aliases (``&a``, ``*a``) let a
few hundred bytes expand into billions of nodes (the "billion laughs"); LA files are short
and never need them. So, before anything is composed, the event stream is checked: an anchor,
an alias, or nesting deeper than :data:`MAX_DEPTH` is refused with its line and column. A
file over :data:`MAX_BYTES` is refused before it is parsed. Only the file concerned becomes
unavailable; the loaders carry on with the others.

Both loaders (:mod:`officer_app.forms.loader`, :mod:`officer_app.letters.loader`) read
through :func:`read_small` and :func:`compose`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

MAX_BYTES = 256 * 1024  # the largest shipped form is about 10 kB
MAX_DEPTH = 40  # a form nests sections, fields, conditions: about 8 levels

# libyaml's loader when PyYAML was built with it (about ten times faster), else pure Python.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
