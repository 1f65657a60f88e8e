"""The top of the interview window: whose interview, about what, how long it has run, where
it stands (not started, cautioned, in a break, ended…) and when it was last saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from officer_app.clock import uk_local
from officer_app.domain.interview import InterviewRecord
from officer_app.gui.markup import plain_label
from officer_app.services.interviews import InterviewInfo

HEADER_STYLE = """
QFrame#interviewHeader { background: white; border: 1px solid #c9d1d9; border-radius: 4px; }
QLabel#interviewTitle { font-size: 14pt; font-weight: bold; color: #1b1f24; }
QLabel#interviewElapsed { font-size: 16pt; font-weight: bold; color: #1f4e79; }
QLabel#interviewState { background: #e8eef5; color: #1f4e79; border-radius: 9px;
    padding: 2px 10px; font-weight: bold; font-size: 11pt; }
"""


def state_of(record: InterviewRecord, *, sealed: bool = False) -> str:
    if sealed:
        return "Sealed"
    if not record.started:
        return "Not started"
    if record.ended:
        return "Ended: closing"
    if record.in_break:
        return "In a break"
    if record.under_caution:
        return "Cautioned"
    if record.cautioned:
        return "Resumed: remind them of the caution"
    return "Not cautioned yet"


def elapsed_text(start: dt.datetime | None, until: dt.datetime | None) -> str:
    if start is None or until is None:
        return "0:00:00"
    seconds = max(0, int((until - start).total_seconds()))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class InterviewHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewHeader")
        self.setStyleSheet(HEADER_STYLE)
        self.title = plain_label("Interview under caution")
        self.title.setObjectName("interviewTitle")
        self.details = plain_label("")
        self.details.setWordWrap(True)
        self.details.setProperty("role", "muted")
        self.elapsed = plain_label("0:00:00")
        self.elapsed.setObjectName("interviewElapsed")
        self.elapsed.setAccessibleName("Time since the start")
        self.state = plain_label("Not started")
        self.state.setObjectName("interviewState")
        self.state.setAccessibleName("State of the interview")
        self.saved = plain_label("Not saved yet")
        self.saved.setProperty("role", "muted")
        self.saved.setAccessibleName("Autosave")
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.title)
        left.addWidget(self.details)
        right = QVBoxLayout()
        right.setSpacing(2)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.state)
        top.addWidget(self.elapsed)
        right.addLayout(top)
        right.addWidget(self.saved, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addLayout(left, 1)
        row.addLayout(right)

    def show_info(self, info: InterviewInfo) -> None:
        self.title.setText(f"Interview under caution: {info.interviewee_name}")
        second = f"; second officer {info.second_officer_name}" if info.second_officer_name else ""
        self.details.setText(
            f"{info.case_reference} · child {info.child_name} · {info.offence.label} · "
            f"{info.period_from:%d/%m/%Y} to {info.period_to:%d/%m/%Y} · {info.place} · "
            f"interviewer {info.interviewer_name}{second}"
        )

    def show_saved(self, at: dt.datetime) -> None:
        self.saved.setText(f"Saved {uk_local(at):%H:%M:%S}")
