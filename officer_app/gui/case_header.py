"""The top of a case tab: who the child is, the case's state, timescales and the risk banner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from officer_app.gui.case_labels import case_label
from officer_app.gui.markup import bold, escape, lines, literal, plain_label, rich_label
from officer_app.gui.theme import BAND_COLOURS, RAG_COLOURS, RISK_BANNER
from officer_app.services.dto import AttendanceBandInfo, CaseDetail, TimescaleInfo
from officer_app.wording import short_date

if TYPE_CHECKING:  # the batch letters' module loads on first use, not at start-up
    from officer_app.services.letter_batch_info import PreparedLetter

# The case's field-work buttons: (key, label); the key is a form id or "plan_visit".
WORK_BUTTONS = [
    ("plan_visit", "Plan a visit…"),
    ("home_visit", "Record a visit…"),
    ("initial_assessment", "Initial assessment…"),
    ("plan_review", "Review the plan…"),
    ("cme_referral", "Children missing education referral…"),
    ("ehe_deregistration", "Elective home education notice…"),
]


class CaseHeader(QFrame):
    """The case's card, with its field-work buttons; ``risk_banner`` is shown below it."""

    def __init__(
        self,
        work: Callable[[str], None] | None,
        write_letter: Callable[[], None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.name = case_label("", "heading")
        self.name.setAccessibleName("Child's name")
        self.facts = case_label("")
        self.facts.setAccessibleName("Child's details")
        self.case_line = case_label("", "muted")
        self.rag = plain_label("")
        self.rag.setAccessibleName("RAG")
        self.vulnerabilities = QHBoxLayout()
        self.vulnerabilities.setSpacing(6)
        self.risk_banner = case_label("", rich=True)
        self.risk_banner.setAccessibleName("Risk flags")
        bg, fg = RISK_BANNER
        self.risk_banner.setStyleSheet(
            f"background: {bg}; color: {fg}; padding: 8px 10px; border-radius: 4px;"
        )
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.rag, 0, Qt.AlignmentFlag.AlignTop)
        head = QVBoxLayout(self)
        head.setContentsMargins(14, 10, 14, 10)
        head.addLayout(top)
        self.attendance_line = rich_label("")  # a chip as wide as its words, in the band's colour
        self.attendance_line.setAccessibleName("Attendance this school year")
        facts_row = QHBoxLayout()  # who the child is, and this school year's attendance
        facts_row.setSpacing(12)
        facts_row.addWidget(self.facts, 1)
        facts_row.addWidget(self.attendance_line, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(facts_row)
        head.addWidget(self.case_line)
        head.addLayout(self.vulnerabilities)
        self.timescale_line = case_label("", rich=True)
        self.timescale_line.setAccessibleName("Timescales")
        head.addWidget(self.timescale_line)
        # letters a batch prepared that nobody has confirmed as sent: never to read as sent
        self.prepared_line = case_label("")
        self.prepared_line.setTextFormat(Qt.TextFormat.PlainText)
        self.prepared_line.setAccessibleName("Letters prepared, not yet sent")
        self.prepared_line.setVisible(False)
        head.addWidget(self.prepared_line)
        self.work_buttons = QHBoxLayout()
        self.work_buttons.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        if work is not None:
            for key, text in WORK_BUTTONS:
                button = QPushButton(text)
                button.setAccessibleName(text.rstrip("…"))
                button.clicked.connect(lambda _c=False, k=key: work(k))
                self.buttons[key] = button
                self.work_buttons.addWidget(button)
        if write_letter is not None:
            button = QPushButton("Write a letter…")
            button.setAccessibleName("Write a letter")
            button.clicked.connect(write_letter)
            self.buttons["letter"] = button
            self.work_buttons.addWidget(button)
        if self.buttons:
            self.work_buttons.addStretch(1)
            head.addLayout(self.work_buttons)

    def show_case(self, detail: CaseDetail) -> None:
        child = detail.child
        self.name.setText(child.name)
        year = "Reception" if child.year_group == "R" else f"Year {child.year_group}"
        self.facts.setText(
            f"Born {short_date(child.date_of_birth)} (age {child.age})  ·  {child.school} "
            f"({child.school_urn})  ·  {year}  ·  UPN {child.upn or 'not known'}"
        )
        due = short_date(detail.next_action_due) if detail.next_action_due else "none set"
        self.case_line.setText(
            f"{detail.reference}  ·  {detail.stage_label}  ·  Officer: {detail.officer}  ·  "
            f"Referred {short_date(detail.referral_date)} by {detail.referral_source or 'unknown'}"
            f"  ·  Next: {detail.next_action or '—'} ({due})  ·  {detail.address}"
        )
        self.show_attendance(detail.attendance)
        bg, fg = RAG_COLOURS[detail.rag]
        self.rag.setText(f"{detail.rag_label}: {detail.rag_reason}")
        self.rag.setStyleSheet(
            f"background: {bg}; color: {fg}; font-weight: bold; padding: 4px 10px; "
            "border-radius: 4px;"
        )
        while self.vulnerabilities.count():
            item = self.vulnerabilities.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for text in detail.vulnerabilities:
            chip = plain_label(text)
            chip.setProperty("role", "chip")
            chip.setAccessibleName(f"Vulnerability: {text}")
            self.vulnerabilities.addWidget(chip)
        self.vulnerabilities.addStretch(1)
        if detail.risks:
            risk_lines = [
                f"⚠ {bold(r.severity.upper())} — {escape(r.category)}: {lines(r.description)} "
                f"<i>({escape(r.about)})</i>"
                + (" — <b>two officers required</b>" if r.two_officers_required else "")
                for r in detail.risks
            ]
            self.risk_banner.setText("<br>".join(risk_lines))
            self.risk_banner.show()
        else:
            self.risk_banner.hide()

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


def people_html(detail: CaseDetail) -> str:
    """The people on the case and the child's siblings, for the People pane."""
    rows = []
    for person in detail.people:
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
    return "".join(rows) or "<p>No one recorded yet.</p>"
