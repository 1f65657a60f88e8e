"""The Attendance tab's register grid: weeks by sessions, each code exactly as held, tinted
in the charts' colours (attendance_charts.py), with its key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from officer_app.domain.attendance_patterns import WEEKDAY_NAMES, RegisterGrid
from officer_app.gui.attendance_charts import CATEGORY_COLOURS, CATEGORY_NAMES, GAP_HATCH, fill
from officer_app.gui.markup import literal
from officer_app.gui.theme import TEXT
from officer_app.wording import short_date

Index = QModelIndex | QPersistentModelIndex

SESSION_WORDS = {"AM": "morning (AM)", "PM": "afternoon (PM)"}


class RegisterGridModel(QAbstractTableModel):
    """Weeks by sessions over a RegisterGrid: the code exactly as held, tinted by category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: RegisterGrid | None = None
        self._brushes = {c: fill(c) for c in CATEGORY_COLOURS}
        self._text = QBrush(QColor(TEXT))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_grid(self, grid: RegisterGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.weeks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        grid = self.grid
        if grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(grid.columns):
            day, session = grid.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{WEEKDAY_NAMES[day][:3]} {session}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{WEEKDAY_NAMES[day]} {SESSION_WORDS[session]}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(grid.weeks):
            monday = grid.weeks[section].monday
            if role == Qt.ItemDataRole.DisplayRole:
                return f"w/c {short_date(monday)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Week commencing Monday {short_date(monday)}"
        return None

    def tooltip(self, row: int, column: int) -> str:
        grid = self.grid
        assert grid is not None
        day = grid.day_of(row, column)
        session = SESSION_WORDS[grid.columns[column][1]]
        when = f"{WEEKDAY_NAMES[day.weekday()]} {short_date(day)}, {session}"
        cell = grid.weeks[row].cells[column]
        if cell is None:
            if not grid.first <= day <= grid.last:
                return f"{when}: outside the chosen range"
            return f"{when}: no mark held"
        if cell.is_gap:
            return (
                f"{when}\n- — No mark entered: a gap in the register ({cell.code_set} code set)\n"
                "Ask the school for the mark: it counts in no figure."
            )
        return (
            f"{when}\n{cell.code} — {cell.meaning}\n"
            f"{CATEGORY_NAMES[cell.category]} · {cell.code_set} code set"
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        grid = self.grid
        if grid is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(grid.weeks) and 0 <= column < len(grid.columns)):
            return None
        cell = grid.weeks[row].cells[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if cell is None else cell.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self.tooltip(row, column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tooltip(row, column)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes[cell.category]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._text
        if role == Qt.ItemDataRole.FontRole and cell.category in ("unauthorised", "no_mark"):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def legend_html() -> str:
    """The grid's key, the same colours as the chart."""
    parts = []
    for category in ("present", "authorised", "unauthorised", "not_counted"):
        parts.append(
            f"<span style='background:{CATEGORY_COLOURS[category]}; color:{TEXT};'>"
            f"&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{CATEGORY_NAMES[category]}"
        )
    parts.append(
        f"<span style='border:1px solid {GAP_HATCH.name()}; color:{GAP_HATCH.name()};'>"
        "<b>&nbsp;-&nbsp;</b></span>&nbsp;hatched: no mark entered (a gap)"
    )
    parts.append("empty: no mark held")
    return "&nbsp;&nbsp; ".join(parts)
