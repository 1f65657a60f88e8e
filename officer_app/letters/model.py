"""A letter template in memory: its header (id, version, title, asks…) and its body as blocks.

The body is parsed once, at load, into blocks of runs: plain text, bold text and placeholders
(``{child.forename}``), each run knowing where it came from in the file so that a problem
found later can still be reported with its line and column. Filling a template
(:mod:`.fill`) turns the runs into :class:`Segment` s of final text, which the PDF
(``documents/letter_pdf.py``) and the plain text of the chronology share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class AskType(StrEnum):
    """What an officer types for an ask, and so which widget the dialog shows."""

    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # paragraphs
    DATE = "date"  # YYYY-MM-DD; printed "1 December 2026"
    TIME = "time"  # HH:MM, 24-hour; printed "10:30am"

    @property
    def label(self) -> str:
        return {
            AskType.TEXT: "text",
            AskType.LONG_TEXT: "long text",
            AskType.DATE: "date",
            AskType.TIME: "time",
        }[self]


class Layout(StrEnum):
    LETTER = "letter"  # "Dear …", the body, "Yours sincerely" and the officer's name
    NOTICE = "notice"  # a formal notice: the subject as its title, no salutation or sign-off


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BULLETS = "bullets"
    NUMBERS = "numbers"
    TABLE = "table"  # rows of two cells: a label and a value
    PAGE_BREAK = "page_break"


NEEDS = frozenset({"notice"})
"""What a template may declare it needs (``needs: [notice]``): the penalty notice's details."""

TEXT_LIMIT = 300
"""The longest answer to a one-line ask."""
LONG_TEXT_LIMIT = 4000


@dataclass(frozen=True)
class Ask:
    """An input the template needs from the officer before the letter can be previewed."""

    name: str
    label: str
    type: AskType
    required: bool = True
    help: str = ""
    default: str = ""
    not_in_past: bool = False  # a date on or after the letter's date (a meeting)
    not_in_future: bool = False  # a date on or before the letter's date (a hearing held)
    not_before: str = ""  # an earlier date ask this one cannot be before (a period's end)
    not_after: str = ""  # an earlier date ask this one cannot be after (reply by the meeting)
    working_day: bool = False  # a Saturday, Sunday or bank holiday is a warning to confirm

    @property
    def placeholder(self) -> str:
        return f"ask.{self.name}"


@dataclass(frozen=True)
class Run:
    """A piece of a line of template text: literal text, or a placeholder to fill."""

    text: str  # the literal text; for a placeholder, its name ("child.forename")
    bold: bool = False
    placeholder: bool = False
    line: int = 0  # where the run starts in the file (counting from 1)
    column: int = 0
    line_break: bool = False  # a forced line break (a line ending with a backslash)


Runs = tuple[Run, ...]


@dataclass(frozen=True)
class Condition:
    """``[if name]`` (``present=True``) or the ``[else]`` after it (``present=False``)."""

    name: str
    present: bool
    line: int
    column: int

    def holds(self, value: str) -> bool:
        return bool(value.strip()) == self.present


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph, a list (one item per entry), a table (two cells per row), or a
    page break. ``when`` makes the block conditional on a placeholder having a value."""

    kind: BlockKind
    items: tuple[Runs, ...] = ()
    line: int = 0
    when: Condition | None = None

    def runs(self) -> list[Run]:
        return [run for item in self.items for run in item]


@dataclass(frozen=True)
class Template:
    """A letter template that loaded without a problem."""

    id: str
    version: int
    title: str
    subject: Runs
    blocks: tuple[Block, ...]
    asks: tuple[Ask, ...] = ()
    description: str = ""
    recipient: str = "parent"
    layout: Layout = Layout.LETTER
    needs: frozenset[str] = frozenset()
    source: str = ""

    @property
    def needs_notice(self) -> bool:
        return "notice" in self.needs

    def ask(self, name: str) -> Ask | None:
        return next((a for a in self.asks if a.name == name), None)

    def placeholders(self) -> frozenset[str]:
        """Every placeholder the template names (in its subject, body and conditions)."""
        names = {r.text for r in self.subject if r.placeholder}
        for block in self.blocks:
            names.update(r.text for r in block.runs() if r.placeholder)
            if block.when is not None:
                names.add(block.when.name)
        return frozenset(names)


# -- filled -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """Final text (``\\n`` for a line break) and whether it is bold."""

    text: str
    bold: bool = False


Line = tuple[Segment, ...]


@dataclass(frozen=True)
class FilledBlock:
    kind: BlockKind
    items: tuple[Line, ...] = ()


@dataclass(frozen=True)
class FilledLetter:
    """A template with every placeholder replaced by the case's values."""

    title: str
    subject: str
    blocks: tuple[FilledBlock, ...]
    layout: Layout = Layout.LETTER
    values: dict[str, str] = field(default_factory=dict)


def line_text(line: Line) -> str:
    return "".join(s.text for s in line)
