"""A letter or a notice on the LA's letterhead, as a council posts it (A4, reportlab).

The first page carries the letterhead (the authority's name lines, its logo when one is set)
and, across its foot, the authority's address and contact details; the recipient's address
is placed for the window of a DL
envelope (A4 folded in three: the block sits 20 mm from the left edge and 46 to 86 mm from
the top, with a small return address and "PRIVATE AND CONFIDENTIAL" above the name), and
beside it our reference, who to ask for and the date. Then "Dear …", the subject in bold,
the body (paragraphs, headings, lists, two-column tables), "Yours sincerely" and the
officer's name and title. A notice (``Layout.NOTICE``) has its subject as a title and no
salutation or sign-off. From two pages on, every page's footer says "Page n of N" with the
reference.

The fonts are DejaVu Sans from ``resources/fonts``, embedded, so "£", "é" and typographic
quotes print the same everywhere. The same inputs give the same bytes (``invariant=1``).
:func:`render_letter_bytes` never touches the disk (preview, printing, the encrypted copy);
:func:`write_pdf` is the explicit save, atomic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.config import Letterhead
from officer_app.documents.pages import EvidenceMark, build_numbered, register_fonts, write_pdf
from officer_app.documents.style import (
    CONTENT_W,
    FILL,
    FONT,
    FONT_BOLD,
    INK,
    MARGIN_X,
    MUTED,
    NAVY,
    PAGE_H,
    PAGE_W,
    RULE,
    fit,
    frame,
    letter_style,
    markup,
    pdf_document,
)
from officer_app.letters.model import BlockKind, FilledLetter, Layout, Line
from officer_app.wording import long_date

__all__ = ["LetterDocument", "render_letter_bytes", "write_pdf"]

# The letterhead band
HEAD_TOP = PAGE_H - 13 * mm
LOGO_MAX_W, LOGO_MAX_H = 42 * mm, 19 * mm
HEAD_RULE_LOWEST = PAGE_H - 40 * mm
# The DL window: A4 folded in three, the address 20 mm in and 46-86 mm down
WINDOW_X = 20 * mm
WINDOW_W = 88 * mm
WINDOW_TOP = PAGE_H - 47 * mm
WINDOW_BOTTOM = PAGE_H - 86 * mm
# Our reference, beside the window
DETAILS_X = 118 * mm
DETAILS_LABEL_W = 27 * mm
# The body
FIRST_FRAME_TOP = PAGE_H - 91 * mm
LATER_FRAME_TOP = PAGE_H - 18 * mm
FRAME_BOTTOM = 22 * mm
FIRST_FRAME_BOTTOM = 33 * mm  # above the authority's address and contact details
CONTACT_RULE_Y = 28 * mm
FOOTER_Y = 12 * mm
EVIDENCE_Y = 7 * mm
LABEL_W = 62 * mm  # the label column of a table

PRIVATE = "PRIVATE AND CONFIDENTIAL"


@dataclass(frozen=True)
class LetterDocument:
    """Everything printed around the body, and the filled body itself."""

    letterhead: Letterhead
    recipient: tuple[str, ...]  # the address block: the name, then one line per line
    reference: str
    dated: date
    officer_name: str
    officer_title: str
    officer_email: str  # "" when not recorded: the letterhead's email is printed instead
    salutation: str  # "Dear Ms Rahman"
    letter: FilledLetter
    evidence: EvidenceMark | None = None  # the case's chain head the letter was made from


# -- text --------------------------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _markup(parts: list[tuple[str, bool]]) -> str:
    out = []
    for text, bold in parts:
        if not text:
            continue
        piece = markup(text, tab=" ", returns_break=False)
        out.append(f"<b>{piece}</b>" if bold else piece)
    return "".join(out)


def _paragraphs(line: Line) -> list[str]:
    """A filled line as paragraph markup; a blank line inside a value (a long answer typed
    in paragraphs) starts a new paragraph."""
    paragraphs: list[list[tuple[str, bool]]] = [[]]
    for segment in line:
        pieces = _PARAGRAPH_BREAK.split(segment.text)
        for index, piece in enumerate(pieces):
            if index:
                paragraphs.append([])
            paragraphs[-1].append((piece, segment.bold))
    return [m for m in (_markup(p) for p in paragraphs) if m.strip()]


def _single(line: Line) -> str:
    """A filled line as one paragraph's markup (a blank line kept as a line break)."""
    return _markup([(s.text, s.bold) for s in line])


def _fit(text: str, font: str, size: float, width: float, smallest: float = 6.5) -> float:
    return fit(text, font, size, width, smallest=smallest, step=0.25)


# -- the first page's furniture ----------------------------------------------------------------


def _draw_letterhead(canvas: Any, head: Letterhead) -> None:
    """The authority's name lines at the top left, its logo (if any) at the top right."""
    canvas.saveState()
    logo_w = 0.0
    bottom = HEAD_TOP
    if head.logo is not None:
        reader = ImageReader(str(head.logo))
        width, height = reader.getSize()
        scale = min(LOGO_MAX_W / width, LOGO_MAX_H / height)
        w, h = width * scale, height * scale
        canvas.drawImage(reader, PAGE_W - MARGIN_X - w, HEAD_TOP + 3 * mm - h, w, h, mask="auto")
        logo_w = w + 8 * mm
        bottom = HEAD_TOP + 3 * mm - h
    name_w = CONTENT_W - logo_w
    y = HEAD_TOP - 3 * mm
    for index, line in enumerate(head.name_lines):
        font, size = (FONT_BOLD, 15.0) if index == 0 else (FONT, 10.5)
        canvas.setFillColor(NAVY)
        canvas.setFont(font, _fit(line, font, size, name_w, smallest=8))
        canvas.drawString(MARGIN_X, y, line)
        bottom = min(bottom, y - 1.5 * mm)
        y -= (6.3 if index == 0 else 4.8) * mm
    rule = max(HEAD_RULE_LOWEST, bottom - 3 * mm)  # under the name lines and the logo
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN_X, rule, PAGE_W - MARGIN_X, rule)
    canvas.restoreState()


def _draw_contact(canvas: Any, head: Letterhead) -> None:
    """The authority's address and contact details across the foot of the first page."""
    address = ", ".join([head.authority, *head.address_lines])
    contact = " · ".join(
        part for part in (f"Telephone {head.phone}", head.email, head.website) if part
    )
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, CONTACT_RULE_Y, PAGE_W - MARGIN_X, CONTACT_RULE_Y)
    canvas.setFillColor(MUTED)
    y = CONTACT_RULE_Y - 4 * mm
    for line in (address, contact):
        canvas.setFont(FONT, _fit(line, FONT, 7.5, CONTENT_W, smallest=5.5))
        canvas.drawCentredString(PAGE_W / 2, y, line)
        y -= 3.4 * mm
    canvas.restoreState()


def _draw_window(canvas: Any, document: LetterDocument) -> None:
    """The return address, the marking and the recipient's address, inside the window."""
    head = document.letterhead
    canvas.saveState()
    # the return address: as much of the address as fits, always the authority and the last
    # line (the postcode)
    lines = list(head.address_lines)
    while True:
        back = "If undelivered, return to: " + ", ".join([head.authority, *lines])
        size = _fit(back, FONT, 6.5, WINDOW_W, 5.5)
        if pdfmetrics.stringWidth(back, FONT, size) <= WINDOW_W or len(lines) <= 1:
            break
        del lines[-2]
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, size)
    canvas.drawString(WINDOW_X, WINDOW_TOP, back)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(WINDOW_X, WINDOW_TOP - 1.6 * mm, WINDOW_X + WINDOW_W, WINDOW_TOP - 1.6 * mm)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 8.5)
    canvas.drawString(WINDOW_X, WINDOW_TOP - 6 * mm, PRIVATE)
    y = WINDOW_TOP - 11.5 * mm
    step = 4.7 * mm
    lines = list(document.recipient)
    size = min(_fit(line, FONT, 10.5, WINDOW_W, 8) for line in lines)
    if y - step * (len(lines) - 1) < WINDOW_BOTTOM:  # a long address: closer lines
        step = (y - WINDOW_BOTTOM) / max(1, len(lines) - 1)
    canvas.setFont(FONT, size)
    for line in lines:
        canvas.drawString(WINDOW_X, y, line)
        y -= step
    canvas.restoreState()


def _draw_details(canvas: Any, document: LetterDocument) -> None:
    """Our reference, who to ask for and the date, beside the window."""
    head = document.letterhead
    rows = [
        ("Our reference", document.reference),
        ("Please ask for", document.officer_name),
        ("Telephone", head.phone),
        ("Email", document.officer_email or head.email),
        ("Date", long_date(document.dated)),
    ]
    canvas.saveState()
    value_x = DETAILS_X + DETAILS_LABEL_W
    value_w = PAGE_W - MARGIN_X - value_x
    y = WINDOW_TOP - 6 * mm
    for label, value in rows:
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT_BOLD, 8)
        canvas.drawString(DETAILS_X, y, label)
        font = FONT_BOLD if label in ("Our reference", "Date") else FONT
        canvas.setFillColor(INK)
        size = _fit(value, font, 9, value_w)
        if size < 8 and "@" in value:  # a long email address: two lines, broken after the @
            user, _at, domain = value.partition("@")
            size = min(_fit(user + "@", font, 9, value_w), _fit(domain, font, 9, value_w))
            canvas.setFont(font, size)
            canvas.drawString(value_x, y, user + "@")
            y -= 3.9 * mm
            value = domain
        canvas.setFont(font, size)
        canvas.drawString(value_x, y, value)
        y -= 5.2 * mm
    canvas.restoreState()


def _draw_first_page(canvas: Any, document: LetterDocument) -> None:
    _draw_letterhead(canvas, document.letterhead)
    _draw_window(canvas, document)
    _draw_details(canvas, document)
    _draw_contact(canvas, document.letterhead)


def _draw_footer(canvas: Any, document: LetterDocument, page: int, total: int) -> None:
    if document.evidence is not None:  # every page, small, below everything else
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 6)
        canvas.drawString(MARGIN_X, EVIDENCE_Y, document.evidence.line())
        canvas.restoreState()
    if total < 2:
        return
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, FOOTER_Y + 4 * mm, PAGE_W - MARGIN_X, FOOTER_Y + 4 * mm)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN_X, FOOTER_Y, f"Our reference {document.reference}")
    canvas.drawCentredString(PAGE_W / 2, FOOTER_Y, PRIVATE.capitalize())
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawRightString(PAGE_W - MARGIN_X, FOOTER_Y, f"Page {page} of {total}")
    canvas.restoreState()


# -- the body ----------------------------------------------------------------------------------


def _table(rows: list[tuple[Line, Line]]) -> Flowable:
    data = [
        [
            Paragraph(_single(label), letter_style("cell_label")),
            Paragraph(_single(value), letter_style("cell")),
        ]
        for label, value in rows
    ]
    drop = letter_style("cell").fontSize - letter_style("cell_label").fontSize
    table = Table(
        data,
        colWidths=[LABEL_W, CONTENT_W - LABEL_W],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), FILL),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3.6),
                ("TOPPADDING", (0, 0), (0, -1), 3.6 + drop),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=2,
        spaceAfter=9,
    )
    return KeepTogether([table]) if len(rows) <= 14 else table


def _body(letter: FilledLetter) -> list[Flowable]:
    out: list[Flowable] = []
    for block in letter.blocks:
        if block.kind is BlockKind.PAGE_BREAK:
            out.append(PageBreak())
        elif block.kind is BlockKind.HEADING:
            out.append(Paragraph(_single(block.items[0]), letter_style("heading")))
        elif block.kind is BlockKind.PARAGRAPH:
            out += [Paragraph(p, letter_style("body")) for p in _paragraphs(block.items[0])]
        elif block.kind in (BlockKind.BULLETS, BlockKind.NUMBERS):
            items = []
            for number, item in enumerate(block.items, start=1):
                bullet = "•" if block.kind is BlockKind.BULLETS else f"{number}."
                items.append(Paragraph(_single(item), letter_style("item"), bulletText=bullet))
            out += items
            out.append(Spacer(1, 3.5))
        elif block.kind is BlockKind.TABLE:
            pairs = list(zip(block.items[0::2], block.items[1::2], strict=True))
            out.append(_table(pairs))
    return out


def _story(document: LetterDocument) -> list[Flowable]:
    letter = document.letter
    story: list[Flowable] = [NextPageTemplate("later")]
    if letter.layout is Layout.NOTICE:
        story.append(Paragraph(escape(letter.subject), letter_style("title")))
    else:
        story.append(Paragraph(escape(document.salutation), letter_style("salutation")))
        story.append(Paragraph(escape(letter.subject), letter_style("subject")))
    story += _body(letter)
    if letter.layout is Layout.LETTER:
        sign = [
            Spacer(1, 4),
            Paragraph("Yours sincerely", letter_style("sign")),
            Spacer(1, 15 * mm),
            Paragraph(f"<b>{escape(document.officer_name)}</b>", letter_style("sign")),
            Paragraph(escape(document.officer_title), letter_style("sign")),
            Paragraph(escape(", ".join(document.letterhead.name_lines)), letter_style("sign")),
        ]
        story.append(KeepTogether(sign))
    return story


def render_letter_bytes(document: LetterDocument) -> tuple[bytes, int]:
    """The letter as PDF bytes and its page count, in memory only."""
    register_fonts()
    if not document.recipient:
        raise ValueError("a letter needs the recipient's name and address")
    first = frame(
        MARGIN_X, FIRST_FRAME_BOTTOM, CONTENT_W, FIRST_FRAME_TOP - FIRST_FRAME_BOTTOM, id="first"
    )
    later = frame(MARGIN_X, FRAME_BOTTOM, CONTENT_W, LATER_FRAME_TOP - FRAME_BOTTOM, id="later")
    doc = pdf_document(
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - FIRST_FRAME_TOP,
        bottomMargin=FRAME_BOTTOM,
        title=f"{document.letter.title} — {document.reference}",
        author=document.officer_name,
        subject=document.letterhead.authority,
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="first", frames=[first], onPage=lambda c, _d: _draw_first_page(c, document)
            ),
            PageTemplate(id="later", frames=[later]),
        ]
    )

    def footer(canvas: Any, page: int, total: int) -> None:
        _draw_footer(canvas, document, page, total)

    return build_numbered(doc, _story(document), footer)
