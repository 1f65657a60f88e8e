"""Today and this week: the officer's planned visits, with their risks in words, what became
of any that moved or were cancelled; and the officer's unsigned entries on every case.

The window fills the visits (:meth:`WeekPage.set_visits`). Moving or cancelling a visit and
the list of unsigned entries need the profile's services: :meth:`WeekPage.attach` gives them
(the buttons and the list show once attached), and every later ``set_visits`` reloads the
unsigned entries with the visits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.gui.entry_dialogs import MoveVisitDialog, accepted, cancel_visit_dialog
from officer_app.gui.markup import literal, plain_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.dto import VisitPlanInfo
from officer_app.services.unsigned_entries import UnsignedEntryInfo
from officer_app.wording import SHORT_DAYS, clock, short_datetime

HEADERS = ["When", "Child", "Reference", "Address", "Purpose", "With", "Risk", "Status"]
UNSIGNED_HEADERS = ["Happened", "Child", "Reference", "Type", "Title", "Written"]


class VisitChanges(Protocol):
    """What the week page needs of the field-work service to move or cancel a visit."""

    def move_visit(self, plan_id: str, planned_for: dt.datetime, reason: str) -> VisitPlanInfo: ...

    def cancel_visit(self, plan_id: str, reason: str) -> VisitPlanInfo: ...


class WeekPage(QWidget):
    open_case = Signal(str)
    changed = Signal()  # a visit was moved or cancelled: the week should be read again

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
        _read_only_rows(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 130), (1, 150), (2, 110), (5, 110), (6, 150), (7, 220)):
            self.table.setColumnWidth(col, width)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.itemActivated.connect(lambda item: self._open(item.row(), 0))
        self.table.currentCellChanged.connect(lambda *_a: self._enable())
        self.move_button = QPushButton("&Move…")
        self.move_button.setAccessibleName("Move the selected visit to another time")
        self.move_button.clicked.connect(self.move_selected)
        self.cancel_button = QPushButton("Ca&ncel visit…")
        self.cancel_button.setAccessibleName("Cancel the selected visit")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.status = plain_label("")
        self.status.setProperty("role", "muted")
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.move_button)
        actions.addWidget(self.cancel_button)

        self.unsigned_heading = plain_label("Your unsigned entries, on every case")
        self.unsigned_heading.setProperty("role", "section")
        self.unsigned = QTableWidget(0, len(UNSIGNED_HEADERS))
        self.unsigned.setHorizontalHeaderLabels(UNSIGNED_HEADERS)
        self.unsigned.setAccessibleName("Your unsigned entries")
        self.unsigned.setToolTip("Double-click to open the case, then finish and sign or discard")
        _read_only_rows(self.unsigned)
        self.unsigned.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 130), (1, 150), (2, 110), (3, 120), (5, 130)):
            self.unsigned.setColumnWidth(col, width)
        self.unsigned.cellDoubleClicked.connect(self._open_unsigned)
        self.unsigned.itemActivated.connect(lambda item: self._open_unsigned(item.row(), 0))

        visits_box = QWidget()
        visits_layout = QVBoxLayout(visits_box)
        visits_layout.setContentsMargins(0, 0, 0, 0)
        visits_layout.addWidget(self.heading)
        visits_layout.addWidget(self.empty)
        visits_layout.addWidget(self.table, 1)
        visits_layout.addLayout(actions)
        self.unsigned_box = QWidget()
        unsigned_layout = QVBoxLayout(self.unsigned_box)
        unsigned_layout.setContentsMargins(0, 0, 0, 0)
        unsigned_layout.addWidget(self.unsigned_heading)
        unsigned_layout.addWidget(self.unsigned, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(visits_box)
        split.addWidget(self.unsigned_box)
        split.setSizes([360, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split, 1)
        self._visits: list[VisitPlanInfo] = []
        self._entries: list[UnsignedEntryInfo] = []
        self._changes: Callable[[], VisitChanges] | None = None
        self._load_unsigned: Callable[[], list[UnsignedEntryInfo]] | None = None
        self._runner: TaskRunner | None = None
        self._now: Callable[[], dt.datetime] | None = None
        self.open_dialog: QDialog | None = None  # for tests
        self._show_attached()

    # --- services ----------------------------------------------------------------------------
    def attach(
        self,
        changes: Callable[[], VisitChanges],
        unsigned: Callable[[], list[UnsignedEntryInfo]],
        runner: TaskRunner,
        now: Callable[[], dt.datetime],
    ) -> None:
        """Give the page the profile's services (after unlocking): visits can then be moved
        and cancelled here, and the officer's unsigned entries are listed."""
        self._changes, self._load_unsigned, self._runner, self._now = (
            changes,
            unsigned,
            runner,
            now,
        )
        self._show_attached()
        self.reload_unsigned()

    def detach(self) -> None:
        self._changes = self._load_unsigned = self._runner = self._now = None
        self._show_attached()

    def _show_attached(self) -> None:
        attached = self._runner is not None
        for widget in (self.move_button, self.cancel_button, self.unsigned_box):
            widget.setVisible(attached)
        self._enable()

    def _enable(self) -> None:
        visit = self.selected_visit()
        planned = visit is not None and visit.status == "planned"
        self.move_button.setEnabled(planned)
        self.cancel_button.setEnabled(planned)

    # --- visits ------------------------------------------------------------------------------
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
                _status(visit),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(literal(text))
                if col == 6 and risk:
                    item.setForeground(Qt.GlobalColor.darkRed)
                if visit.status == "cancelled":
                    item.setForeground(Qt.GlobalColor.gray)
                    font = item.font()
                    font.setStrikeOut(col == 0)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not visits)
        self._enable()
        self.reload_unsigned()

    def selected_visit(self) -> VisitPlanInfo | None:
        row = self.table.currentRow()
        return self._visits[row] if 0 <= row < len(self._visits) else None

    def clear(self) -> None:
        self.detach()
        self.set_visits([])
        self.set_unsigned([])

    def _open(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._visits):
            self.open_case.emit(self._visits[row].case_id)

    def move_selected(self) -> None:
        visit, changes, runner, now = self.selected_visit(), self._changes, self._runner, self._now
        if visit is None or changes is None or runner is None or now is None:
            return
        dialog = MoveVisitDialog(visit, now(), self)
        self.open_dialog = dialog
        if not accepted(dialog):
            return
        when, reason = dialog.planned_for(), dialog.reason.text()
        runner.run(
            lambda: changes().move_visit(visit.id, when, reason),
            lambda moved: self._changed(f"Visit moved to {short_datetime(moved.planned_for)}."),
            self._failed,
            lane=WRITES,
        )

    def cancel_selected(self) -> None:
        visit, changes, runner, now = self.selected_visit(), self._changes, self._runner, self._now
        if visit is None or changes is None or runner is None or now is None:
            return
        today = uk_local(now()).date()
        dialog = cancel_visit_dialog(visit, today, self)
        self.open_dialog = dialog
        if not accepted(dialog):
            return
        reason = dialog.text()
        runner.run(
            lambda: changes().cancel_visit(visit.id, reason),
            lambda _v: self._changed("Visit cancelled; the reason is signed on the case."),
            self._failed,
            lane=WRITES,
        )

    def _changed(self, message: str) -> None:
        self.status.setText(message)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"Not changed: {exc}")

    # --- unsigned entries --------------------------------------------------------------------
    def reload_unsigned(self) -> None:
        load, runner = self._load_unsigned, self._runner
        if load is not None and runner is not None:
            runner.run(load, self.set_unsigned)

    def set_unsigned(self, entries: list[UnsignedEntryInfo]) -> None:
        self._entries = list(entries)
        self.unsigned.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = [
                short_datetime(entry.occurred_at),
                entry.child_name,
                entry.case_reference,
                entry.type_label,
                entry.title,
                short_datetime(entry.recorded_at),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(literal(text))
                self.unsigned.setItem(row, col, item)
        count = len(entries)
        self.unsigned_heading.setText(
            f"Your unsigned entries, on every case: {count}"
            if count
            else "Your unsigned entries, on every case: none"
        )

    def _open_unsigned(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._entries):
            self.open_case.emit(self._entries[row].case_id)


def _status(visit: VisitPlanInfo) -> str:
    if visit.status == "cancelled":
        return f"Cancelled: {visit.change_reason}" if visit.change_reason else "Cancelled"
    return visit.change_reason or "Planned"


def _read_only_rows(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
