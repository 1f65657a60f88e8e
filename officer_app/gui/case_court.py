"""A case's Court tab: its witness statements and its evidence packs, made the first time the
tab is shown (opening a case never waits for them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from officer_app.gui.task_runner import TaskRunner

if TYPE_CHECKING:
    from officer_app.gui.packs_panel import PacksPanel
    from officer_app.gui.statements_panel import StatementsPanel
    from officer_app.services.packs import PackService
    from officer_app.services.statements import StatementService


class CaseCourt(QObject):
    """Owns the tab's widget; ``changed`` when a statement or a pack was saved, signed,
    built, approved or served (the chronology and the caseload should refresh)."""

    changed = Signal()

    def __init__(
        self,
        case_id: str,
        statements: Callable[[], StatementService],
        packs: Callable[[], PackService],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_id = case_id
        self._statements = statements
        self._packs = packs
        self._runner = runner
        self.widget = QWidget(parent)
        self.widget.setAccessibleName("Witness statements and evidence packs")
        self._layout = QVBoxLayout(self.widget)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.statements_panel: StatementsPanel | None = None
        self.packs_panel: PacksPanel | None = None

    def show(self) -> None:
        """Make the panels the first time the tab is shown."""
        if self.statements_panel is not None:
            return
        from officer_app.gui.packs_panel import PacksPanel
        from officer_app.gui.statements_panel import StatementsPanel

        statements = StatementsPanel(self._statements(), self._runner, self.case_id)
        packs = PacksPanel(self._packs(), self._runner, self.case_id)
        for panel in (statements, packs):
            panel.changed.connect(self.changed)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(statements)
        split.addWidget(packs)
        self._layout.addWidget(split)
        self.statements_panel, self.packs_panel = statements, packs
