"""Dialogs for the s447 decision on an Education Supervision Order and for a penalty notice
issued by someone else (a head teacher, the police, another LA)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from officer_app.domain.penalty_notices import STATUS_LABELS, NoticeStatus
from officer_app.gui.dates import qdate
from officer_app.gui.generated.ui_eso_decision_dialog import Ui_EsoDecisionDialog
from officer_app.gui.generated.ui_others_notice_dialog import Ui_OthersNoticeDialog
from officer_app.gui.penalty_dialogs import day_of, ok_cancel
from officer_app.services.notice_records import (
    ESO_DECISIONS,
    ISSUERS,
    OTHERS_STATUSES,
    OthersNotice,
)
from officer_app.services.penalty_notices import ParentChoice


def _fill(combo: QComboBox, items: Sequence[tuple[str, str]]) -> QComboBox:
    for data, text in items:
        combo.addItem(text, data)
    return combo


class EsoDecisionDialog(QDialog):
    """When an Education Supervision Order was considered, by whom, the decision, why. Drawn
    in ui/eso_decision_dialog.ui."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EsoDecisionDialog()
        self.ui.setupUi(self)
        self.considered_on = self.ui.considered_on
        self.considered_on.setDate(qdate(today))
        self.considered_by = self.ui.considered_by
        self.decision = _fill(
            self.ui.decision, [("", "Choose the decision…"), *ESO_DECISIONS.items()]
        )
        self.reason = self.ui.reason
        ok_cancel(self, self.ui.buttons, "Record the decision")

    def values(self) -> tuple[dt.date, str, str, str]:
        return (
            day_of(self.considered_on),
            self.considered_by.text(),
            str(self.decision.currentData() or ""),
            self.reason.toPlainText(),
        )


class OthersNoticeDialog(QDialog):
    """A notice issued by a head teacher, the police or another LA, as the officer learnt of
    it: it counts towards the limit and covers its absence period. Drawn in
    ui/others_notice_dialog.ui."""

    def __init__(
        self, parents: Sequence[ParentChoice], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OthersNoticeDialog()
        self.ui.setupUi(self)
        self.parent_choice = _fill(
            self.ui.parent_choice, [(p.id, f"{p.name} ({p.relationship})") for p in parents]
        )
        self.issuer = _fill(self.ui.issuer, [(k, v[0].upper() + v[1:]) for k, v in ISSUERS.items()])
        self.issuer_name, self.number = self.ui.issuer_name, self.ui.number
        self.issued_on = self.ui.issued_on
        self.issued_on.setDate(qdate(today))
        self.status = _fill(self.ui.status, [(s.value, STATUS_LABELS[s]) for s in OTHERS_STATUSES])
        self.period_from, self.period_to = self.ui.period_from, self.ui.period_to
        self.period_from.setDate(qdate(today - dt.timedelta(weeks=10)))
        self.period_to.setDate(qdate(today - dt.timedelta(days=1)))
        ok_cancel(self, self.ui.buttons, "Record the notice")

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
