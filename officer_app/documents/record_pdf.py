"""The PDF of a form record: one form definition drives the printed record.

``render_record(header, definition, answers, out)`` prints any record made with a form from
``forms/`` (home visit, initial assessment, plan review, CME referral, EHE notice): the
questions and answers come from :func:`officer_app.forms.record_view`, so hidden questions are
left out and unanswered ones are shown as "—". The document may be read by a family, other
professionals and a magistrate, so it stays plain: black and grey text, one navy accent.

Every page carries a header band (the authority, the document title, the case reference and
the "OFFICIAL-SENSITIVE" protective marking) and a footer ("Page n of N" from a two-pass
canvas, the case reference, the first 16 hex digits of the record's SHA-256 and when it was
printed). A draft says "DRAFT — not signed" on every page and carries no hash. Amendments are
printed after the signed record, which is never altered.

The fonts are DejaVu Sans from ``resources/fonts`` (shipped with the application), embedded as
subsets so that "ł", "ş", "é", "£" and typographic quotes print the same on every machine.
Long records are laid out as many small tables rather than one big one, which keeps a 30-page
record fast.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Indenter,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.clock import uk_local
from officer_app.documents.pages import FONT, FONT_BOLD, EvidenceMark, NumberedCanvas, write_pdf
from officer_app.documents.pages import register_fonts as _register_fonts
from officer_app.forms import AnswerRow, FormDefinition, SectionView, record_view
from officer_app.forms.display import PersonName
from officer_app.forms.model import Answers

__all__ = [
    "DEFAULT_LA_NAME",
    "PROTECTIVE_MARKING",
    "Amendment",
    "RecordHeader",
    "render_record",
]

PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"
DEFAULT_LA_NAME = "Northam City Council — Attendance and Inclusion Service"
UNANSWERED = "—"
DRAFT_BANNER = "DRAFT — not signed"


@dataclass(frozen=True)
class Amendment:
    """A signed correction to a signed record. It is printed after the record, which stays as
    it was signed (the paper rule: one line through, never erased)."""

    signed_at: datetime
    signed_by: str
    reason: str
    text: str


@dataclass(frozen=True)
class RecordHeader:
    """What the PDF says about the record, apart from its answers. Times must be timezone-aware
    (they are stored in UTC) and are printed in UK local time on the 24-hour clock."""

    title: str
    case_reference: str
    child_name: str
    child_dob: date | None
    school: str
    officer: str
    occurred_at: datetime
    recorded_at: datetime
    signed_at: datetime | None
    signed_by: str
    content_hash: str
    form_id: str
    form_version: int
    la_name: str = DEFAULT_LA_NAME
    amendments: tuple[Amendment, ...] = ()
    evidence: EvidenceMark | None = None  # the case's chain head when printed

    @property
    def is_draft(self) -> bool:
        return self.signed_at is None


# -- look ------------------------------------------------------------------------------------


NAVY = HexColor("#1f4e79")
INK = HexColor("#1a1a1a")
MUTED = HexColor("#595959")
RULE = HexColor("#c9c9c9")
FILL = HexColor("#f1f2f4")
DRAFT_FILL = HexColor("#e4e4e4")
WATERMARK = Color(0, 0, 0, alpha=0.07)

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
BAND_RULE_Y = PAGE_H - 23 * mm
DRAFT_STRIP_H = 6.5 * mm
FOOTER_RULE_Y = 17 * mm
FRAME_BOTTOM = 21 * mm

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

_STYLES: dict[str, ParagraphStyle] = {}


def _style(name: str) -> ParagraphStyle:
    if not _STYLES:
        base = ParagraphStyle(
            "base",
            fontName=FONT,
            fontSize=9.5,
            leading=12.6,
            textColor=INK,
            allowWidows=0,
            allowOrphans=0,
        )
        _STYLES.update(
            answer=base,
            unanswered=ParagraphStyle("unanswered", parent=base, textColor=MUTED),
            label=ParagraphStyle(
                "label", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11.4,
                textColor=MUTED,
            ),
            item_title=ParagraphStyle(
                "item_title", parent=base, fontName=FONT_BOLD, fontSize=8.8, leading=11.4
            ),
            heading=ParagraphStyle(
                "heading", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=14,
                textColor=NAVY, spaceBefore=12, spaceAfter=0, keepWithNext=0,
            ),
            subheading=ParagraphStyle(
                "subheading", parent=base, fontName=FONT_BOLD, fontSize=9, leading=12,
                textColor=INK, spaceBefore=7, spaceAfter=1,
            ),
            note=ParagraphStyle(
                "note", parent=base, fontSize=8.5, leading=11.4, textColor=MUTED
            ),
            summary_label=ParagraphStyle(
                "summary_label", parent=base, fontName=FONT_BOLD, fontSize=8, leading=11,
                textColor=MUTED,
            ),
            summary_value=ParagraphStyle("summary_value", parent=base, fontSize=9, leading=12),
            sign=ParagraphStyle("sign", parent=base, fontSize=9.5, leading=14),
            hash=ParagraphStyle("hash", parent=base, fontSize=8, leading=11, textColor=INK),
        )  # fmt: skip
    return _STYLES[name]


# -- text ------------------------------------------------------------------------------------

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _day(d: date, *, weekday: bool = False) -> str:
    text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_DAYS[d.weekday()]} {text}" if weekday else text


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a time on a record must be timezone-aware: {moment!r}")
    return uk_local(moment)


def _when(moment: datetime, *, weekday: bool = False) -> str:
    """``Friday 14 November 2026 at 09:40`` in UK local time (GMT or BST)."""
    local = _local(moment)
    return f"{_day(local.date(), weekday=weekday)} at {local:%H:%M}"


def _markup(text: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept, control characters dropped."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    return "<br/>".join(escape(line) for line in text.split("\n"))


def _para(text: str, style: str) -> Paragraph:
    return Paragraph(_markup(text), _style(style))


# -- page decoration ---------------------------------------------------------------------------


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The font size (at most ``size``) at which ``text`` fits in ``width``."""
    while size > 7 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _draw_header_band(canvas: Any, header: RecordHeader) -> None:
    """The band at the top of every page; a draft also gets a grey strip saying so."""
    canvas.saveState()
    top = PAGE_H - 12 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 7.5)
    canvas.drawString(MARGIN_X, top, header.la_name)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawRightString(PAGE_W - MARGIN_X, top, PROTECTIVE_MARKING)

    line2 = PAGE_H - 19.5 * mm
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawRightString(PAGE_W - MARGIN_X, line2, header.case_reference)
    ref_w = pdfmetrics.stringWidth(header.case_reference, FONT_BOLD, 9.5)
    size = _fit(header.title, FONT_BOLD, 12.5, CONTENT_W - ref_w - 8 * mm)
    canvas.setFillColor(NAVY)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawString(MARGIN_X, line2, header.title)

    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.9)
    canvas.line(MARGIN_X, BAND_RULE_Y, PAGE_W - MARGIN_X, BAND_RULE_Y)

    if header.is_draft:
        strip_top = BAND_RULE_Y - 1.5 * mm
        canvas.setFillColor(DRAFT_FILL)
        canvas.rect(MARGIN_X, strip_top - DRAFT_STRIP_H, CONTENT_W, DRAFT_STRIP_H, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.drawCentredString(
            PAGE_W / 2,
            strip_top - DRAFT_STRIP_H + 2.2 * mm,
            f"{DRAFT_BANNER} · this record is not final and must not be relied on",
        )
        # A large, faint diagonal word behind the text.
        canvas.setFillColor(WATERMARK)
        canvas.setFont(FONT_BOLD, 130)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -45, "DRAFT")
    canvas.restoreState()


def _draw_footer(canvas: Any, header: RecordHeader, printed: str, page: int, total: int) -> None:
    """The footer of every page, drawn once the page count is known."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, FOOTER_RULE_Y, PAGE_W - MARGIN_X, FOOTER_RULE_Y)

    line1 = FOOTER_RULE_Y - 4.2 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN_X, line1, header.case_reference)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawCentredString(PAGE_W / 2, line1, PROTECTIVE_MARKING)
    canvas.drawRightString(PAGE_W - MARGIN_X, line1, f"Page {page} of {total}")

    line2 = line1 - 3.8 * mm
    if header.is_draft:
        canvas.setFont(FONT_BOLD, 7)
        canvas.drawString(MARGIN_X, line2, DRAFT_BANNER)
    else:
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7)
        canvas.drawString(MARGIN_X, line2, f"SHA-256 {header.content_hash[:16]}…")
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 7)
    canvas.drawRightString(PAGE_W - MARGIN_X, line2, f"printed {printed}")
    if header.evidence is not None:
        canvas.setFont(FONT, 6.5)
        canvas.drawString(MARGIN_X, line2 - 3.4 * mm, header.evidence.line())
    canvas.restoreState()


# -- the body --------------------------------------------------------------------------------


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
    return float(_style("answer").fontSize - _style("label").fontSize)


def _answer_cell(text: str | None) -> Paragraph:
    if text is None or not text.strip():
        return _para(UNANSWERED, "unanswered")
    return _para(text, "answer")


def _is_long(text: str | None) -> bool:
    return text is not None and (len(text) > LONG_ANSWER_CHARS or text.count("\n") > 12)


@dataclass
class _Block:
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


def _blocks(rows: Sequence[AnswerRow]) -> list[_Block | _Subheading]:
    """Group a section's rows into tables: top-level rows, and one sub-table per group item."""
    out: list[_Block | _Subheading] = []

    def plain(depth: int, label: str, text: str | None) -> None:
        last = out[-1] if out else None
        if not isinstance(last, _Block) or last.depth != depth:
            last = _Block(depth, None)
            out.append(last)
        last.rows.append((label, text))

    for row in rows:
        if not row.heading:
            plain(row.depth, row.label, row.text)
        elif isinstance(row.path[-1], int):  # one item of a repeating group
            out.append(_Block(row.depth + 1, row.label))
        elif row.field.repeatable:
            if row.text is None:  # no entries
                plain(row.depth, row.label, None)
            else:
                out.append(_Subheading(row.depth, row.label))
        else:  # a group answered once: its label titles its sub-table
            out.append(_Block(row.depth + 1, row.label))
    return out


def _table(rows: Sequence[tuple[str, str | None]], *, depth: int, title: str | None) -> Table:
    indent = depth * INDENT
    pad = 5.0 if depth else 0.0
    data: list[list[Any]] = []
    if title is not None:
        data.append([_para(title, "item_title"), ""])
    data += [[_para(label, "label"), _answer_cell(text)] for label, text in rows]
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
    return [_para(part.strip("\n"), "answer") for part in parts] or [_para(UNANSWERED, "answer")]


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
        self.label = _para(label, "label")
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
        lines = 3 * _style("answer").leading
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


def _tables(block: _Block) -> list[Flowable]:
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


def _section_flowables(number: int, view: SectionView) -> list[Flowable]:
    heading = Paragraph(f"{number}.&nbsp;&nbsp;{escape(view.section.title)}", _style("heading"))
    body: list[Flowable] = []
    for block in _blocks(view.rows):
        indent = block.depth * INDENT
        if isinstance(block, _Subheading):
            para = Paragraph(escape(block.text), _style("subheading"))
            body += [CondPageBreak(32 * mm), Indenter(left=indent), para, Indenter(left=-indent)]
        elif block.depth:
            body += [CondPageBreak(22 * mm), Spacer(1, 4), Indenter(left=indent)]
            body += _tables(block)
            body += [Indenter(left=-indent), Spacer(1, 2)]
        else:
            body += _tables(block)
    # Room for the heading and the start of the section, so that a heading is never orphaned.
    lead = _height(heading) + heading.getSpaceAfter() + 6
    first: Flowable | None = None
    for flowable in body:
        if isinstance(flowable, Table | KeepTogether | _LongAnswer):
            first = flowable
            break
        if isinstance(flowable, Paragraph | Spacer):
            lead += _height(flowable) + flowable.getSpaceBefore()
    return [_keep_room(first, lead), heading, _Rule(NAVY, 0.6, 2, 2), *body]


class _Rule(Flowable):  # type: ignore[misc]
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


def _summary(header: RecordHeader, definition: FormDefinition) -> Table:
    """The block at the top of the first page: who, when, which form, signed or not."""

    def label(text: str) -> Paragraph:
        return _para(text, "summary_label")

    def value(text: str) -> Paragraph:
        return _para(text or UNANSWERED, "summary_value")

    dob = _day(header.child_dob) if header.child_dob else "Not recorded"
    status = (
        f"Signed by {header.signed_by}, {_when(header.signed_at)}"
        if header.signed_at is not None
        else DRAFT_BANNER
    )
    form = f"{definition.title} (form {header.form_id}, version {header.form_version})"
    data: list[list[Any]] = [
        [label("Child"), value(header.child_name), label("Date of birth"), value(dob)],
        [label("School"), value(header.school), label("Officer"), value(header.officer)],
        [
            label("Date and time"),
            value(_when(header.occurred_at, weekday=True)),
            label("Recorded"),
            value(_when(header.recorded_at)),
        ],
        [label("Form"), value(form), "", ""],
        [label("Status"), value(status), "", ""],
    ]
    drop = _style("summary_value").fontSize - _style("summary_label").fontSize
    pad = 4.5
    style = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), FILL),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (0, -1), 2 * pad),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (0, -1), 2.5 + drop),
            ("TOPPADDING", (2, 0), (2, -1), 2.5 + drop),
            ("TOPPADDING", (0, 0), (0, 0), 7 + drop),
            ("TOPPADDING", (2, 0), (2, 0), 7 + drop),
            ("SPAN", (1, 3), (-1, 3)),
            ("SPAN", (1, 4), (-1, 4)),
        ]
    )
    widths = [28 * mm, 68 * mm, 24 * mm, CONTENT_W - 120 * mm]
    return Table(data, colWidths=widths, style=style, hAlign="LEFT")


def _signature(header: RecordHeader) -> list[Flowable]:
    heading = Paragraph("Signature", _style("heading"))
    body: list[Flowable] = [heading, _Rule(NAVY, 0.6, 2, 5)]
    if header.signed_at is not None:
        local = _local(header.signed_at)
        body += [
            Paragraph(
                f"Signed by <b>{escape(header.signed_by)}</b>, "
                f"on {_day(local.date(), weekday=True)} at {local:%H:%M}.",
                _style("sign"),
            ),
            Spacer(1, 3),
            Paragraph(
                f"Electronically signed; SHA-256 {escape(header.content_hash)}", _style("hash")
            ),
            Spacer(1, 2),
            _para(
                "The SHA-256 fingerprint identifies the signed record exactly: any change to "
                "it would give a different fingerprint.",
                "note",
            ),
        ]
    else:
        lines = Table(
            [
                [_para("Signed", "label"), "", _para("Date", "label"), ""],
                [_para("Name", "label"), _para(header.officer, "answer"), "", ""],
            ],
            colWidths=[18 * mm, 82 * mm, 14 * mm, CONTENT_W - 114 * mm],
            rowHeights=[12 * mm, 9 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
                    ("LINEBELOW", (3, 0), (3, 0), 0.6, INK),
                ]
            ),
            hAlign="LEFT",
        )
        body += [
            _para("This record is a draft. It has not been signed and may still change.", "sign"),
            Spacer(1, 2),
            lines,
        ]
    return [KeepTogether(body)]


def _amendments(header: RecordHeader) -> list[Flowable]:
    if not header.amendments:
        return []
    heading = Paragraph("Amendments", _style("heading"))
    note = _para(
        "The record above is printed as it was signed. Each amendment below was signed "
        "separately; none of them changes the original.",
        "note",
    )
    out: list[Flowable] = [
        CondPageBreak(45 * mm),  # the heading, the note and the first amendment together
        heading,
        _Rule(NAVY, 0.6, 2, 3),
        note,
        Spacer(1, 4),
    ]
    for index, amendment in enumerate(header.amendments, start=1):
        title = (
            f"Amendment {index} — signed by {amendment.signed_by}, "
            f"{_when(amendment.signed_at, weekday=True)}"
        )
        rows = [("Reason", amendment.reason), ("Correction", amendment.text)]
        out += [
            CondPageBreak(25 * mm),
            Spacer(1, 4),
            Indenter(left=INDENT),
            *_tables(_Block(1, title, list(rows), short_title=f"Amendment {index}")),
            Indenter(left=-INDENT),
        ]
    return out


def _story(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    person_name: PersonName | None,
) -> list[Flowable]:
    story: list[Flowable] = [_summary(header, definition)]
    views = record_view(definition, answers, person_name=person_name)
    printed = [view for view in views if view.rows]  # a section with nothing to show is left out
    for number, view in enumerate(printed, start=1):
        story += _section_flowables(number, view)
    story += _signature(header)
    story += _amendments(header)
    return story


# -- rendering -------------------------------------------------------------------------------


def _build(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    printed_at: datetime,
    person_name: PersonName | None,
) -> tuple[bytes, int]:
    _register_fonts()
    printed_local = _local(printed_at)
    printed = f"{_day(printed_local.date())} {printed_local:%H:%M}"
    # Check every time first, so that a bad one fails before any page is drawn.
    for moment in (header.occurred_at, header.recorded_at, header.signed_at):
        if moment is not None:
            _local(moment)
    for amendment in header.amendments:
        _local(amendment.signed_at)

    frame_top = BAND_RULE_Y - 4 * mm - (DRAFT_STRIP_H + 1.5 * mm if header.is_draft else 0)
    frame = Frame(
        MARGIN_X, FRAME_BOTTOM, CONTENT_W, frame_top - FRAME_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )  # fmt: skip
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - frame_top,
        bottomMargin=FRAME_BOTTOM,
        title=f"{header.title} — {header.case_reference}",
        author=header.officer,
        subject=f"{PROTECTIVE_MARKING} · {header.form_id} version {header.form_version}",
        creator="officer-app",
        invariant=1,
        # Start in DejaVu: reportlab's default, Helvetica, would be listed but not embedded.
        initialFontName=FONT,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="record", frames=[frame], onPage=lambda c, _d: _draw_header_band(c, header)
            )
        ]
    )
    canvases: list[NumberedCanvas] = []

    def footer(canvas: Any, page: int, total: int) -> None:
        _draw_footer(canvas, header, printed, page, total)

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, footer=footer, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(_story(header, definition, answers, person_name), canvasmaker=make_canvas)
    return buffer.getvalue(), canvases[-1].page_count


def render_record(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    out: Path,
    *,
    printed_at: datetime | None = None,
    person_name: PersonName | None = None,
) -> int:
    """Print a record to ``out`` (A4 PDF) and return its page count.

    ``answers`` are the record's answers to ``definition`` (the version the record was made
    with); hidden questions are left out and unanswered ones shown as "—". ``person_name``
    turns the ids in person answers into names. ``printed_at`` (timezone-aware; now by default)
    is stamped in the footer. The file is written atomically: if anything fails, ``out`` is
    left as it was. The same inputs give the same bytes.
    """
    data, pages = render_record_bytes(
        header, definition, answers, printed_at=printed_at, person_name=person_name
    )
    write_pdf(Path(out), data)
    return pages


def render_record_bytes(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    *,
    printed_at: datetime | None = None,
    person_name: PersonName | None = None,
) -> tuple[bytes, int]:
    """The record as PDF bytes and its page count, never touching the disk (for printing:
    a record in clear is not left in a temporary file)."""
    moment = printed_at if printed_at is not None else datetime.now(UTC)
    return _build(header, definition, answers, moment, person_name)
