"""The furniture of every page of a record's PDF: the header band (the authority, the
document's title, the case reference and the protective marking; a draft's grey strip and
faint diagonal "DRAFT") and the footer ("Page n of N", the reference, the hash or the draft's
warning, when it was printed, the evidence chain head)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from officer_app.documents.model import RecordHeader
from officer_app.documents.style import (
    CONTENT_W,
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
)

__all__ = [
    "BAND_RULE_Y",
    "DRAFT_BANNER",
    "DRAFT_STRIP_H",
    "FRAME_BOTTOM",
    "draw_footer",
    "draw_header_band",
]

DRAFT_BANNER = "DRAFT — not signed"
DRAFT_FILL = HexColor("#e4e4e4")
WATERMARK = Color(0, 0, 0, alpha=0.07)

BAND_RULE_Y = PAGE_H - 23 * mm
DRAFT_STRIP_H = 6.5 * mm
FOOTER_RULE_Y = 17 * mm
FRAME_BOTTOM = 21 * mm
"""The body's frame ends above the footer."""


def draw_header_band(canvas: Any, header: RecordHeader) -> None:
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
    size = fit(header.title, FONT_BOLD, 12.5, CONTENT_W - ref_w - 8 * mm, smallest=7, step=0.5)
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


def draw_footer(canvas: Any, header: RecordHeader, printed: str, page: int, total: int) -> None:
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
