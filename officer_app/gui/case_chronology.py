"""A case's chronology: the entries as a tree, a filter by type, and the selected entry.

An unsigned entry selected offers "Finish and sign…" and "Discard…" to its author (issue 11
point 6; services/unsigned_entries.py); anyone else is told in one line whose it is. The
pane does that through the quick note of the case it is on (its service, runner and status
line), given to it or found among the widgets that hold it, so that the case page builds it
as before."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
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
from officer_app.gui.chronology_model import UNSIGNED, ChronologyModel, EntryRole
from officer_app.gui.entry_dialogs import FinishEntryDialog, accepted, discard_dialog
from officer_app.gui.markup import escape, lines, literal, plain_label
from officer_app.gui.quick_note import QuickNote
from officer_app.gui.task_runner import WRITES
from officer_app.services.dto import EntryInfo
from officer_app.services.unsigned_entries import DiscardInfo
from officer_app.wording import DAYS, MONTHS, clock, short_date, short_datetime


class ChronologyPane(QWidget):
    """The tree of entries, the selected one's text, and its Print, PDF and Amend buttons
    (the case tab decides what they do)."""

    entry_changed = Signal(object)  # the EntryInfo now selected, or None

    def __init__(self, parent: QWidget | None = None, *, note: QuickNote | None = None) -> None:
        super().__init__(parent)
        self._note = note
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName("Show entries of type")
        self.type_filter.addItem("All entries", None)
        self.type_filter.addItem("Unsigned", UNSIGNED)
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
        self.finish_button = QPushButton("&Finish and sign…")
        self.finish_button.setAccessibleName("Finish and sign the selected unsigned entry")
        self.finish_button.clicked.connect(self.finish_selected)
        self.discard_button = QPushButton("&Discard…")
        self.discard_button.setAccessibleName("Discard the selected unsigned entry")
        self.discard_button.clicked.connect(self.discard_selected)
        self.unsigned_line = plain_label("")
        self.unsigned_line.setProperty("role", "muted")
        self.unsigned_line.setWordWrap(True)
        for widget in (self.finish_button, self.discard_button, self.unsigned_line):
            widget.setVisible(False)
        self.open_dialog: QDialog | None = None  # for tests

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
        amend_row.addWidget(self.unsigned_line, 1)
        amend_row.addWidget(self.finish_button)
        amend_row.addWidget(self.discard_button)
        amend_row.addStretch(0)
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

    def select_entry(self, entry_id: str) -> bool:
        """Select the entry with this id (the type filter cleared if it hides it)."""
        for _ in range(2):
            for row in range(self.chronology.rowCount()):
                index = self.chronology.index(row, 0)
                entry = index.data(EntryRole)
                if isinstance(entry, EntryInfo) and entry.id == entry_id:
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    return True
            if self.type_filter.currentIndex() == 0:
                break
            self.type_filter.setCurrentIndex(0)
        return False

    def selected_entry(self) -> EntryInfo | None:
        entry = self.tree.currentIndex().data(EntryRole)
        return entry if isinstance(entry, EntryInfo) else None

    def show_entry(self, entry: EntryInfo | None, printable: bool) -> None:
        """The entry's text and proof of signing; Print and PDF only if ``printable``."""
        self._show_unsigned_actions(entry)
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

    # --- unsigned entries ------------------------------------------------------------------
    def note(self) -> QuickNote | None:
        """The quick note of the case this pane is on (its service, runner, status line)."""
        if self._note is None:
            widget = self.parentWidget()
            while widget is not None:
                found = getattr(widget, "quick_note", None)
                if isinstance(found, QuickNote):
                    self._note = found
                    break
                widget = widget.parentWidget()
        return self._note

    def _show_unsigned_actions(self, entry: EntryInfo | None) -> None:
        unsigned = entry is not None and not entry.signed
        note = self.note() if unsigned else None
        mine = note is not None and entry is not None and entry.author_id == note.service.officer_id
        self.finish_button.setVisible(unsigned and note is not None)
        self.discard_button.setVisible(unsigned and note is not None)
        self.finish_button.setEnabled(mine)
        self.discard_button.setEnabled(mine)
        self.unsigned_line.setVisible(unsigned)
        if entry is None or entry.signed:
            self.unsigned_line.setText("")
        elif mine:
            self.unsigned_line.setText("Not signed: finish and sign it, or discard it.")
        else:
            self.unsigned_line.setText(
                f"Not signed. Only {entry.author or 'its author'}, who wrote it, can finish or "
                "discard it."
            )

    def finish_selected(self) -> None:
        entry, note = self.selected_entry(), self.note()
        if entry is None or entry.signed or note is None:
            return
        now = note.service.now()
        dialog = FinishEntryDialog(entry, now, self)
        self.open_dialog = dialog
        if not accepted(dialog):
            return
        unsigned = note.service.unsigned
        title, body, when = dialog.title.text(), dialog.text.toPlainText(), dialog.occurred_at()
        note.runner.run(
            lambda: unsigned.finish_and_sign(entry.id, title, body, when),
            lambda signed: note.after_change(
                f"Entry signed: {signed.title} (happened {short_datetime(signed.occurred_at)})."
            ),
            note.sign_failed,
            lane=WRITES,
        )

    def discard_selected(self) -> None:
        entry, note = self.selected_entry(), self.note()
        if entry is None or entry.signed or note is None:
            return
        dialog = discard_dialog(entry, note.service.now().date(), self)
        self.open_dialog = dialog
        if not accepted(dialog):
            return
        unsigned, reason = note.service.unsigned, dialog.text()

        def done(info: DiscardInfo) -> None:
            note.after_change(f"Entry discarded; the discard is signed: {info.record.body}")

        note.runner.run(
            lambda: unsigned.discard(entry.id, reason),
            done,
            lambda exc: note.sign_failed(exc, "Not discarded"),
            lane=WRITES,
        )

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
        f"{escape(entry.type_label)} · happened {when} · {escape(entry.author)}</span></p>"
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
        written = f" (written {short_datetime(entry.recorded_at)})" if entry.recorded_at else ""
        parts.append(f"<p style='color:#664d03'>Not signed{written}.</p>")
    return "".join(parts)
