"""The PDF of any signed chronology entry that has no document of its own: a note, a phone
call, a meeting, a stage change, a penalty-notice step, a closure… (``officer-app records
pdf``; a form record prints through :mod:`.record_pdf`, an interview through its record of
interview, a letter as the copy that was sent).

It is laid out like :mod:`.record_pdf`, which a court officer will have seen: the header
band (the authority, the title, the case reference, the protective marking), a summary
(child, school, type, when it happened, was recorded and was signed, by whom), the text
of the entry, the evidence it carries (its SHA-256, the previous link's, its position in the
case's chain), the signature, and every amendment after it, printed separately and never
merged. An amendment printed on its own also prints the original it amends, in full, so that
the correction is never read without what it corrects. "Page n of N" and the chain head it was
printed from are in every footer (:mod:`.record_pages`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
from officer_app.documents.model import DEFAULT_LA_NAME, RecordHeader
from officer_app.documents.pages import build_numbered, register_fonts, write_pdf
from officer_app.documents.record_body import INDENT, UNANSWERED, Block, Rule, answer_tables, para
from officer_app.documents.record_pages import (
    BAND_RULE_Y,
    FRAME_BOTTOM,
    draw_footer,
    draw_header_band,
)
from officer_app.documents.style import (
    CONTENT_W,
    FILL,
    FONT,
    MARGIN_X,
    NAVY,
    PAGE_H,
    PROTECTIVE_MARKING,
    RULE,
    frame,
    pdf_document,
    record_style,
)
from officer_app.domain.evidence import EvidenceMark
from officer_app.wording import clock, long_date, long_datetime

__all__ = ["EntryDocument", "EntryFacts", "render_entry", "render_entry_bytes"]


@dataclass(frozen=True)
class EntryFacts:
    """One signed chronology entry as it is printed. Times are timezone-aware (stored in
    UTC) and printed in UK local time on the 24-hour clock."""

    entry_id: str
    type_label: str
    title: str
    author: str
    occurred_at: dt.datetime
    recorded_at: dt.datetime
    signed_at: dt.datetime
    signed_by: str
    content_hash: str
    prev_hash: str
    chain_seq: int | None
    body: str
    amend_reason: str = ""  # set on an amendment: why the original was corrected


@dataclass(frozen=True)
class EntryDocument:
    """Everything the PDF of one entry says, gathered by the records service."""

    case_reference: str
    child_name: str
    child_dob: dt.date | None
    school: str
    entry: EntryFacts
    original: EntryFacts | None = None  # the entry this one amends, printed in full
    amendments: tuple[EntryFacts, ...] = field(default_factory=tuple)
    la_name: str = DEFAULT_LA_NAME
    evidence: EvidenceMark | None = None  # the case's chain head when printed

    def page_header(self) -> RecordHeader:
        """The page furniture's data (header band and footer), shared with form records."""
        e = self.entry
        return RecordHeader(
            title=e.title or e.type_label,
            case_reference=self.case_reference,
            child_name=self.child_name,
            child_dob=self.child_dob,
            school=self.school,
            officer=e.author,
            occurred_at=e.occurred_at,
            recorded_at=e.recorded_at,
            signed_at=e.signed_at,
            signed_by=e.signed_by,
            content_hash=e.content_hash,
            form_id="",
            form_version=0,
            la_name=self.la_name,
            evidence=self.evidence,
        )


# -- the story -------------------------------------------------------------------------------


def _summary(doc: EntryDocument) -> Table:
    """The block at the top of the first page: who, when, what kind of entry, signed by whom."""
    e = doc.entry

    def label(text: str) -> Paragraph:
        return para(text, "summary_label")

    def value(text: str) -> Paragraph:
        return para(text or UNANSWERED, "summary_value")

    dob = long_date(doc.child_dob) if doc.child_dob else "Not recorded"
    kind = f"{e.type_label} (an amendment)" if e.amend_reason else e.type_label
    data: list[list[Any]] = [
        [label("Child"), value(doc.child_name), label("Date of birth"), value(dob)],
        [label("School"), value(doc.school), label("Officer"), value(e.author)],
        [
            label("Date and time"),
            value(long_datetime(e.occurred_at, weekday=True)),
            label("Recorded"),
            value(long_datetime(e.recorded_at)),
        ],
        [label("Type"), value(kind), "", ""],
        [label("Status"), value(f"Signed by {e.signed_by}, {long_datetime(e.signed_at)}"), "", ""],
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


def _heading(number: int, text: str) -> list[Flowable]:
    heading = Paragraph(f"{number}.&nbsp;&nbsp;{escape(text)}", record_style("heading"))
    return [CondPageBreak(40 * mm), heading, Rule(NAVY, 0.6, 2, 2)]


def _hash_line(label: str, digest: str) -> Paragraph:
    """A SHA-256 on a line of its own, full width: 64 digits do not fit an answer column."""
    return Paragraph(f"{escape(label)} {escape(digest or UNANSWERED)}", record_style("hash"))


def _chain_position(e: EntryFacts, evidence: EvidenceMark | None) -> str:
    if e.chain_seq is None:
        return UNANSWERED
    where = f"Link {e.chain_seq} of the case's evidence chain"
    if evidence is not None:
        where += f" (the chain stood at link {evidence.link} when this copy was printed)"
    return where


def _record(number: int, doc: EntryDocument) -> list[Flowable]:
    """The entry itself: its title, why it corrects another (an amendment), its text."""
    e = doc.entry
    rows: list[tuple[str, str | None]] = [("Title", e.title)]
    if e.amend_reason:
        rows.append(("Reason for the amendment", e.amend_reason))
    rows.append(("Text" if not e.amend_reason else "Correction", e.body))
    return [*_heading(number, "Amendment" if e.amend_reason else "Record"), *_rows(rows)]


def _rows(rows: list[tuple[str, str | None]]) -> list[Flowable]:
    return answer_tables(Block(0, None, list(rows)))


def _evidence(number: int, doc: EntryDocument) -> list[Flowable]:
    e = doc.entry
    rows: list[tuple[str, str | None]] = [
        ("Record id", e.entry_id),
        ("Position", _chain_position(e, doc.evidence)),
    ]
    return [
        *_heading(number, "Evidence"),
        *_rows(rows),
        Spacer(1, 5),
        _hash_line("SHA-256 of this record:", e.content_hash),
        Spacer(1, 2),
        _hash_line("SHA-256 of the link before it:", e.prev_hash),
        Spacer(1, 3),
        para(
            "Each signed record's fingerprint covers its content and the fingerprint of the "
            "record before it in the case, so no record can be changed, removed or put back "
            "in another order without every later fingerprint changing "
            "(officer-app verify recomputes them).",
            "note",
        ),
    ]


def _original(number: int, doc: EntryDocument) -> list[Flowable]:
    """The record an amendment corrects, in full, as it was signed."""
    o = doc.original
    if o is None:
        return []
    rows: list[tuple[str, str | None]] = [
        ("Type", o.type_label),
        ("Title", o.title),
        ("Date and time", long_datetime(o.occurred_at, weekday=True)),
        ("Signed", f"by {o.signed_by}, {long_datetime(o.signed_at)}"),
        ("Record id", o.entry_id),
        ("Position", _chain_position(o, None)),
    ]
    if o.amend_reason:  # the original is itself an amendment
        rows.append(("Reason for the amendment", o.amend_reason))
    rows.append(("Text", o.body))
    return [
        *_heading(number, "The record this amends, as it was signed"),
        para(
            "The amendment above corrects this record. The record is printed here in full, "
            "unchanged: a signed record is never altered.",
            "note",
        ),
        Spacer(1, 3),
        *_rows(rows),
        Spacer(1, 4),
        _hash_line("SHA-256:", o.content_hash),
    ]


def _signature(e: EntryFacts) -> list[Flowable]:
    body: list[Flowable] = [
        Paragraph("Signature", record_style("heading")),
        Rule(NAVY, 0.6, 2, 5),
        Paragraph(
            f"Signed by <b>{escape(e.signed_by)}</b>, "
            f"on {long_datetime(e.signed_at, weekday=True)}.",
            record_style("sign"),
        ),
        Spacer(1, 3),
        _hash_line("Electronically signed; SHA-256", e.content_hash),
        Spacer(1, 2),
        para(
            "The SHA-256 fingerprint identifies the signed record exactly: any change to it "
            "would give a different fingerprint.",
            "note",
        ),
    ]
    return [KeepTogether(body)]


def _amendments(doc: EntryDocument) -> list[Flowable]:
    if not doc.amendments:
        return []
    out: list[Flowable] = [
        CondPageBreak(45 * mm),
        Paragraph("Amendments", record_style("heading")),
        Rule(NAVY, 0.6, 2, 3),
        para(
            "The record above is printed as it was signed. Each amendment below was signed "
            "separately; none of them changes the original.",
            "note",
        ),
        Spacer(1, 4),
    ]
    for index, a in enumerate(doc.amendments, start=1):
        title = f"Amendment {index} — signed by {a.signed_by}, {long_datetime(a.signed_at)}"
        rows = [("Reason", a.amend_reason), ("Correction", a.body), ("Record id", a.entry_id)]
        out += [
            CondPageBreak(25 * mm),
            Spacer(1, 4),
            Indenter(left=INDENT),
            *answer_tables(Block(1, title, list(rows), short_title=f"Amendment {index}")),
            Spacer(1, 2),
            _hash_line("SHA-256:", a.content_hash),
            Indenter(left=-INDENT),
        ]
    return out


def _story(doc: EntryDocument) -> list[Flowable]:
    story: list[Flowable] = [_summary(doc)]
    story += _record(1, doc)
    story += _evidence(2, doc)
    story += _original(3, doc)
    story += _signature(doc.entry)
    story += _amendments(doc)
    return story


# -- rendering -------------------------------------------------------------------------------


def _build(doc: EntryDocument, printed_at: datetime) -> tuple[bytes, int]:
    register_fonts()
    # Every time is checked first (wording refuses one without a timezone), so that a bad one
    # fails before any page is drawn.
    facts = [doc.entry, *doc.amendments, *([doc.original] if doc.original else [])]
    for moment in [printed_at, *(m for f in facts for m in (f.occurred_at, f.signed_at))]:
        long_datetime(moment)
    printed_local = uk_local(printed_at)
    printed = f"{long_date(printed_local.date())} {clock(printed_local)}"
    header = doc.page_header()

    frame_top = BAND_RULE_Y - 4 * mm
    body = frame(MARGIN_X, FRAME_BOTTOM, CONTENT_W, frame_top - FRAME_BOTTOM, id="body")
    pdf = pdf_document(
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - frame_top,
        bottomMargin=FRAME_BOTTOM,
        title=f"{header.title} — {doc.case_reference}",
        author=doc.entry.author,
        subject=f"{PROTECTIVE_MARKING} · {doc.entry.type_label}",
    )
    pdf.addPageTemplates(
        [PageTemplate(id="entry", frames=[body], onPage=lambda c, _d: draw_header_band(c, header))]
    )

    def footer(canvas: Any, page: int, total: int) -> None:
        draw_footer(canvas, header, printed, page, total)

    return build_numbered(pdf, _story(doc), footer)


def render_entry(doc: EntryDocument, out: Path, *, printed_at: datetime | None = None) -> int:
    """Print the entry to ``out`` (A4 PDF, written atomically) and return its page count."""
    data, pages = render_entry_bytes(doc, printed_at=printed_at)
    write_pdf(Path(out), data)
    return pages


def render_entry_bytes(
    doc: EntryDocument, *, printed_at: datetime | None = None
) -> tuple[bytes, int]:
    """The entry as PDF bytes and its page count, never touching the disk. ``printed_at``
    (timezone-aware; now by default) is stamped in the footer; the same inputs give the same
    bytes."""
    return _build(doc, printed_at if printed_at is not None else datetime.now(UTC))
