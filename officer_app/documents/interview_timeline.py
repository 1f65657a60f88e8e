"""The questions and answers of a record of interview as rows drawn directly on the canvas.

A record of 300 questions and answers is some 600 rows. Laid out as table cells of
paragraphs, each is parsed as markup and wrapped three times (measured, split, drawn): about
two seconds. Here a row of plain text is wrapped once, by words measured once, and drawn
line by line, which keeps the whole record under half a second (bench/interview_pdf_bench).
A row that needs markup (a caution, a break, a statement) keeps a paragraph in its text
column. A row taller than what is left of a page breaks between its lines, its time
repeated and marked "(cont.)", so no part of an answer is ever without its time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from officer_app.documents.style import FILL, FONT, FONT_BOLD, INK, MUTED, RULE, record_style

__all__ = ["Line", "Row", "wrap_text"]

PAD_X = 4.0
PAD_TOP = 3.0
PAD_BOTTOM = 3.6
KEEP_LINES = 6
"""A row of up to this many lines moves whole to the next page; a longer one may break."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Line:
    text: str
    font: str = FONT
    size: float = 9.5
    color: Color = INK
    leading: float = 12.6


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
"""Words' widths by font and size: a record's words repeat, and measuring is the cost."""


def _measure(font: str, size: float) -> dict[str, float]:
    return _WIDTHS.setdefault((font, size), {})


def wrap_text(text: str, width: float, *, font: str = FONT, size: float = 9.5) -> list[str]:
    """Plain text broken into lines no wider than ``width``: at spaces, the line breaks kept,
    a word too long for a line broken between its letters."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    widths = _measure(font, size)
    if len(widths) > 50_000:  # a bound on the cache, for a process printing for days
        widths.clear()
    space = stringWidth(" ", font, size)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = widths.get(word)
            if w is None:
                w = widths[word] = stringWidth(word, font, size)
            if w > width:  # a word longer than the line (a long reference, a URL)
                for piece in _pieces(word, width, font, size):
                    pw = stringWidth(piece, font, size)
                    if line and used + space + pw > width:
                        out.append(" ".join(line))
                        line, used = [], 0.0
                    used = used + space + pw if line else pw
                    line.append(piece)
                continue
            if line and used + space + w > width:
                out.append(" ".join(line))
                line, used = [], 0.0
            used = used + space + w if line else w
            line.append(word)
        out.append(" ".join(line))
    return out


def _pieces(word: str, width: float, font: str, size: float) -> list[str]:
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and stringWidth(current + char, font, size) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def _lines_height(lines: Sequence[Line]) -> float:
    return sum(line.leading for line in lines)


class Row(Flowable):  # type: ignore[misc]
    """One event of the interview: its time (and time into the recording), its mark (Q or
    A) and its text, as plain lines or as a paragraph spanning the mark's column."""

    def __init__(
        self,
        widths: Sequence[float],
        stamp: Sequence[Sequence[Line]],
        mark: str,
        body: Sequence[Line] | Paragraph,
        *,
        shaded: bool = False,
        rule_above: bool = False,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.widths = list(widths)
        self.stamp = [list(cell) for cell in stamp]
        self.mark = mark
        self.body = body
        self.shaded = shaded
        self.rule_above = rule_above
        self.continued = continued

    # geometry ------------------------------------------------------------------------------
    @property
    def _body_x(self) -> float:
        return sum(self.widths[: len(self.stamp) + (1 if self.mark else 0)])

    @property
    def _body_w(self) -> float:
        return sum(self.widths) - self._body_x

    def _stamp_cells(self) -> list[list[Line]]:
        if not self.continued:
            return self.stamp
        first = self.stamp[0][0]
        return [[Line(f"{first.text} (cont.)", size=8, color=MUTED, leading=11)]]

    def _body_h(self, avail_h: float) -> float:
        if isinstance(self.body, Paragraph):
            return float(self.body.wrap(self._body_w - 2 * PAD_X, avail_h)[1])
        return _lines_height(self.body)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        inner = max([self._body_h(avail_h), *(_lines_height(c) for c in self._stamp_cells())])
        self.width = sum(self.widths)
        self.height = inner + PAD_TOP + PAD_BOTTOM
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        room = avail_h - PAD_TOP - PAD_BOTTOM
        if isinstance(self.body, Paragraph):
            para = self.body
            leading = float(para.style.leading)
            if self._body_h(avail_h) <= KEEP_LINES * leading or room < 2 * leading:
                return []
            parts = para.split(self._body_w - 2 * PAD_X, room)
            if len(parts) != 2:
                return []
            head, tail = parts
        else:
            lines = list(self.body)
            if len(lines) <= KEEP_LINES:
                return []
            fits = 0
            used = 0.0
            for line in lines:
                if used + line.leading > room:
                    break
                used += line.leading
                fits += 1
            if fits < 2 or fits >= len(lines):
                return []
            head, tail = lines[:fits], lines[fits:]
        return [
            self._part(head, rule_above=self.rule_above, continued=self.continued),
            self._part(tail, rule_above=False, continued=True),
        ]

    def _part(self, body: Sequence[Line] | Paragraph, *, rule_above: bool, continued: bool) -> Row:
        return Row(
            self.widths,
            self.stamp,
            self.mark,
            body,
            shaded=self.shaded,
            rule_above=rule_above,
            continued=continued,
        )

    # drawing -------------------------------------------------------------------------------
    def draw(self) -> None:
        """The row's cells as one text object (a paragraph body drawn after it), then its
        rules: the fewest operators, as the PDF's numbers are formatted in Python."""
        canvas = self.canv
        if self.shaded:
            canvas.setFillColor(FILL)
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        top = self.height - PAD_TOP
        text = canvas.beginText()
        state: list[Any] = [None, None]  # the font and colour last set in ``text``
        x = 0.0
        for cell, width in zip(self._stamp_cells(), self.widths, strict=False):
            _cell_text(text, state, cell, x + PAD_X, top)
            x += width
        if self.mark:
            _cell_text(text, state, [Line(self.mark, FONT_BOLD)], x + PAD_X, top)
        if not isinstance(self.body, Paragraph):
            _cell_text(text, state, self.body, self._body_x + PAD_X, top)
        canvas.drawText(text)
        if isinstance(self.body, Paragraph):
            self.body.drawOn(canvas, self._body_x + PAD_X, top - self.body.height)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.line(0, 0, self.width, 0)
        if self.rule_above:
            canvas.setLineWidth(0.6)
            canvas.line(0, self.height, self.width, self.height)


def _cell_text(text: Any, state: list[Any], lines: Sequence[Line], x: float, top: float) -> None:
    """Write ``lines`` into the text object from (``x``, ``top``), setting the font and the
    colour only when they change."""
    if not lines:
        return
    text.setTextOrigin(x, top - lines[0].size)
    for line in lines:
        font = (line.font, line.size, line.leading)
        if state[0] != font:
            state[0] = font
            text.setFont(*font)
        if state[1] is not line.color:
            state[1] = line.color
            text.setFillColor(line.color)
        text.textLine(line.text)


def header_row(widths: Sequence[float], labels: Sequence[str]) -> Row:
    """The row of column titles above the first event."""
    style = record_style("summary_label")
    cells = [[Line(label, FONT_BOLD, style.fontSize, MUTED, style.leading)] for label in labels]
    return Row(widths, cells[:-1], "", cells[-1], shaded=True)
