"""The question asked after a batch's letters are printed or saved: did the post go out?

Only a "Record as sent" (with the day and how) makes the letters sent; "Not yet" leaves them
prepared, to be recorded or abandoned later.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.letter_dialog import METHOD_LABELS
from officer_app.gui.markup import plain_label
from officer_app.services.letters import METHODS


class ConfirmSentDialog(QDialog):
    """Did the post go out? The day and how; "Not yet" leaves the letters prepared."""

    def __init__(
        self, letters: int, dated: dt.date, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Did the letters go out?")
        self.setMinimumWidth(440)  # the question on three lines, not seven
        question = plain_label(
            f"Have the {letters} letter{'s' * (letters != 1)} been posted or handed over? "
            "Only then are they recorded as sent, each signed into its case's chronology. "
            "If not, they stay prepared and can be recorded later."
        )
        question.setWordWrap(True)
        self.sent_on = QDateEdit(qdate(today))
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("dddd d MMMM yyyy")
        self.sent_on.setDateRange(qdate(min(dated, today)), qdate(today))
        self.sent_on.setAccessibleName("Sent on")
        self.method = QComboBox()
        self.method.setAccessibleName("How the letters were sent")
        for method in METHODS:
            self.method.addItem(METHOD_LABELS[method], method)
        form = QFormLayout()
        form.addRow("&Sent on", self.sent_on)
        form.addRow("&How", self.method)
        buttons = QDialogButtonBox()
        self.record_button = buttons.addButton(
            "&Record as sent", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.not_yet_button = buttons.addButton("&Not yet", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[dt.date, str]:
        return pydate(self.sent_on.date()), str(self.method.currentData())
