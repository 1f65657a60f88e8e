"""The attendance documents of an evidence pack (issue 13, point 2):

- the certificate of attendance for the head teacher to sign: s566(1)(c) Education Act 1996
  receives in evidence "a document purporting to be a certificate giving particulars of the
  attendance of a child or young person at a school, and to be signed by the head teacher of
  the school", and s566(2) makes it evidence of the matters stated in it;
- the register extract for the offence period: weeks by sessions, each code as recorded,
  the week's figures at the end of its row, and a legend of every code that appears.

The figures are services/attendance's (domain/attendance.summarise over the period).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from officer_app.documents.pack_furniture import (
    box_style,
    content_width,
    key_values,
    pack_style,
    para,
    render_pack_document,
    ruled_table,
)
from officer_app.documents.pack_models import (
    AttendanceFigures,
    CertificateModel,
    CodeLegendLine,
    RegisterExtractModel,
)
from officer_app.documents.style import FILL, INK, MUTED, NAVY, RULE, markup
from officer_app.wording import SHORT_DAYS, long_date, short_date

__all__ = [
    "CERTIFICATE_TITLE",
    "EXTRACT_TITLE",
    "figures_table",
    "legend_table",
    "render_certificate",
    "render_register_extract",
]

CERTIFICATE_TITLE = "Certificate of attendance"
EXTRACT_TITLE = "Register extract"
CERTIFICATE_BASIS = (
    "Section 566(1)(c) and (2) Education Act 1996: a certificate giving particulars of the "
    "attendance of a child at a school, signed by the head teacher, is received in evidence "
    "and is evidence of the matters stated in it."
)
# Light tints that print well in grey as well as in colour; the code itself always says it.
TINTS: dict[str, Color] = {
    "present": HexColor("#ffffff"),
    "approved_activity": HexColor("#e6f0e6"),
    "authorised": HexColor("#dde7f3"),
    "unauthorised": HexColor("#f4d3d3"),
    "not_counted": HexColor("#e9e9e9"),
    "no_mark": HexColor("#fbe9b7"),
}
_BOLD_CATEGORIES = ("unauthorised", "no_mark")
NO_MARK_WEEK = "no mark held for any session of this week"


def _pct(value: Any) -> str:
    return "—" if value is None else f"{value}%"


def figures_table(figures: AttendanceFigures, width: float) -> KeepTogether:
    """The period's figures as five boxes, with what they leave out underneath."""
    boxes = [
        ("Sessions possible", str(figures.possible)),
        ("Sessions attended", str(figures.attended)),
        ("Authorised absence", str(figures.authorised)),
        ("Unauthorised absence", str(figures.unauthorised)),
        ("Attendance", _pct(figures.attendance_pct)),
    ]
    cells = [[Paragraph(markup(v), pack_style("figure")) for _l, v in boxes]]
    cells.append([para(label, "label") for label, _v in boxes])
    table = Table(cells, colWidths=[width / 5] * 5)
    table.setStyle(
        box_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), FILL),
                ("LINEBEFORE", (1, 0), (-1, -1), 2, HexColor("#ffffff")),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    bands = []
    if figures.severe_absence:
        bands.append("severe absence (50% or more)")
    elif figures.persistent_absence:
        bands.append("persistent absence (10% or more)")
    note = (
        f"{short_date(figures.first)} to {short_date(figures.last)}. Attended: present "
        f"{figures.present}, approved educational activity {figures.approved_activity}. "
        f"Absence {_pct(figures.absence_pct)} of possible sessions"
        + (f": {bands[0]}" if bands else "")
        + f". Sessions not counted (not possible sessions): {figures.not_counted}."
    )
    if figures.no_mark:
        note += f" Sessions with no mark entered (gaps, in no figure): {figures.no_mark}."
    return KeepTogether([table, Spacer(1, 1.5 * mm), para(note, "note")])


def legend_table(legend: Sequence[CodeLegendLine], width: float) -> Table:
    """Every code that appears: the code (tinted as in the grid), its set, meaning, what it
    counts as and how many sessions carry it."""
    head = ["Code", "Code set", "Meaning", "Counts as", "Sessions"]
    rows: list[list[Any]] = [[para(h, "head") for h in head]]
    extra: list[tuple[Any, ...]] = []
    for n, line in enumerate(legend, start=1):
        style = "cell_bold" if line.category in _BOLD_CATEGORIES else "cell"
        rows.append(
            [
                para(line.code, style),
                para(line.code_set, "cell"),
                para(line.meaning, "cell"),
                para(line.category_label, "cell"),
                para(str(line.count), "cell"),
            ]
        )
        extra.append(("BACKGROUND", (0, n), (0, n), TINTS.get(line.category, FILL)))
    widths = [13 * mm, 16 * mm, width - 98 * mm, 52 * mm, 17 * mm]
    return ruled_table(rows, widths, extra=extra, padding=2)


# --- the certificate ------------------------------------------------------------------------
def render_certificate(model: CertificateModel) -> bytes:
    width = content_width()
    figures = model.figures
    born = f", born {short_date(model.child_dob)}" if model.child_dob else ""
    school = model.school + (f" (URN {model.school_urn})" if model.school_urn else "")
    story: list[Any] = [
        para(CERTIFICATE_BASIS, "note"),
        para("The pupil", "heading"),
        key_values(
            [
                ("Pupil", model.child_name + born),
                ("Unique pupil number", model.upn or "—"),
                ("School", school),
                ("Period", f"{long_date(figures.first)} to {long_date(figures.last)}"),
            ],
            width,
        ),
        para("Attendance in the period", "heading"),
        figures_table(figures, width),
        Spacer(1, 2 * mm),
        para(
            "A session is a morning or an afternoon. Sessions possible are those the pupil was "
            "expected to attend; sessions not counted (the school closed, the pupil unable to "
            "attend for a reason the regulations set out) are in no figure.",
            "note",
        ),
        para("Codes recorded in the period", "heading"),
    ]
    if model.legend:
        story.append(legend_table(model.legend, width))
    else:
        story.append(para("No mark is held for the period.", "body"))
    story.append(_signature_block(model, width))
    return render_pack_document(
        model.header, CERTIFICATE_TITLE, story, subject=f"{CERTIFICATE_TITLE} (s566)"
    )


def _signature_block(model: CertificateModel, width: float) -> KeepTogether:
    words = (
        f"I certify that the particulars above are a true statement of the attendance of "
        f"{model.child_name} at {model.school} from {long_date(model.figures.first)} to "
        f"{long_date(model.figures.last)}, as recorded in the attendance register kept by the "
        "school under the pupil registration regulations in force at the time."
    )
    line = "_" * 46
    rows = [
        [para("Signed (head teacher)", "label"), para(line, "value")],
        [para("Name in capitals", "label"), para(line, "value")],
        [para("Date", "label"), para(line, "value")],
    ]
    table = Table(rows, colWidths=[44 * mm, width - 44 * mm], rowHeights=[12 * mm] * 3)
    table.setStyle(
        box_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether(
        [
            para("Certificate", "heading"),
            para(words, "lead"),
            Spacer(1, 2 * mm),
            table,
            Spacer(1, 4 * mm),
            para(
                "Signed by the head teacher of the school (s566(1)(c)); the school's stamp may "
                "be added beside the signature.",
                "note",
            ),
        ]
    )


# --- the register extract -------------------------------------------------------------------
def render_register_extract(model: RegisterExtractModel) -> bytes:
    width = content_width()
    figures = model.figures
    born = f", born {short_date(model.child_dob)}" if model.child_dob else ""
    story: list[Any] = [
        key_values(
            [
                ("Pupil", f"{model.child_name}{born} · UPN {model.upn or '—'}"),
                ("School", model.school),
                ("Period", f"{long_date(figures.first)} to {long_date(figures.last)}"),
            ],
            width,
            label_w=24 * mm,
        ),
        Spacer(1, 3 * mm),
        figures_table(figures, width),
        Spacer(1, 3 * mm),
        para(
            "Each cell is one session (AM: morning, PM: afternoon) with the code exactly as the "
            "school recorded it. An empty cell: no mark held, or a day outside the period "
            "(shaded). At the end of each row, the week's sessions possible, attended, and "
            "absent with and without authority.",
            "note",
        ),
        Spacer(1, 2 * mm),
    ]
    if model.weeks:
        story.append(_grid(model, width))
    else:
        story.append(para("No mark is held for the period.", "body"))
    story += [para("Legend: every code in the extract", "heading")]
    story.append(legend_table(model.legend, width) if model.legend else para("—", "note"))
    return render_pack_document(model.header, EXTRACT_TITLE, story, subject=EXTRACT_TITLE)


def _grid(model: RegisterExtractModel, width: float) -> Table:
    columns = model.columns
    label_w, figure_ws = 22 * mm, [10 * mm, 10 * mm, 10.5 * mm, 15 * mm]
    cell_w = (width - label_w - sum(figure_ws)) / len(columns)
    days = [SHORT_DAYS[day] for day, session in columns]
    head = pack_style("head").clone("head_centre", alignment=1)
    top: list[Any] = [para("Week commencing", "head")]
    second: list[Any] = [""]
    for n, (_day, session) in enumerate(columns):
        top.append(Paragraph(days[n], head) if session == "AM" else "")
        second.append(para(session, "grid"))
    top += [Paragraph(h, head) for h in ("Poss.", "Att.", "Auth.", "Unauth.")]
    second += ["", "", "", ""]
    rows: list[list[Any]] = [top, second]
    extra: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (0, 1)),
        ("BACKGROUND", (0, 0), (-1, 1), FILL),
        ("LINEBELOW", (0, 1), (-1, 1), 0.7, MUTED),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBEFORE", (len(columns) + 1, 0), (len(columns) + 1, -1), 0.7, MUTED),
    ]
    for n, (_day, session) in enumerate(columns):
        if session == "AM":
            extra.append(("SPAN", (n + 1, 0), (n + 2, 0)))
            extra.append(("LINEBEFORE", (n + 1, 0), (n + 1, -1), 0.6, RULE))
    for f in range(4):
        column = len(columns) + 1 + f
        extra.append(("SPAN", (column, 0), (column, 1)))
    for r, week in enumerate(model.weeks, start=2):
        row: list[Any] = [para(short_date(week.monday), "cell")]
        if all(cell is None for cell in week.cells):
            row.append(
                Paragraph(f"<i>{NO_MARK_WEEK}</i>", pack_style("note").clone("nm", alignment=1))
            )
            row += [""] * (len(columns) - 1) + ["0", "0", "0", "0"]
            row[-4:] = [para(v, "grid") for v in row[-4:]]
            extra.append(("SPAN", (1, r), (len(columns), r)))
            extra.append(("BACKGROUND", (1, r), (len(columns), r), FILL))
            rows.append(row)
            continue
        for c, cell in enumerate(week.cells, start=1):
            day = week.monday.toordinal() + columns[c - 1][0]
            if cell is None:
                row.append("")
                if not model.figures.first.toordinal() <= day <= model.figures.last.toordinal():
                    extra.append(("BACKGROUND", (c, r), (c, r), FILL))
                continue
            code, category = cell
            bold = category in _BOLD_CATEGORIES
            row.append(
                Paragraph(f"<b>{markup(code)}</b>" if bold else markup(code), pack_style("grid"))
            )
            extra.append(("BACKGROUND", (c, r), (c, r), TINTS.get(category, FILL)))
        row += [
            para(str(week.possible), "grid"),
            para(str(week.attended), "grid"),
            para(str(week.authorised), "grid"),
            Paragraph(
                f"<b>{week.unauthorised}</b>" if week.unauthorised else "0", pack_style("grid")
            ),
        ]
        rows.append(row)
    table = Table(
        rows,
        colWidths=[label_w, *([cell_w] * len(columns)), *figure_ws],
        repeatRows=2,
    )
    table.setStyle(
        box_style(
            [
                ("LINEBELOW", (0, 2), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                *extra,
            ]
        )
    )
    return table
