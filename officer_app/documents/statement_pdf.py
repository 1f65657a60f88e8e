"""A witness statement as a PDF (s9 Criminal Justice Act 1967; Criminal Procedure Rules
r16.2; domain.md, "Witness statements"; issue 13 point 1).

``render_statement_bytes(document) -> (bytes, pages)`` prints a :class:`StatementDocument`:

- the first page opens with the s9 header: the title and the authority
  (:data:`~officer_app.domain.statement.TITLE`, :data:`~officer_app.domain.statement.AUTHORITY`),
  "Statement of: …", "Age if under 18: …" ("over 18" or the age) and "Occupation: …";
- then the declaration, whose page count is the real page count of the final document: the
  statement is laid out with a guess, counted, and laid out again until the count it states
  is the count it has (:func:`~officer_app.domain.statement.settle_page_count`);
- then the numbered paragraphs, and the exhibits the statement refers to;
- **every** page carries "Page n of N" and "Signed:" with a line for the witness's
  signature; the **last** page also "Dated:", with the date signed, or a blank line for the
  date while the statement is a draft. A draft is marked DRAFT on every page.

The fonts are DejaVu Sans, embedded (:mod:`.pages`); the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.documents.model import DEFAULT_LA_NAME
from officer_app.documents.pages import build_numbered, register_fonts, write_pdf
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
    PROTECTIVE_MARKING,
    RULE,
    fit,
    frame,
    markup,
    pdf_document,
)
from officer_app.domain.statement import AUTHORITY, TITLE, declaration, settle_page_count
from officer_app.wording import long_date

__all__ = [
    "DRAFT_MARK",
    "StatementDocument",
    "StatementExhibit",
    "render_statement",
    "render_statement_bytes",
]

DRAFT_MARK = "DRAFT — not signed"

# -- the page ---------------------------------------------------------------------------------

BAND_RULE_Y = PAGE_H - 23 * mm
FRAME_TOP = BAND_RULE_Y - 8 * mm
FOOTER_RULE_Y = 29 * mm
FRAME_BOTTOM = FOOTER_RULE_Y + 5 * mm
SIGN_Y = FOOTER_RULE_Y - 9 * mm
LINE_Y = 11.5 * mm
SIGN_LINE_W = 68 * mm
DRAFT_FILL = HexColor("#e4e4e4")
WATERMARK = Color(0, 0, 0, alpha=0.07)
KEEP_EXHIBITS_TOGETHER = 25  # a longer list may break across pages (its header repeated)


@dataclass(frozen=True)
class StatementExhibit:
    label: str  # "DO/3"
    description: str


@dataclass(frozen=True)
class StatementDocument:
    """What a witness statement is printed from: plain data, no database."""

    witness_name: str
    occupation: str
    age_text: str  # "over 18", or the age
    case_reference: str
    paragraphs: tuple[str, ...]
    exhibits: tuple[StatementExhibit, ...] = ()
    signed_on: dt.date | None = None  # None: a draft, marked DRAFT, the date left blank
    la_name: str = DEFAULT_LA_NAME
    version: int | None = None  # the saved version printed (a draft's footer says which)

    @property
    def is_draft(self) -> bool:
        return self.signed_on is None


# -- styles -----------------------------------------------------------------------------------

_BASE = ParagraphStyle(
    "statement", fontName=FONT, fontSize=10.5, leading=15.2, textColor=INK,
    allowWidows=0, allowOrphans=0,
)  # fmt: skip
STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle(
        "st_title", parent=_BASE, fontName=FONT_BOLD, fontSize=15, leading=19,
        textColor=NAVY, alignment=TA_CENTER, spaceAfter=1,
    ),
    "authority": ParagraphStyle(
        "st_authority", parent=_BASE, fontSize=8.8, leading=11.5, textColor=MUTED,
        alignment=TA_CENTER, spaceAfter=9,
    ),
    "label": ParagraphStyle(
        "st_label", parent=_BASE, fontName=FONT_BOLD, fontSize=9.5, leading=13,
    ),
    "value": ParagraphStyle("st_value", parent=_BASE, fontSize=10.5, leading=13.5),
    "declaration": ParagraphStyle(
        "st_declaration", parent=_BASE, fontSize=9.6, leading=13.4, alignment=TA_JUSTIFY,
    ),
    "paragraph": ParagraphStyle(
        "st_paragraph", parent=_BASE, leftIndent=10 * mm, bulletIndent=0, spaceAfter=7.5,
        bulletFontName=FONT, bulletFontSize=10.5,
    ),
    "heading": ParagraphStyle(
        "st_heading", parent=_BASE, fontName=FONT_BOLD, fontSize=10.5, leading=14,
        textColor=NAVY, spaceBefore=6, spaceAfter=4,
    ),
    "cell": ParagraphStyle("st_cell", parent=_BASE, fontSize=9.3, leading=12.2),
    "cell_label": ParagraphStyle(
        "st_cell_label", parent=_BASE, fontName=FONT_BOLD, fontSize=9.3, leading=12.2,
    ),
    "end": ParagraphStyle(
        "st_end", parent=_BASE, fontSize=8.8, leading=12, textColor=MUTED,
        alignment=TA_CENTER, spaceBefore=8,
    ),
}  # fmt: skip


# -- the story --------------------------------------------------------------------------------


def _header(document: StatementDocument, pages: int) -> list[Flowable]:
    """The s9 header and the declaration with its page count."""
    rows = [
        ("Statement of:", document.witness_name),
        ("Age if under 18:", document.age_text or "over 18"),
        ("Occupation:", document.occupation),
    ]
    particulars = Table(
        [[Paragraph(label, STYLES["label"]), Paragraph(markup(value), STYLES["value"])]
         for label, value in rows],
        colWidths=[38 * mm, CONTENT_W - 38 * mm],
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]),
        hAlign="LEFT",
    )  # fmt: skip
    box = Table(
        [[Paragraph(markup(declaration(pages)), STYLES["declaration"])]],
        colWidths=[CONTENT_W],
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BOX", (0, 0), (-1, -1), 0.8, INK),
            ("BACKGROUND", (0, 0), (-1, -1), FILL),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]),
    )  # fmt: skip
    return [
        Paragraph(markup(TITLE), STYLES["title"]),
        Paragraph(markup(AUTHORITY), STYLES["authority"]),
        particulars,
        Spacer(0, 8),
        box,
        Spacer(0, 12),
    ]


def _exhibits(exhibits: Sequence[StatementExhibit]) -> list[Flowable]:
    """The exhibits referred to, under a header row repeated if the table breaks; kept on one
    page with its heading when it fits on one."""
    if not exhibits:
        return []
    rows = [
        [Paragraph("Exhibit", STYLES["cell_label"]), Paragraph("Description", STYLES["cell_label"])]
    ]
    rows += [
        [
            Paragraph(markup(e.label), STYLES["cell_label"]),
            Paragraph(markup(e.description), STYLES["cell"]),
        ]
        for e in exhibits
    ]
    table = Table(
        rows,
        colWidths=[24 * mm, CONTENT_W - 24 * mm],
        repeatRows=1,
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), FILL),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, NAVY),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]),
        hAlign="LEFT",
    )  # fmt: skip
    heading = Paragraph("Exhibits referred to in this statement", STYLES["heading"])
    if len(exhibits) <= KEEP_EXHIBITS_TOGETHER:
        return [KeepTogether([heading, table])]
    return [CondPageBreak(30 * mm), heading, table]


def story(document: StatementDocument, pages: int) -> list[Flowable]:
    """Everything the statement says, with ``pages`` in its declaration."""
    flow = _header(document, pages)
    for number, text in enumerate(document.paragraphs, start=1):
        flow.append(Paragraph(markup(text), STYLES["paragraph"], bulletText=f"{number}."))
    flow.extend(_exhibits(document.exhibits))
    end = Paragraph("End of statement", STYLES["end"])
    flow.append(KeepTogether([end]))
    return flow


# -- the page's furniture ---------------------------------------------------------------------


def _band(canvas: Any, document: StatementDocument) -> None:
    """The top of every page: the authority and the marking, the title and the reference;
    a draft's grey strip and faint diagonal DRAFT."""
    canvas.saveState()
    top = PAGE_H - 12 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawRightString(PAGE_W - MARGIN_X, top, PROTECTIVE_MARKING)
    mark_w = pdfmetrics.stringWidth(PROTECTIVE_MARKING, FONT_BOLD, 8)
    canvas.setFillColor(MUTED)
    room = CONTENT_W - mark_w - 6 * mm
    canvas.setFont(FONT, fit(document.la_name, FONT, 7.5, room, smallest=5.5, step=0.25))
    canvas.drawString(MARGIN_X, top, document.la_name)

    line2 = PAGE_H - 19.5 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawRightString(PAGE_W - MARGIN_X, line2, document.case_reference)
    ref_w = pdfmetrics.stringWidth(document.case_reference, FONT_BOLD, 9.5)
    title = f"Witness statement of {document.witness_name}"
    if canvas.getPageNumber() > 1:
        title += " (continued)"
    size = fit(title, FONT_BOLD, 11.5, CONTENT_W - ref_w - 8 * mm, smallest=7, step=0.5)
    canvas.setFillColor(NAVY)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawString(MARGIN_X, line2, title)
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.9)
    canvas.line(MARGIN_X, BAND_RULE_Y, PAGE_W - MARGIN_X, BAND_RULE_Y)

    if document.is_draft:
        strip_h = 4.6 * mm
        strip_top = BAND_RULE_Y - 0.6 * mm
        canvas.setFillColor(DRAFT_FILL)
        canvas.rect(MARGIN_X, strip_top - strip_h, CONTENT_W, strip_h, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.drawCentredString(
            PAGE_W / 2,
            strip_top - strip_h + 1.5 * mm,
            f"{DRAFT_MARK} · not to be served or relied on",
        )
        canvas.setFillColor(WATERMARK)
        canvas.setFont(FONT_BOLD, 130)
        canvas.translate(PAGE_W / 2, PAGE_H / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -45, "DRAFT")
    canvas.restoreState()


def _labelled_line(canvas: Any, x: float, y: float, label: str, width: float) -> None:
    """``label`` and a ruled line after it to write on."""
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.setFillColor(INK)
    canvas.drawString(x, y, label)
    start = x + pdfmetrics.stringWidth(label, FONT_BOLD, 9.5) + 2 * mm
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.line(start, y - 1.2, start + width, y - 1.2)


def _footer(canvas: Any, document: StatementDocument, page: int, total: int) -> None:
    """Every page: the witness's signature line and "Page n of N"; the last page: the date."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, FOOTER_RULE_Y, PAGE_W - MARGIN_X, FOOTER_RULE_Y)

    _labelled_line(canvas, MARGIN_X, SIGN_Y, "Signed:", SIGN_LINE_W)
    canvas.setFont(FONT, 7)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X + 16 * mm, SIGN_Y - 4.2 * mm, f"({document.witness_name})")
    if page == total:
        dated_x = PAGE_W - MARGIN_X - 62 * mm
        if document.signed_on is None:
            _labelled_line(canvas, dated_x, SIGN_Y, "Dated:", 46 * mm)
        else:
            canvas.setFont(FONT_BOLD, 9.5)
            canvas.setFillColor(INK)
            canvas.drawString(dated_x, SIGN_Y, "Dated:")
            canvas.setFont(FONT, 9.5)
            label_w = pdfmetrics.stringWidth("Dated:", FONT_BOLD, 9.5)
            canvas.drawString(dated_x + label_w + 2 * mm, SIGN_Y, long_date(document.signed_on))

    canvas.setFillColor(INK)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN_X, LINE_Y, document.case_reference)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawCentredString(PAGE_W / 2, LINE_Y, PROTECTIVE_MARKING)
    canvas.drawRightString(PAGE_W - MARGIN_X, LINE_Y, f"Page {page} of {total}")
    if document.is_draft:
        canvas.setFont(FONT, 6.8)
        canvas.setFillColor(MUTED)
        version = f", version {document.version}" if document.version else ""
        canvas.drawString(MARGIN_X, LINE_Y - 3.6 * mm, f"{DRAFT_MARK}{version}")
    canvas.restoreState()


# -- rendering --------------------------------------------------------------------------------


def _layout(document: StatementDocument, pages: int) -> tuple[bytes, int]:
    body = frame(MARGIN_X, FRAME_BOTTOM, CONTENT_W, FRAME_TOP - FRAME_BOTTOM, id="body")
    doc = pdf_document(
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - FRAME_TOP,
        bottomMargin=FRAME_BOTTOM,
        title=f"Witness statement of {document.witness_name} — {document.case_reference}",
        author=document.witness_name,
        subject=f"{PROTECTIVE_MARKING} · s9 witness statement"
        + (" · DRAFT" if document.is_draft else ""),
    )
    doc.addPageTemplates(
        [PageTemplate(id="statement", frames=[body], onPage=lambda c, _d: _band(c, document))]
    )

    def footer(canvas: Any, page: int, total: int) -> None:
        _footer(canvas, document, page, total)

    return build_numbered(doc, story(document, pages), footer)


def render_statement_bytes(document: StatementDocument) -> tuple[bytes, int]:
    """The statement as PDF bytes and its page count, which is the count its declaration
    states (laid out until it holds); never touches the disk."""
    register_fonts()
    built: dict[int, bytes] = {}

    def layout(stated: int) -> int:
        data, pages = _layout(document, stated)
        built[stated] = data
        return pages

    pages = settle_page_count(layout)
    return built[pages], pages


def render_statement(document: StatementDocument, out: Path) -> int:
    """Print the statement to ``out`` (A4 PDF), atomically; its page count."""
    data, pages = render_statement_bytes(document)
    write_pdf(Path(out), data)
    return pages
