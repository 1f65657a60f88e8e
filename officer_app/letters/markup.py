"""The light markup of a letter's body, as an LA's administrator writes it in Notepad.

- Paragraphs are separated by a blank line; the lines of one paragraph are joined (wrap them
  as you like). A line ending with a backslash ``\\`` keeps its line break.
- ``# Heading`` on a line of its own.
- ``- item`` for a bulleted list, ``1. item`` for a numbered one; a line that follows an item
  without a blank line continues it.
- ``| label | value |`` rows make a two-column table (meeting details, a notice's facts).
- ``**bold**`` inside any text.
- ``{child.forename}`` and the other placeholders; ``{{`` and ``}}`` print a brace.
- ``[if name]`` … ``[else]`` … ``[end]`` on lines of their own keep the blocks between only
  when the placeholder ``name`` has a value (or, after ``[else]``, when it has none).
- ``[new page]`` starts a new page.

Anything else that looks like markup but is not (a single ``*``, ``## heading``, a table row
with three cells, an unclosed ``**`` or ``{``) is a problem reported with its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from officer_app.letters.model import Block, BlockKind, Condition, Run, Runs

PLACEHOLDER_NAME = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
_NUMBERED = re.compile(r"(\d{1,3})[.)]\s+")
_INSTRUCTION = re.compile(r"\[\s*([a-zA-Z][^\]]*)\]")
_BULLET_LIKE = ("* ", "• ", "+ ")


@dataclass(frozen=True)
class MarkupProblem:
    line: int
    column: int
    message: str


@dataclass
class _Inline:
    """Parses text into runs; bold may stay open from one line of a paragraph to the next."""

    problems: list[MarkupProblem]
    bold: bool = False
    bold_at: tuple[int, int] = (0, 0)

    def parse(self, text: str, line: int, column: int) -> list[Run]:
        """``text`` starts at ``column`` (counting from 1) of ``line``."""
        runs: list[Run] = []
        buffer: list[str] = []
        start = column

        def flush(at: int) -> None:
            nonlocal start
            if buffer:
                runs.append(Run("".join(buffer), self.bold, False, line, start))
                buffer.clear()
            start = at

        i = 0
        while i < len(text):
            here = column + i
            if text.startswith("{{", i) or text.startswith("}}", i):
                if not buffer:
                    start = here
                buffer.append(text[i])
                i += 2
            elif text[i] == "{":
                end = text.find("}", i + 1)
                if end < 0:
                    self.problems.append(
                        MarkupProblem(
                            line, here, "'{' is not closed: a placeholder is written "
                            "{like.this}; write {{ to print a brace",
                        )
                    )  # fmt: skip
                    flush(here)
                    buffer.append(text[i:])
                    i = len(text)
                    continue
                name = text[i + 1 : end]
                if not PLACEHOLDER_NAME.fullmatch(name):
                    self.problems.append(
                        MarkupProblem(
                            line, here, f"{{{name}}} is not a placeholder: use lower-case "
                            "names with dots, such as {child.forename}",
                        )
                    )  # fmt: skip
                flush(here)
                runs.append(Run(name, self.bold, True, line, here))
                i = end + 1
                start = column + i
            elif text[i] == "}":
                self.problems.append(
                    MarkupProblem(line, here, "'}' without '{': write }} to print a brace")
                )
                i += 1
            elif text.startswith("**", i):
                flush(here + 2)
                self.bold = not self.bold
                if self.bold:
                    self.bold_at = (line, here)
                i += 2
            elif text[i] == "*":
                self.problems.append(
                    MarkupProblem(
                        line, here, "a single '*': bold text is written **like this**; "
                        "italics are not supported",
                    )
                )  # fmt: skip
                i += 1
            else:
                if not buffer:
                    start = here
                buffer.append(" " if text[i] == "\t" else text[i])
                i += 1
        flush(column + len(text))
        return runs

    def close(self) -> None:
        """The end of a paragraph, item or cell: bold must not still be open."""
        if self.bold:
            line, column = self.bold_at
            self.problems.append(
                MarkupProblem(
                    line, column, "'**' is not closed: bold text is written **like this**"
                )
            )
            self.bold = False


@dataclass
class _Open:
    kind: BlockKind
    line: int
    items: list[list[Run]] = field(default_factory=list)


class _Parser:
    def __init__(self) -> None:
        self.problems: list[MarkupProblem] = []
        self.inline = _Inline(self.problems)
        self.blocks: list[Block] = []
        self.open: _Open | None = None
        self.condition: Condition | None = None
        self.break_next = False  # the previous line ended with a backslash

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(MarkupProblem(line, column, message))

    def end_block(self) -> None:
        self.inline.close()
        self.break_next = False
        block, self.open = self.open, None
        if block is None:
            return
        items = tuple(tuple(_merge(item)) for item in block.items)
        if any(items) or block.kind is BlockKind.PAGE_BREAK:
            self.blocks.append(Block(block.kind, items, block.line, self.condition))

    def start(self, kind: BlockKind, line: int) -> _Open:
        self.end_block()
        self.open = _Open(kind, line)
        return self.open

    def text(self, content: str, line: int, column: int) -> list[Run]:
        """Runs for ``content``; a trailing backslash becomes a line break after it."""
        forced = content.endswith("\\")
        if forced:
            content = content[:-1].rstrip()
        runs = self.inline.parse(content, line, column)
        if forced:
            runs.append(Run("\n", self.inline.bold, False, line, column + len(content), True))
        return runs

    def continue_item(self, item: list[Run], content: str, line: int, column: int) -> None:
        if item and not item[-1].line_break:
            item.append(Run(" ", self.inline.bold, False, line, column))
        item.extend(self.text(content, line, column))

    def instruction(self, body: str, line: int, column: int) -> None:
        words = body.strip()
        lowered = words.lower()
        if lowered.startswith("if ") or lowered == "if":
            name = words[2:].strip()
            self.end_block()
            if self.condition is not None:
                self.problem(
                    line, column, f"[if] inside another [if] (opened on line "
                    f"{self.condition.line}): close that one with [end] first",
                )  # fmt: skip
                return
            if not PLACEHOLDER_NAME.fullmatch(name):
                self.problem(line, column, "write [if name], naming a placeholder: [if ask.note]")
                name = name or "?"
            self.condition = Condition(name, True, line, column + 1 + words.find(name))
        elif lowered == "else":
            self.end_block()
            if self.condition is None or not self.condition.present:
                self.problem(line, column, "[else] without an [if] before it")
                return
            self.condition = Condition(self.condition.name, False, line, self.condition.column)
        elif lowered == "end":
            self.end_block()
            if self.condition is None:
                self.problem(line, column, "[end] without an [if] before it")
            self.condition = None
        elif lowered == "new page":
            self.end_block()
            self.blocks.append(Block(BlockKind.PAGE_BREAK, (), line, self.condition))
        else:
            self.end_block()
            self.problem(
                line, column, f"unknown instruction [{words}]: the instructions are "
                "[if name], [else], [end] and [new page]",
            )  # fmt: skip

    def table_row(self, content: str, line: int, column: int) -> None:
        inner = content[1:]
        offset = column + 1
        if inner.rstrip().endswith("|"):
            inner = inner.rstrip()[:-1]
        cells: list[tuple[str, int]] = []
        position = 0
        for part in inner.split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append((part.strip(), offset + position + lead))
            position += len(part) + 1
        if len(cells) != 2:
            self.problem(
                line, column, f"a table row has two cells, | label | value |, not {len(cells)} "
                "(a '|' inside a cell is not allowed)",
            )  # fmt: skip
            return
        if self.open is None or self.open.kind is not BlockKind.TABLE:
            self.start(BlockKind.TABLE, line)
        assert self.open is not None
        for text, at in cells:
            if not text:
                self.problem(line, at, "an empty table cell: give both the label and the value")
            self.open.items.append(self.text(text, line, at))
            self.inline.close()

    def line(self, raw: str, line: int) -> None:
        stripped = raw.rstrip()
        content = stripped.lstrip()
        column = len(stripped) - len(content) + 1
        if not content:
            self.end_block()
            return
        instruction = _INSTRUCTION.fullmatch(content)
        if instruction:
            self.instruction(instruction.group(1), line, column)
            return
        if content.startswith("#"):
            level = len(content) - len(content.lstrip("#"))
            rest = content[level:]
            if level > 1 or not rest.startswith(" ") or not rest.strip():
                self.end_block()
                self.problem(
                    line, column, "a heading is one '#', a space and the heading's words: "
                    "# What happens next",
                )  # fmt: skip
                return
            self.start(BlockKind.HEADING, line)
            assert self.open is not None
            words = rest.lstrip()
            self.open.items.append(self.text(words, line, column + level + rest.find(words)))
            self.end_block()
            return
        if content.startswith(_BULLET_LIKE):
            self.end_block()
            self.problem(line, column, "start a list item with '- ' (a hyphen and a space)")
            return
        if content.startswith("|"):
            self.table_row(content, line, column)
            return
        bullet = content.startswith("- ")
        numbered = _NUMBERED.match(content)
        if bullet or numbered:
            kind = BlockKind.BULLETS if bullet else BlockKind.NUMBERS
            marker = 2 if bullet else numbered.end() if numbered else 0
            if self.open is None or self.open.kind is not kind:
                self.start(kind, line)
            else:
                self.inline.close()
                self.break_next = False
            assert self.open is not None
            words = content[marker:].lstrip()
            self.open.items.append(self.text(words, line, column + len(content) - len(words)))
            return
        if self.open is not None and self.open.kind in (BlockKind.BULLETS, BlockKind.NUMBERS):
            self.continue_item(self.open.items[-1], content, line, column)
            return
        if self.open is None or self.open.kind is not BlockKind.PARAGRAPH:
            self.start(BlockKind.PARAGRAPH, line)
            assert self.open is not None
            self.open.items.append([])
        self.continue_item(self.open.items[-1], content, line, column)

    def finish(self) -> None:
        self.end_block()
        if self.condition is not None:
            kind = "[if]" if self.condition.present else "[else]"
            self.problem(
                self.condition.line, self.condition.column,
                f"{kind} for {self.condition.name!r} is not closed with [end]",
            )  # fmt: skip


def _merge(runs: Sequence[Run]) -> list[Run]:
    """Neighbouring literal runs of the same weight as one run (keeps the first position)."""
    out: list[Run] = []
    for run in runs:
        last = out[-1] if out else None
        if (
            last is not None
            and not run.placeholder
            and not last.placeholder
            and not run.line_break
            and not last.line_break
            and run.bold == last.bold
        ):
            out[-1] = Run(last.text + run.text, last.bold, False, last.line, last.column)
        else:
            out.append(run)
    return out


def parse_body(lines: Sequence[tuple[int, str]]) -> tuple[tuple[Block, ...], list[MarkupProblem]]:
    """The blocks of a body given as (line number, text) pairs, and every markup problem."""
    parser = _Parser()
    for number, text in lines:
        parser.line(text, number)
    parser.finish()
    return tuple(parser.blocks), parser.problems


def parse_inline(text: str, line: int, column: int) -> tuple[Runs, list[MarkupProblem]]:
    """One line of text (a subject line) as runs, with its problems."""
    problems: list[MarkupProblem] = []
    inline = _Inline(problems)
    runs = inline.parse(text, line, column)
    inline.close()
    return tuple(_merge(runs)), problems
