"""A case's actions: one table drives the case tab's tool row and the window's Case menu.

The tool row is a line of compact buttons (a laptop's width); the Case menu holds the same
actions with their keyboard shortcuts, acting on the case tab in front.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from officer_app.gui.markup import literal


@dataclass(frozen=True)
class CaseAction:
    key: str  # a form id, "plan_visit" or "letter"
    short: str  # on the tool row
    full: str  # in the Case menu and for screen readers
    shortcut: str


# Shortcuts chosen not to meet the window's own (Ctrl+L lock, Ctrl+N note, Ctrl+I import…).
WORK_ACTIONS: tuple[CaseAction, ...] = (
    CaseAction("plan_visit", "Plan visit…", "Plan a visit…", "Ctrl+Shift+P"),
    CaseAction("home_visit", "Record visit…", "Record a visit…", "Ctrl+Shift+V"),
    CaseAction("initial_assessment", "Assessment…", "Initial assessment…", "Ctrl+Shift+A"),
    CaseAction("plan_review", "Review…", "Review the plan…", "Ctrl+Shift+R"),
    CaseAction(
        "cme_referral", "CME referral…", "Children missing education referral…", "Ctrl+Shift+M"
    ),
    CaseAction(
        "ehe_deregistration", "EHE notice…", "Elective home education notice…", "Ctrl+Shift+E"
    ),
)
LETTER_ACTION = CaseAction("letter", "Letter…", "Write a letter…", "Ctrl+Shift+L")
# The case's own life (domain/stages.py): an open case moves on or closes; a closed one reopens.
STAGE_ACTIONS: tuple[CaseAction, ...] = (
    CaseAction("move_stage", "Move on…", "Move the case on to another stage…", "Ctrl+Shift+S"),
    CaseAction("close_case", "Close case…", "Close the case…", "Ctrl+Shift+X"),
    CaseAction("reopen_case", "Reopen…", "Reopen the case…", "Ctrl+Shift+O"),
)
OPEN_ONLY = frozenset(
    {"move_stage", "close_case", "letter"} | {action.key for action in WORK_ACTIONS}
)
CLOSED_ONLY = frozenset({"reopen_case"})


class CaseToolRow(QWidget):
    """The case's action buttons in one compact row; ``buttons`` by key."""

    def __init__(
        self,
        work: Callable[[str], None] | None,
        write_letter: Callable[[], None] | None,
        parent: QWidget | None = None,
        *,
        stage: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        chosen: list[tuple[CaseAction, Callable[[], None]]] = []
        if work is not None:
            for action in WORK_ACTIONS:
                chosen.append((action, functools.partial(work, action.key)))
        if write_letter is not None:
            chosen.append((LETTER_ACTION, write_letter))
        if stage is not None:
            for action in STAGE_ACTIONS:
                chosen.append((action, functools.partial(stage, action.key)))
        for action, slot in chosen:
            button = QPushButton(action.short)
            button.setProperty("role", "tool")
            button.setAccessibleName(action.full.rstrip("…"))
            button.setToolTip(literal(f"{action.full.rstrip('…')} ({action.shortcut})"))
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[action.key] = button
            row.addWidget(button)
        row.addStretch(1)
        if not self.buttons:  # (never show() here: unparented, it would be a window)
            self.hide()

    def set_case_open(self, is_open: bool) -> None:
        """Offer what fits the case's status: work, letters and moving on while it is open;
        reopening once it is closed."""
        for key, button in self.buttons.items():
            offered = key not in (CLOSED_ONLY if is_open else OPEN_ONLY)
            button.setEnabled(offered)
            button.setVisible(offered)
