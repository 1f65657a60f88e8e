"""The record of an interview under caution as a PDF (issue 12, point 5).

``render_interview(document, out) -> pages`` prints a sealed record of interview: the
entry's ``answers`` as :func:`officer_app.services.interview_rows.record_answers` builds
them, with the facts of the case and of the seal in :class:`InterviewDocument`. A written
interview prints as the "Record of interview under caution"; an audio-recorded one as the
"Summary record of audio-recorded interview", with the recording's media and seal numbers
and every event's time into the recording besides its clock time.

What the record shows, and in this order, follows PACE Code C 11.7-11.11 and Code E
(domain.md, "Interview under caution (PACE)"): the case, the person, the offence and its
period, the date and place, the start, every break and the end (24-hour clock, UK time), who
was present and their roles, the rights and the caution (Code C 3.21-3.22, 10.5, 10.8), the
significant statements put (11.4), the questions and answers with their times, the documents
shown, the plan's topics, the closing (the person invited to read the record, disagreements
as addenda, never edits; signed or refused, 11.11), signature blocks with lines for wet
signatures, the electronic seal and any amendments.

Every page carries the exhibit label in a box at its top right (the record is the
interviewing officer's exhibit, e.g. "Exhibit DO/3"), and the footer of every record
("Page n of N", the hash, the evidence chain head; :mod:`.record_pages`). The sections are
laid out in :mod:`.interview_sections`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import PageTemplate

from officer_app.clock import uk_local
from officer_app.documents.model import DEFAULT_LA_NAME, Amendment, RecordHeader
from officer_app.documents.pages import build_numbered, register_fonts, write_pdf
from officer_app.documents.record_pages import BAND_RULE_Y, FRAME_BOTTOM, draw_footer
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
    fit,
    frame,
    pdf_document,
)
from officer_app.domain.evidence import EvidenceMark
from officer_app.wording import clock, long_date, long_datetime

__all__ = [
    "AUDIO_TITLE",
    "WRITTEN_TITLE",
    "InterviewDocument",
    "render_interview",
    "render_interview_bytes",
]

WRITTEN_TITLE = "Record of interview under caution"
AUDIO_TITLE = "Summary record of audio-recorded interview"


@dataclass(frozen=True)
class InterviewDocument:
    """What the record of interview is printed from: the sealed entry's ``answers`` and
    the facts around it. Times are timezone-aware (stored in UTC) and printed in UK local
    time on the 24-hour clock."""

    case_reference: str
    child_name: str
    child_dob: dt.date | None
    school: str
    interviewer: str
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    signed_at: dt.datetime
    signed_by: str
    content_hash: str
    exhibit: str
    answers: Mapping[str, Any]
    la_name: str = DEFAULT_LA_NAME
    amendments: tuple[Amendment, ...] = ()
    evidence: EvidenceMark | None = None  # the case's chain head when printed

    @property
    def audio(self) -> bool:
        return self.answers.get("recording") == "audio"

    @property
    def title(self) -> str:
        return AUDIO_TITLE if self.audio else WRITTEN_TITLE

    @property
    def exhibit_text(self) -> str:
        return f"Exhibit {self.exhibit}" if self.exhibit else "Exhibit (no label)"

    def record_header(self) -> RecordHeader:
        """The same facts as a form record's header, for the shared page footer."""
        return RecordHeader(
            title=self.title,
            case_reference=self.case_reference,
            child_name=self.child_name,
            child_dob=self.child_dob,
            school=self.school,
            officer=self.interviewer,
            occurred_at=self.occurred_at,
            recorded_at=self.recorded_at,
            signed_at=self.signed_at,
            signed_by=self.signed_by,
            content_hash=self.content_hash,
            form_id="interview_record",
            form_version=1,
            la_name=self.la_name,
            amendments=self.amendments,
            evidence=self.evidence,
        )


# -- the page's header band ------------------------------------------------------------------

EXHIBIT_BOX_W = 38 * mm
EXHIBIT_BOX_TOP = PAGE_H - 7.5 * mm


def draw_band(canvas: Any, document: InterviewDocument) -> None:
    """The band at the top of every page: the authority and the protective marking, the
    document's title and the case reference, and the exhibit label boxed at the top right."""
    canvas.saveState()
    right = PAGE_W - MARGIN_X
    box_left = right - EXHIBIT_BOX_W
    text_right = box_left - 4 * mm

    # the exhibit label, boxed, where a court bundle's reader looks for it
    box_h = EXHIBIT_BOX_TOP - (BAND_RULE_Y + 2.2 * mm)
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(1.1)
    canvas.rect(box_left, BAND_RULE_Y + 2.2 * mm, EXHIBIT_BOX_W, box_h, stroke=1, fill=0)
    label = document.exhibit_text
    size = fit(label, FONT_BOLD, 13, EXHIBIT_BOX_W - 4 * mm, smallest=7, step=0.5)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(box_left + EXHIBIT_BOX_W / 2, BAND_RULE_Y + 6.6 * mm, label)
    canvas.setFont(FONT, 6.5)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(
        box_left + EXHIBIT_BOX_W / 2, EXHIBIT_BOX_TOP - 3.6 * mm, "produced by the interviewer"
    )

    top = PAGE_H - 12 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawRightString(text_right, top, PROTECTIVE_MARKING)
    mark_w = pdfmetrics.stringWidth(PROTECTIVE_MARKING, FONT_BOLD, 8)
    room = text_right - MARGIN_X - mark_w - 6 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, fit(document.la_name, FONT, 7.5, room, smallest=5.5, step=0.25))
    canvas.drawString(MARGIN_X, top, document.la_name)

    line2 = PAGE_H - 19.5 * mm
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawRightString(text_right, line2, document.case_reference)
    ref_w = pdfmetrics.stringWidth(document.case_reference, FONT_BOLD, 9.5)
    room = text_right - MARGIN_X - ref_w - 6 * mm
    size = fit(document.title, FONT_BOLD, 12.5, room, smallest=7, step=0.5)
    canvas.setFillColor(NAVY)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawString(MARGIN_X, line2, document.title)

    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.9)
    canvas.line(MARGIN_X, BAND_RULE_Y, box_left - 2 * mm, BAND_RULE_Y)
    canvas.restoreState()


# -- rendering -------------------------------------------------------------------------------


def _check_times(document: InterviewDocument, printed_at: datetime) -> None:
    """Every time is checked before any page is drawn (wording refuses a naive one)."""
    moments = (printed_at, document.occurred_at, document.recorded_at, document.signed_at)
    for moment in (*moments, *(a.signed_at for a in document.amendments)):
        long_datetime(moment)


def _build(document: InterviewDocument, printed_at: datetime) -> tuple[bytes, int]:
    from officer_app.documents.interview_sections import story

    register_fonts()
    _check_times(document, printed_at)
    printed_local = uk_local(printed_at)
    printed = f"{long_date(printed_local.date())} {clock(printed_local)}"
    header = document.record_header()

    frame_top = BAND_RULE_Y - 4 * mm
    body = frame(MARGIN_X, FRAME_BOTTOM, CONTENT_W, frame_top - FRAME_BOTTOM, id="body")
    doc = pdf_document(
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - frame_top,
        bottomMargin=FRAME_BOTTOM,
        title=f"{document.title} — {document.case_reference} — {document.exhibit_text}",
        author=document.interviewer,
        subject=f"{PROTECTIVE_MARKING} · record of interview under caution",
    )
    doc.addPageTemplates(
        [PageTemplate(id="interview", frames=[body], onPage=lambda c, _d: draw_band(c, document))]
    )

    def footer(canvas: Any, page: int, total: int) -> None:
        draw_footer(canvas, header, printed, page, total)

    return build_numbered(doc, story(document), footer)


def render_interview_bytes(
    document: InterviewDocument, *, printed_at: datetime | None = None
) -> tuple[bytes, int]:
    """The record of interview as PDF bytes and its page count, never touching the disk."""
    moment = printed_at if printed_at is not None else datetime.now(UTC)
    return _build(document, moment)


def render_interview(
    document: InterviewDocument, out: Path, *, printed_at: datetime | None = None
) -> int:
    """Print the record of interview to ``out`` (A4 PDF), atomically; its page count."""
    data, pages = render_interview_bytes(document, printed_at=printed_at)
    write_pdf(Path(out), data)
    return pages
