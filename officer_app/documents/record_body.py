"""The answers of a record's PDF laid out: the questions and answers of each section as
small tables (reportlab splits many small tables far faster than one long one), a sub-table
per item of a repeating group, and a long answer that may break across pages between its
lines, its question repeated "(continued)" so that no page holds an answer without it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.documents.style import (
    CONTENT_W,
    FILL,
    FONT,
    NAVY,
    PAGE_H,
    RULE,
    paragraph,
    record_style,
)
from officer_app.forms import AnswerRow, SectionView

__all__ = [
    "INDENT",
    "UNANSWERED",
    "Block",
    "Rule",
    "answer_tables",
    "para",
    "section_flowables",
]

UNANSWERED = "—"
LABEL_W = 60 * mm
"""Width of the question column; sub-tables narrow it so that every answer column lines up."""
INDENT = 6 * mm
CELL_PAD = 3.2
CHUNK_ROWS = 25
"""Rows per table: reportlab splits small tables far faster than one long one."""
KEEP_ROWS = 10
"""A sub-table of up to this many rows is kept on one page."""
LONG_ANSWER_CHARS = 600
"""Answers longer than this may break across a page; shorter ones move whole to the next."""


def para(text: str, style: str) -> Paragraph:
    """Plain text as a paragraph in one of the record's styles."""
    return paragraph(text, record_style(style))


def _row_style(*, label_pad: float, title: bool) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 1 if title else 0), (0, -1), CELL_PAD + _label_drop()),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD + 0.6),
        ("LEFTPADDING", (0, 0), (0, -1), label_pad),
        ("RIGHTPADDING", (0, 0), (0, -1), 8),
        ("LEFTPADDING", (1, 0), (1, -1), 0),
        ("RIGHTPADDING", (1, 0), (1, -1), label_pad),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if title:
        commands += [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
        ]
    if label_pad:  # an indented sub-table is boxed
        commands.append(("BOX", (0, 0), (-1, -1), 0.5, RULE))
    return TableStyle(commands)


def _label_drop() -> float:
    """How far to lower a question so that its first line sits on the answer's baseline."""
    return float(record_style("answer").fontSize - record_style("label").fontSize)


def _answer_cell(text: str | None) -> Paragraph:
    if text is None or not text.strip():
        return para(UNANSWERED, "unanswered")
    return para(text, "answer")


def _is_long(text: str | None) -> bool:
    return text is not None and (len(text) > LONG_ANSWER_CHARS or text.count("\n") > 12)


@dataclass
class Block:
    """Consecutive answer rows at one depth, with the title of their sub-table if any."""

    depth: int
    title: str | None
    rows: list[tuple[str, str | None]] = field(default_factory=list)
    short_title: str | None = None
    """What a "(continued)" question says it belongs to, if not the title."""


@dataclass
class _Subheading:
    depth: int
    text: str


def _blocks(rows: Sequence[AnswerRow]) -> list[Block | _Subheading]:
    """Group a section's rows into tables: top-level rows, and one sub-table per group item."""
    out: list[Block | _Subheading] = []

    def plain(depth: int, label: str, text: str | None) -> None:
        last = out[-1] if out else None
        if not isinstance(last, Block) or last.depth != depth:
            last = Block(depth, None)
            out.append(last)
        last.rows.append((label, text))

    for row in rows:
        if not row.heading:
            plain(row.depth, row.label, row.text)
        elif isinstance(row.path[-1], int):  # one item of a repeating group
            out.append(Block(row.depth + 1, row.label))
        elif row.field.repeatable:
            if row.text is None:  # no entries
                plain(row.depth, row.label, None)
            else:
                out.append(_Subheading(row.depth, row.label))
        else:  # a group answered once: its label titles its sub-table
            out.append(Block(row.depth + 1, row.label))
    return out


def _table(rows: Sequence[tuple[str, str | None]], *, depth: int, title: str | None) -> Table:
    indent = depth * INDENT
    pad = 5.0 if depth else 0.0
    data: list[list[Any]] = []
    if title is not None:
        data.append([para(title, "item_title"), ""])
    data += [[para(label, "label"), _answer_cell(text)] for label, text in rows]
    table = Table(
        data,
        colWidths=[LABEL_W - indent, CONTENT_W - LABEL_W],
        style=_row_style(label_pad=pad, title=title is not None),
        repeatRows=1 if title is not None and len(data) > 1 else 0,
        hAlign="LEFT",
    )
    return table


PARAGRAPH_GAP = 5.0
"""Space between the paragraphs of a long answer."""


def _paragraphs(text: str) -> list[Paragraph]:
    """A long answer as paragraphs (split at blank lines), so that a page can break between
    them without starting with a blank line."""
    parts = [part for part in re.split(r"\n[ \t]*\n", text.strip()) if part.strip()]
    return [para(part.strip("\n"), "answer") for part in parts] or [para(UNANSWERED, "answer")]


class _LongAnswer(Flowable):  # type: ignore[misc]
    """One question with a long answer, drawn like a table row but able to break across pages
    between lines of the answer; the part on the next page repeats the question, marked
    "(continued)", so that no page holds an answer without its question. In a sub-table
    (``depth`` > 0) it draws the sides of the sub-table's box."""

    def __init__(
        self,
        label: str,
        answer: list[Paragraph],
        *,
        depth: int = 0,
        context: str | None = None,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.label_text = label
        self.answer = answer
        self.depth = depth
        self.context = context
        self.continued = continued
        if continued:  # say which item this is, as the sub-table's title is not repeated
            label = f"{context}: {label}" if context else label
            label = f"{label} (continued)"
        self.label = para(label, "label")
        self.label_w = LABEL_W - depth * INDENT  # the answer column lines up with the tables'
        self.pad = 5.0 if depth else 0.0

    def _label_height(self, avail_h: float) -> float:
        return float(self.label.wrap(self.label_w - self.pad - 8, avail_h)[1]) + _label_drop()

    def _answer_width(self, avail_w: float) -> float:
        return float(avail_w - self.label_w - self.pad)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        width = self._answer_width(avail_w)
        heights = [p.wrap(width, avail_h)[1] for p in self.answer]
        answer_h = sum(heights) + PARAGRAPH_GAP * (len(heights) - 1)
        self.width = avail_w
        self.height = max(self._label_height(avail_h), answer_h) + 2 * CELL_PAD + 0.6
        return avail_w, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        room = avail_h - 2 * CELL_PAD - 0.6
        lines = 3 * record_style("answer").leading
        if room < max(self._label_height(avail_h), lines):
            return []
        width = self._answer_width(avail_w)
        used = 0.0
        first: list[Paragraph] = []
        rest: list[Paragraph] = []
        for index, para in enumerate(self.answer):
            height = para.wrap(width, avail_h)[1]
            if used + height <= room:
                first.append(para)
                used += height + PARAGRAPH_GAP
                continue
            pieces = para.split(width, room - used) if room - used >= lines else []
            if len(pieces) == 2:
                first.append(pieces[0])
                rest = [pieces[1], *self.answer[index + 1 :]]
            else:
                rest = self.answer[index:]
            break
        if not first or not rest:
            return []
        label, depth, context = self.label_text, self.depth, self.context
        return [
            _LongAnswer(label, first, depth=depth, context=context, continued=self.continued),
            _LongAnswer(label, rest, depth=depth, context=context, continued=True),
        ]

    def draw(self) -> None:
        canvas = self.canv
        top = self.height - CELL_PAD
        self.label.drawOn(canvas, self.pad, top - _label_drop() - self.label.height)
        for para in self.answer:
            para.drawOn(canvas, self.label_w, top - para.height)
            top -= para.height + PARAGRAPH_GAP
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.line(0, 0, self.width, 0)
        if self.depth:
            canvas.setLineWidth(0.5)
            canvas.line(0, 0, 0, self.height)
            canvas.line(self.width, 0, self.width, self.height)
            canvas.line(0, 0, self.width, 0)
            if self.continued:
                canvas.line(0, self.height, self.width, self.height)
        canvas.restoreState()


def answer_tables(block: Block) -> list[Flowable]:
    """A block as flowables. Rows go in tables (top-level ones at most ``CHUNK_ROWS`` rows
    each); a long answer gets a flowable of its own that may break across pages, while
    everything else moves whole to the next page. A short sub-table is kept on one page;
    a longer one repeats its title when it breaks."""
    out: list[Flowable] = []
    chunk: list[tuple[str, str | None]] = []
    title = block.title

    def flush() -> None:
        nonlocal chunk, title
        if not chunk and title is None:
            return
        table = _table(chunk, depth=block.depth, title=title)
        small = block.depth and len(chunk) <= KEEP_ROWS
        out.append(KeepTogether([table]) if small else table)
        chunk, title = [], None

    for label, text in block.rows:
        if text is not None and _is_long(text):
            flush()
            answer = _paragraphs(text)
            context = block.short_title or block.title
            out.append(_LongAnswer(label, answer, depth=block.depth, context=context))
        else:
            chunk.append((label, text))
            if len(chunk) >= CHUNK_ROWS and not block.depth:
                flush()
    if chunk or title is not None:
        flush()
    return out


def _height(flowable: Flowable) -> float:
    if isinstance(flowable, KeepTogether):
        return sum(_height(part) for part in flowable._content)
    return float(flowable.wrap(CONTENT_W, PAGE_H)[1])


def _keep_room(first: Flowable | None, extra: float, cap: float = 40 * mm) -> CondPageBreak:
    """A page break unless there is room for a heading and the start of what follows it."""
    need = extra + (min(_height(first), cap) if first is not None else 0)
    return CondPageBreak(need)


def section_flowables(number: int, view: SectionView) -> list[Flowable]:
    heading = Paragraph(
        f"{number}.&nbsp;&nbsp;{escape(view.section.title)}", record_style("heading")
    )
    body: list[Flowable] = []
    for block in _blocks(view.rows):
        indent = block.depth * INDENT
        if isinstance(block, _Subheading):
            para = Paragraph(escape(block.text), record_style("subheading"))
            body += [CondPageBreak(32 * mm), Indenter(left=indent), para, Indenter(left=-indent)]
        elif block.depth:
            body += [CondPageBreak(22 * mm), Spacer(1, 4), Indenter(left=indent)]
            body += answer_tables(block)
            body += [Indenter(left=-indent), Spacer(1, 2)]
        else:
            body += answer_tables(block)
    # Room for the heading and the start of the section, so that a heading is never orphaned.
    lead = _height(heading) + heading.getSpaceAfter() + 6
    first: Flowable | None = None
    for flowable in body:
        if isinstance(flowable, Table | KeepTogether | _LongAnswer):
            first = flowable
            break
        if isinstance(flowable, Paragraph | Spacer):
            lead += _height(flowable) + flowable.getSpaceBefore()
    return [_keep_room(first, lead), heading, Rule(NAVY, 0.6, 2, 2), *body]


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal line across the frame."""

    def __init__(self, color: Color, width: float, before: float, after: float) -> None:
        super().__init__()
        self.color, self.line_width, self.before, self.after = color, width, before, after

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.before + self.after + self.line_width

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(self.line_width)
        y = self.after + self.line_width / 2
        c.line(0, y, self.width, y)
        c.restoreState()
