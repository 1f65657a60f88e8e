"""A witness statement in the window (issue 13 point 4): its numbered paragraphs edited in
place, the exhibits it produces, "Save version" (every save kept: drafts that differ from the
final may have to be disclosed, CPIA 1996), every saved version readable, a live PDF preview,
and "Sign…", which freezes the statement into the case's chain (s9 Criminal Justice Act 1967;
CrimPR Part 16; domain.md, "Witness statements"). A signed statement opens read-only, to print
or save as a PDF.

Drawn in ui/statement_editor.ui. Every service call runs on the task runner; the preview is
made there too, a moment after the typing stops, and a preview overtaken by newer text is
dropped unseen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from officer_app.gui.dates import pydate
from officer_app.gui.generated.ui_statement_editor import Ui_StatementEditor
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.gui.theme import ACCENT_LIGHT, TEXT, WARNING_BANNER
from officer_app.services.statements import (
    ExhibitRef,
    StatementDraft,
    StatementInfo,
    StatementService,
    VersionInfo,
)
from officer_app.wording import long_date, short_datetime

PREVIEW_DELAY_MS = 700
LABEL = re.compile(r"^([A-Z]+)/(\d+)$")


@dataclass(frozen=True)
class NewStatement:
    """A statement not saved yet: the officer's drafted from the case, or another witness's
    typed in. Nothing is kept until the first "Save version"."""

    case_id: str
    witness_kind: str  # officer | other
    witness_name: str
    occupation: str
    age_text: str
    paragraphs: tuple[str, ...] = ()
    exhibits: tuple[ExhibitRef, ...] = ()
    period: tuple[dt.date, dt.date] | None = None  # the officer's offence period

    @classmethod
    def from_draft(cls, draft: StatementDraft) -> NewStatement:
        return cls(
            case_id=draft.case_id,
            witness_kind=draft.witness_kind,
            witness_name=draft.witness_name,
            occupation=draft.occupation,
            age_text=draft.age_text,
            paragraphs=draft.paragraphs,
            exhibits=draft.exhibits,
            period=(draft.period_from, draft.period_to),
        )


def run_while_alive[T](
    runner: TaskRunner,
    owner: QObject,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    *,
    lane: str | None = None,
) -> None:
    """``runner.run``, the callbacks dropped if ``owner`` was closed and deleted meanwhile."""

    def done(value: T) -> None:
        if shiboken6.isValid(owner):
            on_done(value)

    def failed(exc: BaseException) -> None:
        if shiboken6.isValid(owner):
            on_error(exc)

    runner.run(work, done, failed, lane=lane)


def initials_of(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper() or "W"


def next_label(exhibits: list[ExhibitRef], witness_name: str) -> str:
    """The next label in the witness's numbering: the prefix of the labels already given
    (the officer's own initials), else the witness's initials; numbered on from the highest.
    An officer's provisional label is settled when the statement is signed."""
    matched = [(e, m) for e in exhibits if (m := LABEL.match(e.label))]
    numbered = [m for _e, m in matched]
    prefix = next((m[1] for e, m in matched if e.provisional), None) or initials_of(witness_name)
    top = max((int(m[2]) for m in numbered if m[1] == prefix), default=0)
    return f"{prefix}/{top + 1}"


def referring(paragraphs: list[str], label: str) -> list[int]:
    """The numbers of the paragraphs that mention an exhibit label (DO/3, not DO/30)."""
    pattern = re.compile(rf"(?<![A-Za-z0-9/]){re.escape(label)}(?![0-9])")
    return [n for n, text in enumerate(paragraphs, 1) if pattern.search(text)]


def trimmed(paragraph: str) -> str:
    """A paragraph as the service keeps it: each line's spaces tidied, line breaks kept."""
    return "\n".join(" ".join(line.split()) for line in paragraph.strip().splitlines()).strip()


def version_text(version: VersionInfo, latest: int, signed: bool) -> str:
    pages = f", {version.pages} pages" if version.pages else ""
    tail = " (signed)" if signed and version.number == latest else ""
    who = f" by {version.saved_by}" if version.saved_by else ""
    return f"Version {version.number}: {short_datetime(version.saved_at)}{who}{pages}{tail}"


class StatementEditor(QDialog):
    saved = Signal(object)  # StatementInfo: a version saved or the statement signed

    def __init__(
        self,
        service: StatementService,
        runner: TaskRunner,
        *,
        info: StatementInfo | None = None,
        new: NewStatement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (info is None) == (new is None):
            raise ValueError("a statement editor opens a saved statement or a new one")
        self.ui = ui = Ui_StatementEditor()
        ui.setupUi(self)
        self._service = service
        self._runner = runner
        self.info = info
        self.new = new
        source = info or new
        assert source is not None
        self.paragraphs: list[str] = list(source.paragraphs)
        self.exhibits: list[ExhibitRef] = list(source.exhibits)
        self._baseline = self._state() if info is not None else None
        self.versions: list[VersionInfo] = []
        self.viewing: VersionInfo | None = None
        self.pages: int | None = None
        self.busy = False
        self.sign_box: QMessageBox | None = None  # for tests
        self.close_box: QMessageBox | None = None
        self._closing = False
        self._generation = 0
        self._rendering = False
        self._render_again = False

        self.paragraph_list, self.edit, self.table = ui.paragraphs, ui.edit, ui.exhibits
        self.status, self.pdf = ui.status, ui.pdf
        self.pdf.view.setAccessibleName("Preview of the statement")
        self.pdf.clear("Making the preview…")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels(["Label", "Description"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        heads = self.table.horizontalHeader()
        heads.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        heads.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.split.setSizes([520, 740])
        bg, fg = WARNING_BANNER
        self._banner_styles = (
            f"background:{bg}; color:{fg}; padding: 6px 8px; border-radius: 3px;",
            f"background:{ACCENT_LIGHT}; color:{TEXT}; padding: 6px 8px; border-radius: 3px;",
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)

        self.paragraph_list.currentRowChanged.connect(self._paragraph_chosen)
        self.edit.textChanged.connect(self._typed)
        ui.add_button.clicked.connect(self.add_paragraph)
        ui.remove_button.clicked.connect(self.remove_paragraph)
        ui.up_button.clicked.connect(lambda: self.move_paragraph(-1))
        ui.down_button.clicked.connect(lambda: self.move_paragraph(1))
        self.table.itemChanged.connect(self._exhibit_edited)
        self.table.itemSelectionChanged.connect(self._set_actions)
        ui.add_exhibit_button.clicked.connect(self.add_exhibit)
        ui.remove_exhibit_button.clicked.connect(self.remove_exhibit)
        ui.versions.currentRowChanged.connect(self._version_chosen)
        ui.latest_button.clicked.connect(self.show_latest)
        ui.save_button.clicked.connect(self.save_version)
        ui.sign_button.clicked.connect(self.ask_sign)
        ui.print_button.clicked.connect(self.print_statement)
        ui.export_button.clicked.connect(lambda: self.save_pdf())
        ui.close_button.clicked.connect(self.reject)

        self._show_text(self.paragraphs, self.exhibits)
        self._refresh_chrome()
        if info is not None:
            self._load_versions()
        self.refresh_preview()

    # --- state ------------------------------------------------------------------------------
    def _state(self) -> tuple[tuple[str, ...], tuple[tuple[tuple[str, object], ...], ...]]:
        paragraphs = tuple(kept for p in self.paragraphs if (kept := trimmed(p)))
        exhibits = tuple(tuple(sorted(e.to_json().items())) for e in self.exhibits)
        return paragraphs, exhibits

    @property
    def dirty(self) -> bool:
        """Changed since the last save (a new statement is unsaved until its first save)."""
        return self._baseline is None or self._state() != self._baseline

    @property
    def signed(self) -> bool:
        return self.info is not None and self.info.signed

    @property
    def read_only(self) -> bool:
        return self.signed or self.viewing is not None

    def _witness(self) -> tuple[str, str, str, str]:
        source = self.info or self.new
        assert source is not None
        return source.witness_kind, source.witness_name, source.occupation, source.age_text

    def _changed(self) -> None:
        self._refresh_chrome()
        self._timer.start()

    # --- showing ----------------------------------------------------------------------------
    def _show_text(self, paragraphs: list[str], exhibits: list[ExhibitRef]) -> None:
        row = max(self.paragraph_list.currentRow(), 0)
        self.paragraph_list.blockSignals(True)
        self.paragraph_list.clear()
        for number, text in enumerate(paragraphs, 1):
            self.paragraph_list.addItem(QListWidgetItem(f"{number}. {text}"))
        self.paragraph_list.blockSignals(False)
        if paragraphs:
            self.paragraph_list.setCurrentRow(min(row, len(paragraphs) - 1))
        self._paragraph_chosen(self.paragraph_list.currentRow())
        self.table.blockSignals(True)
        self.table.setRowCount(len(exhibits))
        for row_number, ref in enumerate(exhibits):
            label = QTableWidgetItem(ref.label)
            if not self._label_editable(ref):
                label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row_number, 0, label)
            self.table.setItem(row_number, 1, QTableWidgetItem(ref.description))
        self.table.blockSignals(False)
        self.ui.tabs.setTabText(0, f"E&xhibits ({len(exhibits)})")

    def _label_editable(self, ref: ExhibitRef) -> bool:
        """Another witness's labels are theirs to give; an officer's come from the exhibit
        table (fixed once given) or are numbered on provisionally until signing."""
        return self._witness()[0] != "officer" and ref.kind == "document"

    def _refresh_chrome(self) -> None:
        kind, name, occupation, age = self._witness()
        who = "Officer's statement" if kind == "officer" else "Witness statement"
        if self.info is None:
            state = "not saved yet"
        elif self.signed:
            state = f"signed, {self.info.pages} pages, version {self.info.latest_version}"
        else:
            state = f"draft, version {self.info.latest_version}" + (
                ", changed since" if self.dirty else ""
            )
        pages = f" · preview {self.pages} page{'s' * (self.pages != 1)}" if self.pages else ""
        self.ui.heading.setText(f"{who} of {name} ({occupation}; {age}): {state}{pages}")
        title = f"Witness statement: {name}"
        self.setWindowTitle(title + (" *" if self.dirty and not self.read_only else ""))
        banner, style = "", 0
        if self.viewing is not None:
            banner = (
                f"Reading version {self.viewing.number}, saved "
                f"{short_datetime(self.viewing.saved_at)}: read-only. Every version is kept."
            )
        elif self.signed and self.info is not None:
            day = long_date(self.info.signed_on) if self.info.signed_on else "the day signed"
            banner = (
                f"Signed on {day} and sealed into the case's chain of evidence: it is never "
                "edited. A change means a new statement."
            )
            style = 1
        elif self.info is None:
            banner = "Not saved yet: nothing is kept until you save a version."
        self.ui.banner.setText(banner)
        self.ui.banner.setStyleSheet(self._banner_styles[style])
        self.ui.banner.setVisible(bool(banner))
        self.ui.latest_button.setVisible(self.viewing is not None)
        self._set_actions()

    def _set_actions(self) -> None:
        ui, editable = self.ui, not self.read_only and not self.busy
        row = self.paragraph_list.currentRow()
        count = len(self.paragraphs)
        self.edit.setReadOnly(not editable or row < 0)
        ui.add_button.setEnabled(editable)
        ui.remove_button.setEnabled(editable and row >= 0)
        ui.up_button.setEnabled(editable and row > 0)
        ui.down_button.setEnabled(editable and 0 <= row < count - 1)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        ui.add_exhibit_button.setEnabled(editable)
        ui.remove_exhibit_button.setEnabled(editable and bool(self.table.selectedItems()))
        saved_view = self.info is not None and (self.viewing is not None or not self.dirty)
        ui.save_button.setEnabled(editable and self.dirty)
        ui.sign_button.setEnabled(
            self.info is not None and not self.read_only and not self.dirty and not self.busy
        )
        ui.print_button.setEnabled(saved_view and not self.busy)
        ui.export_button.setEnabled(saved_view and not self.busy)
        ui.exhibits_note.setText(
            "Signing gives new labels their place for good."
            if self._witness()[0] == "officer"
            else "Labels: the witness's initials and a number."
        )

    # --- paragraphs -------------------------------------------------------------------------
    def _shown_paragraphs(self) -> list[str]:
        return list(self.viewing.paragraphs) if self.viewing else self.paragraphs

    def _paragraph_chosen(self, row: int) -> None:
        shown = self._shown_paragraphs()
        self.edit.blockSignals(True)
        self.edit.setPlainText(shown[row] if 0 <= row < len(shown) else "")
        self.edit.blockSignals(False)
        self.ui.edit_label.setText(
            f"&Text of paragraph {row + 1}" if row >= 0 else "&Text of the paragraph"
        )
        self._set_actions()

    def _typed(self) -> None:
        row = self.paragraph_list.currentRow()
        if self.read_only or not 0 <= row < len(self.paragraphs):
            return
        text = self.edit.toPlainText()
        self.paragraphs[row] = text
        item = self.paragraph_list.item(row)
        if item is not None:
            item.setText(f"{row + 1}. {text}")
        self._changed()

    def add_paragraph(self, text: str = "") -> None:
        row = self.paragraph_list.currentRow()
        at = row + 1 if row >= 0 else len(self.paragraphs)
        self.paragraphs.insert(at, text)
        self._show_text(self.paragraphs, self.exhibits)
        self.paragraph_list.setCurrentRow(at)
        self.edit.setFocus()
        self._changed()

    def remove_paragraph(self) -> None:
        row = self.paragraph_list.currentRow()
        if self.read_only or not 0 <= row < len(self.paragraphs):
            return
        del self.paragraphs[row]
        self._show_text(self.paragraphs, self.exhibits)
        if self.paragraphs:
            self.paragraph_list.setCurrentRow(min(row, len(self.paragraphs) - 1))
        self._changed()

    def move_paragraph(self, step: int) -> None:
        row = self.paragraph_list.currentRow()
        to = row + step
        if self.read_only or not (
            0 <= row < len(self.paragraphs) and 0 <= to < len(self.paragraphs)
        ):
            return
        self.paragraphs[row], self.paragraphs[to] = self.paragraphs[to], self.paragraphs[row]
        self._show_text(self.paragraphs, self.exhibits)
        self.paragraph_list.setCurrentRow(to)
        self._changed()

    # --- exhibits ---------------------------------------------------------------------------
    def _exhibit_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if self.read_only or not 0 <= row < len(self.exhibits):
            return
        ref = self.exhibits[row]
        text = " ".join(item.text().split())
        if item.column() == 0:
            label = text.upper()
            taken = {e.label for n, e in enumerate(self.exhibits) if n != row}
            if not LABEL.match(label) or label in taken:
                self.status.setText(
                    f"{text or 'An empty label'} is not a label: initials and a number not "
                    "used yet, such as SJ/1."
                )
                self.table.blockSignals(True)
                item.setText(ref.label)
                self.table.blockSignals(False)
                return
            self.exhibits[row] = dataclasses.replace(ref, label=label)
        else:
            self.exhibits[row] = dataclasses.replace(ref, description=text)
        self._changed()

    def add_exhibit(self, description: str = "") -> None:
        _kind, name, _occupation, _age = self._witness()
        label = next_label(self.exhibits, name)
        officer = self._witness()[0] == "officer"
        self.exhibits.append(ExhibitRef(label=label, description=description, provisional=officer))
        self._show_text(self.paragraphs, self.exhibits)
        row = len(self.exhibits) - 1
        self.table.selectRow(row)
        cell = self.table.item(row, 1)
        if not description and cell is not None:
            self.table.editItem(cell)
        self.status.setText(f"Exhibit {label} added: say in a paragraph what it is and where from.")
        self._changed()

    def remove_exhibit(self) -> None:
        row = self.table.currentRow()
        if self.read_only or not 0 <= row < len(self.exhibits):
            return
        label = self.exhibits[row].label
        mentioned = referring(self.paragraphs, label)
        if mentioned:
            where = ", ".join(str(n) for n in mentioned)
            self.status.setText(
                f"Not removed: paragraph{'s' * (len(mentioned) > 1)} {where} refer"
                f"{'s' * (len(mentioned) == 1)} to {label}. Take the reference out first."
            )
            return
        del self.exhibits[row]
        self._show_text(self.paragraphs, self.exhibits)
        self.status.setText(f"Exhibit {label} removed.")
        self._changed()

    # --- versions ---------------------------------------------------------------------------
    def _load_versions(self) -> None:
        if self.info is None:
            return
        service, statement_id = self._service, self.info.id
        run_while_alive(
            self._runner,
            self,
            lambda: service.versions(statement_id),
            self._show_versions,
            self._failed("Versions not read"),
        )

    def _show_versions(self, versions: list[VersionInfo]) -> None:
        self.versions = versions
        latest = versions[-1].number if versions else 0
        lst = self.ui.versions
        lst.blockSignals(True)
        lst.clear()
        for version in versions:
            lst.addItem(version_text(version, latest, self.signed))
        lst.setCurrentRow(len(versions) - 1 if self.viewing is None else -1)
        lst.blockSignals(False)
        self.ui.tabs.setTabText(1, f"&Versions ({len(versions)})")

    def _version_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            return
        chosen = self.versions[row]
        if chosen.number == self.versions[-1].number and (self.signed or not self.dirty):
            self.show_latest()
            return
        self.view_version(chosen.number)

    def view_version(self, number: int) -> None:
        """Read a saved version (read-only); the text being edited is kept meanwhile."""
        chosen = next(v for v in self.versions if v.number == number)
        self.viewing = chosen
        self._show_text(list(chosen.paragraphs), list(chosen.exhibits))
        self._refresh_chrome()
        self.refresh_preview()

    def show_latest(self) -> None:
        self.viewing = None
        self._show_text(self.paragraphs, self.exhibits)
        self._refresh_chrome()
        self.refresh_preview()

    # --- preview ----------------------------------------------------------------------------
    def _as_draft(self) -> StatementDraft:
        kind, name, occupation, age = self._witness()
        case_id = self.info.case_id if self.info else self.new.case_id if self.new else ""
        period = self.new.period if self.new and self.new.period else None
        today = pydate(QDate.currentDate())
        first, last = period or (today, today)  # a draft's PDF shows no period
        return StatementDraft(
            case_id=case_id,
            witness_name=name,
            occupation=occupation,
            age_text=age,
            paragraphs=tuple(p for p in self.paragraphs if p.strip()),
            exhibits=tuple(self.exhibits),
            period_from=first,
            period_to=last,
            period_source="chosen",
            witness_kind=kind,
        )

    def _preview_job(self) -> Callable[[], tuple[bytes, int]]:
        from officer_app.documents.statement_pdf import render_statement_bytes

        service = self._service
        if self.info is not None and (self.viewing is not None or not self.dirty):
            statement_id = self.info.id
            number = self.viewing.number if self.viewing else None
            return lambda: render_statement_bytes(service.document(statement_id, version=number))
        draft = self._as_draft()
        return lambda: service.draft_pdf(draft)

    def refresh_preview(self) -> None:
        """Make the preview on the runner; one at a time, the newest text last."""
        self._timer.stop()
        if self._rendering:
            self._render_again = True
            return
        self._rendering = True
        self._render_again = False
        self._generation += 1
        generation = self._generation
        run_while_alive(
            self._runner,
            self,
            self._preview_job(),
            lambda made: self._previewed(generation, made),
            self._preview_failed,
        )

    def _previewed(self, generation: int, made: tuple[bytes, int]) -> None:
        self._rendering = False
        if self._render_again:
            self.refresh_preview()
            return
        if generation == self._generation:
            data, self.pages = made
            self.pdf.show_pdf(data)
            self._refresh_chrome()

    def _preview_failed(self, exc: BaseException) -> None:
        self._rendering = False
        self.pdf.clear(f"No preview: {exc}")
        if self._render_again:
            self.refresh_preview()

    # --- saving and signing -------------------------------------------------------------
    def _busy(self, busy: bool, message: str = "") -> None:
        self.busy = busy
        if message:
            self.status.setText(message)
        self._set_actions()

    def _failed(self, what: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self._busy(False, f"{what}: {exc}")
            self._closing = False

        return failed

    def save_version(self) -> None:
        if self.read_only or self.busy or not self.dirty:
            return
        service, paragraphs, exhibits = self._service, list(self.paragraphs), list(self.exhibits)
        self._busy(True, "Saving…")
        if self.info is None:
            new = self.new
            assert new is not None
            run_while_alive(
                self._runner,
                self,
                lambda: service.create(
                    new.case_id,
                    witness_kind=new.witness_kind,
                    witness_name=new.witness_name,
                    occupation=new.occupation,
                    age_text=new.age_text,
                    paragraphs=paragraphs,
                    exhibits=exhibits,
                ),
                self._saved,
                self._failed("Not saved"),
                lane=WRITES,
            )
            return
        statement_id, version = self.info.id, self.info.version
        run_while_alive(
            self._runner,
            self,
            lambda: service.save_version(
                statement_id, paragraphs, version=version, exhibits=exhibits
            ),
            self._saved,
            self._failed("Not saved"),
            lane=WRITES,
        )

    def _saved(self, info: StatementInfo) -> None:
        before = self.info.latest_version if self.info else 0
        if self._closing:  # saved on the way out
            self.info, self.busy = info, False
            self.saved.emit(info)
            self.done(QDialog.DialogCode.Accepted)
            return
        self._take(info)
        self._busy(
            False,
            f"Saved as version {info.latest_version}; every version is kept."
            if info.latest_version != before
            else f"Nothing changed since version {info.latest_version}: nothing saved.",
        )
        self.saved.emit(info)

    def _take(self, info: StatementInfo) -> None:
        """The statement as saved becomes the text being edited (trimmed as kept)."""
        self.info, self.new, self.viewing = info, None, None
        self.paragraphs, self.exhibits = list(info.paragraphs), list(info.exhibits)
        self._baseline = self._state()
        self._show_text(self.paragraphs, self.exhibits)
        self._refresh_chrome()
        self._load_versions()
        self.refresh_preview()

    def ask_sign(self) -> None:
        info = self.info
        if info is None or self.read_only or self.dirty or self.busy:
            return
        labels = ", ".join(e.label for e in info.exhibits) or "none"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Sign the statement")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Sign version {info.latest_version} of the statement of {info.witness_name}?")
        box.setInformativeText(
            "Signing freezes the statement into the case's chain of evidence: it is sealed "
            "with its real page count and today's date, its exhibits keep their labels for "
            f"good (now: {labels}), and it is never edited again; a change after signing "
            "means a new statement. Sign only what the witness has read and says is true."
        )
        sign = box.addButton("Sign and seal", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _code: self._sign_answered(box.clickedButton() is sign))
        self.sign_box = box
        box.open()

    def _sign_answered(self, yes: bool) -> None:
        info = self.info
        if not yes or info is None:
            return
        service, statement_id = self._service, info.id
        self._busy(True, "Signing…")
        run_while_alive(
            self._runner,
            self,
            lambda: service.sign(statement_id),
            self._signed,
            self._failed("Not signed"),
            lane=WRITES,
        )

    def _signed(self, info: StatementInfo) -> None:
        self._take(info)
        self._busy(
            False,
            f"Signed: {info.pages} pages, sealed into the case's chain as version "
            f"{info.latest_version}.",
        )
        self.saved.emit(info)

    # --- printing ---------------------------------------------------------------------------
    def print_statement(self) -> None:
        if self.info is None:
            return
        service, statement_id = self._service, self.info.id
        number = self.viewing.number if self.viewing else None
        title = f"Statement of {self.info.witness_name}"
        run_while_alive(
            self._runner,
            self,
            lambda: service.pdf(statement_id, version=number),
            lambda made: self._show_print_dialog(made[0], title),
            self._failed("Not printed"),
        )

    def _show_print_dialog(self, data: bytes, title: str) -> None:
        from officer_app.gui.printing import print_pdf

        try:
            pages = print_pdf(data, title, self)
        except RuntimeError as exc:
            self.status.setText(f"Not printed: {exc}")
            return
        if pages:
            self.status.setText(f"Sent {pages} page(s) to the printer.")

    def save_pdf(self, target: Path | None = None) -> None:
        info = self.info
        if info is None:
            return
        number = self.viewing.number if self.viewing else None
        if target is None:
            shown = number or info.latest_version
            suggested = f"{info.case_reference} statement {info.witness_name} v{shown}.pdf"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, "Save the statement as a PDF", suggested, "PDF documents (*.pdf)"
            )
            if not chosen:
                return
            target = Path(chosen)
        service, statement_id, out = self._service, info.id, target
        run_while_alive(
            self._runner,
            self,
            lambda: service.export_pdf(statement_id, out, version=number),
            lambda pages: self.status.setText(f"Saved a {pages}-page PDF to {out}"),
            self._failed("Not saved"),
        )

    # --- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing with unsaved changes asks first: save, discard, or stay."""
        if self.signed or not self.dirty or self._closing:
            self._timer.stop()
            super().reject()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText("The statement has changes that are not saved.")
        box.setInformativeText("Save them as a new version before closing?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(
            lambda _code: self._close_answered(box.standardButton(box.clickedButton()))
        )
        self.close_box = box
        box.open()

    def _close_answered(self, answer: QMessageBox.StandardButton) -> None:
        if answer == QMessageBox.StandardButton.Discard:
            self._closing = True
            self.reject()
        elif answer == QMessageBox.StandardButton.Save:
            self._closing = True
            if self.viewing is not None:
                self.show_latest()
            self.save_version()
