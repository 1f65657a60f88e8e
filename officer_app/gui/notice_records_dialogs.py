"""Dialogs for the s447 decision on an Education Supervision Order and for a penalty notice
issued by someone else (a head teacher, the police, another LA)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.penalty_notices import STATUS_LABELS, NoticeStatus
from officer_app.gui.penalty_dialogs import _buttons, _wrapped, date_edit, day_of
from officer_app.services.notice_records import (
    ESO_DECISIONS,
    ISSUERS,
    OTHERS_STATUSES,
    OthersNotice,
)
from officer_app.services.penalty_notices import ParentChoice


def _combo(name: str, items: Sequence[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for data, text in items:
        combo.addItem(text, data)
    return combo


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


class EsoDecisionDialog(QDialog):
    """When an Education Supervision Order was considered, by whom, the decision, why."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Education Supervision Order considered (s447)")
        self.setMinimumWidth(520)
        self.considered_on = date_edit(today, "Date considered")
        self.considered_by = _line("Considered by")
        self.considered_by.setPlaceholderText("e.g. the attendance legal panel, or a name")
        self.decision = _combo("Decision", [("", "Choose the decision…"), *ESO_DECISIONS.items()])
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason for the decision")
        self.reason.setFixedHeight(80)
        form = QFormLayout()
        form.addRow("&Considered on", self.considered_on)
        form.addRow("&By", self.considered_by)
        form.addRow("&Decision", self.decision)
        form.addRow("&Reason", self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                "Before prosecuting a parent under s444, the LA must consider applying for an "
                "Education Supervision Order (s447 Education Act 1996). Record the decision "
                "and the reason: it is signed into the case's chronology."
            )
        )
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "Record the decision"))

    def values(self) -> tuple[dt.date, str, str, str]:
        return (
            day_of(self.considered_on),
            self.considered_by.text(),
            str(self.decision.currentData() or ""),
            self.reason.toPlainText(),
        )


class OthersNoticeDialog(QDialog):
    """A notice issued by a head teacher, the police or another LA, as the officer learnt of
    it: it counts towards the limit and covers its absence period."""

    def __init__(
        self, parents: Sequence[ParentChoice], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("A penalty notice issued by someone else")
        self.setMinimumWidth(560)
        self.parent_choice = _combo(
            "Parent", [(p.id, f"{p.name} ({p.relationship})") for p in parents]
        )
        self.issuer = _combo("Issued by", [(k, v[0].upper() + v[1:]) for k, v in ISSUERS.items()])
        self.issuer_name = _line("Issuer's name")
        self.issuer_name.setPlaceholderText("the school, the police force, or the LA")
        self.number = _line("Notice number")
        self.issued_on = date_edit(today, "Date issued")
        self.status = _combo("Status", [(s.value, STATUS_LABELS[s]) for s in OTHERS_STATUSES])
        self.period_from = date_edit(today - dt.timedelta(weeks=10), "Absence from")
        self.period_to = date_edit(today - dt.timedelta(days=1), "Absence to")
        form = QFormLayout()
        form.addRow("&Parent", self.parent_choice)
        form.addRow("Issued &by", self.issuer)
        form.addRow("&Name", self.issuer_name)
        form.addRow("N&umber", self.number)
        form.addRow("&Issued on", self.issued_on)
        form.addRow("&Status", self.status)
        form.addRow("Absence &from", self.period_from)
        form.addRow("Absence &to", self.period_to)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(
                "A notice issued by someone else counts towards the limit of two in three "
                "years, and no notice or prosecution may follow for the absence it covers."
            )
        )
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "Record the notice"))

    def notice(self) -> OthersNotice:
        return OthersNotice(
            parent_id=str(self.parent_choice.currentData() or ""),
            issuer=str(self.issuer.currentData() or ""),
            issuer_name=self.issuer_name.text(),
            number=self.number.text(),
            issued_on=day_of(self.issued_on),
            status=NoticeStatus(str(self.status.currentData())),
            period_from=day_of(self.period_from),
            period_to=day_of(self.period_to),
        )
