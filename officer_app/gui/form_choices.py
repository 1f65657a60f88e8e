"""The editors of a form's choices: radio buttons (a few choices, yes/no, a scale), a
drop-down list (many choices, one person) and tick boxes (any of several)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from officer_app.forms.model import Field
from officer_app.gui.form_editor import ClearableEditor, Editor, Notify, Option
from officer_app.gui.form_inputs import INPUT_WIDTH_MEDIUM, ComboInput, box, help_label
from officer_app.gui.markup import literal, no_accelerator


def _same(a: Any, b: Any) -> bool:
    """Equal answers, keeping True apart from 1 (a yes/no apart from a point on a scale)."""
    return isinstance(a, bool) == isinstance(b, bool) and bool(a == b)


class RadioEditor(ClearableEditor):
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
        self.combo = ComboInput(self.widget)
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
