"""The record of an interview under caution as a list model, and the view that shows it.

One row per event, read as the sealed record reads it (``services.interview_rows.
event_line``: ``14:02 Q: …``, 24-hour clock, the date added once the interview has run past
midnight). The view (:class:`RecordView`) is a read-only rich-text box fed by the model: a
question bold in the accent colour, an answer indented under it (wrapped lines too), the
caution, breaks, statements and the closing on tinted bands, so an officer glancing up from
the kitchen table sees where the record is. A text box rather than a list view because with
hundreds of wrapped rows a list view lays every row out again on each new one (~100 ms at
600 events); a text document lays out only the new paragraph (~5 ms).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from officer_app.domain.interview import Event, EventKind
from officer_app.gui.theme import ACCENT, TEXT
from officer_app.services.interview_rows import event_line

EventRole = Qt.ItemDataRole.UserRole + 1
ANSWER_INDENT = 36
_BANDS = {
    EventKind.CAUTION: "#fff3cd",
    EventKind.REMINDER: "#fff3cd",
    EventKind.BREAK_START: "#eceff1",
    EventKind.BREAK_END: "#eceff1",
    EventKind.START: "#e8eef5",
    EventKind.END: "#e8eef5",
    EventKind.STATEMENT: "#f3e8f5",
    EventKind.EXHIBIT: "#f3e8f5",
    EventKind.ADDENDUM: "#f8d7da",
    EventKind.SIGNATURE: "#d1e7dd",
    EventKind.READ: "#d1e7dd",
}
REFUSED = "#f8d7da"  # a refusal to sign stands out like a disagreement
_Index = QModelIndex | QPersistentModelIndex


class InterviewEventsModel(QAbstractListModel):
    """The events of one interview, in order. Only ever appended to (the record is never
    edited: a disagreement is an addendum, itself an event)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._lines: list[str] = []  # each event's line, made once
        self._start: dt.datetime | None = None

    @property
    def events(self) -> list[Event]:
        return list(self._events)

    def set_events(self, events: Sequence[Event]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._start = self._events[0].at if self._events else None
        self._lines = [event_line(e, self._start) for e in self._events]
        self.endResetModel()

    def append(self, event: Event) -> None:
        row = len(self._events)
        self.beginInsertRows(QModelIndex(), row, row)
        self._events.append(event)
        if self._start is None:
            self._start = event.at
        self._lines.append(event_line(event, self._start))
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._lines[index.row()]
        if role == EventRole:
            return self._events[index.row()]
        return None


class RecordView(QTextEdit):
    """The model's rows as paragraphs, appended as they come; read-only, selectable and
    scrollable with the keyboard."""

    def __init__(self, model: InterviewEventsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._question = QTextCharFormat()
        self._question.setFontWeight(QFont.Weight.Bold)
        self._question.setForeground(QBrush(QColor(ACCENT)))
        self._plain = QTextCharFormat()
        self._plain.setForeground(QBrush(QColor(TEXT)))
        model.rowsInserted.connect(self._inserted)
        model.modelReset.connect(self._reset)
        self._shown = 0

    def _block_format(self, event: Event) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setTopMargin(3 if event.kind is EventKind.QUESTION else 1)
        if event.kind is EventKind.ANSWER:
            block.setLeftMargin(ANSWER_INDENT)
        colour = (
            REFUSED
            if event.kind is EventKind.SIGNATURE and event.flag is False
            else _BANDS.get(event.kind)
        )
        if colour:
            block.setBackground(QBrush(QColor(colour)))
        return block

    def _append_rows(self, first: int, last: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        for row in range(first, last + 1):
            index = self._model.index(row, 0)
            event: Event = index.data(EventRole)
            chars = self._question if event.kind is EventKind.QUESTION else self._plain
            if self._shown == 0:
                cursor.setBlockFormat(self._block_format(event))
                cursor.setBlockCharFormat(chars)
                cursor.setCharFormat(chars)
            else:
                cursor.insertBlock(self._block_format(event), chars)
            cursor.insertText(index.data(), chars)
            self._shown += 1
        cursor.endEditBlock()

    def _inserted(self, _parent: _Index, first: int, last: int) -> None:
        self._append_rows(first, last)
        self.scroll_to_end()

    def _reset(self) -> None:
        self.clear()
        self._shown = 0
        if self._model.rowCount():
            self._append_rows(0, self._model.rowCount() - 1)
        self.scroll_to_end()

    def scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def paragraphs(self) -> list[str]:
        """The text shown, one paragraph per event (for tests and screen readers)."""
        return self.toPlainText().split("\n")
