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

Here: text, dates, times and numbers, and :func:`make_editor`, which chooses. The choices'
editors are in :mod:`.form_choices`, the base classes in :mod:`.form_editor` and the Qt
inputs they are made of in :mod:`.form_inputs`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QSizeF, Qt, QTime
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QLineEdit, QTimeEdit, QWidget

from officer_app.forms.model import Field, FieldType
from officer_app.gui.form_choices import CheckEditor, ComboEditor, RadioEditor
from officer_app.gui.form_editor import ClearableEditor, Editor, Notify, Option
from officer_app.gui.form_inputs import (
    INPUT_WIDTH_MEDIUM,
    INPUT_WIDTH_SHORT,
    SET_MS,
    UNSET_DATE,
    UNSET_TIME,
    DateInput,
    NumberInput,
    PlainTextInput,
    TimeInput,
    box,
    help_label,
)

MAX_RADIOS = 5  # more choices than this go in a drop-down list
MAX_SCALE_POINTS = 11


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
            self.text_edit = PlainTextInput(self.widget)
            self.counter = help_label("", self.widget, "formCounter")
            self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.counter.setVisible(False)
            layout.addWidget(self.text_edit)
            layout.addWidget(self.counter)
        else:
            self.text_edit = PlainTextInput(parent)
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


class DateEditor(ClearableEditor):
    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        layout = self._start_box(parent)
        self.date_edit = DateInput(self.widget)
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


class TimeEditor(ClearableEditor):
    def __init__(self, field: Field, notify: Notify, parent: QWidget) -> None:
        super().__init__(field, notify)
        layout = self._start_box(parent)
        self.time_edit = TimeInput(self.widget)
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


class NumberEditor(ClearableEditor):
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
        self.spin = NumberInput(self.widget, low, high, field.step or 1.0, self.decimals)
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
