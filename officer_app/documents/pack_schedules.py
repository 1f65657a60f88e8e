"""The schedules of an evidence pack (issue 13, point 2):

- the penalty-notice history: every notice on the case, considered to its end (what reg 20
  of SI 2007/1867 asks the LA to keep: the notice, payments and their dates, withdrawal and
  why, prosecution); a notice issued by someone else (a head teacher, the police, another
  LA) is marked, as it counts towards the limit like the LA's own;
- the schedule of unused material (CPIA 1996 and its Code of Practice; domain.md "Evidence
  and disclosure": everything gathered is retained and listed, what is not in the pack on
  this schedule), one line an item, the reason it is not in the pack left for the officer.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from officer_app.documents.pack_furniture import (
    content_width,
    pack_style,
    para,
    render_pack_document,
    ruled_table,
)
from officer_app.documents.pack_models import NoticeHistoryModel, NoticeLine, UnusedScheduleModel
from officer_app.documents.style import MUTED_HEX, markup
from officer_app.wording import short_date

__all__ = [
    "NOTICES_TITLE",
    "UNUSED_TITLE",
    "render_notice_history",
    "render_unused_schedule",
]

NOTICES_TITLE = "Penalty-notice history"
UNUSED_TITLE = "Schedule of unused material"
OTHERS_TINT = HexColor("#fdf3dc")
WARNING_HEX = "#8b1a1a"
COVERS = "Covers part of the offence period: no prosecution of this parent for those days"
NOTICES_BASIS = (
    "Every penalty notice considered or issued on the case, as the authority keeps them under "
    "regulation 20 of the Education (Penalty Notices) (England) Regulations 2007: the notice, "
    "payments and their dates, withdrawal and why, prosecution. Payment discharges liability "
    "for the absence period a notice covers (s444A(4) Education Act 1996). Notices issued by "
    "someone else (a head teacher, the police or another authority) are marked; they count "
    "towards the limit like the authority's own."
)
UNUSED_BASIS = (
    "Everything retained in the investigation that is not in this pack (Criminal Procedure and "
    "Investigations Act 1996 and its Code of Practice): chronology entries, letters, "
    "attachments and the drafts and earlier versions of statements. The officer gives the "
    "reason each item is not in the pack; the prosecutor decides what is disclosed."
)


def _b(text: str) -> str:
    return f"<b>{markup(text)}</b>"


def _muted(text: str) -> str:
    return f"<font color='{MUTED_HEX}'>{markup(text)}</font>"


def _money(pounds: int | None) -> str:
    return "" if pounds is None else f"£{pounds}"


def _notice_cells(n: NoticeLine) -> list[str]:
    number = _b(n.number) if n.number else _muted("no number (not issued)")
    who = f"{number}<br/>to {markup(n.parent)}"
    if n.issued_by_others:
        who += f"<br/>{_b(n.issued_by_others)}"
    if n.covers_offence_period:
        who += f"<br/><font color='{WARNING_HEX}'><b>{COVERS}</b></font>"
    period = (
        f"{short_date(n.period_from)} to<br/>{short_date(n.period_to)}"
        if n.period_from and n.period_to
        else _muted("not recorded")
    )
    if n.unauthorised is not None and not n.issued_by_others:
        period += f"<br/>{n.unauthorised} unauthorised sessions"
    issued = [f"considered {short_date(n.considered_on)}"]
    if n.nti_on:
        issued.append(f"Notice to Improve {short_date(n.nti_on)} to {short_date(n.nti_until)}")
    if n.issued_on:
        ordinal = {1: "first", 2: "second"}.get(n.ordinal or 0, "")
        issued.append(
            f"<b>issued {short_date(n.issued_on)}</b>" + (f" ({ordinal})" if ordinal else "")
        )
    if n.amount_28 is not None:
        amounts = (
            f"{_money(n.amount_21)} in 21 days, {_money(n.amount_28)} in 28"
            if n.amount_21 is not None
            else f"{_money(n.amount_28)} in 28 days"
        )
        issued.append(amounts)
    served = []
    if n.served_by:
        served.append(f"by {markup(n.served_by)}")
    if n.received_on:
        served.append(f"received {short_date(n.received_on)}")
    if n.reduced_by:
        served.append(f"reduced rate by {short_date(n.reduced_by)}")
    if n.full_by:
        served.append(f"pay by {short_date(n.full_by)}")
    outcome = [_b(n.status)]
    if n.paid_on:
        outcome.append(f"paid {_money(n.amount_paid)} on {short_date(n.paid_on)}")
    if n.withdrawn_on:
        outcome.append(f"withdrawn {short_date(n.withdrawn_on)}: {markup(n.withdrawn_reason)}")
    if n.prosecution_on:
        outcome.append(f"information laid {short_date(n.prosecution_on)}")
    if n.decision_reason and not n.issued_on:
        outcome.append(_muted(n.decision_reason))
    return [
        who,
        period,
        "<br/>".join(issued),
        "<br/>".join(served) or _muted("—"),
        "<br/>".join(outcome),
    ]


def render_notice_history(model: NoticeHistoryModel) -> bytes:
    width = content_width()
    story: list[Any] = [
        para(NOTICES_BASIS, "note"),
        Spacer(1, 3 * mm),
        para(f"Child: {model.child_name}", "subheading"),
    ]
    if model.notices:
        head = [
            "Notice",
            "Absence period",
            "Considered and issued",
            "Served and payable",
            "Outcome",
        ]
        rows: list[list[Any]] = [[para(h, "head") for h in head]]
        extra: list[tuple[Any, ...]] = []
        for r, notice in enumerate(model.notices, start=1):
            rows.append([Paragraph(text, pack_style("cell")) for text in _notice_cells(notice)])
            if notice.issued_by_others:
                extra.append(("BACKGROUND", (0, r), (-1, r), OTHERS_TINT))
        widths = [38 * mm, 28 * mm, 38 * mm, 32 * mm]
        widths.append(width - sum(widths))
        story.append(ruled_table(rows, widths, extra=extra))
        issued = sum(1 for n in model.notices if n.issued_on)
        story += [
            Spacer(1, 2 * mm),
            para(f"Notices on the case: {len(model.notices)}; issued: {issued}.", "note"),
        ]
    else:
        story.append(para("No penalty notice was considered or issued on the case.", "body"))
    return render_pack_document(model.header, NOTICES_TITLE, story, subject=NOTICES_TITLE)


def render_unused_schedule(model: UnusedScheduleModel) -> bytes:
    width = content_width(wide=True)
    story: list[Any] = [para(UNUSED_BASIS, "note"), Spacer(1, 3 * mm)]
    if model.lines:
        head = ["No.", "Date", "Type", "Description", "Reason not in the pack (officer)"]
        rows: list[list[Any]] = [[para(h, "head") for h in head]]
        for n, line in enumerate(model.lines, start=1):
            title = markup(line.title)
            if line.note:
                title += f"<br/>{_muted(line.note)}"
            rows.append(
                [
                    para(str(n), "cell"),
                    para(short_date(line.day), "cell"),
                    para(line.kind, "cell"),
                    Paragraph(title, pack_style("cell")),
                    "",
                ]
            )
        widths = [11 * mm, 20 * mm, 36 * mm, 0.0, 80 * mm]
        widths[3] = width - sum(widths)
        story.append(
            ruled_table(
                rows,
                widths,
                extra=[("LINEBEFORE", (4, 0), (4, -1), 0.4, HexColor("#c9c9c9"))],
                padding=4.5,
            )
        )
        story += [Spacer(1, 2 * mm), para(f"{len(model.lines)} items.", "note")]
    else:
        story.append(para("Nothing on the case is left out of the pack.", "body"))
    return render_pack_document(model.header, UNUSED_TITLE, story, subject=UNUSED_TITLE, wide=True)
