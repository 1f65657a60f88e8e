"""Loading letter templates from folders, refusing broken ones without stopping the app.

A template is one UTF-8 text file (``*.txt``, so that Notepad opens it): a header between two
lines of three hyphens, in YAML, then the body in the light markup of :mod:`.markup`::

    ---
    id: meeting_invitation
    version: 1
    title: Invitation to an attendance meeting
    subject: "Meeting about {child.name}'s attendance"
    asks:
      - {name: meeting_date, label: Date of the meeting, type: date, not_in_past: true}
    ---
    I would like to invite you to a meeting on {ask.meeting_date}.

Everything is checked at load: the header's keys and values, the markup, and every
placeholder (a name outside the vocabulary, an ask the header does not declare, a
``notice.*`` without ``needs: [notice]``, an ask declared and never used). A problem is a
:class:`TemplateProblem` with the file, line and column (counting from 1); the template is
then listed in ``registry.unavailable`` and every other template still loads. A later folder
(the LA's ``letters_folder``) overrides an earlier one (the shipped templates) by id, or adds
new ids; an LA's broken override makes that letter unavailable rather than silently falling
back to the shipped wording.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from officer_app import la_yaml, paths
from officer_app.letters.markup import MarkupProblem, parse_body, parse_inline
from officer_app.letters.model import (
    NEEDS,
    Ask,
    AskType,
    BlockKind,
    Layout,
    Run,
    Template,
)
from officer_app.letters.vocabulary import ASK_PREFIX, WEEKDAY_SUFFIX, known

SUFFIX = ".txt"
FENCE = "---"
SHIPPED = ("resources", "letters")
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
TIME_PATTERN = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
ID_MAX = 60
TITLE_MAX = 200

HEADER_KEYS = (
    "id", "version", "title", "description", "recipient", "layout", "subject", "needs", "asks",
)  # fmt: skip
ASK_KEYS = ("name", "label", "type", "required", "help", "default", "not_in_past", "not_in_future")
RECIPIENTS = ("parent",)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template file was refused: the file, where in it, and what is wrong."""

    file: Path
    message: str
    line: int | None = None
    column: int | None = None
    template_id: str | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class TemplateUnavailable(LookupError):
    """The letter asked for cannot be used: there is no such template or it is broken."""

    def __init__(self, template_id: str, message: str) -> None:
        super().__init__(message)
        self.template_id = template_id


# -- the header ---------------------------------------------------------------------------


@dataclass
class _Header:
    data: Any
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path_, tuple[int, int, str]] = field(default_factory=dict)  # line, col, style
    duplicates: list[tuple[Path_, int, int]] = field(default_factory=list)

    def at(self, path: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
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


class _HeaderError(Exception):
    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def _parse_header(text: str, first_line: int) -> _Header:
    """YAML text that starts on ``first_line`` of the file, with every key's position."""
    try:
        data, node = la_yaml.compose(text)  # anchors, aliases and deep nesting refused
    except la_yaml.YamlProblem as exc:
        message = f"the header is not valid YAML: {exc.message}" if exc.syntax else exc.message
        line = first_line if exc.line is None else exc.line - 1 + first_line
        raise _HeaderError(message, line, exc.column) from exc
    if node is None:
        raise _HeaderError("the header is empty: it needs at least id, version and title",
                           first_line, 1)  # fmt: skip
    header = _Header(data)

    def walk(item: Any, path: Path_) -> None:
        style = getattr(item, "style", None) or ""
        header.values.setdefault(
            path, (item.start_mark.line + first_line, item.start_mark.column + 1, style)
        )
        if isinstance(item, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, value_node in item.value:
                key = key_node.value
                where = (key_node.start_mark.line + first_line, key_node.start_mark.column + 1)
                if key in seen:
                    header.duplicates.append(((*path, key), *where))
                seen.add(key)
                header.keys[(*path, key)] = where
                walk(value_node, (*path, key))
        elif isinstance(item, yaml.SequenceNode):
            for index, child in enumerate(item.value):
                walk(child, (*path, index))

    walk(node, ())
    return header


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (in YAML, quote yes, no, on and off)"
    if value is None:
        return "nothing"
    if isinstance(value, datetime | date):
        return f"a date ({value}; quote it to give text)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


class _Checker:
    """Checks a parsed header and collects its problems with their positions."""

    def __init__(self, file: Path, header: _Header) -> None:
        self.file = file
        self.header = header
        self.problems: list[TemplateProblem] = []
        self.template_id: str | None = None
        # every ask name given, even where the rest of the ask is wrong (its index and type),
        # so that a bad type is reported once rather than again at each placeholder
        self.declared: dict[str, tuple[int, AskType]] = {}

    def problem(self, path: Path_, message: str, *, key: bool = False) -> None:
        line, column = self.header.at(path, key=key)
        self.problems.append(TemplateProblem(self.file, message, line, column, self.template_id))

    def text(
        self, data: Mapping[str, Any], path: Path_, *, required: bool, limit: int = 2000
    ) -> str | None:
        name = str(path[-1])
        if name not in data:
            if required:
                self.problem(path[:-1], f"missing {name!r}")
            return None
        value = data[name]
        if not isinstance(value, str):
            self.problem(path, f"{name}: expected text, found {_describe(value)}")
            return None
        if required and not value.strip():
            self.problem(path, f"{name}: cannot be empty")
            return None
        if len(value) > limit:
            self.problem(path, f"{name}: is too long (at most {limit} characters)")
            return None
        return value.strip()

    def flag(self, data: Mapping[str, Any], path: Path_, default: bool) -> bool:
        name = str(path[-1])
        value = data.get(name, default)
        if not isinstance(value, bool):
            self.problem(path, f"{name}: expected true or false, found {_describe(value)}")
            return default
        return value

    def unknown_keys(self, data: Mapping[Any, Any], path: Path_, allowed: Sequence[str]) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    (*path, key),
                    f"unknown key {key!r} (the keys are {', '.join(allowed)})",
                    key=True,
                )

    def asks(self, raw: Any) -> tuple[Ask, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(("asks",), f"asks: expected a list, found {_describe(raw)}")
            return ()
        asks: list[Ask] = []
        names: dict[str, int] = {}
        for index, item in enumerate(raw):
            path: Path_ = ("asks", index)
            if not isinstance(item, dict):
                self.problem(path, f"each ask is a mapping (name, label, type…), found "
                             f"{_describe(item)}")  # fmt: skip
                continue
            self.unknown_keys(item, path, ASK_KEYS)
            name = self.text(item, (*path, "name"), required=True, limit=40)
            label = self.text(item, (*path, "label"), required=True, limit=120)
            help_text = self.text(item, (*path, "help"), required=False) or ""
            type_name = item.get("type")
            kind: AskType | None = None
            if "type" not in item:
                self.problem(path, "missing 'type' (text, long_text, date or time)")
            elif type_name not in {t.value for t in AskType}:
                self.problem(
                    (*path, "type"),
                    f"unknown ask type {type_name!r} (the types are text, long_text, date, time)",
                )
            else:
                kind = AskType(type_name)
            if name is not None and not ID_PATTERN.fullmatch(name):
                self.problem(
                    (*path, "name"),
                    f"{name!r} is not a valid ask name: use lower-case letters, digits and "
                    "underscores, starting with a letter",
                )
                name = None
            if name is not None and name in names:
                self.problem(
                    (*path, "name"),
                    f"a second ask called {name!r} (the first is ask {names[name]})",
                )
                name = None
            required = self.flag(item, (*path, "required"), True)
            not_in_past = self.flag(item, (*path, "not_in_past"), False)
            not_in_future = self.flag(item, (*path, "not_in_future"), False)
            if (not_in_past or not_in_future) and kind not in (None, AskType.DATE):
                key = "not_in_past" if not_in_past else "not_in_future"
                self.problem((*path, key), f"{key} is only for a date ask", key=True)
            if not_in_past and not_in_future:
                self.problem((*path, "not_in_future"), "an ask cannot be both not_in_past and "
                             "not_in_future", key=True)  # fmt: skip
            default = ""
            if "default" in item:
                value = item["default"]
                if kind is AskType.DATE:
                    self.problem((*path, "default"), "a date ask has no default: the officer "
                                 "gives the date", key=True)  # fmt: skip
                elif not isinstance(value, str):
                    self.problem(
                        (*path, "default"), f"default: expected text, found {_describe(value)}"
                    )
                elif kind is AskType.TIME and not TIME_PATTERN.fullmatch(value):
                    self.problem((*path, "default"), f"default: {value!r} is not a time (HH:MM, "
                                 "24-hour)")  # fmt: skip
                else:
                    default = value.strip()
            if name is not None:
                names[name] = index + 1
                self.declared[name] = (index, kind or AskType.TEXT)
            if name is None or label is None or kind is None:
                continue
            asks.append(
                Ask(name, label, kind, required, help_text, default, not_in_past, not_in_future)
            )
        return tuple(asks)


# -- one file -----------------------------------------------------------------------------


def _stem_id(file: Path) -> str | None:
    stem = file.name[: -len(file.suffix)] if file.suffix else file.name
    return stem if ID_PATTERN.fullmatch(stem) else None


def _markup_problem(file: Path, found: MarkupProblem, template_id: str | None) -> TemplateProblem:
    return TemplateProblem(file, found.message, found.line, found.column, template_id)


def load_template_file(file: Path) -> tuple[Template | None, list[TemplateProblem]]:
    """Read and check one template: the template, or None and every reason it was refused."""
    fallback_id = _stem_id(file)

    def refuse(
        message: str, line: int | None = None, column: int | None = None
    ) -> tuple[None, list[TemplateProblem]]:
        return None, [TemplateProblem(file, message, line, column, fallback_id)]

    try:
        raw = la_yaml.read_small(file)
    except la_yaml.YamlProblem as exc:
        return refuse(exc.message)
    except OSError as exc:
        return refuse(f"cannot be read: {exc.strerror or exc}")
    try:
        text = raw.decode("utf-8-sig")  # Notepad may begin a UTF-8 file with a byte-order mark
    except UnicodeDecodeError as exc:
        return refuse(
            f"not UTF-8 text (byte {exc.start}): in Notepad, File > Save as, Encoding: UTF-8"
        )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != FENCE:
        return refuse(
            "a template starts with its header between two lines of three hyphens (---)", 1, 1
        )
    closing = next((n for n in range(1, len(lines)) if lines[n].strip() == FENCE), None)
    if closing is None:
        return refuse("the header is not closed: put a line of three hyphens (---) after it", 1, 1)
    try:
        header = _parse_header("\n".join(lines[1:closing]), first_line=2)
    except _HeaderError as exc:
        return refuse(exc.message, exc.line, exc.column)
    data = header.data
    if not isinstance(data, dict):
        return refuse(f"the header is a mapping of keys (id: …), found {_describe(data)}", 2, 1)

    check = _Checker(file, header)
    raw_id = data.get("id")
    if isinstance(raw_id, str) and ID_PATTERN.fullmatch(raw_id) and len(raw_id) <= ID_MAX:
        check.template_id = raw_id
    else:
        check.template_id = fallback_id
    for path, line, column in header.duplicates:
        check.problems.append(
            TemplateProblem(
                file, f"{path[-1]!r} is given twice (YAML would silently keep only the last)",
                line, column, check.template_id,
            )
        )  # fmt: skip
    check.unknown_keys(data, (), HEADER_KEYS)
    template_id = check.text(data, ("id",), required=True, limit=ID_MAX)
    if template_id is not None and not ID_PATTERN.fullmatch(template_id):
        check.problem(
            ("id",),
            f"{template_id!r} is not a valid id: use lower-case letters, digits and "
            "underscores, starting with a letter",
        )
    version = data.get("version")
    if "version" not in data:
        check.problem((), "missing 'version' (a whole number: raise it when the wording changes)")
    elif not isinstance(version, int) or isinstance(version, bool) or version < 1:
        check.problem(("version",), f"version: a whole number of 1 or more, found "
                      f"{_describe(version)}")  # fmt: skip
    title = check.text(data, ("title",), required=True, limit=TITLE_MAX)
    description = check.text(data, ("description",), required=False) or ""
    recipient = check.text(data, ("recipient",), required=False) or "parent"
    if recipient not in RECIPIENTS:
        check.problem(
            ("recipient",),
            f"recipient: {recipient!r}: a letter goes to a parent with parental "
            "responsibility on the case (recipient: parent)",
        )
    layout_name = check.text(data, ("layout",), required=False) or Layout.LETTER.value
    if layout_name not in {layout.value for layout in Layout}:
        check.problem(("layout",), f"layout: {layout_name!r} is not one of letter, notice")
        layout_name = Layout.LETTER.value
    needs: frozenset[str] = frozenset()
    if "needs" in data:
        raw_needs = data["needs"]
        if not isinstance(raw_needs, list) or not all(isinstance(n, str) for n in raw_needs):
            check.problem(("needs",), f"needs: a list, such as needs: [notice]; found "
                          f"{_describe(raw_needs)}")  # fmt: skip
        else:
            for index, need in enumerate(raw_needs):
                if need not in NEEDS:
                    check.problem(("needs", index), f"needs: {need!r} is not one of: notice")
            needs = frozenset(n for n in raw_needs if n in NEEDS)
    asks = check.asks(data.get("asks"))

    subject_text = check.text(data, ("subject",), required=False, limit=TITLE_MAX)
    subject: tuple[Run, ...] = ()
    if not subject_text and title is not None:
        subject = (Run(title),)
    elif subject_text:
        line, column, style = header.values.get(("subject",), (2, 1, ""))
        raw_subject = data["subject"].lstrip()
        subject, found = parse_inline(raw_subject, line, column + (1 if style else 0))
        check.problems += [_markup_problem(file, f, check.template_id) for f in found]

    body_lines = [(n + 1, lines[n]) for n in range(closing + 1, len(lines))]
    blocks, found = parse_body(body_lines)
    check.problems += [_markup_problem(file, f, check.template_id) for f in found]
    if not any(b.kind is not BlockKind.PAGE_BREAK for b in blocks) and not found:
        check.problems.append(
            TemplateProblem(
                file, "the template has no body after its header", closing + 1, 1, check.template_id
            )
        )

    # every placeholder, where it is
    ask_types = {name: kind for name, (_index, kind) in check.declared.items()}
    used_asks: set[str] = set()
    named: list[tuple[str, int, int]] = [
        (r.text, r.line, r.column) for r in subject if r.placeholder
    ]
    for block in blocks:
        named += [(r.text, r.line, r.column) for r in block.runs() if r.placeholder]
        if block.when is not None:
            named.append((block.when.name, block.when.line, block.when.column))
    reported: set[tuple[str, int, int]] = set()
    for name, line, column in named:
        if name.startswith(ASK_PREFIX):
            base = name[len(ASK_PREFIX) :].removesuffix(WEEKDAY_SUFFIX)
            used_asks.add(base)
        ok, why = known(name, ask_types, needs)
        if not ok and (name, line, column) not in reported:
            reported.add((name, line, column))
            check.problems.append(TemplateProblem(file, why, line, column, check.template_id))
    for name, (index, _kind) in check.declared.items():
        if name not in used_asks:
            ask_line, ask_column = header.at(("asks", index, "name"))
            check.problems.append(
                TemplateProblem(
                    file, f"ask {name!r} is declared but the letter never uses "
                    f"{{{ASK_PREFIX}{name}}}: use it or remove it", ask_line, ask_column,
                    check.template_id,
                )
            )  # fmt: skip
    if "notice" in needs and not any(n.startswith("notice.") for n, _l, _c in named):
        needs_line, needs_column = header.at(("needs",), key=True)
        check.problems.append(
            TemplateProblem(
                file,
                "needs: [notice], but the letter names no {notice.…} placeholder",
                needs_line,
                needs_column,
                check.template_id,
            )
        )

    if check.problems or template_id is None or title is None or not isinstance(version, int):
        return None, sorted(check.problems, key=_position)
    return (
        Template(
            id=template_id,
            version=version,
            title=title,
            subject=subject,
            blocks=blocks,
            asks=asks,
            description=" ".join(description.split()),
            recipient=recipient,
            layout=Layout(layout_name),
            needs=needs,
            source=str(file),
        ),
        [],
    )


def _position(problem: TemplateProblem) -> tuple[bool, int, int]:
    return (problem.line is None, problem.line or 0, problem.column or 0)


# -- the registry -------------------------------------------------------------------------


@dataclass
class TemplateRegistry:
    """Every template that loaded, by id, and every problem found."""

    problems: list[TemplateProblem] = field(default_factory=list)
    _current: dict[str, Template] = field(default_factory=dict)
    _broken: dict[str, list[TemplateProblem]] = field(default_factory=dict)

    @property
    def unavailable(self) -> list[str]:
        """Ids of templates refused at load (sorted): they cannot be used."""
        return sorted(self._broken)

    def problems_for(self, template_id: str) -> list[TemplateProblem]:
        return [p for p in self.problems if p.template_id == template_id]

    def __contains__(self, template_id: object) -> bool:
        return template_id in self._current

    def find(self, template_id: str) -> Template | None:
        return self._current.get(template_id)

    def get(self, template_id: str) -> Template:
        found = self._current.get(template_id)
        if found is not None:
            return found
        if template_id in self._broken:
            detail = "; ".join(str(p) for p in self._broken[template_id][:3])
            raise TemplateUnavailable(
                template_id, f"The letter {template_id!r} is unavailable: its template is "
                f"broken ({detail})",
            )  # fmt: skip
        known_ids = ", ".join(sorted(self._current)) or "none"
        raise TemplateUnavailable(
            template_id, f"There is no letter template {template_id!r} (there are: {known_ids})."
        )

    def templates(self) -> list[Template]:
        """Every available template, by title."""
        return sorted(self._current.values(), key=lambda t: (t.title.casefold(), t.id))


def _template_files(folder: Path) -> list[Path]:
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == SUFFIX),
        key=lambda p: p.name.casefold(),
    )


def load_templates(folders: Sequence[Path]) -> TemplateRegistry:
    """Load every template in ``folders``, later folders overriding earlier ones by id.
    Never raises for a bad file or folder: see ``registry.problems``."""
    registry = TemplateRegistry()
    for folder in folders:
        if not folder.is_dir():
            registry.problems.append(
                TemplateProblem(
                    folder, "letters folder not found (check letters_folder in the settings)"
                )
            )
            continue
        here: dict[str, Template] = {}
        broken_here: dict[str, list[TemplateProblem]] = {}
        claimed: dict[str, Path] = {}
        for file in _template_files(folder):
            template, problems = load_template_file(file)
            template_id = (
                template.id
                if template
                else next((p.template_id for p in problems if p.template_id), None)
            )
            if template_id is not None and template_id in claimed:
                problems = [
                    TemplateProblem(
                        file, f"{claimed[template_id].name} in the same folder already defines "
                        f"the letter {template_id!r}: keep one (this file is ignored)",
                        1, 1, template_id,
                    )
                ]  # fmt: skip
                registry.problems.extend(problems)
                continue
            registry.problems.extend(problems)
            if template_id is None:
                continue
            claimed[template_id] = file
            if template is None:
                broken_here[template_id] = problems
            else:
                here[template_id] = template
        for template_id, template in here.items():
            registry._current[template_id] = template
            registry._broken.pop(template_id, None)
        for template_id, problems in broken_here.items():
            registry._current.pop(template_id, None)
            registry._broken[template_id] = problems
    return registry


def shipped_folder() -> Path:
    return paths.shipped(*SHIPPED)


def default_folders(la_folder: Path | None = None) -> list[Path]:
    """The shipped templates, then the LA's folder from its settings (if any)."""
    folders = [shipped_folder()]
    if la_folder is not None:
        folders.append(la_folder)
    return folders


def load_registry(la_folder: Path | None = None) -> TemplateRegistry:
    """The registry the application uses: shipped templates overridden by the LA's."""
    return load_templates(default_folders(la_folder))
