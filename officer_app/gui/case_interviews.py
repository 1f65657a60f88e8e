"""A case's Interviews tab: the interviews panel (made the first time the tab is shown, so
opening a case never waits for the forms), the prefilled invitation letter, and the record
window an interview is conducted in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from officer_app.gui.task_runner import TaskRunner

if TYPE_CHECKING:
    from officer_app.gui.interview_window import InterviewWindow, StampClockFactory
    from officer_app.gui.interviews_panel import InterviewsPanel, Invitation
    from officer_app.services.interviews import InterviewService


class CaseInterviews(QObject):
    """Owns the tab's widget; ``changed`` when a plan, a deferral or a sealed record was
    written (the chronology and the caseload should refresh)."""

    changed = Signal()
    record_requested = Signal(str)  # a sealed record's chronology entry, to show it
    invitation_requested = Signal(object)  # Invitation: the page opens the letter dialog

    def __init__(
        self,
        case_id: str,
        service: Callable[[], InterviewService],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self.widget = QWidget(parent)
        self.widget.setAccessibleName("Interviews under caution")
        self._layout = QVBoxLayout(self.widget)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.panel: InterviewsPanel | None = None
        self.window: InterviewWindow | None = None
        # the record window's stamp clock (None: the wall clock on a monotonic one); tests
        # give their own
        self.stamp_clock_factory: StampClockFactory | None = None

    def show(self) -> None:
        """Make the panel the first time the tab is shown."""
        if self.panel is not None:
            return
        from officer_app.gui.interviews_panel import InterviewsPanel

        panel = InterviewsPanel(self._service(), self._runner, self.case_id, self._invite)
        panel.conduct_requested.connect(self.conduct)
        panel.record_requested.connect(self.record_requested)
        panel.changed.connect(self.changed)
        self._layout.addWidget(panel)
        self.panel = panel

    def reload(self) -> None:
        if self.panel is not None:
            self.panel.reload()

    def _invite(self, invitation: Invitation) -> None:
        self.invitation_requested.emit(invitation)

    def conduct(self, interview_id: str) -> None:
        """Open (or bring forward) the record window of the interview."""
        window = self.window
        if window is not None and window.interview_id == interview_id and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        from officer_app.gui.interview_window import InterviewWindow

        window = InterviewWindow(
            self._service(),
            self._runner,
            interview_id,
            stamp_clock_factory=self.stamp_clock_factory,
            parent=self.widget,
        )
        window.finished.connect(self._finished)
        self.window = window
        window.show()

    def _finished(self, _result: object) -> None:
        self.reload()
        self.changed.emit()

    def close(self) -> None:
        """The case tab is going: the record window saves what is typed and closes."""
        if self.window is not None:
            self.window.close()
