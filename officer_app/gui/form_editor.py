"""What every editor of a form's question is: see :mod:`.form_fields` for the kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget

from officer_app.forms.model import Field
from officer_app.gui.form_inputs import ClearButton, box

Notify = Callable[[], None]
Option = tuple[Any, str, str | None]  # value, label, help


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


class ClearableEditor(Editor):
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
