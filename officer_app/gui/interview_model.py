"""The record of an interview under caution as a list: one row per event, read as the sealed
record reads it (``services.interview_rows.event_line``: ``14:02 Q: …``, 24-hour clock, the
date added once the interview has run past midnight).

Questions and answers are told apart by more than their letter: a question is bold in the
accent colour, an answer indented in plain text, and the caution, breaks and reminders sit on
a tinted band, so an officer glancing up from the kitchen table sees where the record is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from officer_app.domain.interview import Event, EventKind
from officer_app.gui.theme import ACCENT, TEXT
from officer_app.services.interview_rows import event_line

EventRole = Qt.ItemDataRole.UserRole + 1

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
_Index = QModelIndex | QPersistentModelIndex


class InterviewEventsModel(QAbstractListModel):
    """The events of one interview, in order. Only ever appended to (the record is never
    edited: a disagreement is an addendum, itself an event)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._lines: list[str] = []  # each event's line, made once
        self._start: dt.datetime | None = None
        self._question_font = QFont()
        self._question_font.setBold(True)
        self._q_brush = QBrush(QColor(ACCENT))
        self._a_brush = QBrush(QColor(TEXT))
        self._bands = {kind: QBrush(QColor(colour)) for kind, colour in _BANDS.items()}

    def set_base_font(self, font: QFont) -> None:
        """The view's font: questions are shown in its bold."""
        self._question_font = QFont(font)
        self._question_font.setBold(True)

    @property
    def events(self) -> list[Event]:
        return list(self._events)

    def set_events(self, events: Sequence[Event]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._start = self._events[0].at if self._events else None
        self._lines = [self._line(e) for e in self._events]
        self.endResetModel()

    def append(self, event: Event) -> None:
        row = len(self._events)
        self.beginInsertRows(QModelIndex(), row, row)
        self._events.append(event)
        if self._start is None:
            self._start = event.at
        self._lines.append(self._line(event))
        self.endInsertRows()

    def _line(self, event: Event) -> str:
        line = event_line(event, self._start)
        if event.kind is EventKind.ANSWER:
            return "      " + line  # an answer sits under its question
        return line

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._lines[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._lines[index.row()].strip()
        if role == EventRole:
            return event
        if role == Qt.ItemDataRole.FontRole:
            return self._question_font if event.kind is EventKind.QUESTION else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._q_brush if event.kind is EventKind.QUESTION else self._a_brush
        if role == Qt.ItemDataRole.BackgroundRole:
            if event.kind is EventKind.SIGNATURE and event.flag is False:
                return self._bands[EventKind.ADDENDUM]  # a refusal to sign stands out
            return self._bands.get(event.kind)
        return None
