"""The dialogs of a penalty notice's steps: consider, Notice to Improve, issue, pay, end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QWidget

from officer_app.domain.notice_to_improve import ImprovementPeriod, school_weeks
from officer_app.domain.penalty_notices import Grounds, ThresholdEvidence
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_consider_dialog import Ui_ConsiderDialog
from officer_app.gui.generated.ui_issue_dialog import Ui_IssueDialog
from officer_app.gui.generated.ui_notice_to_improve_dialog import Ui_NoticeToImproveDialog
from officer_app.gui.generated.ui_payment_dialog import Ui_PaymentDialog
from officer_app.gui.generated.ui_reason_dialog import Ui_ReasonDialog
from officer_app.gui.markup import bold, escape, no_accelerator
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.penalty_notices import (
    WITHDRAWAL_REASONS,
    IssuePlan,
    NoticeInfo,
    ParentChoice,
)
from officer_app.wording import short_date

SEND_METHODS = (("post", "By post"), ("hand", "By hand"), ("email", "By email"))


def day_of(edit: QDateEdit) -> dt.date:
    return pydate(edit.date())


def ok_cancel(dialog: QDialog, buttons: QDialogButtonBox, ok_text: str) -> QDialogButtonBox:
    """A drawn Ok/Cancel row wired to ``dialog``, its Ok button saying what it does."""
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def grow_to_fit(dialog: QDialog) -> None:
    """Make a shown dialog tall enough again once a wrapped text in it has grown (Qt fits a
    window's height to its width only when it is first shown)."""
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        return  # not shown yet: showing it fits it
    layout.activate()  # measure the new text now, not at the next layout request
    need = layout.totalHeightForWidth(dialog.width())
    if need > dialog.height():
        dialog.resize(dialog.width(), need)


class ConsiderDialog(QDialog):
    """Which parents, on what grounds, and the register's evidence over a chosen range. Drawn
    in ui/consider_dialog.ui; the parents' boxes and the grounds are added here."""

    def __init__(
        self,
        parents: Sequence[ParentChoice],
        first: dt.date,
        last: dt.date,
        evidence: Callable[[dt.date, dt.date], ThresholdEvidence],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConsiderDialog()
        self.ui.setupUi(self)
        self._evidence = evidence
        self._runner = runner
        self._asked = 0
        self.seen: ThresholdEvidence | None = None
        self.first, self.last = self.ui.first, self.ui.last
        self.first.setDate(qdate(first))
        self.last.setDate(qdate(last))
        self.first.dateChanged.connect(self._check)
        self.last.dateChanged.connect(self._check)
        self.evidence_label = self.ui.evidence_label
        self.parents: list[tuple[QCheckBox, ParentChoice]] = []
        before: QWidget = self.last
        for choice in parents:
            note = "" if choice.parental_responsibility else ", no parental responsibility"
            box = QCheckBox(no_accelerator(f"{choice.name} ({choice.relationship}{note})"))
            box.setAccessibleName(f"Notice to {choice.name}")
            self.ui.parent_box.addWidget(box)
            QWidget.setTabOrder(before, box)  # in the order shown, not the order made
            before = box
            self.parents.append((box, choice))
        if self.parents:  # "&Parents" takes you to the first of them
            self.ui.parents_label.setBuddy(self.parents[0][0])
        self.grounds = self.ui.grounds
        for grounds in Grounds:
            self.grounds.addItem(grounds.label, grounds.value)
        self.note = self.ui.note
        self.buttons = ok_cancel(self, self.ui.buttons, "Record as considered")
        self._check()

    def _check(self) -> None:
        first, last = day_of(self.first), day_of(self.last)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(first <= last)  # the offence period cannot end before it starts
        if first > last:
            self._asked += 1  # whatever is still being worked out no longer applies
            self.evidence_label.setText(
                f"Register to: {short_date(last)} is before Register from "
                f"({short_date(first)}): the range ends before it starts."
            )
            self.seen = None
            return
        self.evidence_label.setText("Reading the register…")
        self._asked += 1
        asked = self._asked
        self._runner.run(lambda: self._evidence(first, last), lambda r: self._shown(r, asked))

    def _shown(self, seen: ThresholdEvidence, asked: int) -> None:
        if asked != self._asked:
            return  # the range changed since: the answer for the newer one is coming
        self.seen = seen
        mostly_g = seen.codes_in_window.get("G", 0) * 2 > seen.unauthorised_in_window > 0
        if mostly_g:
            self.grounds.setCurrentIndex(self.grounds.findData(Grounds.LEAVE_IN_TERM_TIME.value))
        self.evidence_label.setText(seen.sentence())
        grow_to_fit(self)

    def chosen_parents(self) -> list[str]:
        return [choice.id for box, choice in self.parents if box.isChecked()]

    def chosen_grounds(self) -> Grounds:
        return Grounds(self.grounds.currentData())


class NoticeToImproveDialog(QDialog):
    """The Notice to Improve's details; the improvement period is checked against the LA's
    range as the dates change, and a period outside it cannot be sent (the reason shown).
    Drawn in ui/notice_to_improve_dialog.ui."""

    def __init__(
        self,
        notice: NoticeInfo,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        period: ImprovementPeriod | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NoticeToImproveDialog()
        self.ui.setupUi(self)
        self._period = period or ImprovementPeriod()
        self.ui.intro.setText(
            f"A last chance to engage with support before a penalty notice, for "
            f"{notice.parent_name}. It says what sufficient improvement means and by when. It "
            "is not normally used for leave in term time."
        )
        self.sent_on, self.method, self.until = self.ui.sent_on, self.ui.method, self.ui.until
        self._today = today
        self.sent_on.setDate(qdate(today))
        for value, label in SEND_METHODS:
            self.method.addItem(label, value)
        self.until.setDate(qdate(today + dt.timedelta(weeks=4)))
        self.improvement, self.support = self.ui.improvement, self.ui.support
        self.period_note = self.ui.period_note
        self.buttons = ok_cancel(self, self.ui.buttons, "Send the Notice to Improve")
        self.until.dateChanged.connect(self._check_period)
        self.sent_on.dateChanged.connect(self._check_period)
        self._check_period()

    def _check_period(self) -> None:
        sent, until = day_of(self.sent_on), day_of(self.until)
        if sent > self._today:  # nothing is recorded as sent before it is sent
            refusal: str | None = f"Sent on: {short_date(sent)} is a date still to come"
        elif until <= sent:
            refusal = "the improvement period must end after the notice is sent"
        else:
            refusal = self._period.refusal(sent, until)
        if refusal:
            self.period_note.setText(f"Cannot be sent: {refusal}.")
        else:
            weeks = school_weeks(sent, until)
            self.period_note.setText(
                f"{weeks} school weeks after the week it is sent in (the LA's range: "
                f"{self._period.describe()}; weeks with a working day count, holidays too)."
            )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(refusal is None)
        grow_to_fit(self)


class IssueDialog(QDialog):
    """Issue date, service, the supervisor's authority; the amounts or the refusal, live.
    Drawn in ui/issue_dialog.ui."""

    def __init__(
        self,
        notice: NoticeInfo,
        supervisors: Sequence[tuple[str, str]],
        today: dt.date,
        plan: Callable[[dt.date, str, dt.date | None], IssuePlan],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Issue a penalty notice to {notice.parent_name}")
        self._plan = plan
        self._runner = runner
        self._asked = 0
        self.plan: IssuePlan | None = None
        self.ui.intro.setText(notice.evidence.sentence())
        self.issued_on, self.served_by = self.ui.issued_on, self.ui.served_by
        self.issued_on.setDate(qdate(today))
        self.served_by.addItem("First-class post", "post")
        self.served_by.addItem("By hand", "hand")
        self.own_receipt, self.received_on = self.ui.own_receipt, self.ui.received_on
        self.received_on.setDate(qdate(today))
        self.own_receipt.toggled.connect(self.received_on.setEnabled)
        self.supervisor = self.ui.supervisor
        self.supervisor.addItem("Choose the supervisor…", None)
        for officer_id, name in supervisors:
            self.supervisor.addItem(name, officer_id)
        self.authorised_on = self.ui.authorised_on
        self.authorised_on.setDate(qdate(today))
        self.outcome = self.ui.outcome
        self.buttons = ok_cancel(self, self.ui.buttons, "Issue the notice")
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        for signal in (
            self.issued_on.dateChanged,
            self.served_by.currentIndexChanged,
            self.own_receipt.toggled,
        ):
            signal.connect(self._replan)
        self.received_on.dateChanged.connect(
            lambda _d: self._replan() if self.own_receipt.isChecked() else None
        )
        self.supervisor.currentIndexChanged.connect(self._enable)
        self._replan()

    def _replan(self) -> None:
        issued, served = day_of(self.issued_on), str(self.served_by.currentData())
        received = self.received()
        self.plan = None
        self._enable()
        self.outcome.setText("Checking the notices already issued to this parent…")
        self._asked += 1
        asked = self._asked
        self._runner.run(
            lambda: self._plan(issued, served, received),
            lambda r: self._planned(r, asked),
            lambda e: self._failed(e, asked),
        )

    def _failed(self, exc: BaseException, asked: int) -> None:
        if asked == self._asked:
            self.outcome.setText(bold(exc))

    def _planned(self, plan: IssuePlan, asked: int) -> None:
        if asked != self._asked:
            return  # the inputs changed since: the newer answer is coming
        self.plan = plan
        d = plan.decision
        if not self.own_receipt.isChecked():
            received = plan.received_on
            self.received_on.setDate(qdate(received))
        if not d.allowed:
            alternatives = "".join(f"<li>{escape(a)}</li>" for a in d.alternatives)
            self.outcome.setText(
                f"<b style='color:#842029'>Refused.</b> {escape(d.reason)}<ul>{alternatives}</ul>"
            )
        else:
            if d.amount_within_21_days and plan.reduced_by:
                pay = (
                    f"£{d.amount_within_21_days} if paid by {short_date(plan.reduced_by)}, "
                    f"£{d.amount_within_28_days} by {short_date(plan.full_by)}"
                )
            else:
                pay = f"£{d.amount_within_28_days} by {short_date(plan.full_by)}"
            presumed = not self.own_receipt.isChecked() and self.served_by.currentData() == "post"
            note = " (presumed: the second working day after posting)" if presumed else ""
            self.outcome.setText(
                f"{bold(d.reason)}<br>Received {short_date(plan.received_on)}{note}; payable "
                f"{escape(pay)}."
            )
        self._enable()
        grow_to_fit(self)

    def _enable(self) -> None:
        allowed = self.plan is not None and self.plan.decision.allowed
        self.ok.setEnabled(allowed and self.supervisor.currentData() is not None)

    def received(self) -> dt.date | None:
        return day_of(self.received_on) if self.own_receipt.isChecked() else None


class PaymentDialog(QDialog):
    """The date and amount paid. Drawn in ui/payment_dialog.ui."""

    def __init__(self, notice: NoticeInfo, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PaymentDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Payment of penalty notice {notice.number}")
        due = (
            f"£{notice.amount_21} by {short_date(notice.reduced_by)}, or "
            if notice.amount_21 and notice.reduced_by
            else ""
        )
        self.ui.intro.setText(
            f"Due: {due}£{notice.amount_28} by {short_date(notice.full_by)}"
            if notice.full_by
            else ""
        )
        self.paid_on, self.amount = self.ui.paid_on, self.ui.amount
        self.paid_on.setDate(qdate(today))
        self.amount.setValue(notice.amount_21 or notice.amount_28 or 160)
        ok_cancel(self, self.ui.buttons, "Record the payment")


class ReasonDialog(QDialog):
    """A date (optional) and a reason: not issuing, withdrawing, a prosecution. Drawn in
    ui/reason_dialog.ui; the rows not asked for are hidden."""

    def __init__(
        self,
        title: str,
        intro: str,
        ok_text: str,
        today: dt.date,
        *,
        with_date: bool = True,
        reasons: Sequence[str] = (),
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.intro.setText(intro)
        self.required = required
        self.on = self.ui.on
        self.on.setDate(qdate(today))
        self.ui.form.setRowVisible(self.on, with_date)
        self.reason = self.ui.reason
        self.choices = self.ui.choices
        self.choices.addItem("Choose a common reason, or write your own…", "")
        for text in reasons:
            self.choices.addItem(text, text)
        self.choices.currentIndexChanged.connect(
            lambda _i: self.reason.setPlainText(self.choices.currentData() or "")
        )
        self.ui.form.setRowVisible(self.choices, bool(reasons))
        self.ui.reason_label.setText("&Reason" if required else "&Note")
        self.buttons = ok_cancel(self, self.ui.buttons, ok_text)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def withdraw_dialog(notice: NoticeInfo, today: dt.date, parent: QWidget) -> ReasonDialog:
    return ReasonDialog(
        f"Withdraw penalty notice {notice.number}",
        "A notice may be withdrawn (for example when it was issued in error). The reason is "
        "kept in the LA's record; a withdrawn notice does not count towards the limit.",
        "Withdraw the notice",
        today,
        reasons=WITHDRAWAL_REASONS,
        parent=parent,
    )
