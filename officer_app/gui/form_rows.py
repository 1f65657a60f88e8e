"""The questions of a form on screen: one row per question, the entries of a group (repeating
or not) as rows in a box, and a section's card. The form they sit in is a :class:`FormHost`
(:class:`~officer_app.gui.form_widget.FormWidget`), told of every edit."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from officer_app.forms.model import Field, Section
from officer_app.gui.form_editor import Editor, Notify
from officer_app.gui.form_fields import make_editor
from officer_app.gui.form_inputs import help_label
from officer_app.gui.markup import escape, no_accelerator, plain_label

LABEL_WIDTH = 230  # the label column of a section
ITEM_LABEL_WIDTH = 170  # the label column inside an entry of a repeating group
ERROR_RED = "#a4262c"  # 7:1 on white


class FormHost(Protocol):
    """What the rows need of the form they are in."""

    people: list[tuple[str, str]]

    def row_edited(self, row: FieldRow) -> None:
        """The officer changed the answer in ``row``."""

    def structure_changed(self) -> None:
        """An entry was added to or removed from a repeating group."""


def _label_html(text: str) -> str:
    """A required question's label: the text and a red star that never wraps on its own."""
    star = f'<span style="color:{ERROR_RED}; font-weight:bold">*</span>'
    return f"{escape(text)}&nbsp;{star}"


def answers_of(rows: Mapping[str, FieldRow]) -> dict[str, Any]:
    """What these rows' inputs hold, by field id; the unanswered left out."""
    out: dict[str, Any] = {}
    for field_id, row in rows.items():
        answer = row.editor.value()
        if answer is not None:
            out[field_id] = answer
    return out


def show_answers(rows: Mapping[str, FieldRow], value: Any) -> None:
    """Show a stored dict of answers in these rows (anything else: no answers)."""
    scope = value if isinstance(value, Mapping) else {}
    for field_id, row in rows.items():
        row.editor.set_value(scope.get(field_id))


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


# -- one question --------------------------------------------------------------------------


class FieldRow:
    """One question on screen: its label (with a red * while required), its input, the help
    under it and, after ``validate``, the message saying what is wrong with the answer."""

    def __init__(
        self,
        form: FormHost,
        field: Field,
        parent: QWidget,
        label_width: int,
        groups: tuple[str, ...] = (),
    ) -> None:
        self.field = field
        self.groups = groups  # the ids of the groups around this question, outermost first
        self.shown = True
        self.required = False
        self.error: str | None = None
        self.error_label: QLabel | None = None  # made when first needed
        self.widget = QWidget(parent)
        self.label = plain_label(field.label, self.widget)
        self.label.setObjectName("formGroupLabel" if field.is_group else "formLabel")
        self.label.setWordWrap(True)
        notify: Notify = lambda: form.row_edited(self)  # noqa: E731
        self.editor: Editor
        if field.is_group:  # the entries take the full width, under the label and help
            self._column = QVBoxLayout(self.widget)
            self._column.setContentsMargins(0, 4, 0, 0)
            self._column.setSpacing(6)
            self._column.addWidget(self.label)
            self.help_label = help_label(field.help, self.widget) if field.help else None
            if self.help_label is not None:
                self._column.addWidget(self.help_label)
            path = (*groups, field.id)
            if field.repeatable:
                self.editor = RepeatingGroup(form, field, notify, self.widget, path)
            else:
                self.editor = SubForm(form, field, notify, self.widget, path)
            self._column.addWidget(self.editor.widget)
            self._error_at = self._column.count()
        else:
            row = QHBoxLayout(self.widget)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(16)
            self.label.setFixedWidth(label_width)
            self.label.setContentsMargins(0, 4, 0, 0)
            row.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
            self._column = QVBoxLayout()
            self._column.setSpacing(4)
            row.addLayout(self._column, 1)
            self.editor = make_editor(field, notify, self.widget, form.people)
            self._column.addWidget(self.editor.widget)
            self._error_at = 1
            self.help_label = help_label(field.help, self.widget) if field.help else None
            if self.help_label is not None:
                self._column.addWidget(self.help_label)
        if field.help:
            self.editor.set_description(field.help)

    def _describe(self) -> None:
        """What a screen reader says after the label: the message, "Required.", the help."""
        parts = [self.error or "", "Required." if self.required else "", self.field.help or ""]
        self.editor.set_description(" ".join(part for part in parts if part))

    def set_required(self, required: bool) -> None:
        if required != self.required:
            self.required = required
            if required:
                self.label.setTextFormat(Qt.TextFormat.RichText)
                self.label.setText(_label_html(self.field.label))
            else:
                self.label.setTextFormat(Qt.TextFormat.PlainText)
                self.label.setText(self.field.label)
            self._describe()

    def set_shown(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            self.widget.setVisible(shown)
            if not shown:
                self.show_error(None)

    def show_error(self, message: str | None) -> None:
        if message == self.error:
            return
        self.error = message
        if self.error_label is None:
            if message is None:
                return
            self.error_label = plain_label("", self.widget)
            self.error_label.setObjectName("formError")
            self.error_label.setWordWrap(True)
            self._column.insertWidget(self._error_at, self.error_label)
        self.error_label.setText(message or "")
        self.error_label.setVisible(message is not None)
        self._describe()


# -- groups --------------------------------------------------------------------------------


class GroupItem:
    """One entry of a repeating group ("Action 2"): its questions and a Remove button."""

    def __init__(self, form: FormHost, group: RepeatingGroup, number: int) -> None:
        self.group = group
        self.widget = QFrame(group.widget)
        self.widget.setObjectName("formItem")
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        self.title = plain_label("", self.widget)  # "Action 2": the LA's noun, plain
        self.title.setObjectName("formItemTitle")
        self.remove_button = QPushButton("Remove", self.widget)
        self.remove_button.clicked.connect(lambda: group.remove_item(self))
        header.addWidget(self.title, 1)
        header.addWidget(self.remove_button)
        layout.addLayout(header)
        self.rows: dict[str, FieldRow] = {}
        for sub in group.field.fields:
            row = FieldRow(form, sub, self.widget, ITEM_LABEL_WIDTH, group.path)
            self.rows[sub.id] = row
            layout.addWidget(row.widget)
        self.renumber(number)

    def renumber(self, number: int) -> None:
        self.number = number
        self.title.setText(f"{self.group.noun} {number}")
        self.remove_button.setAccessibleName(f"Remove {self.group.noun.lower()} {number}")

    def value(self) -> dict[str, Any]:
        return answers_of(self.rows)

    def set_value(self, value: Any) -> None:
        show_answers(self.rows, value)

    def set_read_only(self, read_only: bool) -> None:
        self.remove_button.setVisible(not read_only)
        for row in self.rows.values():
            row.editor.set_read_only(read_only)

    def focusables(self) -> list[QWidget]:
        out: list[QWidget] = [self.remove_button]
        for row in self.rows.values():
            out.extend(row.editor.focusables())
        return out


class RepeatingGroup(Editor):
    """A list of entries (each parent, each action) that the officer adds and removes. The
    answer is a list of dicts, one per entry in order; no entries is no answer."""

    def __init__(
        self,
        form: FormHost,
        field: Field,
        notify: Notify,
        parent: QWidget,
        path: tuple[str, ...],
    ) -> None:
        super().__init__(field, notify)
        self._form = form
        self.path = path
        self.noun = field.item_label or "Entry"
        self.items: list[GroupItem] = []
        self.widget = QWidget(parent)
        self.widget.setAccessibleName(field.label)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.empty_label = help_label(
            f"No {self.noun.lower()} added yet.", self.widget, "formEmpty"
        )
        self._items_layout = QVBoxLayout()
        self._items_layout.setContentsMargins(0, 0, 0, 0)
        self._items_layout.setSpacing(8)
        self.add_button = QPushButton(self.widget)
        self.add_button.clicked.connect(lambda: self.add_item())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._items_layout)
        layout.addLayout(buttons)
        self._sync()

    def _sync(self) -> None:
        noun = self.noun.lower()
        text = f"Add another {noun}" if self.items else f"Add {_article(noun)} {noun}"
        self.add_button.setText(no_accelerator(text))
        self.add_button.setAccessibleName(text)
        full = self.field.max_items is not None and len(self.items) >= self.field.max_items
        self.add_button.setVisible(not self.read_only)
        self.add_button.setEnabled(not full)
        self.empty_label.setVisible(not self.items)

    def _append(self) -> GroupItem:
        item = GroupItem(self._form, self, len(self.items) + 1)
        item.set_read_only(self.read_only)
        self.items.append(item)
        self._items_layout.addWidget(item.widget)
        return item

    def _drop(self, item: GroupItem) -> None:
        self.items.remove(item)
        self._items_layout.removeWidget(item.widget)
        item.widget.hide()
        item.widget.deleteLater()

    def add_item(self, focus: bool = True) -> GroupItem:
        """Add an empty entry at the end: the officer's "Add another …"."""
        item = self._append()
        self._sync()
        self._form.structure_changed()
        self._notify()
        first = next(iter(item.rows.values()), None)
        if focus and first is not None:
            first.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        return item

    def remove_item(self, item: GroupItem) -> None:
        if item not in self.items:
            return
        self._drop(item)
        for number, left in enumerate(self.items, start=1):
            left.renumber(number)
        self._sync()
        self._form.structure_changed()
        self._notify()
        if self.add_button.isVisible():
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> list[dict[str, Any]] | None:
        return [item.value() for item in self.items] or None

    def set_value(self, value: Any) -> None:
        entries = list(value) if isinstance(value, list) else []
        while len(self.items) > len(entries):
            self._drop(self.items[-1])
        while len(self.items) < len(entries):
            self._append()
        for item, entry in zip(self.items, entries, strict=True):
            item.set_value(entry)
        self._sync()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for item in self.items:
            item.set_read_only(read_only)
        self._sync()

    def focusables(self) -> list[QWidget]:
        out: list[QWidget] = []
        for item in self.items:
            out.extend(item.focusables())
        out.append(self.add_button)
        return out

    def focus_widget(self) -> QWidget:
        return self.add_button

    def set_description(self, text: str) -> None:
        self.add_button.setAccessibleDescription(text)

    def rows(self) -> Iterator[FieldRow]:
        for item in self.items:
            yield from item.rows.values()


class SubForm(Editor):
    """A group that does not repeat: its questions in a box; the answer is a dict."""

    def __init__(
        self,
        form: FormHost,
        field: Field,
        notify: Notify,
        parent: QWidget,
        path: tuple[str, ...],
    ) -> None:
        super().__init__(field, notify)
        self.path = path
        self.widget = QFrame(parent)
        self.widget.setObjectName("formItem")
        self.widget.setAccessibleName(field.label)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(10)
        self.rows: dict[str, FieldRow] = {}
        for sub in field.fields:
            row = FieldRow(form, sub, self.widget, ITEM_LABEL_WIDTH, path)
            self.rows[sub.id] = row
            layout.addWidget(row.widget)

    def value(self) -> dict[str, Any] | None:
        return answers_of(self.rows) or None

    def set_value(self, value: Any) -> None:
        show_answers(self.rows, value)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        for row in self.rows.values():
            row.editor.set_read_only(read_only)

    def focusables(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows.values():
            out.extend(row.editor.focusables())
        return out or [self.widget]

    def set_description(self, text: str) -> None:
        self.widget.setAccessibleDescription(text)


# -- sections ------------------------------------------------------------------------------


class SectionView:
    """A section: a white card with its title, its help and its questions."""

    def __init__(self, form: FormHost, section: Section, parent: QWidget) -> None:
        self.section = section
        self.shown = True
        self.frame = QFrame(parent)
        self.frame.setObjectName("formSection")
        self.frame.setAccessibleName(section.title)
        layout = QVBoxLayout(self.frame)
        layout.setContentsMargins(20, 14, 20, 18)
        layout.setSpacing(16)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        self.title = plain_label(section.title, self.frame)
        self.title.setObjectName("formSectionTitle")
        self.title.setWordWrap(True)
        heading.addWidget(self.title)
        self.help_label: QLabel | None = None
        if section.help:
            self.help_label = help_label(section.help, self.frame, "formSectionHelp")
            heading.addWidget(self.help_label)
        layout.addLayout(heading)
        self.rows: list[FieldRow] = []
        for f in section.fields:
            row = FieldRow(form, f, self.frame, LABEL_WIDTH)
            self.rows.append(row)
            layout.addWidget(row.widget)

    def set_shown(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            self.frame.setVisible(shown)
