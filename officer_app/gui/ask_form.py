"""What a letter template asks the officer, as a form: one widget per ask, by its type.

The letter dialog and the batch dialog both show it (the rows come from the template, so the
form is built in code, not drawn in ui/).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.markup import literal, no_accelerator, plain_label
from officer_app.services.letter_rendering import ask_warnings_for
from officer_app.services.letters import AskInfo

NO_DATE = QDate(2000, 1, 1)  # shown as "Choose a date": a date ask has no default
NO_TIME = QTime(0, 0)
ERROR_STYLE = "border: 1px solid #842029; background: #fff5f5;"


class _OpenOnToday(QObject):
    """A blank date field's calendar opens on this month, not on the blank's year 2000."""

    def __init__(self, edit: QDateEdit, today: dt.date) -> None:
        super().__init__(edit)
        self._edit = edit
        self._today = today

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._edit.date() == NO_DATE:
            calendar = self._edit.calendarWidget()
            calendar.setCurrentPage(self._today.year, self._today.month)
        return False


class AskForm(QWidget):
    """One widget per ask, by its type: a line, a box of paragraphs, a date, a time."""

    changed = Signal()

    def __init__(
        self, asks: tuple[AskInfo, ...], today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.asks = asks
        self.widgets: dict[str, QWidget] = {}
        # a date that should be a working day: the warning and the officer's confirmation
        self.warning_labels: dict[str, QLabel] = {}
        self.confirms: dict[str, QCheckBox] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for ask in asks:
            widget = self._widget(ask, today)
            widget.setAccessibleName(ask.label)
            if ask.help:
                widget.setToolTip(literal(ask.help))
            self.widgets[ask.name] = widget
            label = plain_label(no_accelerator(ask.label))  # the LA's words; & is no shortcut
            label.setBuddy(widget)
            if ask.help or ask.working_day:
                box = QWidget()
                inner = QVBoxLayout(box)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.setSpacing(2)
                inner.addWidget(widget)
                if ask.help:
                    hint = plain_label(ask.help)
                    hint.setWordWrap(True)
                    hint.setProperty("role", "muted")
                    inner.addWidget(hint)
                if ask.working_day:
                    self._add_warning(ask, inner)
                layout.addRow(label, box)
            else:
                layout.addRow(label, widget)
        self.changed.connect(self._show_warnings)
        if not asks:
            layout.addRow(plain_label("This letter needs nothing more from you."))

    def _add_warning(self, ask: AskInfo, inner: QVBoxLayout) -> None:
        warning = plain_label()
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #842029;")
        warning.hide()
        confirm = QCheckBox("Yes, this date is right")
        confirm.setAccessibleName(f"Confirm {ask.label}")
        confirm.hide()
        confirm.toggled.connect(self._confirmed)
        inner.addWidget(warning)
        inner.addWidget(confirm)
        self.warning_labels[ask.name] = warning
        self.confirms[ask.name] = confirm

    def _show_warnings(self) -> None:
        """A meeting on a Saturday, a Sunday or a bank holiday: said under the date, with a
        box the officer ticks to confirm it (a new date asks again)."""
        found = self.warnings()
        for name, label in self.warning_labels.items():
            text = found.get(name, "")
            box = self.confirms[name]
            if text != label.text():
                box.blockSignals(True)
                box.setChecked(False)
                box.blockSignals(False)
            label.setText(text)
            label.setVisible(bool(text))
            box.setVisible(bool(text))

    def _confirmed(self, _checked: bool) -> None:
        self.changed.emit()

    def warnings(self) -> dict[str, str]:
        """{ask name: warning} for the unusual dates filled in now."""
        return ask_warnings_for(self.asks, self.values())

    def unconfirmed(self) -> tuple[str, str] | None:
        """(ask name, warning) of the first unusual date not yet confirmed, or None."""
        for name, text in self.warnings().items():
            if not self.confirms[name].isChecked():
                return name, text
        return None

    def confirm_warnings(self, status: QLabel, verb: str) -> bool:
        """Whether every unusual date is confirmed; if not, says so in ``status`` and marks the
        date (the letter dialog and the batch call this before making anything)."""
        pending = self.unconfirmed()
        if pending is None:
            return True
        name, text = pending
        self.mark(name)
        status.setText(
            f"{verb}: {text}. Tick \u201cYes, this date is right\u201d or choose another date."
        )
        return False

    def _widget(self, ask: AskInfo, today: dt.date) -> QWidget:
        if ask.type == "long_text":
            box = QPlainTextEdit(ask.default)
            box.setFixedHeight(92)
            box.setTabChangesFocus(True)
            box.textChanged.connect(self.changed)
            return box
        if ask.type == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dddd d MMMM yyyy")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("Choose a date…")
            edit.setDate(NO_DATE)
            edit.calendarWidget().installEventFilter(_OpenOnToday(edit, today))
            edit.dateChanged.connect(self.changed)
            return edit
        if ask.type == "time":
            clock = QTimeEdit()
            clock.setDisplayFormat("HH:mm")
            clock.setMinimumTime(NO_TIME)
            clock.setSpecialValueText("Choose a time…")
            if ask.default:
                hours, minutes = (int(p) for p in ask.default.split(":"))
                clock.setTime(QTime(hours, minutes))
            else:
                clock.setTime(NO_TIME)
            clock.timeChanged.connect(self.changed)
            return clock
        line = QLineEdit(ask.default)
        line.textChanged.connect(self.changed)
        return line

    def values(self) -> dict[str, str]:
        """What is filled in, as the service takes it ("" for a blank)."""
        out: dict[str, str] = {}
        for ask in self.asks:
            widget = self.widgets[ask.name]
            if isinstance(widget, QPlainTextEdit):
                out[ask.name] = widget.toPlainText()
            elif isinstance(widget, QDateEdit):
                chosen = widget.date()
                out[ask.name] = "" if chosen == NO_DATE else pydate(chosen).isoformat()
            elif isinstance(widget, QTimeEdit):
                chosen_time = widget.time()
                out[ask.name] = "" if chosen_time == NO_TIME else chosen_time.toString("HH:mm")
            elif isinstance(widget, QLineEdit):
                out[ask.name] = widget.text()
        return out

    def set_value(self, name: str, value: str) -> None:
        """Fill an ask as the officer would (dates YYYY-MM-DD, times HH:MM)."""
        widget = self.widgets[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(qdate(dt.date.fromisoformat(value)))
        elif isinstance(widget, QTimeEdit):
            hours, minutes = (int(p) for p in value.split(":"))
            widget.setTime(QTime(hours, minutes))
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    def mark(self, name: str | None) -> None:
        """Show which ask is wrong (None: none)."""
        for ask_name, widget in self.widgets.items():
            widget.setStyleSheet(ERROR_STYLE if ask_name == name else "")
        if name in self.widgets:
            self.widgets[name].setFocus()
