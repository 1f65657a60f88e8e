"""The LA's record of penalty notices (reg 20) as a landscape A4 PDF.

One row per notice issued: who it went to and for which child, the offence period and the
sessions, first or second notice and the amounts, how it was served and when received, the
copy kept (its SHA-256), payments, withdrawal and why, prosecution. One table whose column
heads repeat on every page (an officer's record holds tens or hundreds of notices, which one
table lays out in well under a second).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as Style

from officer_app.documents.model import RegisterRow
from officer_app.documents.pages import EvidenceMark, build_numbered, register_fonts
from officer_app.documents.style import (
    FILL,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    MUTED_HEX,
    NAVY,
    PROTECTIVE_MARKING,
    RULE,
    frame,
    markup,
    pdf_document,
    register_style,
)
from officer_app.wording import short_date, short_datetime

__all__ = ["COLUMNS", "TITLE", "RegisterRow", "render_register_bytes"]


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


def _cells(row: RegisterRow) -> list[str]:
    amounts = (
        f"£{row.amount_21} within 21 days, £{row.amount_28} within 28"
        if row.amount_21 is not None
        else f"£{row.amount_28} within 28 days"
    )
    payment = f"£{row.amount_paid} on {short_date(row.paid_on)}" if row.paid_on else ""
    return [
        f"<b>{markup(row.number)}</b><br/>issued {short_date(row.issued_on)}<br/>"
        f"{markup(row.case_reference)}",
        f"{markup(row.parent_name)}<br/><font color='{MUTED_HEX}'>"
        f"{markup(row.parent_address)}</font>",
        f"{markup(row.child_name)}<br/>born {short_date(row.child_date_of_birth)}<br/>"
        f"{markup(row.school)}",
        f"{short_date(row.offence_from)} to<br/>{short_date(row.offence_to)}<br/>"
        + (
            ""
            if row.issued_by_others
            else f"<b>{row.unauthorised_sessions}</b> unauthorised sessions<br/>"
        )
        + f"<font color='{MUTED_HEX}'>{markup(row.grounds)}</font>",
        f"<b>Issued by {markup(row.issued_by_others)}</b>"
        if row.issued_by_others
        else f"{'First' if row.ordinal == 1 else 'Second'} notice<br/>{amounts}<br/>"
        f"authorised by {markup(row.authorised_by)}",
        "issued by someone else"
        if row.issued_by_others
        else f"by {markup(row.served_by)} on {short_date(row.issued_on)}<br/>"
        f"received {short_date(row.received_on)}",
        f"sent {short_date(row.copy_sent_on)}<br/>SHA-256<br/>"
        f"<font size='6.6'>{row.copy_sha256[:16]}…</font>"
        if row.copy_sha256
        else "<b>no copy held</b>",
        f"<b>{markup(row.status)}</b><br/>{payment}",
        f"{short_date(row.withdrawn_on)}<br/>{markup(row.withdrawn_reason)}"
        if row.withdrawn_on
        else "",
        f"information laid {short_date(row.prosecution_on)}<br/>{markup(row.prosecution_note)}"
        if row.prosecuted
        else "",
    ]


def _table(rows: Sequence[RegisterRow]) -> Table:
    scale = CONTENT_W / (sum(width for _name, width in COLUMNS) * mm)
    widths = [width * mm * scale for _name, width in COLUMNS]
    data: list[list[Any]] = [[Paragraph(name, register_style("head")) for name, _w in COLUMNS]]
    data += [[Paragraph(text, register_style("cell")) for text in _cells(row)] for row in rows]
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
    printed_at: dt.datetime,
    first: dt.date | None = None,
    last: dt.date | None = None,
    evidence: EvidenceMark | None = None,
) -> tuple[bytes, int]:
    """The record as PDF bytes and its page count (nothing is written to disk)."""
    register_fonts()
    printed = short_datetime(printed_at)
    if first or last:
        since, until = short_date(first) or "from the first", short_date(last) or "today"
        span = f"notices issued {since} to {until}"
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
    body = frame(MARGIN, 14 * mm, CONTENT_W, frame_top - 14 * mm)
    doc = pdf_document(
        pagesize=(PAGE_W, PAGE_H),
        title=f"{TITLE} — {la_name}",
        author=la_name,
        subject=PROTECTIVE_MARKING,
    )
    doc.addPageTemplates([PageTemplate(id="register", frames=[body], onPage=band)])
    story: list[Any] = [Paragraph(LEGAL_BASIS, register_style("intro"))]
    if evidence is not None:
        line = f"<font color='{MUTED_HEX}'>{evidence.line()}</font>"
        story.append(Paragraph(line, register_style("intro")))
    story.append(Spacer(1, 3 * mm))
    if not rows:
        story.append(Paragraph(f"No penalty notices: {span}.", register_style("empty")))
    else:
        story.append(_table(rows))
    return build_numbered(doc, story, footer)
