"""How every printed document looks: one place for the colours, the fonts' names, the
protective marking, the A4 page and its frames, the paragraph styles of each kind of
document, and plain text made safe for a paragraph.

The documents stay plain, as a family, other professionals and a magistrate may read them:
black and grey text, one navy accent. Dates are written by :mod:`officer_app.wording`.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph

__all__ = [
    "CONTENT_W",
    "FILL",
    "FONT",
    "FONT_BOLD",
    "INK",
    "MARGIN_X",
    "MUTED",
    "MUTED_HEX",
    "NAVY",
    "PAGE_H",
    "PAGE_W",
    "PROTECTIVE_MARKING",
    "RULE",
    "fit",
    "frame",
    "letter_style",
    "markup",
    "paragraph",
    "pdf_document",
    "record_style",
    "register_style",
]

# -- colours and fonts -----------------------------------------------------------------------

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

MUTED_HEX = "#595959"
"""The grey of secondary text, also written into paragraph markup (``<font color=…>``)."""
NAVY = HexColor("#1f4e79")
INK = HexColor("#1a1a1a")
MUTED = HexColor(MUTED_HEX)
RULE = HexColor("#c9c9c9")
FILL = HexColor("#f1f2f4")

PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"

# -- the A4 page -----------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X


def frame(x: float, y: float, width: float, height: float, *, id: str | None = None) -> Frame:
    """A frame with no padding of its own: what is drawn in it lines up with its edges."""
    return Frame(
        x, y, width, height,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=id,
    )  # fmt: skip


def pdf_document(
    *,
    title: str,
    author: str,
    subject: str,
    pagesize: tuple[float, float] = A4,
    **margins: float,
) -> BaseDocTemplate:
    """A document drawn in memory (``doc.filename`` is its buffer). The same inputs give the
    same bytes (``invariant``); it starts in DejaVu, as reportlab's default, Helvetica, would
    be listed in the file but not embedded."""
    return BaseDocTemplate(
        io.BytesIO(),
        pagesize=pagesize,
        title=title,
        author=author,
        subject=subject,
        creator="officer-app",
        invariant=1,
        initialFontName=FONT,
        **margins,
    )


def fit(text: str, font: str, size: float, width: float, *, smallest: float, step: float) -> float:
    """The font size (at most ``size``, no less than about ``smallest``, in ``step``s) at which
    ``text`` fits in ``width``."""
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= step
    return size


# -- plain text in a paragraph ---------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markup(text: str, *, tab: str = "    ", returns_break: bool = True) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept (``<br/>``), a tab as
    ``tab``, other control characters as spaces. ``returns_break``: a carriage return
    (``\\r\\n`` or a lone ``\\r``) breaks the line too; a letter's values come with ``\\n``
    line breaks only, and there a stray ``\\r`` is left to read as a space."""
    if returns_break:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text.replace("\t", tab))
    return "<br/>".join(escape(line) for line in text.split("\n"))


# -- paragraph styles --------------------------------------------------------------------------


def _record_sheet() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "base", fontName=FONT, fontSize=9.5, leading=12.6, textColor=INK,
        allowWidows=0, allowOrphans=0,
    )  # fmt: skip
    return dict(
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
        note=ParagraphStyle("note", parent=base, fontSize=8.5, leading=11.4, textColor=MUTED),
        summary_label=ParagraphStyle(
            "summary_label", parent=base, fontName=FONT_BOLD, fontSize=8, leading=11,
            textColor=MUTED,
        ),
        summary_value=ParagraphStyle("summary_value", parent=base, fontSize=9, leading=12),
        sign=ParagraphStyle("sign", parent=base, fontSize=9.5, leading=14),
        hash=ParagraphStyle("hash", parent=base, fontSize=8, leading=11, textColor=INK),
    )  # fmt: skip


def _letter_sheet() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=10.5, leading=14.6, textColor=INK, spaceAfter=7,
        allowWidows=0, allowOrphans=0,
    )  # fmt: skip
    return dict(
        body=base,
        salutation=ParagraphStyle("salutation", parent=base, spaceAfter=8),
        subject=ParagraphStyle(
            "subject", parent=base, fontName=FONT_BOLD, fontSize=11, leading=15,
            spaceAfter=9,
        ),
        title=ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=19,
            textColor=NAVY, spaceAfter=6,
        ),
        heading=ParagraphStyle(
            "heading", parent=base, fontName=FONT_BOLD, fontSize=11, leading=15,
            textColor=NAVY, spaceBefore=6, spaceAfter=3, keepWithNext=1,
        ),
        item=ParagraphStyle(
            "item", parent=base, leftIndent=7 * mm, bulletIndent=2 * mm, spaceAfter=3.5,
            bulletFontName=FONT,
        ),
        cell_label=ParagraphStyle(
            "cell_label", parent=base, fontName=FONT_BOLD, fontSize=9, leading=12.5,
            textColor=MUTED, spaceAfter=0,
        ),
        cell=ParagraphStyle("cell", parent=base, fontSize=10, leading=13.5, spaceAfter=0),
        sign=ParagraphStyle("sign", parent=base, spaceAfter=0),
    )  # fmt: skip


def _register_sheet() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=FONT, fontSize=7.4, leading=9.2, textColor=INK)
    return {
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, textColor=MUTED),
        "intro": ParagraphStyle("intro", parent=base, fontSize=8.2, leading=10.8),
        "empty": ParagraphStyle("empty", parent=base, fontSize=10, leading=14),
    }


_SHEETS: dict[str, dict[str, ParagraphStyle]] = {}


def _sheet(kind: str) -> dict[str, ParagraphStyle]:
    if kind not in _SHEETS:
        build = {"record": _record_sheet, "letter": _letter_sheet, "register": _register_sheet}
        _SHEETS[kind] = build[kind]()
    return _SHEETS[kind]


def record_style(name: str) -> ParagraphStyle:
    """A paragraph style of the PDF of a form record ("answer", "label", "heading", …)."""
    return _sheet("record")[name]


def letter_style(name: str) -> ParagraphStyle:
    """A paragraph style of a letter or a notice ("body", "subject", "cell", …)."""
    return _sheet("letter")[name]


def register_style(name: str) -> ParagraphStyle:
    """A paragraph style of the LA's record of penalty notices ("cell", "head", …)."""
    return _sheet("register")[name]


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain text as a paragraph (see :func:`markup`)."""
    return Paragraph(markup(text), style)
