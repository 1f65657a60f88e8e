"""What the sections of the record of interview (:mod:`.interview_pdf`) share: the sealed
answers read once (:class:`Reading`), times as the record prints them (:func:`when`: 24-hour
clock, UK time, the date on a time of another day than the start; in an audio summary the
time into the recording besides), numbered headings, and the two kinds of table (label and
value; columns under a header row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from officer_app.clock import uk_local
from officer_app.documents.interview_timeline import Line
from officer_app.documents.record_body import UNANSWERED, Rule
from officer_app.documents.style import (
    CONTENT_W,
    FILL,
    FONT,
    MUTED,
    MUTED_HEX,
    NAVY,
    RULE,
    markup,
    record_style,
)
from officer_app.domain.interview import Event, EventKind, offset_label
from officer_app.wording import MONTHS, SHORT_DAYS, clock

if TYPE_CHECKING:
    from officer_app.documents.interview_pdf import InterviewDocument


__all__ = [
    "ROLE_NAMES",
    "STAMP_W",
    "Reading",
    "Sections",
    "bold",
    "grid",
    "marked",
    "pairs",
    "plain",
    "when",
]

ROLE_NAMES = {
    "interviewer": "Interviewer",
    "second": "Second officer",
    "interviewee": "Person interviewed",
    "solicitor": "Solicitor",
    "interpreter": "Interpreter",
    "appropriate_adult": "Appropriate adult",
}
"""The roles of those present (as :data:`officer_app.services.interview_rows.ROLE_LABELS`;
the documents do not import the services)."""

PAD = 3.0
STAMP_W = 30 * mm
"""The time column of the caution, the statements and the closing."""


def when(at: dt.datetime, start: dt.datetime | None) -> str:
    """``14:05``; with the date when it is not the start's day (``00:05 on Sat 21 Nov
    2026``): an interview that ran past midnight reads without doubt. Day and month names
    from :mod:`officer_app.wording`, never the machine's locale."""
    local = uk_local(at)
    text = clock(local)
    if start is not None and uk_local(start).date() != local.date():
        day = local.date()
        text += f" on {SHORT_DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}"
    return text


def plain(text: str, style: str = "answer") -> Paragraph:
    return Paragraph(markup(text), record_style(style))


def marked(markup_text: str, style: str = "answer") -> Paragraph:
    """A paragraph of markup already escaped by the caller."""
    return Paragraph(markup_text, record_style(style))


def bold(text: str) -> str:
    return f"<b>{markup(text)}</b>"


@dataclass
class Reading:
    """The sealed answers, read once."""

    doc: InterviewDocument
    answers: Mapping[str, Any]
    opening: Mapping[str, Any]
    events: list[Event]
    start: dt.datetime | None
    audio: bool

    @classmethod
    def of(cls, doc: InterviewDocument) -> Reading:
        answers = doc.answers
        events = [Event.from_json(item) for item in answers.get("events") or []]
        start = next((e.at for e in events if e.kind is EventKind.START), None)
        return cls(doc, answers, answers.get("opening") or {}, events, start, doc.audio)

    def when(self, at: dt.datetime) -> str:
        return when(at, self.start)

    def clock_cell(self, at: dt.datetime) -> str:
        """The time as markup for a narrow column: the date, when it is another day than the
        start's, on a second line."""
        text = when(at, self.start)
        time, _, day = text.partition(" on ")
        if not day:
            return time
        return f"{time}<br/><font size='7' color='{MUTED_HEX}'>{day}</font>"

    def clock_lines(self, at: dt.datetime) -> list[Line]:
        """:meth:`clock_cell` as lines for a row of :mod:`.interview_timeline`."""
        time, _, day = when(at, self.start).partition(" on ")
        lines = [Line(time)]
        if day:
            lines.append(Line(day, size=7, color=MUTED, leading=9))
        return lines

    def stamp_cell(self, at: dt.datetime) -> str:
        """:meth:`clock_cell`, and in an audio summary the time into the recording below."""
        text = self.clock_cell(at)
        if self.audio and self.start is not None:
            text += f"<br/><font size='7' color='{MUTED_HEX}'>recording {self.offset(at)}</font>"
        return text

    def offset(self, at: dt.datetime) -> str:
        return offset_label(at, self.start) if self.start is not None else ""

    def stamp(self, at: dt.datetime) -> str:
        """The clock time, and in an audio summary the time into the recording."""
        if self.audio and self.start is not None:
            return f"{self.when(at)} (recording {self.offset(at)})"
        return self.when(at)

    def of_kind(self, *kinds: EventKind) -> list[Event]:
        return [e for e in self.events if e.kind in kinds]

    def first(self, kind: EventKind) -> Event | None:
        return next((e for e in self.events if e.kind is kind), None)

    def present(self) -> list[Mapping[str, Any]]:
        return [p for p in self.answers.get("present") or [] if isinstance(p, Mapping)]

    def name_of(self, role: str) -> str:
        return next((str(p.get("name", "")) for p in self.present() if p.get("role") == role), "")


# -- building blocks -------------------------------------------------------------------------


class Sections:
    def __init__(self) -> None:
        self.number = 0

    def heading(self, title: str, *, room: float = 38 * mm) -> list[Flowable]:
        """A numbered heading that never ends a page alone."""
        self.number += 1
        text = f"{self.number}.&nbsp;&nbsp;{escape(title)}"
        return [CondPageBreak(room), marked(text, "heading"), Rule(NAVY, 0.6, 2, 2)]


def pairs(rows: Sequence[tuple[str, Paragraph | str]], *, label_w: float = 46 * mm) -> Table:
    """Label and value rows, the label lowered to the value's first baseline."""
    drop = record_style("answer").fontSize - record_style("label").fontSize
    data = [
        [
            plain(label, "label"),
            value if isinstance(value, Paragraph) else plain(value or UNANSWERED),
        ]
        for label, value in rows
    ]
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (0, -1), PAD + drop),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD + 0.6),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 8),
            ("LEFTPADDING", (1, 0), (1, -1), 0),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]
    )
    return Table(
        data, colWidths=[label_w, CONTENT_W - label_w], style=style, hAlign="LEFT", splitInRow=1
    )


def grid(
    head: Sequence[str] | None, rows: Sequence[Sequence[Any]], widths: Sequence[float]
) -> Table:
    """A table with a header row (repeated on every page it runs onto), or with none."""
    data: list[list[Any]] = [list(r) for r in rows]
    if head is not None:
        data.insert(0, [plain(h, "summary_label") for h in head])
    style = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD + 0.6),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]
    )
    if head is not None:
        style.add("BACKGROUND", (0, 0), (-1, 0), FILL)
        style.add("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE)
    return Table(
        data,
        colWidths=list(widths),
        style=style,
        repeatRows=1 if head is not None else 0,
        hAlign="LEFT",
        splitInRow=1,
    )
