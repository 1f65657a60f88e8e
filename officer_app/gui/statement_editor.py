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

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QMessageBox, QWidget

from officer_app.gui.dates import pydate
from officer_app.gui.generated.ui_statement_editor import Ui_StatementEditor
from officer_app.gui.statement_dialogs import sign_question, unsaved_question
from officer_app.gui.statement_exhibits import ExhibitTable
from officer_app.gui.statement_preview import Job, LivePreview
from officer_app.gui.statement_text import NewStatement, trimmed, version_text
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
        self._tasks = runner.owned_by(self)  # nothing delivered once this is closed
        self.info = info
        self.new = new
        source = info or new
        assert source is not None
        self.paragraphs: list[str] = list(source.paragraphs)
        self.exhibit_table = ExhibitTable(
            ui.exhibits,
            list(source.exhibits),
            officer=source.witness_kind == "officer",
            witness_name=source.witness_name,
        )
        self._baseline = self._state() if info is not None else None
        self.versions: list[VersionInfo] = []
        self.viewing: VersionInfo | None = None
        self.busy = False
        self.sign_box: QMessageBox | None = None  # for tests
        self.close_box: QMessageBox | None = None
        self._closing = False

        self.paragraph_list, self.edit, self.table = ui.paragraphs, ui.edit, ui.exhibits
        self.status, self.pdf = ui.status, ui.pdf
        self.pdf.view.setAccessibleName("Preview of the statement")
        self.pdf.clear("Making the preview…")
        ui.split.setSizes([520, 740])
        bg, fg = WARNING_BANNER
        self._banner_styles = (
            f"background:{bg}; color:{fg}; padding: 6px 8px; border-radius: 3px;",
            f"background:{ACCENT_LIGHT}; color:{TEXT}; padding: 6px 8px; border-radius: 3px;",
        )

        self.preview = LivePreview(runner, self.pdf, self._preview_job, self)
        self.preview.shown.connect(lambda _pages: self._refresh_chrome())

        self.paragraph_list.currentRowChanged.connect(self._paragraph_chosen)
        self.edit.textChanged.connect(self._typed)
        ui.add_button.clicked.connect(self.add_paragraph)
        ui.remove_button.clicked.connect(self.remove_paragraph)
        ui.up_button.clicked.connect(lambda: self.move_paragraph(-1))
        ui.down_button.clicked.connect(lambda: self.move_paragraph(1))
        self.exhibit_table.changed.connect(self._exhibits_changed)
        self.exhibit_table.said.connect(self.status.setText)
        self.table.itemSelectionChanged.connect(self._set_actions)
        ui.add_exhibit_button.clicked.connect(lambda: self.add_exhibit())
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
        self.preview.now()

    @property
    def pages(self) -> int | None:
        """The pages of the preview shown."""
        return self.preview.pages

    @property
    def exhibits(self) -> list[ExhibitRef]:
        """The exhibits being edited."""
        return self.exhibit_table.refs

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
        self.preview.soon()

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
        self.exhibit_table.show(exhibits)
        self._exhibits_counted(len(exhibits))

    def _exhibits_counted(self, count: int) -> None:
        self.ui.tabs.setTabText(0, f"E&xhibits ({count})")

    def _exhibits_changed(self) -> None:
        self._exhibits_counted(len(self.exhibits))
        self._changed()

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
        count = self.preview.pages
        pages = f" · preview {count} page{'s' * (count != 1)}" if count else ""
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
        self.exhibit_table.set_editable(editable)
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
    def add_exhibit(self, description: str = "") -> str:
        return self.exhibit_table.add(description)

    def remove_exhibit(self) -> None:
        self.exhibit_table.remove(self.paragraphs)

    # --- versions ---------------------------------------------------------------------------
    def _load_versions(self) -> None:
        if self.info is None:
            return
        service, statement_id = self._service, self.info.id
        self._tasks.run(
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
        self.preview.now()

    def show_latest(self) -> None:
        self.viewing = None
        self._show_text(self.paragraphs, self.exhibits)
        self._refresh_chrome()
        self.preview.now()

    # --- preview ----------------------------------------------------------------------------
    def _preview_job(self) -> Job:
        from officer_app.documents.statement_pdf import render_statement_bytes

        service = self._service
        if self.info is not None and (self.viewing is not None or not self.dirty):
            statement_id = self.info.id
            number = self.viewing.number if self.viewing else None
            return lambda: render_statement_bytes(service.document(statement_id, version=number))
        kind, name, occupation, age = self._witness()
        new, day = self.new, pydate(QDate.currentDate())
        # a draft's PDF shows no period: the officer's is kept, another witness's is today
        first, last = new.period if new and new.period else (day, day)
        draft = StatementDraft(
            case_id=self.info.case_id if self.info else new.case_id if new else "",
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
        return lambda: service.draft_pdf(draft)

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
            self._tasks.run(
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
        self._tasks.run(
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
        self.paragraphs, self.exhibit_table.refs = list(info.paragraphs), list(info.exhibits)
        self._baseline = self._state()
        self._show_text(self.paragraphs, self.exhibits)
        self._refresh_chrome()
        self._load_versions()
        self.preview.now()

    def ask_sign(self) -> None:
        info = self.info
        if info is None or self.read_only or self.dirty or self.busy:
            return
        box, sign = sign_question(info, self)
        box.finished.connect(lambda _code: self._sign_answered(box.clickedButton() is sign))
        self.sign_box = box
        box.open()

    def _sign_answered(self, yes: bool) -> None:
        info = self.info
        if not yes or info is None:
            return
        service, statement_id = self._service, info.id
        self._busy(True, "Signing…")
        self._tasks.run(
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
        self._tasks.run(
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
        self._tasks.run(
            lambda: service.export_pdf(statement_id, out, version=number),
            lambda pages: self.status.setText(f"Saved a {pages}-page PDF to {out}"),
            self._failed("Not saved"),
        )

    # --- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Closing with unsaved changes asks first: save, discard, or stay."""
        if self.signed or not self.dirty or self._closing:
            self.preview.stop()
            super().reject()
            return
        box = unsaved_question(self)
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
