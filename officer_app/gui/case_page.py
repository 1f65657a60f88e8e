"""One case, in its own tab: who the child is, what to watch for, what happened, a quick note."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.gui.amend_dialog import AmendDialog
from officer_app.gui.attachments_panel import AttachmentsPanel
from officer_app.gui.attendance_panel import AttendancePanel
from officer_app.gui.case_actions import CaseToolRow
from officer_app.gui.case_chronology import ChronologyPane
from officer_app.gui.case_header import CaseHeader, people_html, risk_html
from officer_app.gui.case_labels import case_label
from officer_app.gui.case_letter_copies import LetterCopies
from officer_app.gui.quick_note import QuickNote
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.attachments import AttachmentService
from officer_app.services.case_file import CaseFileService
from officer_app.services.dto import CaseDetail, EntryInfo, TimescaleInfo
from officer_app.wording import short_date

if TYPE_CHECKING:  # the field-work dialogs load on first use, not at start-up
    from officer_app.gui.case_court import CaseCourt
    from officer_app.gui.case_interviews import CaseInterviews
    from officer_app.gui.field_work_actions import FieldWorkActions
    from officer_app.gui.interviews_panel import Invitation
    from officer_app.gui.letter_dialog import LetterChoices, LetterDialog
    from officer_app.gui.penalty_panel import PenaltyNoticePanel
    from officer_app.gui.people_panel import PeoplePanel
    from officer_app.gui.risk_flags_panel import RiskFlagsPanel
    from officer_app.services.attendance import AttendanceService
    from officer_app.services.case_stages import CaseStageService, StageMove
    from officer_app.services.family_changes import FamilyChangeService
    from officer_app.services.field_work import FieldWorkService
    from officer_app.services.interviews import InterviewService
    from officer_app.services.letter_batch_info import PreparedLetter
    from officer_app.services.letters import LetterInfo, LetterService
    from officer_app.services.packs import PackService
    from officer_app.services.penalty_notices import PenaltyNoticeService
    from officer_app.services.risk_flags import RiskFlagService
    from officer_app.services.statements import StatementService


class RecordPrinter(Protocol):
    """A service that prints a signed record (field work's forms, interviews)."""

    def export_record_pdf(self, entry_id: str, out: Path) -> int: ...

    def record_pdf_bytes(self, entry_id: str) -> tuple[bytes, int]: ...


SIDE_WIDTH = 390  # the People | Risk | Attachments column and the quick note
QWIDGETSIZE_MAX = (1 << 24) - 1


class CasePage(LetterCopies, QWidget):
    """A case tab. Loads on the task runner; never blocks the window."""

    changed = Signal()  # something was signed: the caseload should refresh
    title_changed = Signal(str)
    sync_conflicts_requested = Signal(str)  # the case id: the window opens the conflicts view

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
        stages: Callable[[], CaseStageService] | None = None,
        family_changes: Callable[[], FamilyChangeService] | None = None,
        risk_flags: Callable[[], RiskFlagService] | None = None,
        interviews: Callable[[], InterviewService] | None = None,
        court: tuple[Callable[[], StatementService], Callable[[], PackService]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._interviews = interviews
        self._court = court
        self._stages = stages
        self._family_changes = family_changes
        self._risk_flags = risk_flags
        self.stage_dialog: QDialog | None = None
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
        self._closing = False
        self.loading = case_label("Loading the case…", "muted")
        self._build()
        self._set_loaded(False)
        self.reload()

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        header = CaseHeader()
        self.header = header
        self.name, self.facts, self.case_line = header.name, header.facts, header.case_line
        self.rag, self.vulnerabilities = header.rag, header.vulnerabilities
        self.attendance_line, self.stage_chip = header.attendance_line, header.stage
        self.timescale_line, self.prepared_line = header.timescale_line, header.prepared_line
        self.tools = CaseToolRow(
            self._work if self._field_work is not None else None,
            (lambda: self.write_letter()) if self._letters is not None else None,
            stage=self._stage_action if self._stages is not None else None,
        )
        self.buttons = self.tools.buttons

        pane = ChronologyPane()
        self.chronology_pane = pane
        self.type_filter, self.chronology, self.tree = pane.type_filter, pane.chronology, pane.tree
        self.entry_text, self.amend_button = pane.entry_text, pane.amend_button
        self.pdf_button, self.print_button = pane.pdf_button, pane.print_button
        pane.entry_changed.connect(self._entry_selected)
        self.amend_button.clicked.connect(self._amend)
        self.pdf_button.clicked.connect(self._save_pdf)
        self.print_button.clicked.connect(self._print)
        self.views = QTabWidget()
        self.views.setAccessibleName("Chronology and attendance")
        self.views.addTab(pane, "Chronology")
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
        self.interviews_tab: CaseInterviews | None = None
        if self._interviews is not None:
            from officer_app.gui.case_interviews import CaseInterviews

            tab = CaseInterviews(self.case_id, self._interviews, self._runner, self)
            tab.changed.connect(self._after_field_work)
            tab.record_requested.connect(self.show_entry_by_id)
            tab.invitation_requested.connect(self.write_letter)
            self.views.addTab(tab.widget, "Interviews")
            self.interviews_tab = tab
        self.court_tab: CaseCourt | None = None
        if self._court is not None:
            from officer_app.gui.case_court import CaseCourt

            court = CaseCourt(self.case_id, *self._court, self._runner, self)
            court.changed.connect(self._after_field_work)
            self.views.addTab(court.widget, "Court")
            self.court_tab = court
        self.views.currentChanged.connect(self._view_changed)

        self.quick_note = QuickNote(self.case_id, self._service, self._runner)
        note = self.quick_note
        self.note_type, self.note_title, self.note_text = (
            note.note_type,
            note.note_title,
            note.note_text,
        )
        self.note_status, self.sign_button = note.note_status, note.sign_button
        note.signed.connect(self._after_sign)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.sign_note)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(self.views)
        body.addWidget(self._side_column())
        body.setStretchFactor(0, 1)
        body.setSizes([SIDE_WIDTH * 3, SIDE_WIDTH])
        self.body = body
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(header)
        layout.addWidget(self.tools)
        self.sync_conflicts = QPushButton("")
        self.sync_conflicts.setAccessibleName("Sync conflicts on this case")
        self.sync_conflicts.clicked.connect(
            lambda: self.sync_conflicts_requested.emit(self.case_id)
        )
        self.sync_conflicts.setVisible(False)
        layout.addWidget(self.sync_conflicts, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(body, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.loading)
        outer.addWidget(self.content, 1)

    def _side_column(self) -> QSplitter:
        """People | Risk | Attachments in tabs, the quick note under them (each side panel
        is a tab: the people and risk-flag editors and the attachment viewer go here)."""
        self.people = QTextBrowser()
        self.people.setAccessibleName("People on the case")
        self.people.setOpenLinks(False)
        self.people.setMinimumWidth(250)
        self.risk_banner = case_label("", rich=True)  # every flag in full; chips in the header
        self.risk_banner.setAccessibleName("Risk flags")
        self.risk_banner.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.risk_banner.setContentsMargins(6, 6, 6, 6)
        risk = QScrollArea()
        risk.setWidgetResizable(True)
        risk.setFrameShape(QFrame.Shape.NoFrame)
        risk.setWidget(self.risk_banner)
        # held here: with the flags panel in its place the area has no parent, and the banner
        # (still set on every load, for the tests and a profile without the panel) would go
        self._risk_scroll = risk
        self.side = QTabWidget()
        self.side.setAccessibleName("People, risk and attachments")
        self.people_panel: PeoplePanel | None = None
        self.risk_panel: RiskFlagsPanel | None = None
        if self._family_changes is not None:
            # the particulars on their own tab; the people, with their changes, on the next
            from officer_app.gui.people_panel import PeoplePanel

            self.side.addTab(self.people, "Case")
            self.people_panel = PeoplePanel(self.case_id, self._family_changes(), self._runner)
            self.people_panel.changed.connect(self._after_field_work)
            self.side.addTab(self.people_panel, "People")
        else:
            self.side.addTab(self.people, "People")
        self.risk_tab: QWidget = risk
        if self._risk_flags is not None:
            from officer_app.gui.risk_flags_panel import RiskFlagsPanel

            self.risk_panel = RiskFlagsPanel(self.case_id, self._risk_flags(), self._runner)
            self.risk_panel.changed.connect(self._after_field_work)
            self.risk_tab = self.risk_panel
        self.side.addTab(self.risk_tab, "Risk")
        self.attachments_panel: AttachmentsPanel | None = None
        if self._attachments is not None:
            self.attachments_panel = AttachmentsPanel(self.case_id, self._attachments, self._runner)
            self.side.addTab(self.attachments_panel, "Attachments")
        # the note's box takes the room the column gives it, not a fixed three lines
        self.note_text.setMinimumHeight(48)
        self.note_text.setMaximumHeight(QWIDGETSIZE_MAX)
        self.note_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        column = QSplitter(Qt.Orientation.Vertical)
        column.addWidget(self.side)
        column.addWidget(self.quick_note)
        column.setStretchFactor(0, 3)
        column.setStretchFactor(1, 2)
        column.setSizes([300, 200])
        self.side_column = column
        return column

    def _view_changed(self, index: int) -> None:
        interviews = self.interviews_tab
        if interviews is not None and self.views.widget(index) is interviews.widget:
            interviews.show()
        court = self.court_tab
        if court is not None and self.views.widget(index) is court.widget:
            court.show()
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
        self.header.show_prepared(found)

    def _show_letters(self, found: list[LetterInfo]) -> None:
        if self._closing:
            return
        self.letters_by_entry = {info.entry_id: info for info in found if info.entry_id}
        self._entry_selected(self.selected_entry())

    def _show_timescales(self, scales: tuple[TimescaleInfo, ...]) -> None:
        if self._closing:
            return
        self.timescales = scales
        self.header.show_timescales(scales)

    def run_action(self, key: str) -> bool:
        """Do the case action ``key`` (the Case menu's shortcuts); False if not offered here."""
        button = self.buttons.get(key)
        if button is None or not button.isEnabled():
            return False
        button.click()
        return True

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
        # (the people and risk panels reload themselves after their own changes; nothing else
        # changes what they show)
        self.reload()
        self.changed.emit()

    def _stage_action(self, key: str) -> None:
        """Move on, close or reopen: each through the stage rules, with its reason signed."""
        if self._stages is None or self.detail is None:
            return
        from officer_app.gui.close_case_dialog import CloseCaseDialog, ReopenCaseDialog
        from officer_app.gui.stage_dialog import StageDialog

        service = self._stages()
        dialog: StageDialog | CloseCaseDialog | ReopenCaseDialog
        if key == "move_stage":
            dialog = StageDialog(service, self.case_id, self._runner, self)
            dialog.moved.connect(self._stage_moved)
        elif key == "close_case":
            dialog = CloseCaseDialog(service, self.case_id, self._runner, self)
            dialog.closed.connect(self._stage_moved)
        else:
            dialog = ReopenCaseDialog(
                service, self.case_id, self._runner, self.detail.reference, self
            )
            dialog.reopened.connect(self._stage_moved)
        self.stage_dialog = dialog
        dialog.open()

    def _stage_moved(self, move: StageMove) -> None:
        self.note_status.setText(
            f"{move.reference}: {move.from_label} to {move.to_label}, signed into the chronology."
        )
        self._after_field_work()

    def _load_failed(self, exc: BaseException) -> None:
        if self._closing:
            return  # the tab has gone (or the profile was locked) while it loaded
        self.loading.setText(f"The case could not be opened: {exc}")

    def _show(self, detail: CaseDetail) -> None:
        if self._closing:
            return
        first_load = self.detail is None
        self.detail = detail
        self.header.show_case(detail)
        self.people.setHtml(people_html(detail, with_people=self.people_panel is None))
        self.tools.set_case_open(detail.status != "closed")
        self.risk_banner.setText(risk_html(detail.risks))
        self.side.setTabText(
            self.side.indexOf(self.risk_tab),
            f"Risk ({len(detail.risks)})" if detail.risks else "Risk",
        )
        self.chronology_pane.show_entries(detail.entries)
        self._set_loaded(True)
        self.title_changed.emit(f"{detail.child.surname}, {detail.child.forename}")
        if first_load and detail.draft is not None:
            self.quick_note.restore(detail.draft)

    # --- chronology ------------------------------------------------------------------------
    def _entry_selected(self, entry: EntryInfo | None) -> None:
        printable = False
        if entry is not None:
            printable = self._printer(entry) is not None
            printable = printable or entry.id in self.letters_by_entry  # a letter's stored copy
        self.chronology_pane.show_entry(entry, printable)
        if entry is not None and self.attachments_panel is not None:
            self.attachments_panel.set_target(
                entry.id, f"{entry.type_label} {short_date(uk_local(entry.occurred_at).date())}"
            )

    def selected_entry(self) -> EntryInfo | None:
        return self.chronology_pane.selected_entry()

    def show_entry_by_id(self, entry_id: str) -> None:
        """Bring the chronology forward with this entry selected (an interview's record)."""
        self.views.setCurrentWidget(self.chronology_pane)
        self.chronology_pane.select_entry(entry_id)

    def _printer(self, entry: EntryInfo) -> Callable[[], RecordPrinter] | None:
        """What prints a signed structured record: a form's record, or a record of interview."""
        from officer_app.services.interview_rows import is_interview_record

        if not entry.signed:
            return None
        if is_interview_record(entry.answers):
            return self._interviews
        return self._field_work if entry.form_id is not None else None

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
            lambda _e: self.quick_note.after_amend("Amendment signed."),
            self.quick_note.sign_failed,
            lane=WRITES,
        )

    def _save_pdf(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.id in self.letters_by_entry:
            self._save_letter_copy(self.letters_by_entry[entry.id])
            return
        printer = None if entry is None else self._printer(entry)
        if entry is None or printer is None:
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
        service = printer()
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
        printer = None if entry is None else self._printer(entry)
        if entry is None or printer is None:
            return
        service = printer()
        self.note_status.setText("Preparing the record for printing…")
        self._runner.run(
            lambda: service.record_pdf_bytes(entry.id),
            lambda made: self._show_print_dialog(made, entry.title),
            lambda exc: self.note_status.setText(f"Not printed: {exc}"),
        )

    def write_letter(self, invitation: Invitation | None = None) -> None:
        """Open the letter dialog with what it needs, gathered on the task runner (for an
        interview's invitation: that template, its asks prefilled from the plan)."""
        if self._letters is None or self.detail is None:
            return
        from officer_app.gui.letter_dialog import gather_choices

        factory, case_id = self._letters, self.case_id
        self.note_status.setText("Opening the letters…")
        self._runner.run(
            lambda: (factory(), gather_choices(factory(), case_id)),
            lambda gathered: self._open_letter_dialog(gathered, invitation),
            lambda exc: self.note_status.setText(f"Letters are not available: {exc}"),
        )

    def _open_letter_dialog(
        self, gathered: tuple[LetterService, LetterChoices], invitation: Invitation | None
    ) -> None:
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
            template_id=invitation.template_id if invitation else None,
            asks=invitation.asks if invitation else None,
            recipient_id=invitation.recipient_id if invitation else None,
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

    # --- quick note --------------------------------------------------------------------------
    def focus_note(self) -> None:
        self.quick_note.focus()

    def save_draft(self) -> None:
        """Keep what is typed in the quick note (on the runner's writes lane)."""
        self.quick_note.save_draft()

    def sign_note(self) -> None:
        self.quick_note.sign_note()

    def _after_sign(self) -> None:
        self.reload()
        self.changed.emit()

    def show_sync_conflicts(self, count: int) -> None:
        """Open sync conflicts on this case: a button to the conflicts view (hidden at 0)."""
        self.sync_conflicts.setText(
            f"⚠ {count} sync conflict{'s' * (count != 1)} on this case: choose…"
        )
        self.sync_conflicts.setVisible(count > 0)

    def close_page(self) -> None:
        """Save any typing and stop showing the case (the tab is going away)."""
        self.quick_note.close_note()
        if self.interviews_tab is not None:
            self.interviews_tab.close()
        self._closing = True
