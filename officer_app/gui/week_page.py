"""Today and this week: the officer's planned visits, with their risks in words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.gui.markup import plain_label
from officer_app.services.dto import VisitPlanInfo
from officer_app.wording import SHORT_DAYS, clock

HEADERS = ["When", "Child", "Reference", "Address", "Purpose", "With", "Risk"]


class WeekPage(QWidget):
    open_case = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label("Planned visits: today and the rest of this week")
        self.heading.setProperty("role", "section")
        self.empty = plain_label(
            "No visits planned this week. Plan one from a case (Plan a visit…)."
        )
        self.empty.setProperty("role", "muted")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Planned visits this week")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 150), (1, 160), (2, 120), (5, 140), (6, 190)):
            self.table.setColumnWidth(col, width)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.itemActivated.connect(lambda item: self._open(item.row(), 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self._visits: list[VisitPlanInfo] = []

    def set_visits(self, visits: list[VisitPlanInfo]) -> None:
        self._visits = list(visits)
        self.table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            risk = ""
            if visit.risk_count:
                risk = f"⚠ {visit.risk_count} risk flag{'s' * (visit.risk_count != 1)}"
                if visit.two_officers_required:
                    risk += ", two officers"
            local = uk_local(visit.planned_for)
            cells = [
                f"{SHORT_DAYS[local.weekday()]} {local.day:02d}/{local.month:02d} {clock(local)}",
                visit.child_name,
                visit.case_reference,
                visit.address,
                visit.purpose,
                visit.second_officer or "Alone",
                risk,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 6 and risk:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not visits)

    def clear(self) -> None:
        self.set_visits([])

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._visits):
            self.open_case.emit(self._visits[row].case_id)
