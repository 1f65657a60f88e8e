"""FormWidget: one form definition (``officer_app.forms``) drawn as a Qt form.

The definition decides everything: one titled group per section, one labelled row per
question, the input by field type (:mod:`.form_fields`), which questions show (``show_when``)
and which are marked required, both recomputed as answers change. ``answers()`` gives the
JSON-ready answers the record stores, with the answers to hidden questions left out (the
core's ``clean``), and ``validate()`` runs the core's validation and shows each problem in red
under its question.

Keystrokes stay cheap: an edit emits ``changed`` (the caller saves the draft from it, after a
pause) and recomputes visibility and required markers only when some condition refers to the
question edited. Nothing is validated until ``validate()`` is called; after that, an answer's
message goes as soon as it is edited, and the other messages are re-checked after a pause.

The rows, groups and section cards it is made of are in :mod:`.form_rows`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from officer_app.forms.model import Field, FormDefinition
from officer_app.forms.validation import FieldError, clean, validate
from officer_app.gui.form_editor import Editor
from officer_app.gui.form_inputs import help_label
from officer_app.gui.form_rows import (
    ERROR_RED,
    FieldRow,
    GroupItem,
    RepeatingGroup,
    SectionView,
    SubForm,
    answers_of,
)
from officer_app.gui.theme import ACCENT, BORDER, MUTED, TEXT, WINDOW

RECHECK_MS = 400  # after an edit, re-check the messages shown (never on every keystroke)
ITEM_BACKGROUND = "#f5f7fa"

FORM_STYLE = f"""
QWidget#formContent {{ background: {WINDOW}; }}
QFrame#formSection {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#formSectionTitle {{ font-size: 13pt; font-weight: bold; color: {ACCENT}; }}
QLabel#formSectionHelp, QLabel#formDescription {{ color: {MUTED}; }}
QLabel#formLabel {{ color: {TEXT}; }}
QLabel#formGroupLabel {{ color: {TEXT}; font-weight: bold; }}
QLabel#formHelp, QLabel#formScaleEnd, QLabel#formCounter, QLabel#formEmpty {{
    color: {MUTED}; font-size: 9pt; }}
QLabel#formError {{ color: {ERROR_RED}; font-weight: bold; }}
QFrame#formItem {{ background: {ITEM_BACKGROUND}; border: 1px solid {BORDER};
    border-radius: 4px; }}
QLabel#formItemTitle {{ color: {ACCENT}; font-weight: bold; }}
QToolButton#formClear {{ color: {ACCENT}; border: none; padding: 2px 4px;
    text-decoration: underline; background: transparent; }}
"""


def _inline(field: Field, message: str) -> str:
    """The core's message, said next to the question it is about: without the question's
    label in front."""
    quoted = f"\u201c{field.label}\u201d"
    if message == f"{quoted} needs an answer.":
        return "An answer is needed."
    if message.startswith(f"{quoted} must "):
        return "Must " + message[len(quoted) + 6 :]
    if message.startswith(f"{quoted}: "):
        rest = message[len(quoted) + 2 :]
        return rest[:1].upper() + rest[1:]
    return message


def condition_fields(definition: FormDefinition) -> frozenset[str]:
    """The fields some condition looks at: editing any other field cannot change what the
    form shows or requires."""
    found: set[str] = set()
    for section in definition.sections:
        if section.show_when is not None:
            found.update(section.show_when.fields())
    for f in definition.iter_fields():
        for _kind, condition in f.conditions():
            found.update(condition.fields())
    return frozenset(found)


# -- the form ------------------------------------------------------------------------------


class FormWidget(QWidget):
    """A form definition as a scrolling Qt form.

    ``people`` are the (id, name) of the people on the case, offered by person questions.
    ``answers`` (e.g. a draft) are shown as if set by ``set_answers``. Pass the definition a
    record was made with: nothing here assumes the latest version of a form.
    """

    changed = Signal()
    """Emitted on every edit by the officer (not by ``set_answers``)."""

    def __init__(
        self,
        definition: FormDefinition,
        *,
        people: Sequence[tuple[str, str]] = (),
        answers: Mapping[str, Any] | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.definition = definition
        self.people: list[tuple[str, str]] = list(people)
        self.read_only = False
        self._loading = 0
        self._errors_shown = False
        self._today: date | None = None
        self._now: datetime | None = None
        self._triggers = condition_fields(definition)
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self._recheck_errors)

        self.setStyleSheet(FORM_STYLE)
        self.setAccessibleName(definition.title)
        # The scroll area and its content first, then everything inside created in place.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.verticalScrollBar().setSingleStep(24)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        # The first version called it ``scroll`` (shadowing QWidget.scroll(dx, dy), which
        # nothing here uses); kept for callers written against it. Use ``scroll_area``.
        self.scroll = self.scroll_area  # type: ignore[assignment,method-assign]
        self.content = QWidget()
        self.content.setObjectName("formContent")
        self.scroll_area.setWidget(self.content)
        column = QVBoxLayout(self.content)
        column.setContentsMargins(16, 14, 16, 20)
        column.setSpacing(14)
        if definition.description:
            description = help_label(
                definition.description.strip(), self.content, "formDescription"
            )
            column.addWidget(description)
        self.sections: list[SectionView] = []
        self.rows: dict[str, FieldRow] = {}
        for section in definition.sections:
            view = SectionView(self, section, self.content)
            self.sections.append(view)
            column.addWidget(view.frame)
            for row in view.rows:
                self.rows[row.field.id] = row
        column.addStretch(1)

        if answers:
            self.set_answers(answers)
        else:
            self._refresh()
        if read_only or any(r.field.from_case for r in self.rows.values()):
            self.set_read_only(read_only)  # a fact of the case (``from_case``) is never typed

    # -- answers ---------------------------------------------------------------------------

    def _raw(self) -> dict[str, Any]:
        """Everything the inputs hold, shown or not."""
        return answers_of(self.rows)

    def answers(self) -> dict[str, Any]:
        """The answers, JSON-ready, without those to hidden questions; unanswered absent."""
        return clean(self.definition, self._raw())

    def set_answers(self, answers: Mapping[str, Any]) -> None:
        """Show these answers (a draft, a record), replacing what is there. Does not emit
        ``changed``; clears the messages of an earlier ``validate``."""
        self._loading += 1
        try:
            for field_id, row in self.rows.items():
                row.editor.set_value(answers.get(field_id))
        finally:
            self._loading -= 1
        self._recheck.stop()
        for row in self.all_rows():
            row.show_error(None)
        self._errors_shown = False
        self._refresh()
        self._fix_tab_order()

    # -- what shows ------------------------------------------------------------------------

    def row_edited(self, row: FieldRow) -> None:
        """The officer changed an answer: update what shows; re-check any messages soon."""
        if self._loading:
            return
        row.show_error(None)
        if (
            row.field.is_group
            or row.field.id in self._triggers
            or any(g in self._triggers for g in row.groups)
        ):
            self._refresh()
        if self._errors_shown:
            self._recheck.start()
        self.changed.emit()

    def structure_changed(self) -> None:
        """An entry was added to or removed from a repeating group."""
        self._fix_tab_order()

    def _refresh(self) -> None:
        """Show, hide and mark as required, from the answers as they stand."""
        raw = self._raw()
        d = self.definition
        for view in self.sections:
            view.set_shown(d.section_visible(view.section, raw))
        self._refresh_rows(self.rows.values(), raw, raw, ())

    def _refresh_rows(
        self,
        rows: Iterable[FieldRow],
        raw: Mapping[str, Any],
        scope: Mapping[str, Any],
        items: tuple[Mapping[str, Any], ...],
    ) -> None:
        d = self.definition
        for row in rows:
            shown = d.visible(row.field, raw, items)
            row.set_shown(shown)
            if not shown:
                continue
            row.set_required(d.required(row.field, raw, items))
            editor = row.editor
            if isinstance(editor, RepeatingGroup):
                entries = scope.get(row.field.id) or []
                for item, entry in zip(editor.items, entries, strict=False):
                    self._refresh_rows(item.rows.values(), raw, entry, (*items, entry))
            elif isinstance(editor, SubForm):
                entry = scope.get(row.field.id) or {}
                self._refresh_rows(editor.rows.values(), raw, entry, (*items, entry))

    def all_rows(self) -> Iterator[FieldRow]:
        """Every question's row, in document order, entries of groups included."""

        def walk(rows: Iterable[FieldRow]) -> Iterator[FieldRow]:
            for row in rows:
                yield row
                editor = row.editor
                if isinstance(editor, RepeatingGroup):
                    yield from walk(editor.rows())
                elif isinstance(editor, SubForm):
                    yield from walk(editor.rows.values())

        yield from walk(self.rows.values())

    def row(self, *path: str | int) -> FieldRow:
        """The row of a question: ``row("visit_date")``, or inside a repeating group
        ``row("actions", 0, "action")``. KeyError if there is none."""
        found = self._row_at(path)
        if found is None:
            raise KeyError(path)
        return found

    def editor(self, *path: str | int) -> Editor:
        return self.row(*path).editor

    def _row_at(self, path: Sequence[str | int]) -> FieldRow | None:
        if not path or not isinstance(path[0], str):
            return None
        row = self.rows.get(path[0])
        index = 1
        while row is not None and index < len(path):
            editor, part = row.editor, path[index]
            if isinstance(editor, RepeatingGroup) and isinstance(part, int):
                if not 0 <= part < len(editor.items) or index + 1 >= len(path):
                    return row
                nxt = path[index + 1]
                row = editor.items[part].rows.get(nxt) if isinstance(nxt, str) else None
                index += 2
            elif isinstance(editor, SubForm) and isinstance(part, str):
                row = editor.rows.get(part)
                index += 1
            else:
                return row
        return row

    def _fix_tab_order(self) -> None:
        """Tab goes through the questions in the order they are shown, entries of repeating
        groups (added after the form was built) included."""
        chain: list[QWidget] = []
        for row in self.rows.values():
            chain.extend(row.editor.focusables())
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- checking ----------------------------------------------------------------------------

    def _people_ids(self) -> list[str] | None:
        return [pid for pid, _name in self.people] if self.people else None

    def _check(self) -> list[FieldError]:
        return validate(
            self.definition,
            self.answers(),
            people=self._people_ids(),
            today=self._today,
            now=self._now,
        )

    def validate(self, today: date | None = None, now: datetime | None = None) -> list[FieldError]:
        """What is wrong with the answers (the core's ``validate``), each message shown under
        its question; the first such question is scrolled to and given the focus. ``now``
        (timezone-aware): times on today's date after it are refused, as at signing."""
        self._recheck.stop()
        self._today = today
        self._now = now
        errors = self._check()
        first: FieldRow | None = None
        marked: set[int] = set()
        for error in errors:
            row = self._row_at(error.path or (error.field_id,))
            if row is None or id(row) in marked:
                continue
            marked.add(id(row))
            row.show_error(_inline(row.field, error.message))
            first = first or row
        for row in self.all_rows():
            if id(row) not in marked:
                row.show_error(None)
        self._errors_shown = first is not None
        if first is not None:
            self.scroll_to(first)
            first.editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        return errors

    def scroll_to(self, row: FieldRow) -> None:
        """Bring a question into view, label and message included."""
        # The messages just shown move everything below them: lay out first (one level of
        # widgets per round of layout requests), then scroll.
        for _ in range(8):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll_area.ensureWidgetVisible(row.widget, 40, 60)

    def _recheck_errors(self) -> None:
        """After edits: drop the messages that no longer apply (new ones wait for
        ``validate``, so that nobody is told off while still typing)."""
        still = {id(self._row_at(e.path or (e.field_id,))) for e in self._check()}
        shown = False
        for row in self.all_rows():
            if row.error is not None:
                if id(row) in still:
                    shown = True
                else:
                    row.show_error(None)
        self._errors_shown = shown

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that no input used (in a line, on a choice) moves to the next question, and
        goes no further: it never presses a dialog's default button ("Sign") by accident.
        Ctrl+Enter and the like are left to the window."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            event.accept()
            self.focusNextChild()
            focused = QApplication.focusWidget()
            if focused is not None and self.content.isAncestorOf(focused):
                self.scroll_area.ensureWidgetVisible(focused, 40, 60)
            return
        super().keyPressEvent(event)

    # -- read only -------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """Show the answers without letting them change (a signed record)."""
        self.read_only = read_only
        for row in self.rows.values():
            row.editor.set_read_only(read_only or row.field.from_case is not None)


__all__ = ["FieldRow", "FormWidget", "GroupItem", "RepeatingGroup", "SubForm"]
