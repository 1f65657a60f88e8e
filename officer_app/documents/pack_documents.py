"""The documents an evidence pack generates, each as PDF bytes in the house style (issue 13,
point 2): this module holds the cover sheet, the case summary and the draft information;
the attendance documents are in :mod:`.pack_attendance` (the s566 certificate, the register
extract) and the schedules in :mod:`.pack_schedules` (the penalty-notice history, the
unused material). Every renderer is ``render_…(model) -> bytes`` and is re-exported here.

The models are :mod:`.pack_models`, gathered by :mod:`officer_app.services.pack_facts`.
No document prints an address (see :mod:`.pack_models`).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table

from officer_app.documents.pack_attendance import (
    figures_table,
    render_certificate,
    render_register_extract,
)
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
    CaseSummaryModel,
    CoverModel,
    Defendant,
    InformationModel,
    InterviewSummary,
)
from officer_app.documents.pack_schedules import render_notice_history, render_unused_schedule
from officer_app.documents.style import FILL, FONT_BOLD, INK, NAVY, PROTECTIVE_MARKING, RULE, markup
from officer_app.domain.interview import Offence
from officer_app.wording import long_date, short_date

__all__ = [
    "COVER_TITLE",
    "INFORMATION_TITLE",
    "SUMMARY_TITLE",
    "render_certificate",
    "render_cover",
    "render_information",
    "render_notice_history",
    "render_register_extract",
    "render_summary",
    "render_unused_schedule",
    "time_limit_words",
]

COVER_TITLE = "Evidence pack"
SUMMARY_TITLE = "Case summary"
INFORMATION_TITLE = "Draft information"
SECTIONS = {
    Offence.S444_1: "section 444(1) of the Education Act 1996",
    Offence.S444_1A: "section 444(1A) of the Education Act 1996",
}
# domain.md, "Offences, defences and time limits": the app warns 6 weeks, 2 weeks and 1 week
# before the last day to lay the information.
WARNINGS = ((7, "1 week"), (14, "2 weeks"), (42, "6 weeks"))
TIME_LIMIT_RULE = (
    "s127 Magistrates' Courts Act 1980: the information must be laid within 6 months of the "
    "offence; counted from the first day of the offence period, the earlier reading"
)


def _defendants(people: tuple[Defendant, ...]) -> str:
    return "\n".join(f"{p.name} ({p.relationship})" for p in people) or "none chosen"


def time_limit_words(last_day: Any, days_left: int) -> str:
    """The last day with the days left, and the warning domain.md asks for."""
    when = long_date(last_day, weekday=True)
    if days_left < 0:
        return f"{when}: OUT OF TIME ({-days_left} days ago)"
    left = "today is the last day" if days_left == 0 else f"{days_left} days left"
    for limit, words in WARNINGS:
        if days_left <= limit:
            return f"{when}: {left}, within {words} of the time limit"
    return f"{when}: {left}"


# --- the cover sheet ------------------------------------------------------------------------
def render_cover(model: CoverModel) -> bytes:
    width = content_width()
    period_days = (model.period_to - model.period_from).days + 1
    big = pack_style("figure")
    story: list[Any] = [
        Spacer(1, 10 * mm),
        Paragraph(f"<font size='28'>{COVER_TITLE}</font>", big.clone("cover", leading=34)),
        Spacer(1, 3 * mm),
        para(f"Prosecution under {SECTIONS[model.offence]}", "lead"),
        Spacer(1, 6 * mm),
        key_values(
            [
                ("Case reference", model.header.case_reference),
                ("Pack reference", model.header.pack_reference),
                ("Offence", model.offence.label),
                ("Defendant(s)", _defendants(model.defendants)),
                (
                    "Child",
                    model.child_name
                    + (f", born {short_date(model.child_dob)}" if model.child_dob else ""),
                ),
                ("School", model.school),
                (
                    "Offence period",
                    f"{long_date(model.period_from)} to {long_date(model.period_to)} "
                    f"({period_days} days)",
                ),
                ("Prepared by", f"{model.prepared_by}, {model.prepared_by_role}"),
                ("Date", long_date(model.header.prepared_on)),
            ],
            width,
        ),
        Spacer(1, 8 * mm),
        _time_limit_box(model, width),
        Spacer(1, 14 * mm),
        _marking_box(width),
    ]
    return render_pack_document(
        model.header, COVER_TITLE, story, subject=f"{COVER_TITLE} · {PROTECTIVE_MARKING}"
    )


def _time_limit_box(model: CoverModel, width: float) -> Table:
    words = time_limit_words(model.last_day_to_lay, model.days_left)
    colour = "#8b1a1a" if model.days_left < 42 else "#1f4e79"
    cells = [
        [para("Last day to lay the information", "label")],
        [Paragraph(f"<font color='{colour}'>{markup(words)}</font>", pack_style("lead"))],
        [para(TIME_LIMIT_RULE + ".", "note")],
    ]
    box = Table(cells, colWidths=[width])
    box.setStyle(
        box_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, NAVY),
                ("BACKGROUND", (0, 0), (-1, -1), FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    return box


def _marking_box(width: float) -> Table:
    text = (
        f"<font name='{FONT_BOLD}' size='13'>{PROTECTIVE_MARKING}</font><br/>"
        "Personal data processed for law enforcement (Part 3 Data Protection Act 2018). "
        "Keep, send and destroy as the authority's policy for prosecution files requires; "
        "do not copy beyond the court and the parties."
    )
    box = Table([[Paragraph(text, pack_style("body"))]], colWidths=[width])
    box.setStyle(
        box_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


# --- the case summary -----------------------------------------------------------------------
def render_summary(model: CaseSummaryModel) -> bytes:
    width = content_width()
    figures = model.attendance
    child = model.child_name + (f", born {short_date(model.child_dob)}" if model.child_dob else "")
    story: list[Any] = [
        para("The child", "heading"),
        key_values(
            [
                ("Child", child),
                ("Year group · UPN", f"Year {model.year_group or '—'} · {model.upn or '—'}"),
                ("School", model.school),
                ("Parents (with parental responsibility)", _defendants(model.parents)),
                ("Defendant(s)", _defendants(model.defendants)),
                ("Offence", model.offence.label),
                (
                    "Case",
                    f"referred {short_date(model.referral_date)}; officer {model.officer}; "
                    f"stage: {model.stage}",
                ),
            ],
            width,
        ),
        para(f"Attendance, {short_date(figures.first)} to {short_date(figures.last)}", "heading"),
        figures_table(figures, width),
        CondPageBreak(45 * mm),
        # not kept with the table: it runs on over the page, its head row repeated
        Paragraph("Interventions, in date order", pack_style("heading").clone("h", keepWithNext=0)),
    ]
    if model.interventions:
        rows: list[list[Any]] = [[para("Date", "head"), para("Kind", "head"), para("What", "head")]]
        rows += [
            [para(short_date(i.day), "cell"), para(i.kind, "cell"), para(i.title, "cell")]
            for i in model.interventions
        ]
        story.append(ruled_table(rows, [22 * mm, 32 * mm, width - 54 * mm], padding=1.6))
    else:
        story.append(para("No intervention is recorded on the case.", "note"))
    if model.routine_left_out:
        story += [Spacer(1, 1.5 * mm), para(model.routine_left_out, "note")]
    story += [CondPageBreak(40 * mm), para("Interview under caution", "heading")]
    if model.interviews:
        story += [_interview(i, width) for i in model.interviews]
    else:
        story.append(para("No interview under caution has been held.", "body"))
    story.append(para("Education Supervision Order (s447 Education Act 1996)", "heading"))
    if model.eso:
        for eso in model.eso:
            story.append(
                para(
                    f"Considered on {short_date(eso.considered_on)} by {eso.considered_by}. "
                    f"Decision: {eso.decision}. Reason: {eso.reason}",
                    "body",
                )
            )
    else:
        story.append(
            para(
                "No decision on an Education Supervision Order is recorded: s447 asks the "
                "authority to consider one before prosecuting.",
                "cell_bold",
            )
        )
    story += [
        Spacer(1, 3 * mm),
        para(
            f"Penalty notices issued on the case: {model.notices} (see the penalty-notice "
            "history in this pack).",
            "note",
        ),
    ]
    if model.notices_covering:
        story.append(
            para(
                f"{model.notices_covering} of them, to a defendant, cover part of the offence "
                "period: payment discharges liability for the absence a notice covers, so no "
                "prosecution of that parent for those days unless the notice is withdrawn.",
                "cell_bold",
            )
        )
    return render_pack_document(model.header, SUMMARY_TITLE, story, subject=SUMMARY_TITLE)


def _interview(item: InterviewSummary, width: float) -> KeepTogether:
    times = f", {item.start} to {item.end}" if item.start else ""
    rows = [
        ("Interviewed", f"{item.interviewee}, {long_date(item.day)}{times}, {item.place}"),
        ("Present", "; ".join(item.present) or "not recorded"),
        ("Legal advice", item.legal_advice or "not recorded"),
        (
            "Caution",
            "given in full before any question about the offence"
            if item.cautioned
            else "not recorded",
        ),
        ("Questions", str(item.questions)),
        ("Record", f"{item.signed}; exhibit {item.exhibit or '—'}"),
    ]
    return KeepTogether([key_values(rows, width, label_w=32 * mm), Spacer(1, 2 * mm)])


# --- the draft information ------------------------------------------------------------------
def render_information(model: InformationModel) -> bytes:
    width = content_width()
    story: list[Any] = []
    for n, draft in enumerate(model.drafts):
        if n:
            story.append(PageBreak())
        story += [
            para(f"Information: {draft.defendant.name}", "heading"),
            key_values(
                [
                    ("Defendant", f"{draft.defendant.name} ({draft.defendant.relationship})"),
                    ("Statement of offence", model.offence.label),
                    ("Area", model.area),
                ],
                width,
                label_w=40 * mm,
            ),
            Spacer(1, 4 * mm),
            para("Particulars of offence", "subheading"),
            _wording_box(draft.wording, width),
            Spacer(1, 5 * mm),
            para(
                "A draft for the authority's lawyer, who settles the wording, the defendant's "
                "particulars and the area before the information is laid. It must be laid on "
                f"or before {long_date(model.last_day_to_lay, weekday=True)} ({TIME_LIMIT_RULE}).",
                "note",
            ),
        ]
    if not model.drafts:
        story.append(para("No defendant is chosen: no information to draft.", "body"))
    return render_pack_document(
        model.header,
        INFORMATION_TITLE,
        story,
        subject=INFORMATION_TITLE,
        draft="DRAFT — for the authority's lawyer to settle before it is laid",
    )


def _wording_box(text: str, width: float) -> Table:
    box = Table([[para(text, "wording")]], colWidths=[width])
    box.setStyle(
        box_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LINEBEFORE", (0, 0), (0, -1), 2.2, NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return box
