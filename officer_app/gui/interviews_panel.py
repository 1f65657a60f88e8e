"""The case's interviews under caution (issue 12): each planned, deferred, being recorded,
completed or cancelled, with what can be done next.

The panel plans and changes plans (:class:`InterviewPlanDialog`), cancels with a reason, and
asks for the invitation letter through the callable it is given (the case page opens the
letter dialog with the template chosen and the asks prefilled). Conducting an interview and
reading its sealed record belong to other windows: the panel emits
:attr:`InterviewsPanel.conduct_requested` (the interview's id) and
:attr:`InterviewsPanel.record_requested` (the sealed record's entry id).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.interview_plan_dialog import (
    InterviewPlanDialog,
    PlanChoices,
    gather_plan_choices,
)
from officer_app.gui.markup import literal, plain_label
from officer_app.gui.penalty_dialogs import ReasonDialog
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.gui.theme import WARNING_BANNER
from officer_app.services.interviews import InterviewInfo, InterviewService
from officer_app.wording import long_datetime, short_date, short_datetime

INVITATION_TEMPLATE = "interview_invitation"
HEADERS = ["Status", "When", "Person", "Exhibit", "Warnings"]
STATUS_WORDS = {
    "planned": "Planned",
    "in_progress": "Being recorded",
    "deferred": "Deferred (legal advice)",
    "completed": "Completed",
    "cancelled": "Cancelled",
}
PLAN_OPEN = frozenset({"planned", "deferred"})  # a plan that can still change or be cancelled
CANCEL_REASONS = (
    "The parent did not attend and will not be invited again",
    "The parent declined a voluntary interview",
    "Another intervention was chosen instead of prosecution",
    "Planned in error",
)


@dataclass(frozen=True)
class Invitation:
    """What the letter dialog opens with for an interview's invitation."""

    interview_id: str
    recipient_id: str  # the person to be interviewed
    asks: dict[str, str] = field(default_factory=dict)
    template_id: str = INVITATION_TEMPLATE


def when_text(info: InterviewInfo) -> str:
    return short_datetime(info.planned_for) if info.planned_for else "Not arranged"


def summary(info: InterviewInfo) -> str:
    """The selected interview in a few lines (plain text)."""
    place = "the family's home" if info.place_kind == "home" else "the office"
    lines = [
        f"{info.interviewee_name}: {info.offence.label}, for the absence from "
        f"{short_date(info.period_from)} to {short_date(info.period_to)}.",
        f"At {place} ({info.place})"
        + (
            f", {long_datetime(info.planned_for, weekday=True)}"
            if info.planned_for
            else ", not arranged yet"
        )
        + f". Interviewer {info.interviewer_name}; second officer "
        f"{info.second_officer_name or 'none'}; "
        + ("an audio recording." if info.recording == "audio" else "a written record."),
        f"{len(info.topics)} topics, {len(info.statements)} significant statement(s) to put, "
        f"{len(info.documents)} document(s) to show"
        + (
            " (" + ", ".join(d.exhibit for d in info.documents if d.exhibit) + ")"
            if any(d.exhibit for d in info.documents)
            else ""
        )
        + ".",
    ]
    support = []
    if info.interpreter_language or info.interpreter_name:
        support.append(
            f"Interpreter: {info.interpreter_name or 'to be booked'}"
            + (f" ({info.interpreter_language})" if info.interpreter_language else "")
        )
    if info.appropriate_adult_name:
        relation = info.appropriate_adult_relationship
        support.append(
            f"Appropriate adult: {info.appropriate_adult_name}"
            + (f" ({relation})" if relation else "")
        )
    if support:
        lines.append("; ".join(support) + ".")
    lines.extend(f"\u26a0 {w.message}" for w in info.warnings)
    if info.status_reason:
        lines.append(f"{STATUS_WORDS.get(info.status, info.status)}: {info.status_reason}")
    if info.exhibit:
        lines.append(f"The record of interview is exhibit {info.exhibit}.")
    return "\n".join(lines)


class InterviewsPanel(QWidget):
    conduct_requested = Signal(str)  # the interview to start or resume
    record_requested = Signal(str)  # the sealed record's chronology entry
    changed = Signal()  # a plan was saved or cancelled

    def __init__(
        self,
        service: InterviewService,
        runner: TaskRunner,
        case_id: str,
        open_letter: Callable[[Invitation], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self._tasks = runner.owned_by(self)  # nothing delivered once this is closed
        self._open_letter = open_letter
        self.interviews: list[InterviewInfo] = []
        self.plan_dialog: InterviewPlanDialog | None = None  # for tests
        self.cancel_dialog: ReasonDialog | None = None
        self.loaded = False

        title = plain_label("Interviews under caution")
        title.setProperty("role", "section")
        self.plan_button = QPushButton("&Plan an interview…")
        self.plan_button.setAccessibleName("Plan an interview under caution")
        self.plan_button.clicked.connect(self.plan_new)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.plan_button)

        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Interviews on this case")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(84)
        heads = self.table.horizontalHeader()
        heads.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        heads.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemActivated.connect(lambda _item: self._default_action())

        self.edit_button = QPushButton("&Edit plan…")
        self.edit_button.setAccessibleName("Change the selected interview's plan")
        self.edit_button.clicked.connect(self.edit_selected)
        self.letter_button = QPushButton("&Invitation letter…")
        self.letter_button.setAccessibleName("Write the invitation to the selected interview")
        self.letter_button.clicked.connect(self.invite_selected)
        self.conduct_button = QPushButton("&Start")
        self.conduct_button.setAccessibleName("Start or resume the selected interview")
        self.conduct_button.clicked.connect(self.conduct_selected)
        self.cancel_button = QPushButton("&Cancel…")
        self.cancel_button.setAccessibleName("Cancel the selected interview")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.record_button = QPushButton("Open &record")
        self.record_button.setAccessibleName("Open the selected interview's record")
        self.record_button.clicked.connect(self.open_record)
        actions = QHBoxLayout()
        for button in (
            self.edit_button,
            self.letter_button,
            self.conduct_button,
            self.cancel_button,
            self.record_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.detail = plain_label("")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName("The selected interview")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = plain_label("")
        self.status.setProperty("role", "muted")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        self._selected()
        self.reload()

    # --- loading -------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        service, case_id = self._service, self.case_id
        self._tasks.run(
            lambda: service.interviews(case_id),
            lambda found: self._show(found, select_id),
            self._failed("Interviews not read"),
        )

    def _show(self, interviews: list[InterviewInfo], select_id: str | None = None) -> None:
        self.loaded = True
        selected = self.current()
        keep = select_id or (selected.id if selected else None)
        self.interviews = interviews
        self.table.setRowCount(len(interviews))
        warn_bg, warn_fg = WARNING_BANNER
        for row, info in enumerate(interviews):
            cells = [
                STATUS_WORDS.get(info.status, info.status),
                when_text(info),
                info.interviewee_name,
                info.exhibit or "",
                f"\u26a0 {len(info.warnings)}" if info.warnings else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and info.warnings:
                    item.setToolTip(literal("\n".join(w.message for w in info.warnings)))
                    item.setBackground(QBrush(QColor(warn_bg)))
                    item.setForeground(QBrush(QColor(warn_fg)))
                    item.setData(
                        Qt.ItemDataRole.AccessibleTextRole, f"{len(info.warnings)} warnings"
                    )
                self.table.setItem(row, col, item)
        if interviews:
            index = next((n for n, i in enumerate(interviews) if i.id == keep), len(interviews) - 1)
            self.table.selectRow(index)
        self._selected()

    def current(self) -> InterviewInfo | None:
        row = self.table.currentRow()
        if not self.table.selectedItems():
            return None
        return self.interviews[row] if 0 <= row < len(self.interviews) else None

    def _selected(self) -> None:
        info = self.current()
        status = info.status if info else ""
        self.edit_button.setEnabled(status in PLAN_OPEN)
        self.letter_button.setEnabled(status in PLAN_OPEN)
        self.cancel_button.setEnabled(status in PLAN_OPEN)
        self.conduct_button.setEnabled(status in ("planned", "deferred", "in_progress"))
        self.conduct_button.setText("&Start" if status in ("planned", "") else "&Resume")
        self.record_button.setEnabled(bool(info and info.record_id))
        if info is None:
            self.detail.setText(
                "No interview under caution is planned on this case." if not self.interviews else ""
            )
        else:
            self.detail.setText(summary(info))

    def _default_action(self) -> None:
        info = self.current()
        if info is None:
            return
        if info.record_id:
            self.open_record()
        elif info.status in PLAN_OPEN:
            self.edit_selected()

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.status.setText(f"{what}: {exc}")

        return failed

    # --- planning ------------------------------------------------------------------------
    def plan_new(self) -> None:
        self._open_plan(None)

    def edit_selected(self) -> None:
        info = self.current()
        if info is not None and info.status in PLAN_OPEN:
            self._open_plan(info.id)

    def _open_plan(self, interview_id: str | None) -> None:
        service, case_id = self._service, self.case_id
        self.status.setText("Opening the plan…")
        self._tasks.run(
            lambda: gather_plan_choices(service, case_id, interview_id),
            self._show_plan_dialog,
            self._failed("The plan cannot be opened"),
        )

    def _show_plan_dialog(self, choices: PlanChoices) -> None:
        self.status.setText("")
        dialog = InterviewPlanDialog(self._service, self._runner, choices, self)
        dialog.saved.connect(self._plan_saved)
        self.plan_dialog = dialog
        dialog.open()

    def _plan_saved(self, info: InterviewInfo) -> None:
        self.status.setText(f"Plan saved: the interview with {info.interviewee_name}.")
        self.reload(info.id)
        self.changed.emit()

    # --- the other actions ---------------------------------------------------------------
    def invite_selected(self) -> None:
        info = self.current()
        if info is None or info.status not in PLAN_OPEN:
            return
        service, iid, recipient = self._service, info.id, info.interviewee_id
        self._tasks.run(
            lambda: service.invitation_asks(iid),
            lambda asks: self._open_letter(Invitation(iid, recipient, asks)),
            self._failed("The invitation cannot be prepared"),
        )

    def conduct_selected(self) -> None:
        info = self.current()
        if info is not None and info.status in ("planned", "deferred", "in_progress"):
            self.conduct_requested.emit(info.id)

    def open_record(self) -> None:
        info = self.current()
        if info is not None and info.record_id:
            self.record_requested.emit(info.record_id)

    def cancel_selected(self) -> None:
        info = self.current()
        if info is None or info.status not in PLAN_OPEN:
            return
        dialog = ReasonDialog(
            "Cancel an interview under caution",
            f"The interview with {info.interviewee_name} ({when_text(info)}). The plan is kept "
            "with the reason; an interview cancelled cannot be started.",
            "Cancel the interview",
            self._service.today(),
            with_date=False,
            reasons=CANCEL_REASONS,
            parent=self,
        )
        keep = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        keep.setText("Keep the interview")
        keep.setAccessibleName("Keep the interview")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # a reason is required
        dialog.reason.textChanged.connect(lambda: ok.setEnabled(bool(dialog.text())))
        dialog.accepted.connect(lambda: self._cancel(info.id, dialog.text()))
        self.cancel_dialog = dialog
        dialog.open()

    def _cancel(self, interview_id: str, reason: str) -> None:
        service = self._service
        self._tasks.run(
            lambda: service.cancel(interview_id, reason),
            self._cancelled,
            self._failed("Not cancelled"),
            lane=WRITES,
        )

    def _cancelled(self, info: InterviewInfo) -> None:
        self.status.setText(f"Cancelled: the interview with {info.interviewee_name}.")
        self.reload(info.id)
        self.changed.emit()
