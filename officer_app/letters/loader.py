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

The header is read by :func:`officer_app.la_yaml.locate` (the line and column of every key)
and checked by :mod:`.header`; this module reads the file, checks the body and its
placeholders, and keeps what loaded in the registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from officer_app import la_yaml, paths
from officer_app.la_yaml import YamlProblem
from officer_app.letters.header import (
    ASK_KEYS,
    HEADER_KEYS,
    ID_MAX,
    ID_PATTERN,
    RECIPIENTS,
    TIME_PATTERN,
    TITLE_MAX,
    HeaderChecker,
    TemplateProblem,
    describe,
)
from officer_app.letters.markup import MarkupProblem, parse_body, parse_inline
from officer_app.letters.model import BlockKind, Layout, Run, Template
from officer_app.letters.vocabulary import ASK_PREFIX, WEEKDAY_SUFFIX, known

__all__ = [
    "ASK_KEYS",
    "FENCE",
    "HEADER_KEYS",
    "ID_MAX",
    "ID_PATTERN",
    "RECIPIENTS",
    "SHIPPED",
    "SUFFIX",
    "TIME_PATTERN",
    "TITLE_MAX",
    "TemplateProblem",
    "TemplateRegistry",
    "TemplateUnavailable",
    "default_folders",
    "load_registry",
    "load_template_file",
    "load_templates",
    "shipped_folder",
]

SUFFIX = ".txt"
FENCE = "---"
SHIPPED = ("resources", "letters")


class TemplateUnavailable(LookupError):
    """The letter asked for cannot be used: there is no such template or it is broken."""

    def __init__(self, template_id: str, message: str) -> None:
        super().__init__(message)
        self.template_id = template_id


# -- the header ---------------------------------------------------------------------------


def _parse_header(text: str, first_line: int) -> la_yaml.Located:
    """YAML text that starts on ``first_line`` of the file, with every key's position."""
    try:
        header = la_yaml.locate(text, first_line)  # anchors, aliases and deep nesting refused
    except YamlProblem as exc:
        message = f"the header is not valid YAML: {exc.message}" if exc.syntax else exc.message
        line = first_line if exc.line is None else exc.line
        raise YamlProblem(message, line, exc.column) from exc
    if header is None:
        raise YamlProblem("the header is empty: it needs at least id, version and title",
                          first_line, 1)  # fmt: skip
    return header


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
        text = la_yaml.read_text(file, "utf-8-sig")  # Notepad may begin with a byte-order mark
    except YamlProblem as exc:
        return refuse(exc.message)
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
    except YamlProblem as exc:
        return refuse(exc.message, exc.line, exc.column)
    data = header.data
    if not isinstance(data, dict):
        return refuse(f"the header is a mapping of keys (id: …), found {describe(data)}", 2, 1)

    check = HeaderChecker(file, header)
    fields = check.read(data, fallback_id)
    template_id, version, title = fields.template_id, fields.version, fields.title

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
        ok, why = known(name, ask_types, fields.needs)
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
    if "notice" in fields.needs and not any(n.startswith("notice.") for n, _l, _c in named):
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
        return None, sorted(check.problems, key=lambda p: la_yaml.by_position(p.line, p.column))
    return (
        Template(
            id=template_id,
            version=version,
            title=title,
            subject=subject,
            blocks=blocks,
            asks=fields.asks,
            description=" ".join(fields.description.split()),
            recipient=fields.recipient,
            layout=Layout(fields.layout),
            needs=fields.needs,
            source=str(file),
        ),
        [],
    )


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
