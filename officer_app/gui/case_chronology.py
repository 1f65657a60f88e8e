"""A case's chronology: the entries as a tree, a filter by type, and the selected entry."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.domain.chronology import EntryType
from officer_app.gui.case_labels import case_label
from officer_app.gui.chronology_model import ChronologyModel, EntryRole
from officer_app.gui.markup import escape, lines, literal, plain_label
from officer_app.services.dto import EntryInfo
from officer_app.wording import DAYS, MONTHS, clock, short_date


class ChronologyPane(QWidget):
    """The tree of entries, the selected one's text, and its Print, PDF and Amend buttons
    (the case tab decides what they do)."""

    entry_changed = Signal(object)  # the EntryInfo now selected, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName("Show entries of type")
        self.type_filter.addItem("All entries", None)
        for kind in EntryType:
            self.type_filter.addItem(kind.label, kind.value)
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.chronology = ChronologyModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.chronology)
        self.tree.setAccessibleName("Chronology")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(True)
        header_view = self.tree.header()
        header_view.setStretchLastSection(False)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 156), (1, 104), (3, 128), (4, 186)):
            self.tree.setColumnWidth(col, width)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.entry_text = QTextBrowser()
        self.entry_text.setAccessibleName("Selected entry")
        self.amend_button = QPushButton("&Amend…")
        self.amend_button.setAccessibleName("Amend the selected signed entry")
        self.amend_button.setEnabled(False)

        filter_row = QHBoxLayout()
        filter_row.addWidget(case_label("Chronology", "section"))
        filter_row.addStretch(1)
        filter_row.addWidget(plain_label("Show"))
        filter_row.addWidget(self.type_filter)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.entry_text, 1)
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.setAccessibleName("Save the selected record as a PDF")
        self.pdf_button.setEnabled(False)
        amend_row = QHBoxLayout()
        amend_row.addStretch(1)
        self.print_button = QPushButton("P&rint…")
        self.print_button.setAccessibleName("Print the selected record")
        self.print_button.setEnabled(False)
        amend_row.addWidget(self.print_button)
        amend_row.addWidget(self.pdf_button)
        amend_row.addWidget(self.amend_button)
        detail_layout.addLayout(amend_row)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.tree)
        middle.addWidget(detail_box)
        middle.setSizes([260, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filter_row)
        layout.addWidget(middle, 1)

    def show_entries(self, entries: tuple[EntryInfo, ...]) -> None:
        """The case's entries (the filter kept), the newest selected."""
        self.chronology.set_entries(entries, self.type_filter.currentData())
        self.tree.expandAll()
        if self.chronology.rowCount():
            self.tree.setCurrentIndex(self.chronology.index(0, 0))

    def selected_entry(self) -> EntryInfo | None:
        entry = self.tree.currentIndex().data(EntryRole)
        return entry if isinstance(entry, EntryInfo) else None

    def show_entry(self, entry: EntryInfo | None, printable: bool) -> None:
        """The entry's text and proof of signing; Print and PDF only if ``printable``."""
        if entry is None:
            self.entry_text.clear()
            self.amend_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        self.entry_text.setHtml(entry_html(entry))
        self.entry_text.setToolTip(literal(f"SHA-256 {entry.content_hash}") if entry.signed else "")
        self.amend_button.setEnabled(entry.signed and not entry.amends_id)
        self.pdf_button.setEnabled(printable)
        self.print_button.setEnabled(printable)

    def _filter_changed(self) -> None:
        self.chronology.filter(self.type_filter.currentData())
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(EntryRole) if current.isValid() else None
        self.entry_changed.emit(entry if isinstance(entry, EntryInfo) else None)


def entry_html(entry: EntryInfo) -> str:
    """One entry as the app's own rich text: its heading, any amendment, body and signing."""
    local = uk_local(entry.occurred_at)
    when = (
        f"{DAYS[local.weekday()]} {local.day:02d} {MONTHS[local.month - 1]} {local.year}, "
        f"{clock(local)}"
    )
    parts = [
        f"<p><b>{escape(entry.title)}</b><br><span style='color:#5b6570'>"
        f"{escape(entry.type_label)} · {when} · {escape(entry.author)}</span></p>"
    ]
    if entry.amends_id:
        parts.append(f"<p><b>Amendment.</b> Reason: {escape(entry.amend_reason)}</p>")
    parts.append(f"<p>{lines(entry.body)}</p>")
    if entry.signed and entry.signed_at:
        signed = uk_local(entry.signed_at)
        parts.append(
            f"<p style='color:#5b6570'>Signed by {escape(entry.signed_by)} on "
            f"{short_date(signed.date())} at {signed:%H:%M:%S}; link {entry.chain_seq} "
            f"of the case's chain; SHA-256 <span title='{entry.content_hash}'>"
            f"{entry.content_hash[:16]}…</span></p>"
        )
    else:
        parts.append("<p style='color:#664d03'>Not signed.</p>")
    return "".join(parts)
