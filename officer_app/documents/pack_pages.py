"""The pages an evidence pack's assembly draws itself (issue 13, point 2), in the house style
(:mod:`.style`): the index (every section with its pages in the pack's one numbering), the
manifest (every section's SHA-256, what exactly is hashed, the manifest's own SHA-256) and
the stamps laid over every page of the pack (the pack
reference and "Page n of N" at the head of the page, an exhibit's label beside them).

The stamps sit in the strip above the header band of the house's own documents (whose first
line is 12 mm from the top edge, a record of interview's exhibit box 7.5 mm at the right), so
that they cover nothing a document prints; each is drawn on a white ground, so that it stays
legible over a scanned exhibit.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageTemplate, Paragraph, Spacer, Table, TableStyle

from officer_app.clock import uk_local
from officer_app.documents.model import DEFAULT_LA_NAME
from officer_app.documents.pack_model import HASHED, PackHeader
from officer_app.documents.pages import build_numbered, register_fonts
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
    record_style,
)
from officer_app.wording import clock, long_date

__all__ = [
    "KIND_LABELS",
    "STAMP_BASELINE",
    "IndexRow",
    "Stamp",
    "kind_label",
    "render_cover",
    "render_index",
    "render_manifest",
    "render_stamps",
]

STAMP_BASELINE = 6.3 * mm
"""How far below the top edge the stamp's line sits."""
_BAND_RULE = PAGE_H - 23 * mm
_FOOTER_RULE = 15 * mm
_FRAME_BOTTOM = 19 * mm


@dataclass(frozen=True)
class IndexRow:
    """One line of the index or the manifest."""

    number: int
    title: str
    kind: str
    exhibit: str | None
    first_page: int
    last_page: int
    sha256: str = ""


@dataclass(frozen=True)
class Stamp:
    """What is stamped on one page of the pack, drawn for its displayed size."""

    page: int
    total: int
    reference: str
    exhibit: str | None
    width: float
    height: float


def _pages_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


KIND_LABELS = {
    "cover": "Cover sheet",
    "index": "Index",
    "summary": "Case summary",
    "information": "Draft information",
    "statement": "Witness statement",
    "certificate": "Certificate (s566)",
    "register": "Register extract",
    "letter": "Letter, the copy sent",
    "record": "Signed record",
    "interview": "Record of interview",
    "notices": "Penalty-notice history",
    "exhibit": "Exhibit",
    "unused": "Unused-material schedule",
    "manifest": "Manifest",
}
"""How the manifest names each kind of section (another kind is shown as it is given)."""

_HASH_STYLE = ParagraphStyle("pack_hash", parent=record_style("hash"), fontSize=7, leading=9.5)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def _cell(text: str, style: str = "summary_value") -> Paragraph:
    return Paragraph(markup(text), _HASH_STYLE if style == "pack_hash" else record_style(style))


# -- the furniture of the index's and the manifest's pages -----------------------------------


def _draw_page(canvas: Any, header: PackHeader, title: str, printed: str) -> None:
    canvas.saveState()
    top = PAGE_H - 12 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 7.5)
    canvas.drawString(MARGIN_X, top, header.la_name or DEFAULT_LA_NAME)
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawRightString(PAGE_W - MARGIN_X, top, PROTECTIVE_MARKING)
    line2 = PAGE_H - 19.5 * mm
    canvas.setFont(FONT_BOLD, 9.5)
    canvas.drawRightString(PAGE_W - MARGIN_X, line2, header.reference)
    ref_w = pdfmetrics.stringWidth(header.reference, FONT_BOLD, 9.5)
    size = fit(title, FONT_BOLD, 12.5, CONTENT_W - ref_w - 8 * mm, smallest=7, step=0.5)
    canvas.setFillColor(NAVY)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawString(MARGIN_X, line2, title)
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.9)
    canvas.line(MARGIN_X, _BAND_RULE, PAGE_W - MARGIN_X, _BAND_RULE)

    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, _FOOTER_RULE, PAGE_W - MARGIN_X, _FOOTER_RULE)
    line = _FOOTER_RULE - 4.2 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN_X, line, f"Case {header.case_reference}")
    canvas.setFont(FONT_BOLD, 8)
    canvas.drawCentredString(PAGE_W / 2, line, PROTECTIVE_MARKING)
    canvas.setFillColor(MUTED)
    canvas.setFont(FONT, 7)
    canvas.drawRightString(PAGE_W - MARGIN_X, line, f"built {printed}")
    canvas.restoreState()


def _build(header: PackHeader, title: str, story: list[Any]) -> tuple[bytes, int]:
    register_fonts()
    built = uk_local(header.built_at)
    printed = f"{long_date(built.date())} {clock(built)}"
    frame_top = _BAND_RULE - 5 * mm
    body = frame(MARGIN_X, _FRAME_BOTTOM, CONTENT_W, frame_top - _FRAME_BOTTOM, id="body")
    doc = pdf_document(
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - frame_top,
        bottomMargin=_FRAME_BOTTOM,
        title=f"{title} — {header.reference}",
        author=header.built_by,
        subject=f"{PROTECTIVE_MARKING} · {header.title} {header.reference}",
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="pack",
                frames=[body],
                onPage=lambda c, _d: _draw_page(c, header, title, printed),
            )
        ]
    )
    return build_numbered(doc, story, lambda _c, _p, _t: None)


def _table(rows: list[list[Any]], widths: Sequence[float]) -> Table:
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return Table(rows, colWidths=list(widths), style=style, repeatRows=1, hAlign="LEFT")


def _particulars(header: PackHeader) -> list[Any]:
    if not header.particulars:
        return []
    rows = [[_cell(label, "summary_label"), _cell(value)] for label, value in header.particulars]
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, -1), FILL),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ]
    )
    table = Table(rows, colWidths=[42 * mm, CONTENT_W - 42 * mm], style=style, hAlign="LEFT")
    return [table, Spacer(1, 6 * mm)]


# -- the index -------------------------------------------------------------------------------


def render_index(header: PackHeader, rows: Iterable[IndexRow]) -> tuple[bytes, int]:
    """The index: each section's number, title, exhibit label and pages in the pack."""
    register_fonts()
    head = [
        _cell("No.", "summary_label"),
        _cell("Document", "summary_label"),
        _cell("Exhibit", "summary_label"),
        _cell("Pages", "summary_label"),
    ]
    table_rows: list[list[Any]] = [head]
    for row in rows:
        table_rows.append(
            [
                _cell(str(row.number)),
                _cell(row.title),
                _cell(row.exhibit or ""),
                _cell(_pages_text(row.first_page, row.last_page)),
            ]
        )
    intro = Paragraph(
        escape(
            "The pages of this pack are numbered once, from its first page to its last, at the "
            "head of every page with the pack's reference; each exhibit carries its label on "
            "every page of it. The manifest at the end gives each document's SHA-256."
        ),
        record_style("note"),
    )
    story = [
        *_particulars(header),
        intro,
        Spacer(1, 4 * mm),
        _table(table_rows, (11 * mm, CONTENT_W - 55 * mm, 22 * mm, 22 * mm)),
    ]
    return _build(header, f"{header.title}: index", story)


# -- a plain cover -------------------------------------------------------------------------


def render_cover(header: PackHeader, lines: Sequence[str] = ()) -> bytes:
    """A plain cover sheet: the authority, the pack's title and reference, its particulars
    and ``lines`` under them (what the pack is for). The pack's own cover (issue 13,
    documents/pack_documents.py) takes its place when it is wired in."""
    register_fonts()
    story: list[Any] = [
        Spacer(1, 30 * mm),
        Paragraph(escape(header.title), record_style("heading")),
        Spacer(1, 3 * mm),
        Paragraph(escape(header.reference), record_style("subheading")),
        Spacer(1, 10 * mm),
        *_particulars(header),
    ]
    story += [Paragraph(markup(line), record_style("answer")) for line in lines]
    return _build(header, header.title, story)[0]


def render_exhibit_sheet(header: PackHeader, label: str, description: str, producer: str) -> bytes:
    """The label sheet of an exhibit a statement produces that the pack holds no copy of (a
    document shown at an interview, a thing described only): its label, what it is and who
    produced it, so every exhibit a statement names is in the pack under its label."""
    register_fonts()
    story: list[Any] = [
        Spacer(1, 20 * mm),
        Paragraph(escape(f"Exhibit {label}"), record_style("heading")),
        Spacer(1, 6 * mm),
        Paragraph(markup(description), record_style("answer")),
        Spacer(1, 4 * mm),
        Paragraph(markup(f"Produced by {producer}." if producer else ""), record_style("answer")),
        Spacer(1, 4 * mm),
        Paragraph(
            markup(
                "The pack holds no copy of this exhibit: it is produced by its label, and the "
                "original is kept by the producer."
            ),
            record_style("answer"),
        ),
    ]
    return _build(header, f"Exhibit {label}", story)[0]


# -- the manifest ----------------------------------------------------------------------------


def render_manifest(
    header: PackHeader, rows: Iterable[IndexRow], *, pages: int, digest: str
) -> tuple[bytes, int]:
    """The manifest: each section's SHA-256 (what exactly is hashed said first), the pack's
    reference and page count, and the SHA-256 of the manifest itself."""
    register_fonts()
    hash_style = "pack_hash"
    head = [
        _cell("No.", "summary_label"),
        _cell("Document", "summary_label"),
        _cell("SHA-256", "summary_label"),
    ]
    table_rows: list[list[Any]] = [head]
    for row in rows:
        what = row.title
        if row.exhibit:
            what += f" (exhibit {row.exhibit})"
        pages_word = "page" if row.first_page == row.last_page else "pages"
        where = f"{pages_word} {_pages_text(row.first_page, row.last_page)}"
        what += f"\n{kind_label(row.kind)}, {where}"
        table_rows.append([_cell(str(row.number)), _cell(what), _cell(row.sha256, hash_style)])
    sums = [
        ("Pack", header.reference),
        ("Case", header.case_reference),
        ("Pages", f"{pages}, this manifest included"),
        ("SHA-256 of this manifest", digest),
    ]
    closing = [[_cell(label, "summary_label"), _cell(value, hash_style)] for label, value in sums]
    closing_table = Table(
        closing,
        colWidths=[45 * mm, CONTENT_W - 45 * mm],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        ),
        hAlign="LEFT",
    )
    story = [
        Paragraph(escape(HASHED), record_style("note")),
        Spacer(1, 4 * mm),
        _table(table_rows, (11 * mm, CONTENT_W - 11 * mm - 104 * mm, 104 * mm)),
        Spacer(1, 6 * mm),
        closing_table,
    ]
    return _build(header, f"{header.title}: manifest", story)


# -- the stamps ------------------------------------------------------------------------------


def _boxed(canvas: Any, x: float, y: float, text: str, font: str, size: float, *, anchor: str,
           border: bool) -> None:  # fmt: skip
    """``text`` on a white ground (a box round it when ``border``), anchored at its left,
    centre or right (``anchor``) on baseline ``y``."""
    width = pdfmetrics.stringWidth(text, font, size)
    left = {"left": x, "centre": x - width / 2, "right": x - width}[anchor]
    pad = 1.6 * mm
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(0.8)
    canvas.rect(left - pad, y - 1.2 * mm, width + 2 * pad, size + 1.5 * mm,
                stroke=1 if border else 0, fill=1)  # fmt: skip
    canvas.setFillColor(NAVY if border else INK)
    canvas.setFont(font, size)
    canvas.drawString(left, y, text)


def render_stamps(stamps: Sequence[Stamp]) -> bytes:
    """One page per page of the pack, each its displayed size, with nothing on it but the
    stamp, on one line near the top edge: "Page n of N" and the pack reference at the left,
    an exhibit's label boxed at the centre. The right of that strip is left alone: the record
    of interview boxes its own exhibit label there, from 7.5 mm below the top edge."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1, initialFontName=FONT)
    canvas.setTitle("stamps")
    for stamp in stamps:
        canvas.setPageSize((stamp.width, stamp.height))
        margin = min(MARGIN_X, stamp.width * 0.08)
        y = stamp.height - STAMP_BASELINE
        page = f"Page {stamp.page} of {stamp.total}"
        _boxed(canvas, margin, y, page, FONT_BOLD, 8, anchor="left", border=False)
        after = margin + pdfmetrics.stringWidth(page, FONT_BOLD, 8) + 3 * mm
        reference = f"Evidence pack {stamp.reference}"
        _boxed(canvas, after, y, reference, FONT, 7.5, anchor="left", border=False)
        if stamp.exhibit:
            label = f"Exhibit {stamp.exhibit}"
            half = pdfmetrics.stringWidth(label, FONT_BOLD, 8.5) / 2
            clear = after + pdfmetrics.stringWidth(reference, FONT, 7.5) + 6 * mm + half
            centre = max(stamp.width / 2, clear)  # never over the reference
            _boxed(canvas, centre, y, label, FONT_BOLD, 8.5, anchor="centre", border=True)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
