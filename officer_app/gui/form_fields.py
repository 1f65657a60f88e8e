"""The input for one question of a form, by field type: what :mod:`.form_widget` lays out.

Each editor owns its widgets and speaks JSON-ready values: ``value()`` is the answer as the
record stores it (``None`` when unanswered) and ``set_value()`` shows a stored answer. An editor
calls its ``notify`` callback on every edit (the form ignores the calls it causes itself while
loading answers) and does no other work on a keystroke.

Dates, times and numbers have an explicit "Not set" state, shown as those words: an unanswered
date is never shown as a date. Typing, the arrow keys or the calendar start from today (or
now); the "Clear" button beside a set answer unsets it. Single choices, yes/no and scales are
radio buttons with the same "Clear" button, since a radio button cannot be unticked by hand.

Widgets are created with their parent (never built loose and re-parented): that keeps
building a 60-question form well under the time an officer would notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QSizeF, Qt, QTime
from PySide6.QtGui import QKeyEvent, QMouseEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.forms.model import Field, FieldType
from officer_app.gui.markup import literal, no_accelerator, plain_label

Notify = Callable[[], None]
Option = tuple[Any, str, str | None]  # value, label, help

NOT_SET = "Not set"
UNSET_DATE = QDate(1752, 9, 14)  # Qt's earliest date: the "Not set" value of a date input
LAST_DATE = QDate(9999, 12, 31)
UNSET_TIME = QTime(0, 0, 0, 0)  # the "Not set" value of a time input, so ...
SET_MS = 1  # ... every real time carries 1 ms, never shown: midnight is 00:00:00.001
DATE_FORMAT = "dd/MM/yyyy"
TIME_FORMAT = "HH:mm"
ERROR_RED = "#a4262c"  # 7:1 on white
MAX_RADIOS = 5  # more choices than this go in a drop-down list
MAX_SCALE_POINTS = 11
INPUT_WIDTH_SHORT = 320  # a short text of up to 60 characters
INPUT_WIDTH_MEDIUM = 480  # up to 150 characters, and drop-down lists


# -- small widgets ---------------------------------------------------------------------------


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


class _Combo(QComboBox):
    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _stray_wheel(self, event):
            super().wheelEvent(event)


class _PlainText(QPlainTextEdit):
    """Tab moves on to the next question: a form is filled in with the keyboard."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class _DateEdit(QDateEdit):
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


class _TimeEdit(QTimeEdit):
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


class _NumberEdit(QDoubleSpinBox):
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


# -- editors ---------------------------------------------------------------------------------


class Editor:
    """The input for one question. ``widget`` goes in the form's row; ``focusables()`` are
    the widgets Tab stops at, in order."""

    widget: QWidget

    def __init__(self, field: Field, notify: Notify) -> None:
        self.field = field
        self._notify = notify
        self.read_only = False

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    def focusables(self) -> list[QWidget]:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        """Where the cursor goes to answer this question (e.g. to put an error right)."""
        return self.focusables()[0]

    def set_description(self, text: str) -> None:
        """The accessible description of the inputs: "Required." and the help."""
        for widget in self.focusables():
            widget.setAccessibleDescription(text)


class LineEditor(Editor):
    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        limit = field.max_length
        if limit is not None and limit <= 150:  # narrower than the column, at its left
            self.widget, layout = box(parent, True)
            self.line_edit = QLineEdit(self.widget)
            self.line_edit.setMaximumWidth(INPUT_WIDTH_SHORT if limit <= 60 else INPUT_WIDTH_MEDIUM)
            layout.addWidget(self.line_edit, 10)
            layout.addStretch(1)
        else:
            self.line_edit = QLineEdit(parent)
            self.widget = self.line_edit
        if limit is not None:
            self.line_edit.setMaxLength(limit)
        self.line_edit.setAccessibleName(field.label)
        self.line_edit.textChanged.connect(self._edited)

    def _edited(self, _text: str) -> None:
        self._notify()

    def value(self) -> str | None:
        text = self.line_edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.line_edit.setText(value if isinstance(value, str) else "")

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.line_edit.setReadOnly(read_only)

    def focusables(self) -> list[QWidget]:
        return [self.line_edit]


class TextEditor(Editor):
    """Several lines: four to start with, growing with the text up to fourteen."""

    MIN_LINES = 4
    MAX_LINES = 14

    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        self.counter: QLabel | None = None
        if field.max_length is not None:  # with "412 of 500 characters" when near the limit
            self.widget, layout = box(parent, False, 2)
            self.text_edit = _PlainText(self.widget)
            self.counter = help_label("", self.widget, "formCounter")
            self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.counter.setVisible(False)
            layout.addWidget(self.text_edit)
            layout.addWidget(self.counter)
        else:
            self.text_edit = _PlainText(parent)
            self.widget = self.text_edit
        self.text_edit.setAccessibleName(field.label)
        self.text_edit.setMinimumWidth(280)
        self._line_height = self.text_edit.fontMetrics().lineSpacing()
        self._lines = 0
        self._fit(self.MIN_LINES)
        self.text_edit.textChanged.connect(self._edited)
        self.text_edit.document().documentLayout().documentSizeChanged.connect(self._resized)

    def _fit(self, lines: int) -> None:
        lines = max(self.MIN_LINES, min(self.MAX_LINES, lines))
        if lines != self._lines:
            self._lines = lines
            margin = int(self.text_edit.document().documentMargin() * 2)
            self.text_edit.setFixedHeight(lines * self._line_height + margin + 10)

    def _resized(self, size: QSizeF) -> None:
        # A plain-text document's height is its number of lines: nothing to lay out here.
        self._fit(int(size.height()) + 1)

    def _edited(self) -> None:
        limit = self.field.max_length
        if self.counter is not None and limit is not None:
            length = self.text_edit.document().characterCount() - 1
            near = length > limit * 0.8
            if near:
                self.counter.setText(f"{length} of {limit} characters")
            self.counter.setVisible(near)
        self._notify()

    def value(self) -> str | None:
        text = self.text_edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self.text_edit.setPlainText(value if isinstance(value, str) else "")

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.text_edit.setReadOnly(read_only)

    def focusables(self) -> list[QWidget]:
        return [self.text_edit]


class _WithClear(Editor):
    """An answer that typing cannot empty, with a "Clear" button after it (or, for a list of
    radio buttons, under it)."""

    clear_button: ClearButton

    def _start_box(self, parent: QWidget, horizontal: bool = True, spacing: int = 8) -> QBoxLayout:
        self.widget, layout = box(parent, horizontal, spacing)
        self._layout = layout
        return layout

    def _end_box(self) -> None:
        self.clear_button = ClearButton(self.field.label, self.widget)
        self.clear_button.clicked.connect(self.clear)
        if isinstance(self._layout, QHBoxLayout):
            self._layout.addWidget(self.clear_button)
            self._layout.addStretch(1)
        else:
            self._layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)

    def is_set(self) -> bool:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def _sync_clear(self) -> None:
        self.clear_button.setVisible(self.is_set() and not self.read_only)

    def _edited(self, *_args: Any) -> None:
        self._sync_clear()
        self._notify()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._sync_clear()


class DateEditor(_WithClear):
    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        layout = self._start_box(parent)
        self.date_edit = _DateEdit(self.widget)
        self.date_edit.setAccessibleName(field.label)
        self.date_edit.setMinimumWidth(150)
        layout.addWidget(self.date_edit)
        self._end_box()
        self.date_edit.dateChanged.connect(self._edited)

    def is_set(self) -> bool:
        return self.date_edit.is_set()

    def clear(self) -> None:
        self.date_edit.setDate(UNSET_DATE)
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> str | None:
        if not self.is_set():
            return None
        day = self.date_edit.date()
        return f"{day.year():04d}-{day.month():02d}-{day.day():02d}"

    def set_value(self, value: Any) -> None:
        day = UNSET_DATE
        if isinstance(value, str):
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None:
                day = QDate(parsed.year, parsed.month, parsed.day)
        self.date_edit.setDate(day)
        self._sync_clear()

    def set_read_only(self, read_only: bool) -> None:
        self.date_edit.setReadOnly(read_only)
        self.date_edit.setCalendarPopup(not read_only)
        super().set_read_only(read_only)

    def focusables(self) -> list[QWidget]:
        return [self.date_edit, self.clear_button]


class TimeEditor(_WithClear):
    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        layout = self._start_box(parent)
        self.time_edit = _TimeEdit(self.widget)
        self.time_edit.setAccessibleName(field.label)
        self.time_edit.setMinimumWidth(110)
        layout.addWidget(self.time_edit)
        self._end_box()
        self.time_edit.timeChanged.connect(self._edited)

    def is_set(self) -> bool:
        return self.time_edit.is_set()

    def clear(self) -> None:
        self.time_edit.setTime(UNSET_TIME)
        self.time_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> str | None:
        if not self.is_set():
            return None
        time = self.time_edit.time()
        return f"{time.hour():02d}:{time.minute():02d}"

    def set_value(self, value: Any) -> None:
        time = UNSET_TIME
        if isinstance(value, str) and len(value) == 5 and value[2] == ":":
            hours, minutes = value[:2], value[3:]
            if hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60:
                time = QTime(int(hours), int(minutes), 0, SET_MS)
        self.time_edit.setTime(time)
        self._sync_clear()

    def set_read_only(self, read_only: bool) -> None:
        self.time_edit.setReadOnly(read_only)
        self.time_edit.setButtonSymbols(
            QTimeEdit.ButtonSymbols.NoButtons if read_only else QTimeEdit.ButtonSymbols.UpDownArrows
        )
        super().set_read_only(read_only)

    def focusables(self) -> list[QWidget]:
        return [self.time_edit, self.clear_button]


def _decimals(*numbers: float | None) -> int:
    places = 0
    for number in numbers:
        if number is not None:
            text = f"{number:g}"
            if "e-" in text:
                places = max(places, int(text.split("e-")[1]))
            elif "." in text:
                places = max(places, len(text.split(".")[1]))
    return places


class NumberEditor(_WithClear):
    """A number, whole when the step and the minimum are whole (an ``int`` answer)."""

    BIG = 1_000_000_000.0

    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        if field.step:
            self.decimals = _decimals(field.step, field.min)
        else:
            self.decimals = max(2, _decimals(field.min, field.max))
        low = field.min if field.min is not None else -self.BIG
        high = field.max if field.max is not None else self.BIG
        layout = self._start_box(parent)
        self.spin = _NumberEdit(self.widget, low, high, field.step or 1.0, self.decimals)
        self.spin.setAccessibleName(field.label)
        if field.unit:
            self.spin.setSuffix(f" {field.unit}")
        self.spin.setMinimumWidth(140)
        layout.addWidget(self.spin)
        self._end_box()
        self.spin.valueChanged.connect(self._edited)

    def is_set(self) -> bool:
        return self.spin.is_set()

    def clear(self) -> None:
        self.spin.unset()
        self.spin.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> int | float | None:
        if not self.is_set():
            return None
        number = self.spin.value()
        return round(number) if self.decimals == 0 else round(number, self.decimals)

    def set_value(self, value: Any) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.spin.setValue(float(value))
        else:
            self.spin.unset()
        self._sync_clear()

    def set_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)
        self.spin.setButtonSymbols(
            QDoubleSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QDoubleSpinBox.ButtonSymbols.UpDownArrows
        )
        super().set_read_only(read_only)

    def focusables(self) -> list[QWidget]:
        return [self.spin, self.clear_button]


def _same(a: Any, b: Any) -> bool:
    """Equal answers, keeping True apart from 1 (a yes/no apart from a point on a scale)."""
    return isinstance(a, bool) == isinstance(b, bool) and bool(a == b)


class RadioEditor(_WithClear):
    """One of a few: a single choice of up to five, yes/no, or a point on a scale (with the
    words for its ends either side)."""

    def __init__(
        self,
        field: Field,
        notify: Notify,
        parent: QWidget,
        options: Sequence[Option],
        *,
        horizontal: bool,
        ends: tuple[str | None, str | None] = (None, None),
    ) -> None:
        super().__init__(field, notify)
        layout = self._start_box(parent, horizontal, 18 if horizontal else 4)
        self.widget.setAccessibleName(field.label)
        self.values = [value for value, _label, _help in options]
        self.group = QButtonGroup(self.widget)
        self.buttons: dict[Any, QRadioButton] = {}
        low, high = ends
        if low:
            layout.addWidget(help_label(low, self.widget, "formScaleEnd"))
        for index, (value, text, choice_help) in enumerate(options):
            button = QRadioButton(no_accelerator(text), self.widget)
            button.setAccessibleName(f"{field.label}: {text}")
            self.group.addButton(button, index)
            self.buttons[value] = button
            layout.addWidget(
                button, 0, Qt.AlignmentFlag(0) if horizontal else Qt.AlignmentFlag.AlignLeft
            )
            if choice_help:
                note = help_label(choice_help, self.widget)
                note.setContentsMargins(24, 0, 0, 4)
                layout.addWidget(note)
        if high:
            layout.addWidget(help_label(high, self.widget, "formScaleEnd"))
        self._end_box()
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self._edited()

    def is_set(self) -> bool:
        return self.group.checkedId() >= 0

    def _uncheck(self) -> None:
        checked = self.group.checkedButton()
        if checked is not None:
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)

    def clear(self) -> None:
        was = self.group.checkedButton()
        self._uncheck()
        self._edited()
        if was is not None:
            was.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> Any:
        index = self.group.checkedId()
        return None if index < 0 else self.values[index]

    def set_value(self, value: Any) -> None:
        self._uncheck()
        if value is not None:
            for known, button in self.buttons.items():
                if _same(known, value):
                    button.setChecked(True)
                    break
        self._sync_clear()

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        super().set_read_only(read_only)

    def focusables(self) -> list[QWidget]:
        return [*self.buttons.values(), self.clear_button]

    def focus_widget(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else next(iter(self.buttons.values()))


class ComboEditor(Editor):
    """One of many (or one person): a drop-down list whose first, empty, entry is "no
    answer". A stored value the list lacks (someone since taken off the case) is added, so
    that it is shown and kept."""

    def __init__(
        self,
        field: Field,
        notify: Notify,
        parent: QWidget,
        options: Sequence[Option],
        unknown: Callable[[str], str],
    ) -> None:
        super().__init__(field, notify)
        self._unknown = unknown
        self.widget, layout = box(parent, True)
        self.combo = _Combo(self.widget)
        self.combo.setAccessibleName(field.label)
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.addItem("", None)
        for value, text, choice_help in options:
            self.combo.addItem(text, value)
            if choice_help:
                self.combo.setItemData(
                    self.combo.count() - 1, literal(choice_help), Qt.ItemDataRole.ToolTipRole
                )
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(240)
        self.combo.setMaximumWidth(INPUT_WIDTH_MEDIUM)
        self.combo.setMaxVisibleItems(20)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._edited)

    def _edited(self, _index: int) -> None:
        self._notify()

    def value(self) -> str | None:
        data = self.combo.currentData()
        return data if isinstance(data, str) and data else None

    def set_value(self, value: Any) -> None:
        if not isinstance(value, str) or not value:
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findData(value)
        if index < 0:
            self.combo.addItem(self._unknown(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.combo.setEnabled(not read_only)

    def focusables(self) -> list[QWidget]:
        return [self.combo]


class CheckEditor(Editor):
    """Any of several (or several people): tick boxes, in two columns when there are many
    short ones. The answer lists the ticked values in the order shown."""

    def __init__(
        self,
        field: Field,
        notify: Notify,
        parent: QWidget,
        options: Sequence[Option],
        unknown: Callable[[str], str],
        empty: str | None = None,
    ) -> None:
        super().__init__(field, notify)
        self._unknown = unknown
        self.boxes: dict[str, QCheckBox] = {}
        self.widget = QWidget(parent)
        self.widget.setAccessibleName(field.label)
        self._grid = QGridLayout(self.widget)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(4)
        longest = max((len(text) for _v, text, _h in options), default=0)
        has_help = any(choice_help for _v, _t, choice_help in options)
        columns = 2 if len(options) >= 8 and longest <= 34 and not has_help else 1
        rows = (len(options) + columns - 1) // columns
        self._next_row = 0
        for index, (value, text, choice_help) in enumerate(options):
            if columns == 2:
                self._place(value, text, None, index % rows, index // rows)
            else:
                self._place(value, text, choice_help, self._next_row, 0)
        self.empty_note: QLabel | None = None
        if not options and empty:
            self.empty_note = help_label(empty, self.widget)
            self._grid.addWidget(self.empty_note, 0, 0)
            self._next_row = 1
        self._grid.setColumnStretch(columns, 1)

    def _place(self, value: str, text: str, choice_help: str | None, row: int, column: int) -> None:
        check = QCheckBox(no_accelerator(text), self.widget)
        check.setAccessibleName(f"{self.field.label}: {text}")
        check.toggled.connect(self._edited)
        self.boxes[value] = check
        self._grid.addWidget(check, row, column)
        self._next_row = max(self._next_row, row + 1)
        if choice_help:
            note = help_label(choice_help, self.widget)
            note.setContentsMargins(24, 0, 0, 4)
            self._grid.addWidget(note, row + 1, column)
            self._next_row = max(self._next_row, row + 2)

    def _edited(self, _checked: bool) -> None:
        self._notify()

    def value(self) -> list[str] | None:
        ticked = [value for value, check in self.boxes.items() if check.isChecked()]
        return ticked or None

    def set_value(self, value: Any) -> None:
        wanted = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        for missing in wanted:
            if missing not in self.boxes:
                self._place(missing, self._unknown(missing), None, self._next_row, 0)
                self.boxes[missing].setEnabled(not self.read_only)
        for known, check in self.boxes.items():
            check.setChecked(known in wanted)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for check in self.boxes.values():
            check.setEnabled(not read_only)

    def focusables(self) -> list[QWidget]:
        return list(self.boxes.values()) or [self.widget]


# -- choosing the editor ---------------------------------------------------------------------


def _fits_on_a_line(options: Sequence[Option]) -> bool:
    labels = [text for _v, text, _h in options]
    return (
        not any(choice_help for _v, _t, choice_help in options)
        and sum(len(text) for text in labels) <= 52
        and max((len(text) for text in labels), default=0) <= 24
    )


def _unknown_choice(value: str) -> str:
    return f"{value} (not a choice on this form)"


def _unknown_person(person_id: str) -> str:
    return f"Someone no longer on this case ({person_id})"


def make_editor(
    field: Field, notify: Notify, parent: QWidget, people: Sequence[tuple[str, str]]
) -> Editor:
    """The editor for a question of any type but ``group`` (groups: see form_widget)."""
    t = field.type
    if t is FieldType.SHORT_TEXT:
        return LineEditor(field, notify, parent)
    if t is FieldType.LONG_TEXT:
        return TextEditor(field, notify, parent)
    if t is FieldType.DATE:
        return DateEditor(field, notify, parent)
    if t is FieldType.TIME:
        return TimeEditor(field, notify, parent)
    if t is FieldType.NUMBER:
        return NumberEditor(field, notify, parent)
    if t is FieldType.YES_NO:
        yes_no: list[Option] = [(True, "Yes", None), (False, "No", None)]
        return RadioEditor(field, notify, parent, yes_no, horizontal=True)
    choices: list[Option] = [(c.value, c.label, c.help) for c in field.choices]
    if t is FieldType.SINGLE_CHOICE:
        if len(choices) <= MAX_RADIOS:
            return RadioEditor(field, notify, parent, choices, horizontal=_fits_on_a_line(choices))
        return ComboEditor(field, notify, parent, choices, _unknown_choice)
    if t is FieldType.MULTIPLE_CHOICE:
        return CheckEditor(field, notify, parent, choices, _unknown_choice)
    if t is FieldType.PERSON:
        on_case: list[Option] = [(pid, name, None) for pid, name in people]
        if field.multiple:
            empty = "Nobody is recorded on this case."
            return CheckEditor(field, notify, parent, on_case, _unknown_person, empty)
        return ComboEditor(field, notify, parent, on_case, _unknown_person)
    if t is FieldType.SCALE:
        bounds = (
            field.min if field.min is not None else 1,
            field.max if field.max is not None else 5,
        )
        step = field.step or 1
        whole = all(float(n).is_integer() for n in (*bounds, step))
        points = list(range(int(bounds[0]), int(bounds[1]) + 1, int(step))) if whole else []
        if 0 < len(points) <= MAX_SCALE_POINTS:
            scale: list[Option] = [(p, str(p), None) for p in points]
            ends = (field.min_label, field.max_label)
            return RadioEditor(field, notify, parent, scale, horizontal=True, ends=ends)
        return NumberEditor(field, notify, parent)
    raise ValueError(f"no editor for a {t.value} question")
