"""The furniture every document an evidence pack generates shares (issue 13, point 2): the
header band (the authority, the document's title, the case and pack references, the
protective marking; a draft's grey strip and faint diagonal word), the footer (the pack
reference, the title, "page n of N" of this document), the paragraph styles, and the build.

The top 9 mm and bottom 9 mm of every page are left empty: the pack's assembler stamps its
own continuous "Page n of N" and the pack reference there, over the page as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, PageTemplate, Paragraph, Table, TableStyle

from officer_app.documents.pack_models import PackHeader
from officer_app.documents.pages import build_numbered, register_fonts
from officer_app.documents.style import (
    FILL,
    FONT,
    FONT_BOLD,
    INK,
    MARGIN_X,
    MUTED,
    NAVY,
    PROTECTIVE_MARKING,
    RULE,
    fit,
    frame,
    markup,
    pdf_document,
)
from officer_app.wording import short_date

__all__ = [
    "STAMP_CLEAR",
    "box_style",
    "content_width",
    "key_values",
    "pack_style",
    "para",
    "render_pack_document",
    "ruled_table",
]

STAMP_CLEAR = 9 * mm
"""The strip at the top and at the foot of every page left for the assembler's stamp."""
_BAND_RULE = 23 * mm  # from the top of the page
_STRIP_H = 6.5 * mm
_FOOTER_RULE = 17 * mm
_FRAME_BOTTOM = 21 * mm
_DRAFT_FILL = HexColor("#e4e4e4")
_WATERMARK = Color(0, 0, 0, alpha=0.07)


def _sheet() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "pack", fontName=FONT, fontSize=9.5, leading=12.8, textColor=INK,
        allowWidows=0, allowOrphans=0,
    )  # fmt: skip
    return {
        "body": base,
        "lead": ParagraphStyle("lead", parent=base, fontSize=10.5, leading=14.5, spaceAfter=6),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=14.5,
            textColor=NAVY, spaceBefore=10, spaceAfter=4, keepWithNext=1,
        ),
        "subheading": ParagraphStyle(
            "subheading", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12.5,
            spaceBefore=6, spaceAfter=2, keepWithNext=1,
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontName=FONT_BOLD, fontSize=8.3, leading=11, textColor=MUTED,
        ),
        "value": ParagraphStyle("value", parent=base, fontSize=9.5, leading=12.5),
        "note": ParagraphStyle("note", parent=base, fontSize=8.3, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.3, leading=10.4),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.3, leading=10.4
        ),
        "head": ParagraphStyle(
            "head", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10, textColor=MUTED,
        ),
        "grid": ParagraphStyle(
            "grid", parent=base, fontSize=8, leading=9.6, alignment=1,
        ),
        "figure": ParagraphStyle(
            "figure", parent=base, fontName=FONT_BOLD, fontSize=15, leading=18, textColor=NAVY,
        ),
        "wording": ParagraphStyle("wording", parent=base, fontSize=10.5, leading=15.5),
    }  # fmt: skip


_STYLES: dict[str, ParagraphStyle] = {}


def pack_style(name: str) -> ParagraphStyle:
    """A paragraph style of the pack's documents ("body", "heading", "cell", …). The fonts
    are registered first: a paragraph made before the build needs them."""
    if not _STYLES:
        register_fonts()
        _STYLES.update(_sheet())
    return _STYLES[name]


def para(text: str, style: str = "body") -> Paragraph:
    """Plain text (escaped) as a paragraph."""
    return Paragraph(markup(text), pack_style(style))


def box_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table's style in the house font: reportlab would name Helvetica for the cells,
    listed in the file and not embedded, even when every cell is a paragraph."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def ruled_table(
    data: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
    padding: float = 3,
) -> Table:
    """A plain table: grey rules between rows, the head row (repeated on every page) on a
    light fill."""
    table = Table(
        [list(row) for row in data], colWidths=list(widths), repeatRows=1 if header else 0
    )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, MUTED),
        ]
    table.setStyle(box_style(commands + list(extra)))
    return table


def key_values(rows: Sequence[tuple[str, str]], width: float, *, label_w: float = 48 * mm) -> Table:
    """Particulars as label and value, one pair a row. Values are plain text."""
    data = [[para(label, "label"), para(value, "value")] for label, value in rows]
    return ruled_table(data, [label_w, width - label_w], header=False, padding=3.2)


def render_pack_document(
    header: PackHeader,
    title: str,
    story: list[Flowable],
    *,
    subject: str,
    draft: str | None = None,
    wide: bool = False,
) -> bytes:
    """Lay out ``story`` under the pack's header band and footer; the PDF's bytes.
    ``draft``: the words of a grey strip under the band (and a faint diagonal "DRAFT")."""
    register_fonts()
    page_w, page_h = landscape(A4) if wide else A4
    content_w = page_w - 2 * MARGIN_X
    band_rule = page_h - _BAND_RULE
    right = f"{header.case_reference} · {header.pack_reference}"

    def band(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        top = page_h - 12 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(MARGIN_X, top, header.la_name)
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 8)
        canvas.drawRightString(page_w - MARGIN_X, top, PROTECTIVE_MARKING)
        line2 = page_h - 19.5 * mm
        canvas.setFont(FONT_BOLD, 9)
        canvas.drawRightString(page_w - MARGIN_X, line2, right)
        right_w = pdfmetrics.stringWidth(right, FONT_BOLD, 9)
        size = fit(title, FONT_BOLD, 12.5, content_w - right_w - 8 * mm, smallest=7, step=0.5)
        canvas.setFillColor(NAVY)
        canvas.setFont(FONT_BOLD, size)
        canvas.drawString(MARGIN_X, line2, title)
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(0.9)
        canvas.line(MARGIN_X, band_rule, page_w - MARGIN_X, band_rule)
        if draft:
            strip_top = band_rule - 1.5 * mm
            canvas.setFillColor(_DRAFT_FILL)
            canvas.rect(MARGIN_X, strip_top - _STRIP_H, content_w, _STRIP_H, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.setFont(FONT_BOLD, 8.5)
            canvas.drawCentredString(page_w / 2, strip_top - _STRIP_H + 2.2 * mm, draft)
            canvas.setFillColor(_WATERMARK)
            canvas.setFont(FONT_BOLD, 130)
            canvas.translate(page_w / 2, page_h / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -45, "DRAFT")
        canvas.restoreState()

    def footer(canvas: Any, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, _FOOTER_RULE, page_w - MARGIN_X, _FOOTER_RULE)
        line = _FOOTER_RULE - 4.2 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(
            MARGIN_X, line, f"{header.pack_reference} · prepared {short_date(header.prepared_on)}"
        )
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.drawCentredString(page_w / 2, line, PROTECTIVE_MARKING)
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(page_w - MARGIN_X, line, f"This document: page {page} of {total}")
        canvas.restoreState()

    top = band_rule - (5 * mm + (_STRIP_H + 2 * mm if draft else 0))
    body = frame(MARGIN_X, _FRAME_BOTTOM, content_w, top - _FRAME_BOTTOM)
    doc = pdf_document(
        pagesize=(page_w, page_h),
        title=f"{title} — {header.pack_reference}",
        author=header.la_name,
        subject=subject,
    )
    doc.addPageTemplates([PageTemplate(id="pack", frames=[body], onPage=band)])
    data, _pages = build_numbered(doc, story, footer)
    return data


def content_width(*, wide: bool = False) -> float:
    """The width of the body's frame."""
    page_w = landscape(A4)[0] if wide else A4[0]
    return float(page_w - 2 * MARGIN_X)
