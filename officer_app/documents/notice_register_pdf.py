"""The LA's record of penalty notices (reg 20) as a landscape A4 PDF.

One row per notice issued: who it went to and for which child, the offence period and the
sessions, first or second notice and the amounts, how it was served and when received, the
copy kept (its SHA-256), payments, withdrawal and why, prosecution. One table whose column
heads repeat on every page (an officer's record holds tens or hundreds of notices, which one
table lays out in well under a second).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as Style

from officer_app.documents.pages import (
    FONT,
    FONT_BOLD,
    EvidenceMark,
    NumberedCanvas,
    register_fonts,
)
from officer_app.documents.record_pdf import (
    FILL,
    INK,
    MUTED,
    NAVY,
    PROTECTIVE_MARKING,
    RULE,
    _local,
    _markup,
)
from officer_app.services.notice_register import RegisterRow

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 12 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
TITLE = "Record of penalty notices"
LEGAL_BASIS = (
    "Kept under regulation 20 of the Education (Penalty Notices) (England) Regulations 2007 "
    "(SI 2007/1867): a copy of each notice, payments and their dates, withdrawals and why, "
    "prosecutions. Each copy is named by the SHA-256 of the exact document served."
)
COLUMNS: tuple[tuple[str, float], ...] = (  # (head, width in mm: 273 mm in all)
    ("Notice", 30),
    ("Parent", 34),
    ("Child", 32),
    ("Offence period", 29),
    ("Notice and amount", 29),
    ("Served", 23),
    ("Copy kept", 27),
    ("Payment", 24),
    ("Withdrawn", 24),
    ("Prosecuted", 21),
)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=FONT, fontSize=7.4, leading=9.2, textColor=INK)
    return {
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, textColor=MUTED),
        "intro": ParagraphStyle("intro", parent=base, fontSize=8.2, leading=10.8),
        "empty": ParagraphStyle("empty", parent=base, fontSize=10, leading=14),
    }


def _d(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _cells(row: RegisterRow) -> list[str]:
    amounts = (
        f"£{row.amount_21} within 21 days, £{row.amount_28} within 28"
        if row.amount_21 is not None
        else f"£{row.amount_28} within 28 days"
    )
    payment = f"£{row.amount_paid} on {_d(row.paid_on)}" if row.paid_on else ""
    return [
        f"<b>{_markup(row.number)}</b><br/>issued {_d(row.issued_on)}<br/>"
        f"{_markup(row.case_reference)}",
        f"{_markup(row.parent_name)}<br/><font color='#595959'>"
        f"{_markup(row.parent_address)}</font>",
        f"{_markup(row.child_name)}<br/>born {_d(row.child_date_of_birth)}<br/>"
        f"{_markup(row.school)}",
        f"{_d(row.offence_from)} to<br/>{_d(row.offence_to)}<br/>"
        + (
            ""
            if row.issued_by_others
            else f"<b>{row.unauthorised_sessions}</b> unauthorised sessions<br/>"
        )
        + f"<font color='#595959'>{_markup(row.grounds)}</font>",
        f"<b>Issued by {_markup(row.issued_by_others)}</b>"
        if row.issued_by_others
        else f"{'First' if row.ordinal == 1 else 'Second'} notice<br/>{amounts}<br/>"
        f"authorised by {_markup(row.authorised_by)}",
        "issued by someone else"
        if row.issued_by_others
        else f"by {_markup(row.served_by)} on {_d(row.issued_on)}<br/>"
        f"received {_d(row.received_on)}",
        f"sent {_d(row.copy_sent_on)}<br/>SHA-256<br/>"
        f"<font size='6.6'>{row.copy_sha256[:16]}…</font>"
        if row.copy_sha256
        else "<b>no copy held</b>",
        f"<b>{_markup(row.status)}</b><br/>{payment}",
        f"{_d(row.withdrawn_on)}<br/>{_markup(row.withdrawn_reason)}" if row.withdrawn_on else "",
        f"information laid {_d(row.prosecution_on)}<br/>{_markup(row.prosecution_note)}"
        if row.prosecuted
        else "",
    ]


def _table(rows: Sequence[RegisterRow], styles: dict[str, ParagraphStyle]) -> Table:
    scale = CONTENT_W / (sum(width for _name, width in COLUMNS) * mm)
    widths = [width * mm * scale for _name, width in COLUMNS]
    data: list[list[Any]] = [[Paragraph(name, styles["head"]) for name, _w in COLUMNS]]
    data += [[Paragraph(text, styles["cell"]) for text in _cells(row)] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        Style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def render_register_bytes(
    rows: Sequence[RegisterRow],
    *,
    la_name: str,
    printed_at: datetime,
    first: date | None = None,
    last: date | None = None,
    evidence: EvidenceMark | None = None,
) -> tuple[bytes, int]:
    """The record as PDF bytes and its page count (nothing is written to disk)."""
    register_fonts()
    styles = _styles()
    local = _local(printed_at)
    printed = f"{local:%d/%m/%Y %H:%M}"
    if first or last:
        span = f"notices issued {_d(first) or 'from the first'} to {_d(last) or 'today'}"
    else:
        span = "every notice issued"

    def band(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_H - 9 * mm
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, top, la_name)
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(INK)
        canvas.drawRightString(PAGE_W - MARGIN, top, PROTECTIVE_MARKING)
        canvas.setFont(FONT_BOLD, 12.5)
        canvas.setFillColor(NAVY)
        canvas.drawString(MARGIN, top - 6.5 * mm, TITLE)
        canvas.setFont(FONT, 8.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(PAGE_W - MARGIN, top - 6.5 * mm, f"{span} · {len(rows)} in all")
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(0.9)
        canvas.line(MARGIN, top - 9 * mm, PAGE_W - MARGIN, top - 9 * mm)
        canvas.restoreState()

    def footer(canvas: Any, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 11 * mm, PAGE_W - MARGIN, 11 * mm)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 7 * mm, f"{TITLE} · printed {printed}")
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.setFillColor(INK)
        canvas.drawCentredString(PAGE_W / 2, 7 * mm, PROTECTIVE_MARKING)
        canvas.drawRightString(PAGE_W - MARGIN, 7 * mm, f"Page {page} of {total}")
        canvas.restoreState()

    frame_top = PAGE_H - 21 * mm
    frame = Frame(
        MARGIN, 14 * mm, CONTENT_W, frame_top - 14 * mm,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_W, PAGE_H),
        title=f"{TITLE} — {la_name}",
        author=la_name,
        subject=PROTECTIVE_MARKING,
        creator="officer-app",
        invariant=1,
        initialFontName=FONT,
    )
    doc.addPageTemplates([PageTemplate(id="register", frames=[frame], onPage=band)])
    story: list[Any] = [Paragraph(LEGAL_BASIS, styles["intro"])]
    if evidence is not None:
        story.append(Paragraph(f"<font color='#595959'>{evidence.line()}</font>", styles["intro"]))
    story.append(Spacer(1, 3 * mm))
    if not rows:
        story.append(Paragraph(f"No penalty notices: {span}.", styles["empty"]))
    else:
        story.append(_table(rows, styles))
    canvases: list[NumberedCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(*args, footer=footer, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue(), canvases[-1].page_count
