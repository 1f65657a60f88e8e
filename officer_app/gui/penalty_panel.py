"""The case's penalty notices: each notice's state and history, and the next steps allowed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.gui.markup import escape, lines, literal, plain_label
from officer_app.gui.notice_records_dialogs import EsoDecisionDialog, OthersNoticeDialog
from officer_app.gui.penalty_dialogs import (
    ConsiderDialog,
    IssueDialog,
    NoticeToImproveDialog,
    PaymentDialog,
    ReasonDialog,
    day_of,
    withdraw_dialog,
)
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.notice_records import EsoDecisionInfo
from officer_app.services.penalty_notices import (
    NoticeInfo,
    NoticeRefused,
    ParentChoice,
    PenaltyNoticeService,
)
from officer_app.wording import short_date

HEADERS = ["Parent", "Status", "Considered", "Notice", "Issued", "Amount", "Pay by", "Ended"]
RULES = (
    "A penalty notice must be considered at 10 or more sessions of unauthorised absence in 10 "
    "school weeks. First notice to a parent for a child: £80 within 21 days, £160 within 28. "
    "A second while an earlier notice still counts (for the 3 years beginning with its date): "
    "£160 within 28 days. None while two still count: another intervention instead. The days "
    "for paying begin with the day of receipt. Legal action needs a supervisor's authority."
)
# (key, button text, the status the step leads to; None for actions that change nothing)
STEPS: tuple[tuple[str, str, NoticeStatus | None], ...] = (
    ("nti", "Notice to &Improve…", NoticeStatus.NOTICE_TO_IMPROVE),
    ("issue", "I&ssue…", NoticeStatus.ISSUED),
    ("not_issued", "&Not to issue…", NoticeStatus.NOT_ISSUED),
    ("paid", "&Payment…", NoticeStatus.PAID_28),
    ("unpaid", "&Unpaid", NoticeStatus.UNPAID),
    ("withdraw", "&Withdraw…", NoticeStatus.WITHDRAWN),
    ("prosecuted", "P&rosecution…", NoticeStatus.PROSECUTED),
)


def _ended(notice: NoticeInfo) -> str:
    if notice.paid_on:
        return f"£{notice.amount_paid} paid {short_date(notice.paid_on)}"
    if notice.withdrawn_on:
        return f"withdrawn {short_date(notice.withdrawn_on)}"
    if notice.prosecution_on:
        return f"prosecution {short_date(notice.prosecution_on)}"
    if notice.status is NoticeStatus.NOT_ISSUED:
        return "not issued"
    return ""


def history_html(notice: NoticeInfo) -> str:
    """The notice's story so far, in the order it happened."""
    if notice.issuer:
        return "<br><br>".join(_others_story(notice))
    story = [
        f"<b>{escape(notice.parent_name)}</b> — {escape(notice.child_name)} — "
        f"<b>{escape(notice.status_label)}</b>",
        f"Considered on {short_date(notice.considered_on)} by {escape(notice.considered_by)} "
        f"({escape(notice.grounds.phrase)}). {escape(notice.evidence.sentence())}",
    ]
    if notice.decision_reason:
        story.append(f"Note or reason: {lines(notice.decision_reason)}")
    if notice.nti_on:
        story.append(
            f"Notice to Improve sent on {short_date(notice.nti_on)}; improvement period to "
            f"{short_date(notice.nti_until)}."
        )
    if notice.issued_on:
        story.append(
            f"Notice <b>{escape(notice.number or '')}</b> "
            f"({'first' if notice.ordinal == 1 else 'second'}) "
            f"issued on {short_date(notice.issued_on)} by {escape(notice.served_by)}, received "
            f"{short_date(notice.received_on)}; authorised by {escape(notice.authorised_by)} on "
            f"{short_date(notice.authorised_on)}."
        )
        if notice.amount_21 and notice.reduced_by:
            story.append(
                f"Payable: £{notice.amount_21} by {short_date(notice.reduced_by)}, "
                f"£{notice.amount_28} by {short_date(notice.full_by)}."
            )
        else:
            story.append(f"Payable: £{notice.amount_28} by {short_date(notice.full_by)}.")
    if notice.paid_on:
        story.append(f"Paid £{notice.amount_paid} on {short_date(notice.paid_on)}.")
    if notice.withdrawn_on:
        story.append(
            f"Withdrawn on {short_date(notice.withdrawn_on)}: {lines(notice.withdrawn_reason)}"
        )
    if notice.prosecution_on:
        story.append(
            f"Prosecution: information laid on {short_date(notice.prosecution_on)}. "
            f"{lines(notice.prosecution_note)}"
        )
    return "<br><br>".join(story)


def _others_story(notice: NoticeInfo) -> list[str]:
    """A notice issued by someone else: who, when, the absence it covers, what became of it."""
    story = [
        f"<b>{escape(notice.parent_name)}</b> — {escape(notice.child_name)} — "
        f"<b>{escape(notice.status_label)}</b>",
        f"<b>{escape(notice.issued_by_others)}</b>: notice <b>{escape(notice.number or '')}</b> "
        f"issued on {short_date(notice.issued_on)} for the absence from "
        f"{short_date(notice.evidence.window_from)} to {short_date(notice.evidence.window_to)}. "
        f"Recorded on {short_date(notice.considered_on)} by {escape(notice.considered_by)}; it "
        "counts towards the limit and covers that absence.",
    ]
    if notice.withdrawn_on:
        story.append(
            f"Withdrawn on {short_date(notice.withdrawn_on)}: {lines(notice.withdrawn_reason)}"
        )
    if notice.prosecution_on:
        story.append(f"Prosecution: information laid on {short_date(notice.prosecution_on)}.")
    return story


class _Message(QLabel):
    """What the last step did or why it was refused: takes room only when it says something.
    Rich text: every outside piece goes through :func:`escape`."""

    def __init__(self) -> None:
        super().__init__("")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class PenaltyNoticePanel(QWidget):
    changed = Signal()  # a step was recorded: the case's chronology should refresh

    def __init__(
        self,
        case_id: str,
        service: Callable[[], PenaltyNoticeService],
        runner: TaskRunner,
        today: dt.date,
        *,
        view_letter: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self._today = today
        self._view_letter = view_letter
        self.loaded = False
        self.notices: list[NoticeInfo] = []
        self.open_dialog: QDialog | None = None  # for tests
        self.rules = plain_label(
            "10 unauthorised sessions in 10 school weeks · £80/£160, £160, no third"
        )
        self.rules.setToolTip(literal(RULES))
        self.rules.setProperty("role", "muted")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Penalty notices on this case")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.history = QTextBrowser()
        self.history.setAccessibleName("The selected notice's history")
        self.message = _Message()
        self.message.setAccessibleName("Penalty notice message")
        self.consider_button = QPushButton("&Consider a penalty notice…")
        self.consider_button.setAccessibleName("Consider a penalty notice")
        self.consider_button.clicked.connect(self.consider)
        self.eso_button = QPushButton("&ESO decision (s447)…")
        self.eso_button.setAccessibleName("Record the decision on an Education Supervision Order")
        self.eso_button.clicked.connect(self.record_eso)
        self.others_button = QPushButton("Notice by &others…")
        self.others_button.setAccessibleName("Record a notice issued by someone else")
        self.others_button.clicked.connect(self.record_others)
        self.eso_label = plain_label("")
        self.eso_label.setAccessibleName("Education Supervision Order decision")
        self.eso_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.consider_button)
        row.addWidget(self.eso_button)
        row.addWidget(self.others_button)
        row.addStretch(1)
        # the rules in brief (in full in its tooltip), wrapping: beside the buttons, unwrapped,
        # it made the tab (and so the window) 1,030 px at the least, wider than a laptop's
        # screen once the case page was beside it
        self.rules.setWordWrap(True)
        row.addWidget(self.rules, 1)
        # the steps of the selected notice on a row of their own: one row of every button
        # made the window wider than a laptop's screen once a notice was selected
        steps = QHBoxLayout()
        for key, text, _status in STEPS:
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setVisible(False)  # only the steps the rules allow are offered
            button.clicked.connect(lambda _c=False, k=key: self.step(k))
            self.buttons[key] = button
            steps.addWidget(button)
        self.copy_button = QPushButton("View the &notice sent")
        self.copy_button.setAccessibleName("View the notice sent")
        self.copy_button.setEnabled(False)
        self.copy_button.setVisible(False)
        self.copy_button.clicked.connect(self._view_copy)
        steps.addWidget(self.copy_button)
        steps.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.history)
        self.table.setMinimumHeight(84)  # the heads and at least two notices, always
        self.history.setMinimumHeight(48)
        split.setSizes([130, 170])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addLayout(steps)
        layout.addWidget(self.message)
        layout.addWidget(self.eso_label)
        layout.addWidget(split, 1)

    # --- loading -----------------------------------------------------------------------
    def load(self) -> None:
        self.loaded = True
        service = self._service
        self._runner.run(lambda: service().notices_for(self.case_id), self._show, self._failed)
        self._runner.run(lambda: service().eso_decisions(self.case_id), self._show_eso)

    def _show_eso(self, decisions: list[EsoDecisionInfo]) -> None:
        if not decisions:
            self.eso_label.setText(
                "No decision on an Education Supervision Order is recorded: one is needed "
                "before any prosecution (s447)."
            )
            return
        last = decisions[-1]
        self.eso_label.setText(
            f"ESO considered on {short_date(last.considered_on)} by {last.considered_by}: "
            f"{last.decision_label}. Reason: {last.reason}"
        )

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(f"<b style='color:#842029'>{escape(str(exc))}</b>")

    def _show(self, notices: list[NoticeInfo]) -> None:
        selected = self.current()
        self.notices = notices
        self.table.setRowCount(len(notices))
        for n, notice in enumerate(notices):
            pay_by = short_date(notice.reduced_by or notice.full_by)
            cells = [
                notice.parent_name,
                notice.status_label,
                short_date(notice.considered_on),
                (notice.number or "")
                + (
                    f" ({notice.issued_by_others[0].lower()}{notice.issued_by_others[1:]})"
                    if notice.issuer
                    else ""
                ),
                short_date(notice.issued_on),
                notice.amount_text,
                pay_by,
                _ended(notice),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(n, col, QTableWidgetItem(text))
        if not notices:
            self.history.setHtml("<p>No penalty notice has been considered on this case.</p>")
        keep = next(
            (n for n, x in enumerate(notices) if selected and x.id == selected.id), len(notices) - 1
        )
        if notices:
            self.table.selectRow(keep)
        self._selected()

    def current(self) -> NoticeInfo | None:
        row = self.table.currentRow()
        return self.notices[row] if 0 <= row < len(self.notices) else None

    def _selected(self) -> None:
        notice = self.current()
        allowed = set(notice.next_steps) if notice else set()
        for key, _text, status in STEPS:
            if key == "paid":
                ok = NoticeStatus.PAID_21 in allowed or NoticeStatus.PAID_28 in allowed
            else:
                ok = status in allowed
            self.buttons[key].setEnabled(ok)
            self.buttons[key].setVisible(ok)
        has_copy = bool(notice and notice.notice_letter_id and self._view_letter is not None)
        self.copy_button.setEnabled(has_copy)
        self.copy_button.setVisible(has_copy)
        if notice is not None:
            self.history.setHtml(history_html(notice))

    # --- steps ---------------------------------------------------------------------------
    def _run(self, work: Callable[[], object], done_text: str) -> None:
        def done(_result: object) -> None:
            self.message.setText(escape(done_text))
            self.load()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, NoticeRefused) and exc.alternatives:
                alternatives = "".join(f"<li>{escape(a)}</li>" for a in exc.alternatives)
                self.message.setText(
                    f"<b style='color:#842029'>{escape(str(exc))}</b><ul>{alternatives}</ul>"
                )
            else:
                self._failed(exc)

        self.message.setText("Recording…")
        self._runner.run(work, done, failed)

    def record_eso(self) -> None:
        dialog = EsoDecisionDialog(self._today, self)
        self.open_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        on, by, decision, reason = dialog.values()
        service = self._service
        self._run(
            lambda: service().record_eso_decision(
                self.case_id, considered_on=on, considered_by=by, decision=decision,
                reason=reason,
            ),
            "Decision on an Education Supervision Order recorded.",
        )  # fmt: skip

    def record_others(self) -> None:
        service = self._service
        self._runner.run(lambda: service().parents(self.case_id), self._others_with)

    def _others_with(self, parents: list[ParentChoice]) -> None:
        if not parents:
            self.message.setText("There is no parent on this case.")
            return
        dialog = OthersNoticeDialog(parents, self._today, self)
        self.open_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        notice = dialog.notice()
        service = self._service
        self._run(
            lambda: service().record_others_notice(self.case_id, notice),
            "Notice issued by someone else recorded.",
        )

    def consider(self) -> None:
        service = self._service
        self._runner.run(lambda: service().parents(self.case_id), self._consider_with)

    def _consider_with(self, parents: list[ParentChoice]) -> None:
        if not parents:
            self.message.setText("There is no parent on this case to send a notice to.")
            return
        service = self._service
        year_start = dt.date(self._today.year - (self._today.month < 9), 9, 1)
        dialog = ConsiderDialog(
            parents,
            year_start,
            self._today - dt.timedelta(days=1),
            lambda a, b: service().threshold(self.case_id, a, b),
            self._runner,
            self,
        )
        self.open_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen_parents()
        if not chosen:
            self.message.setText("No parent was ticked: nothing was recorded.")
            return
        first, last = day_of(dialog.first), day_of(dialog.last)
        grounds, note = dialog.chosen_grounds(), dialog.note.toPlainText()
        self._run(
            lambda: service().consider(
                self.case_id, chosen, first, last, grounds=grounds, note=note
            ),
            "Recorded as considered.",
        )

    def step(self, key: str) -> None:
        notice = self.current()
        if notice is None:
            return
        service = self._service
        if key == "issue":
            self._runner.run(lambda: service().supervisors(), lambda s: self._issue(notice, s))
            return
        if key == "unpaid":
            self._run(lambda: service().mark_unpaid(notice.id), "Recorded as unpaid.")
            return
        dialog = self._dialog_for(key, notice)
        self.open_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if isinstance(dialog, NoticeToImproveDialog):
            until, sent = day_of(dialog.until), day_of(dialog.sent_on)
            improvement = dialog.improvement.toPlainText()
            support = dialog.support.toPlainText()
            method = str(dialog.method.currentData())
            self._run(
                lambda: service().send_notice_to_improve(
                    notice.id,
                    until=until,
                    improvement=improvement,
                    support=support,
                    sent_on=sent,
                    method=method,
                ),
                "Notice to Improve sent and recorded.",
            )
        elif isinstance(dialog, PaymentDialog):
            paid, amount = day_of(dialog.paid_on), dialog.amount.value()
            self._run(
                lambda: service().record_payment(notice.id, paid, amount), "Payment recorded."
            )
        elif isinstance(dialog, ReasonDialog):
            on, text = day_of(dialog.on), dialog.text()
            work: dict[str, Callable[[], object]] = {
                "not_issued": lambda: service().decide_not_to_issue(notice.id, text),
                "withdraw": lambda: service().withdraw(notice.id, on, text),
                "prosecuted": lambda: service().record_prosecution(notice.id, on, text),
            }
            self._run(work[key], "Recorded.")

    def _dialog_for(self, key: str, notice: NoticeInfo) -> QDialog:
        if key == "nti":
            period = self._service().improvement_period
            return NoticeToImproveDialog(notice, self._today, self, period=period)
        if key == "paid":
            return PaymentDialog(notice, self._today, self)
        if key == "withdraw":
            return withdraw_dialog(notice, self._today, self)
        if key == "prosecuted":
            return ReasonDialog(
                "Prosecution after the penalty notice",
                f"The notice {notice.number} was not paid. Prosecution is for the original s444 "
                "offence; record the date the information was laid. The decision on an "
                "Education Supervision Order (s447) must be recorded before it.",
                "Record the prosecution",
                self._today,
                required=False,
                parent=self,
            )
        return ReasonDialog(
            "Decide not to issue",
            f"Record why no penalty notice will be issued to {notice.parent_name}.",
            "Record the decision",
            self._today,
            with_date=False,
            parent=self,
        )

    def _issue(self, notice: NoticeInfo, supervisors: list[tuple[str, str]]) -> None:
        service = self._service
        dialog = IssueDialog(
            notice,
            supervisors,
            self._today,
            lambda issued, served, received: service().plan_issue(
                notice.id, issued, served, received
            ),
            self._runner,
            self,
        )
        self.open_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        issued = day_of(dialog.issued_on)
        served = str(dialog.served_by.currentData())
        supervisor = str(dialog.supervisor.currentData())
        authorised = day_of(dialog.authorised_on)
        received = dialog.received()
        self._run(
            lambda: service().issue(
                notice.id,
                issued_on=issued,
                served_by=served,
                authorised_by=supervisor,
                authorised_on=authorised,
                received_on=received,
            ),
            "Penalty notice issued: its copy is kept on the case.",
        )

    def _view_copy(self) -> None:
        notice = self.current()
        if notice is not None and notice.notice_letter_id and self._view_letter is not None:
            self._view_letter(notice.notice_letter_id)
