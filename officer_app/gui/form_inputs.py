"""The Qt inputs a form's editors are made of: each with a "Not set" state where typing
cannot empty it, and a mouse wheel that scrolls the form, not the answer, unless focused."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeyEvent, QMouseEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.markup import plain_label

NOT_SET = "Not set"
UNSET_DATE = QDate(1752, 9, 14)  # Qt's earliest date: the "Not set" value of a date input
LAST_DATE = QDate(9999, 12, 31)
UNSET_TIME = QTime(0, 0, 0, 0)  # the "Not set" value of a time input, so ...
SET_MS = 1  # ... every real time carries 1 ms, never shown: midnight is 00:00:00.001
DATE_FORMAT = "dd/MM/yyyy"
TIME_FORMAT = "HH:mm"
INPUT_WIDTH_SHORT = 320  # a short text of up to 60 characters
INPUT_WIDTH_MEDIUM = 480  # up to 150 characters, and drop-down lists


def help_label(text: str, parent: QWidget, name: str = "formHelp") -> QLabel:
    """Muted, smaller text (the form's style sheet keys on the object name)."""
    label = plain_label(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def box(parent: QWidget, horizontal: bool, spacing: int = 8) -> tuple[QWidget, QBoxLayout]:
    """A bare container and its layout, without margins."""
    widget = QWidget(parent)
    layout: QBoxLayout = QHBoxLayout(widget) if horizontal else QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return widget, layout


class ClearButton(QToolButton):
    """ "Clear", beside an answer that typing cannot empty; shown only while there is one."""

    def __init__(self, field_label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("formClear")
        self.setText("Clear")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(f"Clear the answer to {field_label}")
        self.setToolTip("Remove this answer")
        self.setVisible(False)


def _stray_wheel(widget: QWidget, event: QWheelEvent) -> bool:
    """In a scrolling form the wheel scrolls the form unless the input has the focus, so an
    answer never changes because the mouse passed over it."""
    if widget.hasFocus():
        return False
    event.ignore()
    return True


class ComboInput(QComboBox):
    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _stray_wheel(self, event):
            super().wheelEvent(event)


class PlainTextInput(QPlainTextEdit):
    """Tab moves on to the next question: a form is filled in with the keyboard."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class DateInput(QDateEdit):
    """A date with a "Not set" state (Qt's earliest date, shown as "Not set")."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setDateRange(UNSET_DATE, LAST_DATE)
        self.setSpecialValueText(NOT_SET)
        self.setDate(UNSET_DATE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def is_set(self) -> bool:
        return self.date() != UNSET_DATE

    def _start(self) -> None:
        """From "Not set" to today, the day selected to be typed over."""
        self.setDate(QDate.currentDate())
        self.setCurrentSection(QDateEdit.Section.DaySection)
        self.setSelectedSection(QDateEdit.Section.DaySection)

    def _calendar_at_today(self) -> None:
        if not self.is_set() and self.calendarPopup():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def stepBy(self, steps: int) -> None:
        if self.is_set():
            super().stepBy(steps)
        else:
            self._start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.is_set() and not self.isReadOnly() and event.text().isdigit():
            self._start()
        super().keyPressEvent(event)
        self._calendar_at_today()  # F4 and Alt+Down open the calendar

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._calendar_at_today()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _stray_wheel(self, event):
            super().wheelEvent(event)


class TimeInput(QTimeEdit):
    """A 24-hour HH:mm time with a "Not set" state."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        self.setTimeRange(UNSET_TIME, QTime(23, 59, 59, 999))
        self.setSpecialValueText(NOT_SET)
        self.setTime(UNSET_TIME)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def is_set(self) -> bool:
        return self.time() != UNSET_TIME

    def _start(self) -> None:
        now = QTime.currentTime()
        self.setTime(QTime(now.hour(), now.minute() - now.minute() % 5, 0, SET_MS))
        self.setCurrentSection(QTimeEdit.Section.HourSection)
        self.setSelectedSection(QTimeEdit.Section.HourSection)

    def stepBy(self, steps: int) -> None:
        if self.is_set():
            super().stepBy(steps)
        else:
            self._start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.is_set() and not self.isReadOnly() and event.text().isdigit():
            self._start()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _stray_wheel(self, event):
            super().wheelEvent(event)


class NumberInput(QDoubleSpinBox):
    """A number with a "Not set" state (one step below the minimum); erasing it unsets it."""

    def __init__(
        self, parent: QWidget, low: float, high: float, step: float, decimals: int
    ) -> None:
        super().__init__(parent)
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.setRange(low - step, high)
        self.setSpecialValueText(NOT_SET)
        self.setValue(self.minimum())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.start_value = min(max(0.0, low), high)

    def is_set(self) -> bool:
        return self.value() != self.minimum()

    def unset(self) -> None:
        self.setValue(self.minimum())

    def stepBy(self, steps: int) -> None:
        if self.is_set():
            super().stepBy(steps)
        else:
            self.setValue(self.start_value)
            self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.is_set() and not self.isReadOnly() and event.text().strip():
            self.selectAll()  # typing replaces "Not set"
        super().keyPressEvent(event)

    def validate(self, input: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not self._bare(input):
            return (QValidator.State.Acceptable, input, pos)
        return super().validate(input, pos)

    def valueFromText(self, text: str) -> float:
        if not self._bare(text):
            return self.minimum()
        return super().valueFromText(text)

    def _bare(self, text: str) -> str:
        """The text without the unit; empty when the number was erased."""
        text = text.strip()
        unit = self.suffix().strip()
        if unit and text.endswith(unit):
            text = text[: -len(unit)].strip()
        return "" if text == NOT_SET else text

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _stray_wheel(self, event):
            super().wheelEvent(event)
