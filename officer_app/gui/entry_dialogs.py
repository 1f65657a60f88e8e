"""Dialogs for entries and visits that are not signed yet: finish an unsigned entry, discard
it, cancel or move a planned visit. Drawn in ui/finish_entry_dialog.ui and
ui/move_visit_dialog.ui; a reason alone is asked with the drawn ReasonDialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from officer_app.clock import UK, uk_local
from officer_app.gui.generated.ui_finish_entry_dialog import Ui_FinishEntryDialog
from officer_app.gui.generated.ui_move_visit_dialog import Ui_MoveVisitDialog
from officer_app.gui.penalty_dialogs import ReasonDialog, ok_cancel
from officer_app.services.dto import EntryInfo, VisitPlanInfo
from officer_app.wording import short_datetime


def qdatetime(moment: dt.datetime) -> QDateTime:
    """A stored (UTC) time as the UK wall-clock time an officer types, to the minute."""
    local = uk_local(moment).replace(second=0, microsecond=0, tzinfo=None)
    return QDateTime(local)


def from_qdatetime(value: QDateTime) -> dt.datetime:
    """A UK wall-clock time typed in a QDateTimeEdit, as a stored (UTC) time."""
    local = value.toPython()
    assert isinstance(local, dt.datetime)
    return local.replace(second=0, microsecond=0, tzinfo=UK).astimezone(dt.UTC)


class FinishEntryDialog(QDialog):
    """The unsigned entry's title, the time it happened and its text, to finish and sign."""

    def __init__(self, entry: EntryInfo, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FinishEntryDialog()
        self.ui.setupUi(self)
        self.title, self.when, self.text = self.ui.title, self.ui.when, self.ui.text
        self.message = self.ui.message
        self._now = now
        self.title.setText(entry.title)
        self.when.setDateTime(qdatetime(entry.occurred_at))
        self.when.setMaximumDateTime(qdatetime(now))
        self.text.setPlainText(entry.body)
        written = short_datetime(entry.recorded_at or entry.occurred_at)
        self.ui.intro.setText(
            f"{entry.type_label} written on {written} and never signed. {self.ui.intro.text()}"
        )
        self.buttons = ok_cancel(self, self.ui.buttons, "Sign")
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self._accept)

    def occurred_at(self) -> dt.datetime:
        return from_qdatetime(self.when.dateTime())

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.message.setText("Text: write the entry before signing it.")
            self.text.setFocus()
            return
        if self.occurred_at() > self._now:
            self.message.setText("Happened: the time cannot be in the future.")
            self.when.setFocus()
            return
        self.accept()


class MoveVisitDialog(QDialog):
    """A planned visit's new date and time, and why it moves."""

    def __init__(
        self, visit: VisitPlanInfo, now: dt.datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MoveVisitDialog()
        self.ui.setupUi(self)
        self.when, self.reason, self.message = self.ui.when, self.ui.reason, self.ui.message
        self._now = now
        self.ui.intro.setText(
            f"The visit to {visit.child_name} ({visit.case_reference}) planned for "
            f"{short_datetime(visit.planned_for)}. The change and its reason are signed into "
            "the case's chronology."
        )
        self.when.setDateTime(qdatetime(visit.planned_for))
        self.when.setMinimumDateTime(qdatetime(now))
        self.buttons = ok_cancel(self, self.ui.buttons, "Move the visit")
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self._accept)

    def planned_for(self) -> dt.datetime:
        return from_qdatetime(self.when.dateTime())

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.message.setText("Reason: say why the visit moves.")
            self.reason.setFocus()
            return
        self.accept()


def discard_dialog(entry: EntryInfo, today: dt.date, parent: QWidget | None) -> ReasonDialog:
    return ReasonDialog(
        "Discard an unsigned entry",
        f"“{entry.title or entry.type_label}” of {short_datetime(entry.occurred_at)} was never "
        "signed. Discarding removes it; a signed entry records that it was discarded, by you, "
        "and why.",
        "Discard the entry",
        today,
        with_date=False,
        parent=parent,
    )


def cancel_visit_dialog(
    visit: VisitPlanInfo, today: dt.date, parent: QWidget | None
) -> ReasonDialog:
    dialog = ReasonDialog(
        "Cancel a planned visit",
        f"The visit to {visit.child_name} ({visit.case_reference}) planned for "
        f"{short_datetime(visit.planned_for)}. The cancellation and its reason are signed into "
        "the case's chronology.",
        "Cancel the visit",
        today,
        with_date=False,
        parent=parent,
    )
    # not "Cancel the visit" beside "Cancel": the way out says that nothing changes
    keep = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    keep.setText("Keep the visit")
    keep.setAccessibleName("Keep the visit")
    return dialog


def accepted(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted
