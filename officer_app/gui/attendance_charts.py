"""The Attendance tab's pictures: sessions week by week and absence by weekday (the register
grid's model, in the same colours, is in register_grid.py). Painted with QPainter (QtCharts
is not shipped); each states its date range.

Colours: four categories that stay apart for every kind of colour vision. Simulated
(Machado 2009, full severity) for protanopia, deuteranopia and tritanopia, every pair is
at least ΔE 26 apart (CIELAB), and each differs in lightness too (present L 64, authorised
L 85, unauthorised L 59, not counted L 86, hue apart from authorised); dark text on each has
a contrast of at least 5:1. The legends also give the stacking order, so nothing depends on
colour alone. A '-' (no mark entered) is hatched: a gap, not a category.

The charts draw into a cached pixmap, one call per colour rather than per bar: cheap to
repaint while the tab scrolls, and few calls into Qt. (PySide6 6.12.0 on Python 3.11 drops
a reference to None on every call that returns nothing; before Python 3.12 made None
immortal, enough such calls end the process with "deallocating None".)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QLineF,
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
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from officer_app.domain.attendance_patterns import (
    STAND_OUT_RULE,
    WEEKDAY_NAMES,
    WeekdayFigures,
    WeekdayPattern,
    WeekFigures,
    date_range,
)
from officer_app.gui.markup import literal
from officer_app.gui.theme import ACCENT, ACCENT_LIGHT, BORDER, MUTED, TEXT
from officer_app.wording import compact_date, short_date

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
        f"Week commencing Monday {short_date(week.monday)} (marks {marks})",
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


def _boxes(painter: QPainter, category: str, rects: Sequence[QRectF]) -> None:
    """Every rectangle of one category in one call: filled and outlined."""
    if not rects:
        return
    if category == "no_mark":  # white under the hatching
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawRects(rects)
    painter.setPen(QPen(edge(category), 1))
    painter.setBrush(fill(category))
    painter.drawRects(rects)


class _Chart(QWidget):
    """What both painted charts share: a title, a legend, an axis, tooltips by hit rectangle,
    and keyboard stepping through the bars (left and right arrows) for those who cannot hover.

    The picture is drawn once into a pixmap when its data or size changes, with one call per
    colour rather than per bar; a repaint (scrolling, a tooltip, focus) only copies it. That
    keeps a long range fast, and keeps the calls into Qt few (see the module docstring)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(220)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._hits: list[tuple[QRect, str]] = []
        self._focused = -1
        self._picture: QPixmap | None = None
        self.title = ""
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def _changed(self) -> None:
        self._picture = None
        self._focused = -1
        self.update()

    def hit_rects(self) -> list[QRect]:
        """Where each bar (or weekday) answers the mouse, left to right."""
        self._ensure_picture()
        return [rect for rect, _text in self._hits]

    def tooltip_at(self, point: QPoint) -> str | None:
        """The tooltip of the bar under ``point`` (widget coordinates), if any."""
        self._ensure_picture()
        x, y = point.x(), point.y()
        for rect, text in self._hits:
            if rect.left() <= x <= rect.right() and rect.top() <= y <= rect.bottom():
                return text
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), literal(text), self)
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
        QToolTip.showText(self.mapToGlobal(rect.center()), literal(text), self)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._picture = None
        super().resizeEvent(event)

    def _ensure_picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        if self._picture is None or self._picture.size() != size:
            picture = QPixmap(size)
            picture.setDevicePixelRatio(ratio)
            picture.fill(QColor("white"))
            painter = QPainter(picture)
            try:
                self._draw(painter)
            finally:
                painter.end()
            self._picture = picture
        return self._picture

    def paintEvent(self, event: QPaintEvent) -> None:
        picture = self._ensure_picture()
        painter = QPainter(self)
        try:
            painter.drawPixmap(0, 0, picture)
            if self.hasFocus() and 0 <= self._focused < len(self._hits):
                painter.setPen(QPen(QColor(ACCENT), 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self._hits[self._focused][0].adjusted(1, 1, -1, -1))
        finally:
            painter.end()

    def _draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _draw_frame(self, painter: QPainter) -> int:
        """The border and the title; returns the y below them."""
        painter.setPen(QColor(BORDER))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setFont(self._bold)
        painter.setPen(QColor(ACCENT))
        metrics = QFontMetrics(self._bold)
        title = QRect(8, 6, self.width() - 16, metrics.height() + 2)
        shown = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, title.width())
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        return title.bottom() + 4

    def _draw_legend(
        self, painter: QPainter, top: int, lead: str, items: Sequence[tuple[str, str]]
    ) -> int:
        """``items``: (category, label), in stacking order. Returns the y below the legend."""
        painter.setFont(self._small)
        metrics = QFontMetrics(self._small)
        lead_rect, legend = _legend(
            metrics, 8, top, self.width() - 16, lead, [label for _c, label in items]
        )
        for (category, _label), (swatch, _text, _where) in zip(items, legend.swatches, strict=True):
            if category == LINE:
                painter.setPen(QPen(QColor(MUTED), 1, Qt.PenStyle.DashLine))
                y = swatch.center().y()
                painter.drawLine(swatch.left() - 2, y, swatch.right() + 2, y)
            else:
                _boxes(painter, category, [QRectF(swatch)])
        painter.setPen(QColor(MUTED))
        painter.drawText(lead_rect, Qt.AlignmentFlag.AlignVCenter, lead)
        painter.setPen(QColor(TEXT))
        for _swatch, label, where in legend.swatches:
            painter.drawText(where, Qt.AlignmentFlag.AlignVCenter, label)
        return top + legend.height + 2

    def _draw_empty(self, painter: QPainter, top: int, text: str) -> None:
        painter.setFont(self.font())
        painter.setPen(QColor(MUTED))
        area = QRect(8, top, self.width() - 16, self.height() - top - 8)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _draw_y_axis(
        self, painter: QPainter, plot: QRect, top_value: int, step: int, suffix: str
    ) -> None:
        painter.setFont(self._small)
        metrics = QFontMetrics(self._small)
        ticks = [
            (value, plot.bottom() - round(value * plot.height() / top_value))
            for value in range(0, top_value + 1, step)
        ]
        painter.setPen(QPen(GRID_LINE, 1))
        painter.drawLines([QLineF(plot.left(), y, plot.right(), y) for _v, y in ticks])
        painter.setPen(QColor(MUTED))
        for value, y in ticks:
            box = QRect(0, y - metrics.height() // 2, plot.left() - 4, metrics.height())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, align, f"{value}{suffix}")
        painter.drawLines(
            [
                QLineF(plot.left(), plot.top(), plot.left(), plot.bottom()),
                QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()),
            ]
        )


class WeeklyChart(_Chart):
    """One stacked bar per week with a mark in the range: present (and approved activity),
    authorised, unauthorised, not counted, from the bottom; gaps hatched on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sessions week by week", parent)
        self.weeks: tuple[WeekFigures, ...] = ()
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.title = "Sessions week by week"
        # as last drawn, for tests and accessibility: each bar's (category, count, rect)
        # from the bottom, and the week labels shown
        self.bars: list[tuple[tuple[str, int, QRectF], ...]] = []
        self.labels: list[tuple[QRect, str]] = []

    def set_weeks(self, weeks: tuple[WeekFigures, ...], first: dt.date, last: dt.date) -> None:
        self.weeks = weeks
        self.first, self.last = first, last
        dates = date_range(first, last)
        self.title = f"Sessions week by week, {dates}"
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
        self._changed()

    def _draw(self, painter: QPainter) -> None:
        top = self._draw_frame(painter)
        gaps = any(w.no_mark for w in self.weeks)
        items = [(c, STACK_NAMES[c]) for c in STACK if c != "no_mark" or gaps]
        top = self._draw_legend(painter, top, "From the bottom:", items)
        self._hits, self.bars, self.labels = [], [], []
        if not self.weeks:
            where = date_range(self.first, self.last) if self.first and self.last else ""
            self._draw_empty(painter, top, f"No register marks are held for {where}.")
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
        painter.setPen(QColor(MUTED))
        painter.drawText(QRect(4, top, 200, small.height()), Qt.AlignmentFlag.AlignLeft, "sessions")
        self._draw_y_axis(painter, plot, top_value, step, "")
        pitch = plot.width() / len(self.weeks)
        bar_w = max(2.0, min(28.0, pitch * 0.7))
        scale = plot.height() / top_value
        by_category: dict[str, list[QRectF]] = {c: [] for c in STACK}
        for n, week in enumerate(self.weeks):
            x = plot.left() + pitch * n + (pitch - bar_w) / 2
            base = float(plot.bottom())
            bar = []
            for category, count in _segments(week):
                if count:
                    height = count * scale
                    rect = QRectF(x, base - height, bar_w, height)
                    by_category[category].append(rect)
                    bar.append((category, count, rect))
                    base -= height
            self.bars.append(tuple(bar))
            left = round(plot.left() + pitch * n)
            hit = QRect(
                left, plot.top(), max(1, round(plot.left() + pitch * (n + 1)) - left), plot.height()
            )
            self._hits.append((hit, week_tooltip(week)))
        for category in STACK:
            _boxes(painter, category, by_category[category])
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
            text = compact_date(self.weeks[n].monday)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, text)
            self.labels.append((box, text))
            right = box.right()
        painter.drawText(
            QRect(plot.left(), plot.bottom() + small.height() + 5, plot.width(), small.height()),
            Qt.AlignmentFlag.AlignRight,
            "week commencing (Monday)",
        )


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

    def set_pattern(self, pattern: WeekdayPattern) -> None:
        self.pattern = pattern
        self.title = f"Absence by weekday, {date_range(pattern.first, pattern.last)}"
        self.setAccessibleDescription(
            pattern.sentence() + " Use the left and right arrow keys for each weekday."
        )
        self._changed()

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def _draw(self, painter: QPainter) -> None:
        top = self._draw_frame(painter)
        pattern = self.pattern
        items = [("authorised", "Authorised"), ("unauthorised", "Unauthorised")]
        overall = pattern.overall_pct if pattern is not None else None
        if overall is not None:
            items.append((LINE, f"Mon–Fri {overall}%"))
        top = self._draw_legend(painter, top, "Absence, from the bottom:", items)
        self._hits = []
        if pattern is None or not any(d.possible for d in pattern.days):
            self._draw_empty(painter, top, "No possible sessions on a weekday in this range.")
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
        pitch = plot.width() / len(pattern.days)
        bar_w = min(46.0, pitch * 0.55)
        scale = plot.height() / (top_value / 100)
        groups = []
        for n in range(len(pattern.days)):
            left = round(plot.left() + pitch * n)
            groups.append(
                QRect(left, plot.top(), round(plot.left() + pitch * (n + 1)) - left, plot.height())
            )
        shaded = [
            QRectF(g.adjusted(2, -small.height() - 4, -2, 0))
            for g, d in zip(groups, pattern.days, strict=True)
            if d.stands_out
        ]
        if shaded:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(ACCENT_LIGHT))
            painter.drawRects(shaded)
        self._draw_y_axis(painter, plot, top_value, step, "%")
        by_category: dict[str, list[QRectF]] = {"authorised": [], "unauthorised": []}
        outlines, tops = [], []
        for n, day in enumerate(pattern.days):
            x = plot.left() + pitch * n + (pitch - bar_w) / 2
            base = float(plot.bottom())
            for category, count in (
                ("authorised", day.authorised),
                ("unauthorised", day.unauthorised),
            ):
                if count and day.possible:
                    height = count / day.possible * scale
                    by_category[category].append(QRectF(x, base - height, bar_w, height))
                    base -= height
            if day.stands_out and base < plot.bottom():
                outlines.append(QRectF(x, base, bar_w, plot.bottom() - base))
            tops.append(round(base))
            self._hits.append((groups[n], weekday_tooltip(day, pattern)))
        for category, rects in by_category.items():
            _boxes(painter, category, rects)
        if outlines:
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(outlines)
        if overall is not None:  # Monday to Friday together, as in the legend
            y = plot.bottom() - round(float(overall) / 100 * scale)
            painter.setPen(QPen(QColor(MUTED), 1, Qt.PenStyle.DashLine))
            painter.drawLine(plot.left(), y, plot.right(), y)
        line = small.height() + 1
        for out in (False, True):  # the plain weekdays, then those that stand out, in bold
            days = [(n, d) for n, d in enumerate(pattern.days) if d.stands_out == out]
            if not days:
                continue
            painter.setFont(self._bold if out else self._small)
            painter.setPen(QColor(ACCENT if out else TEXT))
            for n, day in days:
                group = groups[n]
                pct = "—" if day.absence_pct is None else f"{day.absence_pct}%"
                above = QRect(group.left(), tops[n] - line - 2, group.width(), line)
                painter.drawText(
                    above, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, pct
                )
                below = QRect(group.left(), plot.bottom() + 3, group.width(), line)
                painter.drawText(
                    below, Qt.AlignmentFlag.AlignHCenter, WEEKDAY_NAMES[day.weekday][:3]
                )
        painter.setFont(self._small)
        painter.setPen(QColor(MUTED))
        for n, day in enumerate(pattern.days):
            group = groups[n]
            below = QRect(group.left(), plot.bottom() + line + 3, group.width(), line)
            painter.drawText(
                below, Qt.AlignmentFlag.AlignHCenter, f"{day.absent} of {day.possible}"
            )
