"""The questions asked before letters are recorded as sent: when, and how.

:class:`RecordSentDialog` follows one letter's preview. :class:`ConfirmSentDialog` is asked
after a batch's letters are printed or saved: did the post go out? Only a "Record as sent"
(with the day and how) makes the letters sent; "Not yet" leaves them prepared, to be recorded
or abandoned later.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.markup import plain_label
from officer_app.services.letters import METHODS

METHOD_LABELS = {"post": "By post", "hand": "By hand", "email": "By email"}


class RecordSentDialog(QDialog):
    """When and how the letter went: the date (today by default) and post, hand or email."""

    def __init__(
        self, dated: dt.date, today: dt.date, recipient: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record the letter as sent")
        self.sent_on = QDateEdit(qdate(today))
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("dddd d MMMM yyyy")
        self.sent_on.setDateRange(qdate(dated), qdate(today))
        self.sent_on.setAccessibleName("Date sent")
        self.methods = QButtonGroup(self)
        row = QHBoxLayout()
        self.method_buttons: dict[str, QRadioButton] = {}
        for method in METHODS:
            button = QRadioButton(METHOD_LABELS[method])
            button.setAccessibleName(f"Sent {METHOD_LABELS[method].lower()}")
            self.methods.addButton(button)
            self.method_buttons[method] = button
            row.addWidget(button)
        row.addStretch(1)
        self.method_buttons["post"].setChecked(True)
        intro = plain_label(
            f"The letter to {recipient} and its copy are kept on the case, and the sending is "
            "signed into the chronology: it cannot be changed afterwards."
        )
        intro.setWordWrap(True)
        self.ok_button = QPushButton("Record as sent")
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        cancel = QPushButton("Cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        form = QFormLayout()
        form.addRow("&Sent on", self.sent_on)
        form.addRow("How", row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    def method(self) -> str:
        return next(m for m, b in self.method_buttons.items() if b.isChecked())

    def chosen_day(self) -> dt.date:
        return pydate(self.sent_on.date())


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
