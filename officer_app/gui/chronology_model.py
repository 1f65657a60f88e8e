"""The chronology of a case as a tree: originals in time order, amendments under them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from officer_app.gui.markup import literal
from officer_app.services.dto import EntryInfo
from officer_app.wording import short_datetime

EntryRole = Qt.ItemDataRole.UserRole + 1
UNSIGNED = "unsigned"  # the filter that shows only the entries not signed yet
HEADERS = ["Date and time", "Type", "Entry", "By", "Status"]
_SIGNED = "✔ Signed"
_AMENDED = "✔ Signed · amended below"


def _status(entry: EntryInfo) -> str:
    if not entry.signed:
        return "Unsigned"
    return _AMENDED if entry.amendments else _SIGNED


def _summary(entry: EntryInfo) -> str:
    text = entry.title
    if entry.body:
        first = entry.body.splitlines()[0]
        text = f"{entry.title} — {first}" if entry.title else first
    return text if len(text) <= 140 else text[:139] + "…"


def _row(entry: EntryInfo) -> list[QStandardItem]:
    when = short_datetime(entry.occurred_at)
    prefix = "Amendment: " if entry.amends_id else ""
    cells = [
        when,
        entry.type_label,
        prefix + _summary(entry).removeprefix("Amendment: "),
        entry.author,
        _status(entry),
    ]
    items = []
    for text in cells:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(entry, EntryRole)
        items.append(item)
    items[2].setToolTip(literal(entry.body[:600]))
    if not entry.signed:
        items[4].setForeground(QBrush(QColor("#664d03")))
    if entry.amends_id:
        for item in items:
            item.setForeground(QBrush(QColor("#1f4e79")))
    return items


class ChronologyModel(QStandardItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(HEADERS)
        self._entries: tuple[EntryInfo, ...] = ()

    def set_entries(self, entries: tuple[EntryInfo, ...], entry_type: str | None = None) -> None:
        self._entries = entries
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()
        # newest first: officers read a chronology from the latest event down
        for entry in reversed(entries):
            if entry_type == UNSIGNED:
                if entry.signed:
                    continue
            elif entry_type is not None and entry.entry_type != entry_type:
                continue
            items = _row(entry)
            for amendment in entry.amendments:
                items[0].appendRow(_row(amendment))
            root.appendRow(items)

    def filter(self, entry_type: str | None) -> None:
        self.set_entries(self._entries, entry_type)
