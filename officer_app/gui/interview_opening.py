"""The opening of the interview window: the start button, then the opening checklist
(``forms/interview_opening.yaml``, drawn by FormWidget), prefilled from the plan.

PACE Code C 3.21 and 3.22 (told not under arrest, free to leave or to ask the officers to
leave their home, free legal advice) and 10.1 (all before any question about the offence).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from officer_app.gui.markup import plain_label
from officer_app.services.interviews import InterviewInfo


def opening_prefill(info: InterviewInfo) -> dict[str, Any]:
    """The checklist's answers the plan already gives: the place, the recording, and who
    was planned to support the person (the officer confirms each on the day)."""
    answers: dict[str, Any] = {
        "place_kind": info.place_kind,
        "recording": info.recording,
        "interpreter_present": bool(info.interpreter_name or info.interpreter_language),
        "appropriate_adult_present": bool(info.appropriate_adult_name),
    }
    if info.interpreter_name:
        answers["interpreter_name"] = info.interpreter_name
    if info.interpreter_language:
        answers["interpreter_language"] = info.interpreter_language
    if info.appropriate_adult_name:
        answers["appropriate_adult_name"] = info.appropriate_adult_name
        answers["appropriate_adult_relationship"] = info.appropriate_adult_relationship
    return answers


class OpeningPage(QWidget):
    """The start button and, once started, the checklist (added to ``holder``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = plain_label("")
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("font-size: 12pt;")
        self.start_button = QPushButton("Start interview (the start time is stamped)")
        self.start_button.setProperty("primary", True)
        self.start_button.setMinimumHeight(44)
        self.form_area = QWidget()  # takes the room below the start: the checklist, later
        self.holder = QVBoxLayout(self.form_area)
        self.holder.setContentsMargins(0, 0, 0, 0)
        self.checklist_button = QPushButton("Checklist done: go on to the record")
        self.checklist_button.setProperty("primary", True)
        self.checklist_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.form_area, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.checklist_button)
        layout.addLayout(row)
