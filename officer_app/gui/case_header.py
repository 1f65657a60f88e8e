"""The top of a case tab in two or three lines: who the child is, the case's state, its risks
as chips by severity, the attendance band and the timescales."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from officer_app.gui.case_labels import case_label
from officer_app.gui.markup import escape, lines, literal, plain_label, rich_label
from officer_app.gui.theme import BAND_COLOURS, RAG_COLOURS, RISK_COLOURS, TWO_OFFICERS
from officer_app.services.dto import AttendanceBandInfo, CaseDetail, RiskInfo, TimescaleInfo
from officer_app.wording import short_date

if TYPE_CHECKING:  # the batch letters' module loads on first use, not at start-up
    from officer_app.services.letter_batch_info import PreparedLetter

CHIP = "padding: 2px 8px; border-radius: 3px;"
RAG_MAX_WIDTH = 420


def _chip(text: str, colours: tuple[str, str], name: str, tip: str = "") -> QLabel:
    chip = plain_label(text)
    bg, fg = colours
    chip.setStyleSheet(f"background: {bg}; color: {fg}; font-weight: bold; {CHIP}")
    chip.setAccessibleName(name)
    if tip:
        chip.setToolTip(literal(tip))
    return chip


def risk_chip(risk: RiskInfo) -> QLabel:
    """One flag as a chip in its severity's colour (HIGH red, MEDIUM amber, LOW muted)."""
    severity = risk.severity.upper()
    colours = RISK_COLOURS.get(risk.severity.lower(), RISK_COLOURS["low"])
    return _chip(
        f"⚠ {severity} · {risk.category}",
        colours,
        f"Risk: {severity} {risk.category}",
        f"{severity} — {risk.category}: {risk.description} ({risk.about})",
    )


def risk_html(risks: tuple[RiskInfo, ...]) -> str:
    """Every active flag in full, for the Risk tab (the app's own markup, text escaped)."""
    if not risks:
        return "No risk flag is recorded on this case."
    return "<br><br>".join(
        f"⚠ <b>{escape(r.severity.upper())}</b> — {escape(r.category)}: {lines(r.description)} "
        f"<i>({escape(r.about)})</i>"
        + (" — <b>two officers required</b>" if r.two_officers_required else "")
        for r in risks
    )


def _clear(layout: QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


class CaseHeader(QFrame):
    """The case's card: name, age, school, stage and RAG on the first line; risks (by
    severity, the two-officers rule in its own red chip), vulnerabilities and the attendance
    band on the second; the case line and the timescales under them, muted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.name = case_label("", "heading")
        self.name.setAccessibleName("Child's name")
        self.name.setWordWrap(False)  # a name is short; it never wraps under the chips
        self.facts = case_label("")
        self.facts.setAccessibleName("Child's details")
        self.stage = plain_label("")
        self.stage.setProperty("role", "chip")
        self.stage.setAccessibleName("Stage")
        self.rag = plain_label("")
        self.rag.setAccessibleName("RAG")
        self.rag.setWordWrap(True)
        self.case_line = case_label("", "muted")
        self.case_line.setAccessibleName("Case")
        self.chips = QHBoxLayout()  # risks by severity, then vulnerabilities
        self.chips.setSpacing(6)
        self.vulnerabilities = self.chips
        self.attendance_line = rich_label("")  # a chip as wide as its words, in the band's colour
        self.attendance_line.setAccessibleName("Attendance this school year")
        self.timescale_line = case_label("", rich=True)
        self.timescale_line.setAccessibleName("Timescales")
        # letters a batch prepared that nobody has confirmed as sent: never to read as sent
        self.prepared_line = case_label("")
        self.prepared_line.setTextFormat(Qt.TextFormat.PlainText)
        self.prepared_line.setAccessibleName("Letters prepared, not yet sent")
        self.prepared_line.setVisible(False)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.name)
        top.addWidget(self.facts, 1)
        top.addWidget(self.stage, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.rag, 0, Qt.AlignmentFlag.AlignVCenter)
        second = QHBoxLayout()
        second.setSpacing(12)
        second.addLayout(self.chips, 1)
        second.addWidget(self.attendance_line, 0, Qt.AlignmentFlag.AlignVCenter)
        third = QHBoxLayout()
        third.setSpacing(16)
        third.addWidget(self.case_line, 1)
        third.addWidget(self.timescale_line, 1)
        head = QVBoxLayout(self)
        head.setContentsMargins(10, 6, 10, 6)
        head.setSpacing(4)
        head.addLayout(top)
        head.addLayout(second)
        head.addLayout(third)
        head.addWidget(self.prepared_line)

    def show_case(self, detail: CaseDetail) -> None:
        child = detail.child
        self.name.setText(child.name)
        year = "Reception" if child.year_group == "R" else f"Year {child.year_group}"
        self.facts.setText(f"Age {child.age}  ·  {child.school}  ·  {year}")
        self.facts.setToolTip(
            literal(
                f"Born {short_date(child.date_of_birth)} (age {child.age})\n{child.school} "
                f"(URN {child.school_urn}), {year}\nUPN {child.upn or 'not known'}"
            )
        )
        self.stage.setText(detail.stage_label)
        due = short_date(detail.next_action_due) if detail.next_action_due else "none set"
        self.case_line.setText(
            f"{detail.reference}  ·  {detail.officer}  ·  Next: {detail.next_action or '—'} ({due})"
        )
        self.case_line.setToolTip(
            literal(
                f"{detail.reference}, {detail.stage_label}. Officer: {detail.officer}.\n"
                f"Referred {short_date(detail.referral_date)} by "
                f"{detail.referral_source or 'unknown'}.\n{detail.address}"
            )
        )
        self.show_attendance(detail.attendance)
        bg, fg = RAG_COLOURS[detail.rag]
        self.rag.setText(f"{detail.rag_label}: {detail.rag_reason}")
        self.rag.setStyleSheet(f"background: {bg}; color: {fg}; font-weight: bold; {CHIP}")
        # on one line when it is short; a long reason wraps rather than widening the window
        wide = self.rag.fontMetrics().horizontalAdvance(self.rag.text()) + 24
        self.rag.setMinimumWidth(min(wide, RAG_MAX_WIDTH))
        _clear(self.chips)
        order = {"high": 0, "medium": 1, "low": 2}
        risks = sorted(detail.risks, key=lambda r: order.get(r.severity.lower(), 3))
        if any(r.two_officers_required for r in risks):
            self.chips.addWidget(
                _chip(
                    "⚠ TWO OFFICERS REQUIRED",
                    TWO_OFFICERS,
                    "Two officers required",
                    "; ".join(
                        f"{r.category} ({r.about})" for r in risks if r.two_officers_required
                    ),
                )
            )
        for risk in risks:
            self.chips.addWidget(risk_chip(risk))
        for text in detail.vulnerabilities:
            chip = plain_label(text)
            chip.setProperty("role", "chip")
            chip.setAccessibleName(f"Vulnerability: {text}")
            self.chips.addWidget(chip)
        self.chips.addStretch(1)

    def show_attendance(self, info: AttendanceBandInfo | None) -> None:
        """This school year's figure and the LA band, as in the caseload, with its dates."""
        line = self.attendance_line
        if info is None or info.pct is None:
            line.setText("Attendance this school year: no register marks held yet")
            line.setStyleSheet("")
            line.setToolTip("")
            return
        band = (
            f"LA band <b>≤{info.band_limit:g}%</b>"  # numbers only
            if info.band and info.band_limit is not None
            else "above every LA band"
        )
        line.setText(
            f"Attendance {info.first:%d/%m}–{short_date(info.last)}: <b>{info.pct}%</b> of "
            f"{info.possible} sessions  ·  {band}"
        )
        line.setToolTip(
            literal(
                f"Attendance this school year, {short_date(info.first)}–"
                f"{short_date(info.last)} (the latest mark held): {info.pct}% of "
                f"{info.possible} possible sessions."
                + (
                    f"\nLA band: {info.band}.\nSuggested: " + "; ".join(info.actions)
                    if info.band
                    else ""
                )
            )
        )
        if info.band_rank is None:
            line.setStyleSheet("")
            return
        bg, fg = BAND_COLOURS[min(info.band_rank, len(BAND_COLOURS) - 1)]
        line.setStyleSheet(f"background: {bg}; color: {fg}; padding: 2px 8px; border-radius: 3px;")

    def show_timescales(self, scales: tuple[TimescaleInfo, ...]) -> None:
        parts = []
        for scale in scales:
            if scale.met_on is not None:
                late = (
                    f", {scale.working_days_overdue} working days late"
                    if scale.working_days_overdue
                    else ", in time"
                )
                parts.append(
                    f"{escape(scale.name)}: due {short_date(scale.due_on)}, met "
                    f"{short_date(scale.met_on)}{late}"
                )
            elif scale.working_days_overdue:
                parts.append(
                    f"<b style='color:#842029'>{escape(scale.name)}: OVERDUE by "
                    f"{scale.working_days_overdue} working days (due "
                    f"{short_date(scale.due_on)})</b>"
                )
            else:
                parts.append(f"{escape(scale.name)}: due {short_date(scale.due_on)}")
        self.timescale_line.setText("  ·  ".join(parts))

    def show_prepared(self, found: list[PreparedLetter]) -> None:
        parts = [f"{p.title} to {p.recipient_name}, dated {short_date(p.dated)}" for p in found]
        self.prepared_line.setText(
            "Prepared in a batch, NOT yet sent: " + "; ".join(parts) if parts else ""
        )
        self.prepared_line.setVisible(bool(parts))


def people_html(detail: CaseDetail, *, with_people: bool = True) -> str:
    """The case's particulars (the header keeps to one line of them), the people on the case
    (unless the People panel lists them) and the child's siblings."""
    child = detail.child
    rows = [
        f"<p><b>{escape(detail.reference)}</b> · {escape(detail.stage_label)}<br>"
        f"Officer: {escape(detail.officer)}<br>"
        f"Referred {short_date(detail.referral_date)} by "
        f"{escape(detail.referral_source or 'unknown')}<br>"
        f"Born {short_date(child.date_of_birth)} · UPN {escape(child.upn or 'not known')}<br>"
        f"{escape(child.school)} (URN {escape(child.school_urn)})<br>"
        f"{escape(detail.address)}</p>"
    ]
    for person in detail.people if with_people else ():
        pr = "parental responsibility" if person.parental_responsibility else "no PR"
        language = person.language or "English"
        interpreter = " — <b>interpreter needed</b>" if person.interpreter_needed else ""
        rows.append(
            f"<p><b>{escape(person.name)}</b><br>{escape(person.relationship.capitalize())}, {pr}"
            f"<br>{escape(person.phone) or 'no phone'} · {escape(language)}{interpreter}</p>"
        )
    if detail.siblings:
        rows.append("<p style='color:#1f4e79'><b>Siblings</b></p>")
        for sibling in detail.siblings:
            rows.append(f"<p><b>{escape(sibling.name)}</b><br>{escape(sibling.detail)}</p>")
    if with_people and not detail.people:
        rows.append("<p>No one recorded yet.</p>")
    return "".join(rows)
