"""A compact form for one tracked change (a family's details, a risk flag), with its reason.

The form is built in code (a few rows each; their layout is the same every time). Pressing
the action button hands the values to ``submit``; the panel runs the service call on the
task runner's writes lane and then either closes the dialog (done) or shows the service's
one-line refusal under the form, focusing the field at fault, with nothing changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.markup import no_accelerator, plain_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.family_changes import FamilyChangeRefused

MAX_WIDTH, MAX_HEIGHT = 640, 680  # inside a 1366x728 screen with room for the title bar
ERROR_STYLE = "color: #842029; font-weight: bold;"


class ChangeDialog(QDialog):
    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.setMaximumSize(MAX_WIDTH, MAX_HEIGHT)
        self.fields: dict[str, QWidget] = {}
        self.submit: Callable[[], None] | None = None
        self.intro = plain_label(intro)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.form = QFormLayout()
        self.error = plain_label("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName("What needs correcting")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(no_accelerator(ok_text))
        self.buttons.accepted.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # --- rows ---------------------------------------------------------------------------
    def _row(self, key: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label)
        self.form.addRow(plain_label(label), widget)
        self.fields[key] = widget

    def line(self, key: str, label: str, value: str = "", limit: int = 160) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setMaxLength(limit)
        self._row(key, label, edit)
        return edit

    def text(self, key: str, label: str, value: str = "", height: int = 72) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setFixedHeight(height)
        edit.setTabChangesFocus(True)
        self._row(key, label, edit)
        return edit

    def tick(self, key: str, label: str, checked: bool) -> QCheckBox:
        box = QCheckBox(no_accelerator(label))
        box.setChecked(checked)
        box.setAccessibleName(label)
        self.form.addRow("", box)
        self.fields[key] = box
        return box

    def choice(
        self, key: str, label: str, options: list[tuple[str, object]], *, editable: bool = False
    ) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for text, data in options:
            combo.addItem(text, data)
        self._row(key, label, combo)
        return combo

    def date(self, key: str, label: str, value: dt.date, latest: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(value))
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(qdate(latest))
        self._row(key, label, edit)
        return edit

    def reason(self, label: str = "Reason") -> QPlainTextEdit:
        return self.text("reason", label, height=64)

    # --- values and outcome -------------------------------------------------------------
    def value(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        raise KeyError(key)

    def data(self, key: str) -> object:
        """The data behind a choice's current item."""
        widget = self.fields[key]
        assert isinstance(widget, QComboBox)
        return widget.currentData()

    def day(self, key: str) -> dt.date:
        widget = self.fields[key]
        assert isinstance(widget, QDateEdit)
        return pydate(widget.date())

    def checked(self, key: str) -> bool:
        widget = self.fields[key]
        assert isinstance(widget, QCheckBox)
        return widget.isChecked()

    def _go(self) -> None:
        self.error.hide()
        if self.submit is None:
            self.accept()
            return
        self.ok.setEnabled(False)  # one submission at a time; re-enabled on a refusal
        self.submit()

    def refused(self, message: str, field: str = "") -> None:
        """Show the one-line refusal; the form stays as typed for correcting."""
        self.ok.setEnabled(True)
        self.error.setText(message)
        self.error.show()
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()


def run_change[R](
    dialog: ChangeDialog,
    runner: TaskRunner,
    make: Callable[[ChangeDialog], Callable[[], R]],
    done: Callable[[R], None],
) -> None:
    """Open ``dialog``; its action reads the form (on the GUI thread) into the call ``make``
    returns, which runs on the writes lane. Done: the dialog closes and ``done`` has the result.
    Refused: the service's line at its field, a lookup failure as it is, anything else in
    general terms; the form stays as typed and nothing has changed."""

    def finished(result: R) -> None:
        dialog.accept()
        done(result)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, FamilyChangeRefused):  # risk flags' refusals are one of these too
            dialog.refused(str(exc), exc.field)
        elif isinstance(exc, LookupError):
            dialog.refused(str(exc))
        else:
            dialog.refused(f"The change could not be saved ({type(exc).__name__}); nothing changed")

    dialog.submit = lambda: runner.run(make(dialog), finished, failed, lane=WRITES)
    dialog.open()
