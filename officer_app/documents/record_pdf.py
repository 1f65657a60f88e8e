"""The PDF of a form record: one form definition drives the printed record.

``render_record(header, definition, answers, out)`` prints any record made with a form from
``forms/`` (home visit, initial assessment, plan review, CME referral, EHE notice): the
questions and answers come from :func:`officer_app.forms.record_view`, so hidden questions are
left out and unanswered ones are shown as "—". The document may be read by a family, other
professionals and a magistrate, so it stays plain: black and grey text, one navy accent.

Every page carries a header band (the authority, the document title, the case reference and
the "OFFICIAL-SENSITIVE" protective marking) and a footer ("Page n of N" from a two-pass
canvas, the case reference, the first 16 hex digits of the record's SHA-256 and when it was
printed). A draft says "DRAFT — not signed" on every page and carries no hash. Amendments are
printed after the signed record, which is never altered.

The fonts are DejaVu Sans from ``resources/fonts`` (shipped with the application), embedded as
subsets so that "ł", "ş", "é", "£" and typographic quotes print the same on every machine.
Long records are laid out as many small tables rather than one big one, which keeps a 30-page
record fast.

Here: the summary, the signature, the amendments and the build. The page furniture (header
band, footer) is in :mod:`.record_pages`, the answers' tables in :mod:`.record_body`, the
look in :mod:`.style`, the header's data in :mod:`.model`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from officer_app.clock import uk_local
from officer_app.documents.model import DEFAULT_LA_NAME, Amendment, RecordHeader
from officer_app.documents.pages import build_numbered, register_fonts, write_pdf
from officer_app.documents.record_body import (
    INDENT,
    UNANSWERED,
    Block,
    Rule,
    answer_tables,
    para,
    section_flowables,
)
from officer_app.documents.record_pages import (
    BAND_RULE_Y,
    DRAFT_BANNER,
    DRAFT_STRIP_H,
    FRAME_BOTTOM,
    draw_footer,
    draw_header_band,
)
from officer_app.documents.style import (
    CONTENT_W,
    FILL,
    FONT,
    INK,
    MARGIN_X,
    NAVY,
    PAGE_H,
    PROTECTIVE_MARKING,
    RULE,
    frame,
    pdf_document,
    record_style,
)
from officer_app.forms import FormDefinition, record_view
from officer_app.forms.display import PersonName
from officer_app.forms.model import Answers
from officer_app.wording import clock, long_date, long_datetime

__all__ = [
    "DEFAULT_LA_NAME",
    "PROTECTIVE_MARKING",
    "Amendment",
    "RecordHeader",
    "render_record",
    "render_record_bytes",
]


def _summary(header: RecordHeader, definition: FormDefinition) -> Table:
    """The block at the top of the first page: who, when, which form, signed or not."""

    def label(text: str) -> Paragraph:
        return para(text, "summary_label")

    def value(text: str) -> Paragraph:
        return para(text or UNANSWERED, "summary_value")

    dob = long_date(header.child_dob) if header.child_dob else "Not recorded"
    status = (
        f"Signed by {header.signed_by}, {long_datetime(header.signed_at)}"
        if header.signed_at is not None
        else DRAFT_BANNER
    )
    form = f"{definition.title} (form {header.form_id}, version {header.form_version})"
    data: list[list[Any]] = [
        [label("Child"), value(header.child_name), label("Date of birth"), value(dob)],
        [label("School"), value(header.school), label("Officer"), value(header.officer)],
        [
            label("Date and time"),
            value(long_datetime(header.occurred_at, weekday=True)),
            label("Recorded"),
            value(long_datetime(header.recorded_at)),
        ],
        [label("Form"), value(form), "", ""],
        [label("Status"), value(status), "", ""],
    ]
    drop = record_style("summary_value").fontSize - record_style("summary_label").fontSize
    pad = 4.5
    style = TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), FILL),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (0, -1), 2 * pad),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (0, -1), 2.5 + drop),
            ("TOPPADDING", (2, 0), (2, -1), 2.5 + drop),
            ("TOPPADDING", (0, 0), (0, 0), 7 + drop),
            ("TOPPADDING", (2, 0), (2, 0), 7 + drop),
            ("SPAN", (1, 3), (-1, 3)),
            ("SPAN", (1, 4), (-1, 4)),
        ]
    )
    widths = [28 * mm, 68 * mm, 24 * mm, CONTENT_W - 120 * mm]
    return Table(data, colWidths=widths, style=style, hAlign="LEFT")


def _signature(header: RecordHeader) -> list[Flowable]:
    heading = Paragraph("Signature", record_style("heading"))
    body: list[Flowable] = [heading, Rule(NAVY, 0.6, 2, 5)]
    if header.signed_at is not None:
        body += [
            Paragraph(
                f"Signed by <b>{escape(header.signed_by)}</b>, "
                f"on {long_datetime(header.signed_at, weekday=True)}.",
                record_style("sign"),
            ),
            Spacer(1, 3),
            Paragraph(
                f"Electronically signed; SHA-256 {escape(header.content_hash)}",
                record_style("hash"),
            ),
            Spacer(1, 2),
            para(
                "The SHA-256 fingerprint identifies the signed record exactly: any change to "
                "it would give a different fingerprint.",
                "note",
            ),
        ]
    else:
        lines = Table(
            [
                [para("Signed", "label"), "", para("Date", "label"), ""],
                [para("Name", "label"), para(header.officer, "answer"), "", ""],
            ],
            colWidths=[18 * mm, 82 * mm, 14 * mm, CONTENT_W - 114 * mm],
            rowHeights=[12 * mm, 9 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
                    ("LINEBELOW", (3, 0), (3, 0), 0.6, INK),
                ]
            ),
            hAlign="LEFT",
        )
        body += [
            para("This record is a draft. It has not been signed and may still change.", "sign"),
            Spacer(1, 2),
            lines,
        ]
    return [KeepTogether(body)]


def _amendments(header: RecordHeader) -> list[Flowable]:
    if not header.amendments:
        return []
    heading = Paragraph("Amendments", record_style("heading"))
    note = para(
        "The record above is printed as it was signed. Each amendment below was signed "
        "separately; none of them changes the original.",
        "note",
    )
    out: list[Flowable] = [
        CondPageBreak(45 * mm),  # the heading, the note and the first amendment together
        heading,
        Rule(NAVY, 0.6, 2, 3),
        note,
        Spacer(1, 4),
    ]
    for index, amendment in enumerate(header.amendments, start=1):
        title = (
            f"Amendment {index} — signed by {amendment.signed_by}, "
            f"{long_datetime(amendment.signed_at, weekday=True)}"
        )
        rows = [("Reason", amendment.reason), ("Correction", amendment.text)]
        out += [
            CondPageBreak(25 * mm),
            Spacer(1, 4),
            Indenter(left=INDENT),
            *answer_tables(Block(1, title, list(rows), short_title=f"Amendment {index}")),
            Indenter(left=-INDENT),
        ]
    return out


def _story(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    person_name: PersonName | None,
) -> list[Flowable]:
    story: list[Flowable] = [_summary(header, definition)]
    views = record_view(definition, answers, person_name=person_name)
    printed = [view for view in views if view.rows]  # a section with nothing to show is left out
    for number, view in enumerate(printed, start=1):
        story += section_flowables(number, view)
    story += _signature(header)
    story += _amendments(header)
    return story


# -- rendering -------------------------------------------------------------------------------


def _build(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    printed_at: datetime,
    person_name: PersonName | None,
) -> tuple[bytes, int]:
    register_fonts()
    # Check every time first (wording refuses one without a timezone), so that a bad one fails
    # before any page is drawn.
    moments = (printed_at, header.occurred_at, header.recorded_at, header.signed_at)
    for moment in (*moments, *(amendment.signed_at for amendment in header.amendments)):
        if moment is not None:
            long_datetime(moment)
    printed_local = uk_local(printed_at)
    printed = f"{long_date(printed_local.date())} {clock(printed_local)}"

    frame_top = BAND_RULE_Y - 4 * mm - (DRAFT_STRIP_H + 1.5 * mm if header.is_draft else 0)
    body = frame(MARGIN_X, FRAME_BOTTOM, CONTENT_W, frame_top - FRAME_BOTTOM, id="body")
    doc = pdf_document(
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - frame_top,
        bottomMargin=FRAME_BOTTOM,
        title=f"{header.title} — {header.case_reference}",
        author=header.officer,
        subject=f"{PROTECTIVE_MARKING} · {header.form_id} version {header.form_version}",
    )
    doc.addPageTemplates(
        [PageTemplate(id="record", frames=[body], onPage=lambda c, _d: draw_header_band(c, header))]
    )

    def footer(canvas: Any, page: int, total: int) -> None:
        draw_footer(canvas, header, printed, page, total)

    return build_numbered(doc, _story(header, definition, answers, person_name), footer)


def render_record(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    out: Path,
    *,
    printed_at: datetime | None = None,
    person_name: PersonName | None = None,
) -> int:
    """Print a record to ``out`` (A4 PDF) and return its page count.

    ``answers`` are the record's answers to ``definition`` (the version the record was made
    with); hidden questions are left out and unanswered ones shown as "—". ``person_name``
    turns the ids in person answers into names. ``printed_at`` (timezone-aware; now by default)
    is stamped in the footer. The file is written atomically: if anything fails, ``out`` is
    left as it was. The same inputs give the same bytes.
    """
    data, pages = render_record_bytes(
        header, definition, answers, printed_at=printed_at, person_name=person_name
    )
    write_pdf(Path(out), data)
    return pages


def render_record_bytes(
    header: RecordHeader,
    definition: FormDefinition,
    answers: Answers,
    *,
    printed_at: datetime | None = None,
    person_name: PersonName | None = None,
) -> tuple[bytes, int]:
    """The record as PDF bytes and its page count, never touching the disk (for printing:
    a record in clear is not left in a temporary file)."""
    moment = printed_at if printed_at is not None else datetime.now(UTC)
    return _build(header, definition, answers, moment, person_name)
