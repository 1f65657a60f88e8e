"""The dialogs of a penalty notice's steps: consider, Notice to Improve, issue, pay, end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.notice_to_improve import ImprovementPeriod, school_weeks
from officer_app.domain.penalty_notices import Grounds, ThresholdEvidence
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.markup import bold, escape, no_accelerator, plain_label, rich_label
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.penalty_notices import (
    WITHDRAWAL_REASONS,
    IssuePlan,
    NoticeInfo,
    ParentChoice,
)
from officer_app.wording import short_date

SEND_METHODS = (("post", "By post"), ("hand", "By hand"), ("email", "By email"))


def date_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setAccessibleName(name)
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    return pydate(edit.date())


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _wrapped(text: str = "", role: str | None = None, *, rich: bool = False) -> QLabel:
    label = rich_label(text) if rich else plain_label(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class ConsiderDialog(QDialog):
    """Which parents, on what grounds, and the register's evidence over a chosen range."""

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
        self.setWindowTitle("Consider a penalty notice")
        self.setMinimumWidth(560)
        self._evidence = evidence
        self._runner = runner
        self._asked = 0
        self.seen: ThresholdEvidence | None = None
        intro = _wrapped(
            "A penalty notice must be considered when the register shows 10 or more sessions of "
            "unauthorised absence (G, N, O, U) in a rolling 10 school weeks. A notice goes to "
            "one parent for one child: tick each parent it would go to."
        )
        self.first = date_edit(first, "Register from")
        self.last = date_edit(last, "Register to")
        self.first.dateChanged.connect(self._check)
        self.last.dateChanged.connect(self._check)
        self.evidence_label = _wrapped("Reading the register…")
        self.evidence_label.setAccessibleName("Threshold evidence")
        self.parents: list[tuple[QCheckBox, ParentChoice]] = []
        parent_box = QVBoxLayout()
        for choice in parents:
            note = "" if choice.parental_responsibility else ", no parental responsibility"
            box = QCheckBox(no_accelerator(f"{choice.name} ({choice.relationship}{note})"))
            box.setAccessibleName(f"Notice to {choice.name}")
            parent_box.addWidget(box)
            self.parents.append((box, choice))
        self.grounds = QComboBox()
        self.grounds.setAccessibleName("Grounds")
        for grounds in Grounds:
            self.grounds.addItem(grounds.label, grounds.value)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("e.g. Discussed in supervision on 24/11; support refused")
        self.note.setFixedHeight(60)
        form = QFormLayout()
        form.addRow("Register &from", self.first)
        form.addRow("Register &to", self.last)
        form.addRow("Evidence", self.evidence_label)
        form.addRow("&Parents", parent_box)
        form.addRow("&Grounds", self.grounds)
        form.addRow("&Note", self.note)
        self.buttons = _buttons(self, "Record as considered")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        first, last = day_of(self.first), day_of(self.last)
        if first > last:
            self._asked += 1  # whatever is still being worked out no longer applies
            self.evidence_label.setText("The range ends before it starts.")
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

    def chosen_parents(self) -> list[str]:
        return [choice.id for box, choice in self.parents if box.isChecked()]

    def chosen_grounds(self) -> Grounds:
        return Grounds(self.grounds.currentData())


class NoticeToImproveDialog(QDialog):
    """The Notice to Improve's details; the improvement period is checked against the LA's
    range as the dates change, and a period outside it cannot be sent (the reason shown)."""

    def __init__(
        self,
        notice: NoticeInfo,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        period: ImprovementPeriod | None = None,
    ) -> None:
        super().__init__(parent)
        self._period = period or ImprovementPeriod()
        self.setWindowTitle("Notice to Improve")
        self.setMinimumWidth(560)
        intro = _wrapped(
            f"A last chance to engage with support before a penalty notice, for "
            f"{notice.parent_name}. It says what sufficient improvement means and by when. It "
            "is not normally used for leave in term time."
        )
        self.sent_on = date_edit(today, "Date sent")
        self.method = QComboBox()
        self.method.setAccessibleName("How it is sent")
        for value, label in SEND_METHODS:
            self.method.addItem(label, value)
        self.until = date_edit(today + dt.timedelta(weeks=4), "Improvement period ends")
        self.improvement = QPlainTextEdit(
            "Attendance of at least 90% over the improvement period, with no unauthorised absence."
        )
        self.improvement.setAccessibleName("Sufficient improvement")
        self.improvement.setFixedHeight(60)
        self.support = QPlainTextEdit()
        self.support.setAccessibleName("Support offered")
        self.support.setPlaceholderText("e.g. Weekly check-in with the attendance mentor")
        self.support.setFixedHeight(60)
        form = QFormLayout()
        form.addRow("&Sent on", self.sent_on)
        form.addRow("&How", self.method)
        self.period_note = _wrapped()
        self.period_note.setAccessibleName("Improvement period check")
        form.addRow("Improvement &until", self.until)
        form.addRow("", self.period_note)
        form.addRow("Sufficient &improvement", self.improvement)
        form.addRow("&Support offered", self.support)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.buttons = _buttons(self, "Send the Notice to Improve")
        layout.addWidget(self.buttons)
        self.until.dateChanged.connect(self._check_period)
        self.sent_on.dateChanged.connect(self._check_period)
        self._check_period()

    def _check_period(self) -> None:
        sent, until = day_of(self.sent_on), day_of(self.until)
        refusal = (
            "the improvement period must end after the notice is sent"
            if until <= sent
            else self._period.refusal(sent, until)
        )
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


class IssueDialog(QDialog):
    """Issue date, service, the supervisor's authority; the amounts or the refusal, live."""

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
        self.setWindowTitle(f"Issue a penalty notice to {notice.parent_name}")
        self.setMinimumWidth(580)
        self._plan = plan
        self._runner = runner
        self._asked = 0
        self.plan: IssuePlan | None = None
        intro = _wrapped(notice.evidence.sentence())
        self.issued_on = date_edit(today, "Date of issue")
        self.served_by = QComboBox()
        self.served_by.setAccessibleName("Served by")
        self.served_by.addItem("First-class post", "post")
        self.served_by.addItem("By hand", "hand")
        self.own_receipt = QCheckBox("The parent received it on a known date:")
        self.received_on = date_edit(today, "Received on")
        self.received_on.setEnabled(False)
        self.own_receipt.toggled.connect(self.received_on.setEnabled)
        self.supervisor = QComboBox()
        self.supervisor.setAccessibleName("Authorised by")
        self.supervisor.addItem("Choose the supervisor…", None)
        for officer_id, name in supervisors:
            self.supervisor.addItem(name, officer_id)
        self.authorised_on = date_edit(today, "Authorised on")
        self.outcome = _wrapped("", rich=True)
        self.outcome.setAccessibleName("What the rules allow")
        self.buttons = _buttons(self, "Issue the notice")
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        form = QFormLayout()
        form.addRow("&Issued on", self.issued_on)
        form.addRow("&Served", self.served_by)
        form.addRow(self.own_receipt, self.received_on)
        form.addRow("&Authorised by", self.supervisor)
        form.addRow("Authorised &on", self.authorised_on)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
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

    def _enable(self) -> None:
        allowed = self.plan is not None and self.plan.decision.allowed
        self.ok.setEnabled(allowed and self.supervisor.currentData() is not None)

    def received(self) -> dt.date | None:
        return day_of(self.received_on) if self.own_receipt.isChecked() else None


class PaymentDialog(QDialog):
    def __init__(self, notice: NoticeInfo, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Payment of penalty notice {notice.number}")
        due = (
            f"£{notice.amount_21} by {short_date(notice.reduced_by)}, or "
            if notice.amount_21 and notice.reduced_by
            else ""
        )
        intro = _wrapped(
            f"Due: {due}£{notice.amount_28} by {short_date(notice.full_by)}"
            if notice.full_by
            else ""
        )
        self.paid_on = date_edit(today, "Date paid")
        self.amount = QSpinBox()
        self.amount.setRange(1, 1000)
        self.amount.setPrefix("£")
        self.amount.setValue(notice.amount_21 or notice.amount_28 or 160)
        self.amount.setAccessibleName("Amount paid")
        form = QFormLayout()
        form.addRow("&Paid on", self.paid_on)
        form.addRow("&Amount", self.amount)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "Record the payment"))


class ReasonDialog(QDialog):
    """A date (optional) and a reason: not issuing, withdrawing, a prosecution."""

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
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.required = required
        self.on = date_edit(today, "Date")
        self.on.setVisible(with_date)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setFixedHeight(80)
        form = QFormLayout()
        if with_date:
            form.addRow("&Date", self.on)
        if reasons:
            self.choices = QComboBox()
            self.choices.setAccessibleName("Common reasons")
            self.choices.addItem("Choose a common reason, or write your own…", "")
            for text in reasons:
                self.choices.addItem(text, text)
            self.choices.currentIndexChanged.connect(
                lambda _i: self.reason.setPlainText(self.choices.currentData() or "")
            )
            form.addRow("&Common", self.choices)
        form.addRow("&Reason" if required else "&Note", self.reason)
        self.buttons = _buttons(self, ok_text)
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(intro))
        layout.addLayout(form)
        layout.addWidget(self.buttons)

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
