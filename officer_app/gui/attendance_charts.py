"""The Attendance tab's pictures: sessions week by week, absence by weekday, and the register
grid's model. Painted with QPainter (QtCharts is not shipped); each states its date range.

Colours: four categories that stay apart for every kind of colour vision. Simulated
(Machado 2009, full severity) for protanopia, deuteranopia and tritanopia, every pair is
at least ΔE 26 apart (CIELAB), and each differs in lightness too (present L 64, authorised
L 85, unauthorised L 59, not counted L 86, hue apart from authorised); dark text on each has
a contrast of at least 5:1. The legends also give the stacking order, so nothing depends on
colour alone. A '-' (no mark entered) is hatched: a gap, not a category.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from officer_app.domain.attendance_patterns import (
    STAND_OUT_RULE,
    WEEKDAY_NAMES,
    RegisterGrid,
    WeekdayFigures,
    WeekdayPattern,
    WeekFigures,
    date_range,
)
from officer_app.gui.theme import ACCENT, ACCENT_LIGHT, BORDER, MUTED, TEXT

Index = QModelIndex | QPersistentModelIndex

# (category, fill, what the legend says), bottom of a stack first
CATEGORY_COLOURS: dict[str, str] = {
    "present": "#6a9fd4",  # blue: present or approved activity
    "approved_activity": "#6a9fd4",
    "authorised": "#f2d16b",  # yellow
    "unauthorised": "#e0694f",  # vermilion
    "not_counted": "#d3d7db",  # grey
    "no_mark": "#ffffff",  # hatched: a gap in the register
}
CATEGORY_NAMES: dict[str, str] = {
    "present": "Present",
    "approved_activity": "Approved activity (attending)",
    "authorised": "Authorised absence",
    "unauthorised": "Unauthorised absence",
    "not_counted": "Not counted",
    "no_mark": "No mark entered: a gap",
}
STACK = ("present", "authorised", "unauthorised", "not_counted", "no_mark")
STACK_NAMES = {
    "present": "Present",
    "authorised": "Authorised",
    "unauthorised": "Unauthorised",
    "not_counted": "Not counted",
    "no_mark": "No mark (-)",
}
GAP_HATCH = QColor("#b8505b")  # a dark rose: hatching that reads as a gap
LINE = "line"  # a legend entry for a dashed reference line
GRID_LINE = QColor("#e3e7eb")


def fill(category: str) -> QBrush:
    if category == "no_mark":
        return QBrush(GAP_HATCH, Qt.BrushStyle.BDiagPattern)
    return QBrush(QColor(CATEGORY_COLOURS[category]))


def edge(category: str) -> QColor:
    if category == "no_mark":
        return GAP_HATCH
    return QColor(CATEGORY_COLOURS[category]).darker(150)


def nice_step(top: int, ticks: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten giving at most ``ticks`` intervals."""
    rough = max(1.0, top / ticks)
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return int(factor * power)
    return int(10 * power)


def _short(day: dt.date) -> str:
    return f"{day:%d/%m/%y}"


def _segments(week: WeekFigures) -> tuple[tuple[str, int], ...]:
    return (
        ("present", week.attending),
        ("authorised", week.authorised),
        ("unauthorised", week.unauthorised),
        ("not_counted", week.not_counted),
        ("no_mark", week.no_mark),
    )


def week_tooltip(week: WeekFigures) -> str:
    pct = "—" if week.attendance_pct is None else f"{week.attendance_pct}%"
    marks = date_range(week.first, week.last)
    lines = [
        f"Week commencing Monday {week.monday:%d/%m/%Y} (marks {marks})",
        f"Present or approved activity: {week.attending}"
        + (
            f" (of which approved activity {week.approved_activity})"
            if week.approved_activity
            else ""
        ),
        f"Authorised absence: {week.authorised}",
        f"Unauthorised absence: {week.unauthorised}",
        f"Not counted: {week.not_counted}",
    ]
    if week.no_mark:
        lines.append(f"No mark entered (gaps): {week.no_mark}")
    lines.append(f"Possible sessions {week.possible}, attendance {pct}")
    return "\n".join(lines)


@dataclass(frozen=True)
class _Legend:
    swatches: tuple[tuple[QRect, str, QRect], ...]  # (swatch, label, where the label goes)
    height: int


def _legend(
    metrics: QFontMetrics, left: int, top: int, width: int, lead: str, items: Sequence[str]
) -> tuple[QRect, _Legend]:
    """Lay the legend out on as many lines as ``width`` needs: the lead text, then each
    swatch with its label, in order."""
    line = metrics.height() + 4
    lead_rect = QRect(left, top, metrics.horizontalAdvance(lead) + 6, line)
    x, y = lead_rect.right() + 4, top
    placed = []
    for label in items:
        size = 12 + 4 + metrics.horizontalAdvance(label) + 14
        if x + size > left + width and x > lead_rect.right() + 4:
            x, y = left + 8, y + line
        swatch = QRect(x, y + (line - 12) // 2, 12, 12)
        text = QRect(x + 16, y, size - 16, line)
        placed.append((swatch, label, text))
        x += size
    return lead_rect, _Legend(tuple(placed), y + line - top)


class _Chart(QWidget):
    """What both painted charts share: a title, a legend, tooltips by hit rectangle, and
    keyboard stepping through the bars (left and right arrows) for those who cannot hover."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(220)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._hits: list[tuple[QRect, str]] = []
        self._focused = -1
        self.title = ""
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def bar_count(self) -> int:
        return len(self._hits)

    def tooltip_at(self, point: QPoint) -> str | None:
        """The tooltip of the bar under ``point`` (widget coordinates), if any."""
        for rect, text in self._hits:
            if rect.contains(point):
                return text
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None or not self._hits:
            super().keyPressEvent(event)
            return
        self._focused = max(0, min(len(self._hits) - 1, self._focused + step))
        rect, text = self._hits[self._focused]
        self.setAccessibleDescription(text)
        QToolTip.showText(self.mapToGlobal(rect.center()), text, self)
        self.update()

    def _paint_frame(self, painter: QPainter) -> int:
        """White ground and the title; returns the y below it."""
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor(BORDER))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setFont(self._bold)
        painter.setPen(QColor(ACCENT))
        metrics = QFontMetrics(self._bold)
        title = QRect(8, 6, self.width() - 16, metrics.height() + 2)
        shown = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, title.width())
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        return title.bottom() + 4

    def _paint_legend(
        self, painter: QPainter, top: int, lead: str, items: Sequence[tuple[str, str]]
    ) -> int:
        """``items``: (category, label). Returns the y below the legend."""
        painter.setFont(self._small)
        metrics = QFontMetrics(self._small)
        lead_rect, legend = _legend(
            metrics, 8, top, self.width() - 16, lead, [label for _c, label in items]
        )
        painter.setPen(QColor(MUTED))
        painter.drawText(lead_rect, Qt.AlignmentFlag.AlignVCenter, lead)
        for (category, _label), (swatch, label, where) in zip(items, legend.swatches, strict=True):
            if category == LINE:
                painter.setPen(QPen(QColor(MUTED), 1, Qt.PenStyle.DashLine))
                y = swatch.center().y()
                painter.drawLine(swatch.left() - 2, y, swatch.right() + 2, y)
            else:
                painter.fillRect(swatch, QColor("white"))
                painter.fillRect(swatch, fill(category))
                painter.setPen(edge(category))
                painter.drawRect(swatch)
            painter.setPen(QColor(TEXT))
            painter.drawText(where, Qt.AlignmentFlag.AlignVCenter, label)
        return top + legend.height + 2

    def _paint_empty(self, painter: QPainter, top: int, text: str) -> None:
        painter.setFont(self.font())
        painter.setPen(QColor(MUTED))
        area = QRect(8, top, self.width() - 16, self.height() - top - 8)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _paint_y_axis(
        self, painter: QPainter, plot: QRect, top_value: int, step: int, suffix: str
    ) -> None:
        painter.setFont(self._small)
        metrics = QFontMetrics(self._small)
        for value in range(0, top_value + 1, step):
            y = plot.bottom() - round(value * plot.height() / top_value)
            painter.setPen(QPen(GRID_LINE, 1))
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(QColor(MUTED))
            label = f"{value}{suffix}"
            box = QRect(0, y - metrics.height() // 2, plot.left() - 4, metrics.height())
            painter.drawText(
                box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
        painter.setPen(QPen(QColor(MUTED), 1))
        painter.drawLine(plot.left(), plot.top(), plot.left(), plot.bottom())
        painter.drawLine(plot.left(), plot.bottom(), plot.right(), plot.bottom())

    def _paint_focus(self, painter: QPainter) -> None:
        if self.hasFocus() and 0 <= self._focused < len(self._hits):
            painter.setPen(QPen(QColor(ACCENT), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._hits[self._focused][0].adjusted(-2, -2, 2, 2))


class WeeklyChart(_Chart):
    """One stacked bar per week with a mark in the range: present (and approved activity),
    authorised, unauthorised, not counted, from the bottom; gaps hatched on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sessions week by week", parent)
        self.weeks: tuple[WeekFigures, ...] = ()
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.title = "Sessions week by week"
        # as last painted, for tests and accessibility: each bar's (category, count, rect)
        # from the bottom, and the week labels shown
        self.bars: list[tuple[tuple[str, int, QRectF], ...]] = []
        self.labels: list[tuple[QRect, str]] = []

    def set_weeks(self, weeks: tuple[WeekFigures, ...], first: dt.date, last: dt.date) -> None:
        self.weeks = weeks
        self.first, self.last = first, last
        dates = date_range(first, last)
        self.title = f"Sessions week by week, {dates}"
        self._focused = -1
        self.setAccessibleDescription(
            f"{len(weeks)} weeks with register marks, {dates}: "
            + (
                f"{sum(w.attending for w in weeks)} present or approved activity, "
                f"{sum(w.authorised for w in weeks)} authorised, "
                f"{sum(w.unauthorised for w in weeks)} unauthorised, "
                f"{sum(w.not_counted for w in weeks)} not counted. "
                "Use the left and right arrow keys for each week's figures."
                if weeks
                else "nothing to show."
            )
        )
        self._hits = []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        top = self._paint_frame(painter)
        gaps = any(w.no_mark for w in self.weeks)
        items = [(c, STACK_NAMES[c]) for c in STACK if c != "no_mark" or gaps]
        top = self._paint_legend(painter, top, "From the bottom:", items)
        self._hits, self.bars, self.labels = [], [], []
        if not self.weeks:
            where = date_range(self.first, self.last) if self.first and self.last else ""
            self._paint_empty(painter, top, f"No register marks are held for {where}.")
            return
        small = QFontMetrics(self._small)
        highest = max(w.sessions for w in self.weeks)
        step = nice_step(max(highest, 2))
        top_value = step * math.ceil(max(highest, 2) / step)
        label_w = small.horizontalAdvance(str(top_value)) + 10
        plot = QRect(
            label_w + 4,
            top + 2 * small.height() + 2,
            self.width() - label_w - 16,
            self.height() - top - 4 * small.height() - 16,
        )
        if plot.height() < 20 or plot.width() < 20:
            return
        painter.setFont(self._small)
        painter.setPen(QColor(MUTED))
        painter.drawText(QRect(4, top, 200, small.height()), Qt.AlignmentFlag.AlignLeft, "sessions")
        self._paint_y_axis(painter, plot, top_value, step, "")
        pitch = plot.width() / len(self.weeks)
        bar_w = max(2.0, min(28.0, pitch * 0.7))
        scale = plot.height() / top_value
        for n, week in enumerate(self.weeks):
            x = plot.left() + pitch * n + (pitch - bar_w) / 2
            base = float(plot.bottom())
            painted = []
            for category, count in _segments(week):
                if not count:
                    continue
                height = count * scale
                rect = QRectF(x, base - height, bar_w, height)
                painter.fillRect(rect, QColor("white"))
                painter.fillRect(rect, fill(category))
                painter.setPen(QPen(edge(category), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect)
                painted.append((category, count, rect))
                base -= height
            self.bars.append(tuple(painted))
            hit = QRect(
                round(plot.left() + pitch * n), plot.top(), max(1, round(pitch)), plot.height()
            )
            self._hits.append((hit, week_tooltip(week)))
        # week-commencing labels, thinned so that they never overlap
        label = small.horizontalAdvance("00/00/00") + 8
        every = max(1, math.ceil(label / pitch))
        painter.setPen(QColor(MUTED))
        right = -1
        for n in range(0, len(self.weeks), every):
            centre = plot.left() + pitch * n + pitch / 2
            left = int(max(0, min(self.width() - label, centre - label / 2)))
            if left <= right:
                continue  # pushed in at an edge: leave it out rather than overlap
            box = QRect(left, plot.bottom() + 3, label, small.height())
            text = _short(self.weeks[n].monday)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, text)
            self.labels.append((box, text))
            right = box.right()
        painter.drawText(
            QRect(plot.left(), plot.bottom() + small.height() + 5, plot.width(), small.height()),
            Qt.AlignmentFlag.AlignRight,
            "week commencing (Monday)",
        )
        self._paint_focus(painter)


def weekday_tooltip(day: WeekdayFigures, pattern: WeekdayPattern) -> str:
    dates = date_range(pattern.first, pattern.last)
    pct = "—" if day.absence_pct is None else f"{day.absence_pct}%"
    text = (
        f"{day.name}s, {dates}\n"
        f"Possible sessions: {day.possible}\n"
        f"Absent: {day.absent} ({day.authorised} authorised, {day.unauthorised} unauthorised)\n"
        f"Absence: {pct}"
    )
    if day.stands_out:
        text += f"\nStands out: {STAND_OUT_RULE}."
    return text


class WeekdayChart(_Chart):
    """Absence % for Monday to Friday: authorised under unauthorised, the % written above,
    the weekdays that stand out shaded, a dashed line at Monday-to-Friday together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Absence by weekday", parent)
        self.pattern: WeekdayPattern | None = None
        self.title = "Absence by weekday"
        self.setToolTipDuration(-1)

    def set_pattern(self, pattern: WeekdayPattern) -> None:
        self.pattern = pattern
        self.title = f"Absence by weekday, {date_range(pattern.first, pattern.last)}"
        self._focused = -1
        self.setAccessibleDescription(pattern.sentence())
        self._hits = []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        top = self._paint_frame(painter)
        pattern = self.pattern
        items = [("authorised", "Authorised"), ("unauthorised", "Unauthorised")]
        overall = pattern.overall_pct if pattern is not None else None
        if overall is not None:
            items.append((LINE, f"Mon–Fri {overall}%"))
        top = self._paint_legend(painter, top, "Absence, from the bottom:", items)
        self._hits = []
        if pattern is None or not any(d.possible for d in pattern.days):
            self._paint_empty(painter, top, "No possible sessions on a weekday in this range.")
            return
        small = QFontMetrics(self._small)
        rates = [d.absent / d.possible for d in pattern.days if d.possible]
        highest = max(10, math.ceil(max(rates) * 100))
        step = nice_step(highest, 4)
        top_value = step * math.ceil(highest / step)
        label_w = small.horizontalAdvance(f"{top_value}%") + 10
        plot = QRect(
            label_w + 4,
            top + small.height() + 6,
            self.width() - label_w - 16,
            self.height() - top - 3 * small.height() - 20,
        )
        if plot.height() < 20 or plot.width() < 20:
            return
        self._paint_y_axis(painter, plot, top_value, step, "%")
        scale = plot.height() / (top_value / 100)
        pitch = plot.width() / len(pattern.days)
        bar_w = min(46.0, pitch * 0.55)
        for n, day in enumerate(pattern.days):
            group = QRect(round(plot.left() + pitch * n), plot.top(), round(pitch), plot.height())
            if day.stands_out:
                painter.fillRect(
                    group.adjusted(2, -small.height() - 4, -2, 0), QColor(ACCENT_LIGHT)
                )
            x = plot.left() + pitch * n + (pitch - bar_w) / 2
            base = float(plot.bottom())
            if day.possible:
                for category, count in (
                    ("authorised", day.authorised),
                    ("unauthorised", day.unauthorised),
                ):
                    if not count:
                        continue
                    height = count / day.possible * scale
                    rect = QRectF(x, base - height, bar_w, height)
                    painter.fillRect(rect, fill(category))
                    painter.setPen(QPen(edge(category), 1))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(rect)
                    base -= height
                if day.stands_out:
                    painter.setPen(QPen(QColor(ACCENT), 2))
                    painter.drawRect(QRectF(x, base, bar_w, plot.bottom() - base))
            painter.setFont(self._bold if day.stands_out else self._small)
            painter.setPen(QColor(ACCENT if day.stands_out else TEXT))
            pct = "—" if day.absence_pct is None else f"{day.absence_pct}%"
            painter.drawText(
                QRect(
                    group.left(),
                    round(base) - small.height() - 3,
                    group.width(),
                    small.height() + 2,
                ),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                pct,
            )
            painter.setFont(self._bold if day.stands_out else self._small)
            painter.setPen(QColor(ACCENT if day.stands_out else TEXT))
            painter.drawText(
                QRect(group.left(), plot.bottom() + 3, group.width(), small.height() + 1),
                Qt.AlignmentFlag.AlignHCenter,
                WEEKDAY_NAMES[day.weekday][:3],
            )
            painter.setFont(self._small)
            painter.setPen(QColor(MUTED))
            painter.drawText(
                QRect(
                    group.left(),
                    plot.bottom() + small.height() + 4,
                    group.width(),
                    small.height() + 1,
                ),
                Qt.AlignmentFlag.AlignHCenter,
                f"{day.absent} of {day.possible}",
            )
            self._hits.append((group, weekday_tooltip(day, pattern)))
        if overall is not None:  # Monday to Friday together, as in the legend
            y = plot.bottom() - round(float(overall) / 100 * scale)
            painter.setPen(QPen(QColor(MUTED), 1, Qt.PenStyle.DashLine))
            painter.drawLine(plot.left(), y, plot.right(), y)
        self._paint_focus(painter)


# --- the register grid ------------------------------------------------------------------------
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
                return f"w/c {monday:%d/%m/%Y}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Week commencing Monday {monday:%d/%m/%Y}"
        return None

    def tooltip(self, row: int, column: int) -> str:
        grid = self.grid
        assert grid is not None
        day = grid.day_of(row, column)
        session = SESSION_WORDS[grid.columns[column][1]]
        when = f"{WEEKDAY_NAMES[day.weekday()]} {day:%d/%m/%Y}, {session}"
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
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
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
