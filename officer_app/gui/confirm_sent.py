"""The questions asked before letters are recorded as sent: when, and how.

:class:`RecordSentDialog` follows one letter's preview. :class:`ConfirmSentDialog` is asked
after a batch's letters are printed or saved: did the post go out? Only a "Record as sent"
(with the day and how) makes the letters sent; "Not yet" leaves them prepared, to be recorded
or abandoned later.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QWidget

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_confirm_sent_dialog import Ui_ConfirmSentDialog
from officer_app.gui.generated.ui_record_sent_dialog import Ui_RecordSentDialog
from officer_app.services.letters import METHODS

METHOD_LABELS = {"post": "By post", "hand": "By hand", "email": "By email"}


class RecordSentDialog(QDialog):
    """When and how the letter went: the date (today by default) and post, hand or email.

    Drawn in ui/record_sent_dialog.ui; one radio button per method is added here."""

    def __init__(
        self, dated: dt.date, today: dt.date, recipient: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordSentDialog()
        self.ui.setupUi(self)
        self.sent_on = self.ui.sent_on
        self.sent_on.setDateRange(qdate(dated), qdate(today))
        self.sent_on.setDate(qdate(today))
        self.methods = QButtonGroup(self)
        self.method_buttons: dict[str, QRadioButton] = {}
        previous: QWidget = self.sent_on
        for index, method in enumerate(METHODS):
            button = QRadioButton(METHOD_LABELS[method])
            button.setAccessibleName(f"Sent {METHOD_LABELS[method].lower()}")
            self.methods.addButton(button)
            self.method_buttons[method] = button
            self.ui.how.insertWidget(index, button)
            QWidget.setTabOrder(previous, button)  # after the date, before the buttons
            previous = button
        self.method_buttons["post"].setChecked(True)
        self.ui.intro.setText(
            f"The letter to {recipient} and its copy are kept on the case, and the sending is "
            "signed into the chronology: it cannot be changed afterwards."
        )
        self.ok_button = self.ui.ok_button
        self.ok_button.clicked.connect(self.accept)
        self.ui.cancel_button.clicked.connect(self.reject)

    def method(self) -> str:
        return next(m for m, b in self.method_buttons.items() if b.isChecked())

    def chosen_day(self) -> dt.date:
        return pydate(self.sent_on.date())


class ConfirmSentDialog(QDialog):
    """Did the post go out? The day and how; "Not yet" leaves the letters prepared.

    Drawn in ui/confirm_sent_dialog.ui; the question and the methods are filled in here."""

    def __init__(
        self, letters: int, dated: dt.date, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConfirmSentDialog()
        self.ui.setupUi(self)
        self.ui.question.setText(
            f"Have the {letters} letter{'s' * (letters != 1)} been posted or handed over? "
            "Only then are they recorded as sent, each signed into its case's chronology. "
            "If not, they stay prepared and can be recorded later."
        )
        self.sent_on = self.ui.sent_on
        self.sent_on.setDateRange(qdate(min(dated, today)), qdate(today))
        self.sent_on.setDate(qdate(today))
        self.method = self.ui.method
        for method in METHODS:
            self.method.addItem(METHOD_LABELS[method], method)
        buttons = self.ui.buttons
        self.record_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.record_button.setText("&Record as sent")
        self.not_yet_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.not_yet_button.setText("&Not yet")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def chosen(self) -> tuple[dt.date, str]:
        return pydate(self.sent_on.date()), str(self.method.currentData())
