"""One case, in its own tab: who the child is, what to watch for, what happened, a quick note."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.domain.chronology import EntryType
from officer_app.gui.attachments_panel import AttachmentsPanel
from officer_app.gui.attendance_panel import AttendancePanel
from officer_app.gui.chronology_model import ChronologyModel, EntryRole
from officer_app.gui.markup import bold, escape, inform, lines, literal, plain_label, rich_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.gui.theme import BAND_COLOURS, RAG_COLOURS, RISK_BANNER
from officer_app.services.attachments import AttachmentService
from officer_app.services.case_file import CaseFileService
from officer_app.services.dto import (
    AttendanceBandInfo,
    CaseDetail,
    DraftInfo,
    EntryInfo,
    TimescaleInfo,
)
from officer_app.wording import DAYS, MONTHS, clock, short_date

if TYPE_CHECKING:  # the field-work dialogs load on first use, not at start-up
    from officer_app.gui.field_work_actions import FieldWorkActions
    from officer_app.gui.letter_dialog import LetterChoices, LetterDialog
    from officer_app.gui.penalty_panel import PenaltyNoticePanel
    from officer_app.services.attendance import AttendanceService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.letter_batch_info import PreparedLetter
    from officer_app.services.letters import LetterInfo, LetterService
    from officer_app.services.penalty_notices import PenaltyNoticeService

# The case's field-work buttons: (key, label); the key is a form id or "plan_visit".
WORK_BUTTONS = [
    ("plan_visit", "Plan a visit…"),
    ("home_visit", "Record a visit…"),
    ("initial_assessment", "Initial assessment…"),
    ("plan_review", "Review the plan…"),
    ("cme_referral", "Children missing education referral…"),
    ("ehe_deregistration", "Elective home education notice…"),
]

NOTE_TYPES = [
    EntryType.NOTE,
    EntryType.PHONE_CALL,
    EntryType.HOME_VISIT,
    EntryType.SCHOOL_VISIT,
    EntryType.MEETING,
    EntryType.EMAIL,
    EntryType.LETTER,
]
AUTOSAVE_QUIET_MS = 2000  # after typing stops
AUTOSAVE_MAX_S = 5.0  # at most this long between saves while typing goes on


def _label(text: str = "", role: str | None = None, *, rich: bool = False) -> QLabel:
    """A wrapping, selectable label: plain text, or the app's own markup if ``rich``."""
    label = rich_label(text) if rich else plain_label(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    return label


class AmendDialog(QDialog):
    def __init__(self, entry: EntryInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Amend a signed entry")
        self.setMinimumWidth(520)
        intro = _label(
            "The signed entry stays exactly as it is. Your correction is signed as a new "
            "entry that points at it, and both are shown and exported together."
        )
        original = QPlainTextEdit(entry.body)
        original.setReadOnly(True)
        original.setMaximumHeight(110)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for the amendment")
        self.reason.setPlaceholderText("e.g. Time of visit recorded wrongly")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Corrected text")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sign amendment")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Original", original)
        form.addRow("&Reason", self.reason)
        form.addRow("&Correction", self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.reason.text().strip() or not self.text.toPlainText().strip():
            inform(self, "Amend", "Give the reason and the corrected text.")
            return
        self.accept()


class CasePage(QWidget):
    """A case tab. Loads on the task runner; never blocks the window."""

    changed = Signal()  # something was signed: the caseload should refresh
    title_changed = Signal(str)

    def __init__(
        self,
        case_id: str,
        service: CaseFileService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        field_work: Callable[[], FieldWorkService] | None = None,
        today: dt.date | None = None,
        attachments: AttachmentService | None = None,
        attendance: Callable[[], AttendanceService] | None = None,
        letters: Callable[[], LetterService] | None = None,
        penalty_notices: Callable[[], PenaltyNoticeService] | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._penalty_notices = penalty_notices
        self._letters = letters
        self.letters_by_entry: dict[str, LetterInfo] = {}  # the letters sent, by their entry
        self.letter_dialog: LetterDialog | None = None
        self.copy_viewer: QDialog | None = None
        self._service = service
        self._runner = runner
        self._field_work = field_work
        self._attachments = attachments
        self._attendance = attendance
        self._today = today or dt.date.today()
        self.field_actions: FieldWorkActions | None = None
        self.timescales: tuple[TimescaleInfo, ...] = ()
        self.detail: CaseDetail | None = None
        self._dirty = False
        self._last_save = 0.0
        self._closing = False

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_QUIET_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.loading = _label("Loading the case…", "muted")
        self._build()
        self._set_loaded(False)
        self.reload()

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = _label("", "heading")
        self.name.setAccessibleName("Child's name")
        self.facts = _label("")
        self.facts.setAccessibleName("Child's details")
        self.case_line = _label("", "muted")
        self.rag = plain_label("")
        self.rag.setAccessibleName("RAG")
        self.vulnerabilities = QHBoxLayout()
        self.vulnerabilities.setSpacing(6)
        self.risk_banner = _label("", rich=True)
        self.risk_banner.setAccessibleName("Risk flags")
        bg, fg = RISK_BANNER
        self.risk_banner.setStyleSheet(
            f"background: {bg}; color: {fg}; padding: 8px 10px; border-radius: 4px;"
        )
        header = QFrame()
        header.setProperty("role", "card")
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.rag, 0, Qt.AlignmentFlag.AlignTop)
        head = QVBoxLayout(header)
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
        self.timescale_line = _label("", rich=True)
        self.timescale_line.setAccessibleName("Timescales")
        head.addWidget(self.timescale_line)
        # letters a batch prepared that nobody has confirmed as sent: never to read as sent
        self.prepared_line = _label("")
        self.prepared_line.setTextFormat(Qt.TextFormat.PlainText)
        self.prepared_line.setAccessibleName("Letters prepared, not yet sent")
        self.prepared_line.setVisible(False)
        head.addWidget(self.prepared_line)
        self.work_buttons = QHBoxLayout()
        self.work_buttons.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        if self._field_work is not None:
            for key, text in WORK_BUTTONS:
                button = QPushButton(text)
                button.setAccessibleName(text.rstrip("…"))
                button.clicked.connect(lambda _c=False, k=key: self._work(k))
                self.buttons[key] = button
                self.work_buttons.addWidget(button)
        if self._letters is not None:
            button = QPushButton("Write a letter…")
            button.setAccessibleName("Write a letter")
            button.clicked.connect(self.write_letter)
            self.buttons["letter"] = button
            self.work_buttons.addWidget(button)
        if self.buttons:
            self.work_buttons.addStretch(1)
            head.addLayout(self.work_buttons)

        self.people = QTextBrowser()
        self.people.setAccessibleName("People on the case")
        self.people.setOpenLinks(False)
        self.people.setMinimumWidth(250)
        self.people.setMinimumHeight(96)

        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName("Show entries of type")
        self.type_filter.addItem("All entries", None)
        for kind in EntryType:
            self.type_filter.addItem(kind.label, kind.value)
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.chronology = ChronologyModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.chronology)
        self.tree.setAccessibleName("Chronology")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        header_view = self.tree.header()
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 156), (1, 104), (3, 128), (4, 186)):
            self.tree.setColumnWidth(col, width)
        self.tree.selectionModel().currentChanged.connect(self._entry_selected)
        self.entry_text = QTextBrowser()
        self.entry_text.setAccessibleName("Selected entry")
        self.amend_button = QPushButton("&Amend…")
        self.amend_button.setAccessibleName("Amend the selected signed entry")
        self.amend_button.setEnabled(False)
        self.amend_button.clicked.connect(self._amend)

        filter_row = QHBoxLayout()
        filter_row.addWidget(_label("Chronology", "section"))
        filter_row.addStretch(1)
        filter_row.addWidget(plain_label("Show"))
        filter_row.addWidget(self.type_filter)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.entry_text, 1)
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.setAccessibleName("Save the selected record as a PDF")
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self._save_pdf)
        amend_row = QHBoxLayout()
        amend_row.addStretch(1)
        self.print_button = QPushButton("P&rint…")
        self.print_button.setAccessibleName("Print the selected record")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self._print)
        amend_row.addWidget(self.print_button)
        amend_row.addWidget(self.pdf_button)
        amend_row.addWidget(self.amend_button)
        detail_layout.addLayout(amend_row)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.tree)
        middle.addWidget(detail_box)
        middle.setSizes([260, 200])
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(filter_row)
        centre_layout.addWidget(middle, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_label("People", "section"))
        left_layout.addWidget(self.people, 1)
        self.attachments_panel: AttachmentsPanel | None = None
        if self._attachments is not None:
            self.attachments_panel = AttachmentsPanel(self.case_id, self._attachments, self._runner)
            left_layout.addWidget(self.attachments_panel)
        self.views = QTabWidget()
        self.views.setAccessibleName("Chronology and attendance")
        self.views.addTab(centre, "Chronology")
        self.attendance_panel: AttendancePanel | None = None
        if self._attendance is not None:
            self.attendance_panel = AttendancePanel(self.case_id, self._attendance, self._runner)
            self.views.addTab(self.attendance_panel, "Attendance")
        self.penalty_panel: PenaltyNoticePanel | None = None
        if self._penalty_notices is not None:
            from officer_app.gui.penalty_panel import PenaltyNoticePanel

            self.penalty_panel = PenaltyNoticePanel(
                self.case_id,
                self._penalty_notices,
                self._runner,
                self._today,
                view_letter=self.view_letter_copy if self._letters is not None else None,
            )
            self.penalty_panel.changed.connect(self._after_field_work)
            self.views.addTab(self.penalty_panel, "Penalty notices")
        self.views.currentChanged.connect(self._view_changed)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(self.views)
        body.setStretchFactor(1, 1)
        body.setSizes([280, 900])

        self.note_type = QComboBox()
        self.note_type.setAccessibleName("Type of note")
        for kind in NOTE_TYPES:
            self.note_type.addItem(kind.label, kind.value)
        self.note_title = QLineEdit()
        self.note_title.setAccessibleName("Note title")
        self.note_title.setPlaceholderText("Title (optional)")
        self.note_text = QPlainTextEdit()
        self.note_text.setAccessibleName("Quick note")
        self.note_text.setPlaceholderText(
            "Write what happened while it is fresh. The draft is kept as you type; "
            "Ctrl+Enter signs it into the chronology."
        )
        self.note_text.setFixedHeight(66)
        self.note_status = _label("", "muted")
        self.note_status.setAccessibleName("Draft status")
        self.sign_button = QPushButton("Sign note")
        self.sign_button.setProperty("primary", True)
        self.sign_button.setAccessibleName("Sign note")
        self.sign_button.setToolTip("Sign the note into the evidence chain (Ctrl+Enter)")
        self.sign_button.clicked.connect(self.sign_note)
        note_row = QHBoxLayout()
        note_row.addWidget(_label("Quick note", "section"))
        note_row.addWidget(self.note_type)
        note_row.addWidget(self.note_title, 1)
        note_foot = QHBoxLayout()
        note_foot.addWidget(self.note_status, 1)
        note_foot.addWidget(self.sign_button)
        note = QFrame()
        note.setProperty("role", "card")
        note_layout = QVBoxLayout(note)
        note_layout.setContentsMargins(10, 6, 10, 8)
        note_layout.addLayout(note_row)
        note_layout.addWidget(self.note_text)
        note_layout.addLayout(note_foot)
        for widget in (self.note_text, self.note_title):
            widget.installEventFilter(self)
        self.note_text.textChanged.connect(self._typed)
        self.note_title.textEdited.connect(self._typed)
        self.note_type.currentIndexChanged.connect(self._typed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.sign_note)

        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(header)
        layout.addWidget(self.risk_banner)
        layout.addWidget(body, 1)
        layout.addWidget(note)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.loading)
        outer.addWidget(self.content, 1)

    def _view_changed(self, index: int) -> None:
        notices = self.penalty_panel
        if notices is not None and self.views.widget(index) is notices and not notices.loaded:
            notices.load()
        panel = self.attendance_panel
        if panel is not None and self.views.widget(index) is panel and not panel.loaded:
            panel.load()

    def _set_loaded(self, loaded: bool) -> None:
        self.loading.setVisible(not loaded)
        self.content.setVisible(loaded)

    # --- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._runner.run(
            lambda: self._service.open_case(self.case_id), self._show, self._load_failed
        )
        if self._field_work is not None:
            factory = self._field_work
            self._runner.run(lambda: factory().case_timescales(self.case_id), self._show_timescales)
        if self._letters is not None:
            letters = self._letters
            self._runner.run(lambda: letters().letters_for(self.case_id), self._show_letters)
            self._runner.run(
                lambda: letters().batches.not_sent_for_case(self.case_id), self._show_prepared
            )

    def _show_prepared(self, found: list[PreparedLetter]) -> None:
        if self._closing:
            return
        parts = [f"{p.title} to {p.recipient_name}, dated {short_date(p.dated)}" for p in found]
        self.prepared_line.setText(
            "Prepared in a batch, NOT yet sent: " + "; ".join(parts) if parts else ""
        )
        self.prepared_line.setVisible(bool(parts))

    def _show_letters(self, found: list[LetterInfo]) -> None:
        if self._closing:
            return
        self.letters_by_entry = {info.entry_id: info for info in found if info.entry_id}
        current = self.tree.currentIndex()
        self._entry_selected(current, current)

    def _show_timescales(self, scales: tuple[TimescaleInfo, ...]) -> None:
        if self._closing:
            return
        self.timescales = scales
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

    def _work(self, key: str) -> None:
        if self._field_work is None or self.detail is None:
            return
        if self.field_actions is None:
            from officer_app.gui.field_work_actions import FieldWorkActions

            self.field_actions = FieldWorkActions(
                self.case_id,
                self.detail.child.name,
                self._field_work(),
                self._runner,
                self._today,
                self,
            )
            self.field_actions.recorded.connect(self._after_field_work)
            self.field_actions.message.connect(self.note_status.setText)
        if key == "plan_visit":
            self.field_actions.plan_visit()
        else:
            self.field_actions.record(key)

    def _after_field_work(self) -> None:
        self.reload()
        self.changed.emit()

    def _load_failed(self, exc: BaseException) -> None:
        if self._closing:
            return  # the tab has gone (or the profile was locked) while it loaded
        self.loading.setText(f"The case could not be opened: {exc}")

    def _show(self, detail: CaseDetail) -> None:
        if self._closing:
            return
        first_load = self.detail is None
        self.detail = detail
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
        self._show_attendance(detail.attendance)
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
        self.people.setHtml(_people_html(detail))
        self.chronology.set_entries(detail.entries, self.type_filter.currentData())
        self.tree.expandAll()
        if self.chronology.rowCount():
            self.tree.setCurrentIndex(self.chronology.index(0, 0))
        self._set_loaded(True)
        self.title_changed.emit(f"{child.surname}, {child.forename}")
        if first_load and detail.draft is not None:
            self._restore(detail.draft)

    def _show_attendance(self, info: AttendanceBandInfo | None) -> None:
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

    def _restore(self, draft: DraftInfo) -> None:
        index = self.note_type.findData(draft.entry_type)
        self.note_type.blockSignals(True)
        self.note_text.blockSignals(True)
        self.note_title.blockSignals(True)
        self.note_type.setCurrentIndex(max(index, 0))
        self.note_title.setText(draft.title)
        self.note_text.setPlainText(draft.body)
        for widget in (self.note_type, self.note_text, self.note_title):
            widget.blockSignals(False)
        self.note_status.setText(
            f"Draft restored from {uk_local(draft.updated_at):%d/%m/%Y %H:%M:%S}"
        )

    # --- chronology ------------------------------------------------------------------------
    def _filter_changed(self) -> None:
        self.chronology.filter(self.type_filter.currentData())
        self.tree.expandAll()

    def _entry_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(EntryRole) if current.isValid() else None
        if not isinstance(entry, EntryInfo):
            self.entry_text.clear()
            self.amend_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        local = uk_local(entry.occurred_at)
        when = (
            f"{DAYS[local.weekday()]} {local.day:02d} {MONTHS[local.month - 1]} {local.year}, "
            f"{clock(local)}"
        )
        parts = [
            f"<p><b>{escape(entry.title)}</b><br><span style='color:#5b6570'>"
            f"{escape(entry.type_label)} · {when} · {escape(entry.author)}</span></p>"
        ]
        if entry.amends_id:
            parts.append(f"<p><b>Amendment.</b> Reason: {escape(entry.amend_reason)}</p>")
        parts.append(f"<p>{lines(entry.body)}</p>")
        if entry.signed and entry.signed_at:
            parts.append(
                f"<p style='color:#5b6570'>Signed by {escape(entry.signed_by)} on "
                f"{uk_local(entry.signed_at):%d/%m/%Y at %H:%M:%S}; link {entry.chain_seq} "
                f"of the case's chain; SHA-256 <span title='{entry.content_hash}'>"
                f"{entry.content_hash[:16]}…</span></p>"
            )
        else:
            parts.append("<p style='color:#664d03'>Not signed.</p>")
        self.entry_text.setHtml("".join(parts))
        self.entry_text.setToolTip(literal(f"SHA-256 {entry.content_hash}") if entry.signed else "")
        self.amend_button.setEnabled(entry.signed and not entry.amends_id)
        if self.attachments_panel is not None:
            self.attachments_panel.set_target(
                entry.id, f"{entry.type_label} {short_date(uk_local(entry.occurred_at).date())}"
            )
        printable = entry.form_id is not None and entry.signed and self._field_work is not None
        printable = printable or entry.id in self.letters_by_entry  # a letter's stored copy
        self.pdf_button.setEnabled(printable)
        self.print_button.setEnabled(printable)

    def selected_entry(self) -> EntryInfo | None:
        entry = self.tree.currentIndex().data(EntryRole)
        return entry if isinstance(entry, EntryInfo) else None

    def _amend(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.signed:
            return
        dialog = AmendDialog(entry, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        service, reason, text = self._service, dialog.reason.text(), dialog.text.toPlainText()
        self._runner.run(
            lambda: service.amend(entry.id, reason, text),
            lambda _e: self._after_sign("Amendment signed."),
            self._sign_failed,
            lane=WRITES,
        )

    def _save_pdf(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.id in self.letters_by_entry:
            self._save_letter_copy(self.letters_by_entry[entry.id])
            return
        if entry is None or entry.form_id is None or self._field_work is None:
            return
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        reference = self.detail.reference if self.detail else "record"
        suggested = f"{reference} {entry.type_label} {uk_local(entry.occurred_at):%Y-%m-%d}.pdf"
        target, _filter = QFileDialog.getSaveFileName(
            self, "Save the record as a PDF", suggested, "PDF documents (*.pdf)"
        )
        if not target:
            return
        service = self._field_work()
        self.note_status.setText("Making the PDF…")
        self._runner.run(
            lambda: service.export_record_pdf(entry.id, Path(target)),
            lambda pages: self.note_status.setText(f"Saved a {pages}-page PDF to {target}"),
            lambda exc: self.note_status.setText(f"The PDF was not saved: {exc}"),
        )

    def _print(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.id in self.letters_by_entry:
            self._print_letter_copy(self.letters_by_entry[entry.id])
            return
        if entry is None or entry.form_id is None or self._field_work is None:
            return
        service = self._field_work()
        self.note_status.setText("Preparing the record for printing…")
        self._runner.run(
            lambda: service.record_pdf_bytes(entry.id),
            lambda made: self._show_print_dialog(made, entry.title),
            lambda exc: self.note_status.setText(f"Not printed: {exc}"),
        )

    def _save_letter_copy(self, letter: LetterInfo, target: str | None = None) -> None:
        """Save the stored copy of a letter sent (decrypted, its hash checked; audited)."""
        if self._letters is None:
            return
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        reference = self.detail.reference if self.detail else "letter"
        if target is None:
            suggested = f"{reference} {letter.title} {letter.sent_on}.pdf"
            target, _filter = QFileDialog.getSaveFileName(
                self, "Save the copy of the letter as a PDF", suggested, "PDF documents (*.pdf)"
            )
            if not target:
                return
        letters, out = self._letters, Path(target)
        self.note_status.setText("Saving the letter's copy…")
        self._runner.run(
            lambda: letters().export_copy(letter.id, out),
            lambda pages: self.note_status.setText(f"Saved the {pages}-page copy to {out}"),
            lambda exc: self.note_status.setText(f"The copy was not saved: {exc}"),
        )

    # --- letters -----------------------------------------------------------------------------
    def view_letter_copy(self, letter_id: str) -> None:
        """Show the stored copy of a letter or notice sent, as it was sent."""
        if self._letters is None:
            return
        letters = self._letters
        self.note_status.setText("Opening the copy kept…")
        self._runner.run(
            lambda: (letters().letter(letter_id), letters().read_copy(letter_id)),
            self._show_copy,
            lambda exc: self.note_status.setText(f"The copy cannot be shown: {exc}"),
        )

    def _show_copy(self, found: tuple[LetterInfo, bytes]) -> None:
        if self._closing:
            return
        from officer_app.gui.copy_viewer import CopyViewer

        letter, data = found
        self.note_status.setText("")
        viewer = CopyViewer(
            f"{letter.title} — sent {short_date(letter.sent_on)} to {letter.recipient_name}",
            data,
            letter.sha256,
            on_print=lambda: self._print_letter_copy(letter),
            on_save=lambda: self._save_letter_copy(letter),
            parent=self,
        )
        self.copy_viewer = viewer
        viewer.open()

    def _print_letter_copy(self, letter: LetterInfo) -> None:
        if self._letters is None:
            return
        letters = self._letters
        self.note_status.setText("Preparing the letter's copy for printing…")
        self._runner.run(
            lambda: (letters().print_copy(letter.id), letter.pages),
            lambda made: self._show_print_dialog(made, letter.title),
            lambda exc: self.note_status.setText(f"Not printed: {exc}"),
        )

    def write_letter(self) -> None:
        """Open the letter dialog with what it needs, gathered on the task runner."""
        if self._letters is None or self.detail is None:
            return
        from officer_app.gui.letter_dialog import gather_choices

        factory, case_id = self._letters, self.case_id
        self.note_status.setText("Opening the letters…")
        self._runner.run(
            lambda: (factory(), gather_choices(factory(), case_id)),
            self._open_letter_dialog,
            lambda exc: self.note_status.setText(f"Letters are not available: {exc}"),
        )

    def _open_letter_dialog(self, gathered: tuple[LetterService, LetterChoices]) -> None:
        if self._closing or self.detail is None:
            return
        from officer_app.gui.letter_dialog import LetterDialog

        service, choices = gathered
        self.note_status.setText("")
        dialog = LetterDialog(
            self.case_id,
            self.detail.child.name,
            service,
            self._runner,
            choices,
            today=self._today,
            parent=self,
        )
        dialog.recorded.connect(self._letter_recorded)
        self.letter_dialog = dialog
        dialog.open()

    def _letter_recorded(self, _info: object) -> None:
        if self._closing:
            return
        self.reload()
        if self.attachments_panel is not None:
            self.attachments_panel.reload()
        self.changed.emit()

    def _show_print_dialog(self, made: tuple[bytes, int], title: str) -> None:
        from officer_app.gui.printing import print_pdf

        try:
            pages = print_pdf(made[0], title, self)
        except RuntimeError as exc:
            self.note_status.setText(f"Not printed: {exc}")
            return
        self.note_status.setText(f"Sent {pages} page(s) to the printer." if pages else "")

    # --- quick note --------------------------------------------------------------------------
    def focus_note(self) -> None:
        self.note_text.setFocus()

    def _typed(self) -> None:
        self._dirty = True
        self.note_status.setText("Typing…")
        if time.monotonic() - self._last_save >= AUTOSAVE_MAX_S and self._last_save:
            self.save_draft()
        else:
            if not self._last_save:
                self._last_save = time.monotonic()
            self._autosave.start()

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if isinstance(event, QEvent) and event.type() == QEvent.Type.FocusOut and self._dirty:
            self.save_draft()
        return False

    def save_draft(self) -> None:
        """Keep what is typed (typing never waits for the disk). Saves run on the runner's
        writes lane, so they commit in the order they were typed: never an older draft last."""
        self._autosave.stop()
        if not self._dirty:
            return
        self._dirty = False
        self._last_save = time.monotonic()
        service, case_id = self._service, self.case_id
        body = self.note_text.toPlainText()
        title = self.note_title.text()
        if not body.strip() and not title.strip():
            self._runner.run(lambda: service.discard_draft(case_id), lane=WRITES)
            self.note_status.setText("")
            return
        entry_type = str(self.note_type.currentData())
        self._runner.run(
            lambda: service.save_draft(case_id, body, title=title, entry_type=entry_type),
            self._draft_saved,
            self._draft_failed,
            lane=WRITES,
        )

    def _draft_saved(self, draft: DraftInfo) -> None:
        if not self._closing:
            self.note_status.setText(f"Draft saved {uk_local(draft.updated_at):%H:%M:%S}")

    def _draft_failed(self, exc: BaseException) -> None:
        self._dirty = True
        if self._closing:
            return
        self.note_status.setText(f"Draft NOT saved: {exc}. Keep this tab open and try again.")

    def sign_note(self) -> None:
        body = self.note_text.toPlainText()
        if not body.strip():
            self.note_status.setText("Write the note before signing it.")
            return
        self._autosave.stop()
        self.sign_button.setEnabled(False)
        service, case_id = self._service, self.case_id
        title, entry_type = self.note_title.text(), str(self.note_type.currentData())
        self._runner.run(
            lambda: service.sign_note(case_id, body, title=title, entry_type=entry_type),
            lambda _e: self._after_sign("Note signed."),
            self._sign_failed,
            lane=WRITES,
        )

    def _after_sign(self, message: str) -> None:
        if self._closing:
            return
        self._dirty = False
        self.sign_button.setEnabled(True)
        self.note_text.blockSignals(True)
        self.note_title.blockSignals(True)
        self.note_text.clear()
        self.note_title.clear()
        self.note_text.blockSignals(False)
        self.note_title.blockSignals(False)
        self.note_status.setText(message)
        self.reload()
        self.changed.emit()

    def _sign_failed(self, exc: BaseException) -> None:
        if self._closing:
            return
        self.sign_button.setEnabled(True)
        self.note_status.setText(f"Not signed: {exc}")

    def close_page(self) -> None:
        """Save any typing and stop showing the case (the tab is going away)."""
        self.save_draft()
        self._closing = True


def _people_html(detail: CaseDetail) -> str:
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
