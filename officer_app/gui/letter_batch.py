"""Batch letters: one template's letter for many cases, with a progress bar and Cancel.

The cases are those shown in the caseload, each with a tick (all ticked to begin with). The
officer chooses the letter and fills its asks once for all; each case's letters are then
PREPARED in a transaction of their own (kept on the case, not sent), so a Cancel, a crash or a
kill leaves whole cases prepared and the batch can be resumed. The result is one PDF of every
letter waiting to be posted (each from a new page) to print or save; after printing or saving,
the dialog asks whether the post went out, and only on that confirmation (date and how) are
the letters recorded as sent. An unfinished batch is offered again when the dialog reopens:
resume it, record it as sent, or abandon it (its letters kept, marked never sent).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QProgressDialog, QWidget

from officer_app.gui.ask_form import AskForm
from officer_app.gui.confirm_sent import METHOD_LABELS, ConfirmSentDialog
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_letter_batch_dialog import Ui_LetterBatchDialog
from officer_app.gui.letter_dialog import style_banner
from officer_app.gui.markup import progress_dialog
from officer_app.gui.task_runner import CancelToken, TaskRunner
from officer_app.letters import AskRefused
from officer_app.progress import Cancelled, Progress
from officer_app.services.dto import CaseRow
from officer_app.services.letter_batches import BatchInfo, BatchResult, PreparingBatch
from officer_app.services.letters import LetterInfo, LetterService, TemplateInfo
from officer_app.wording import long_date

CaseIdRole = Qt.ItemDataRole.UserRole + 10
BatchIdRole = Qt.ItemDataRole.UserRole + 11


def selection_words(case_ids: list[str]) -> str:
    """How the window's batch was chosen: the ticked cases, named by a digest of their ids so
    that a different choice is a different batch."""
    digest = hashlib.sha256("\n".join(case_ids).encode()).hexdigest()[:8]
    return f"{len(case_ids)} case{'s' * (len(case_ids) != 1)} ticked in the window ({digest})"


class LetterBatchDialog(QDialog):
    """Drawn in ui/letter_batch_dialog.ui (the set-up page, then the result page); the cases,
    the asks, the batch's run and the officer's word are here."""

    finished_batch = Signal(object)  # BatchResult (also after a Cancel)

    def __init__(
        self,
        service: Callable[[], LetterService],
        runner: TaskRunner,
        rows: list[CaseRow],
        templates: list[TemplateInfo],
        *,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_LetterBatchDialog()
        ui.setupUi(self)
        self._service = service
        self._runner = runner
        self._today = today
        self.templates = templates
        self.batch: PreparingBatch | None = None
        self.outcome: BatchResult | None = None
        self.confirm_dialog: ConfirmSentDialog | None = None
        self.sent: list[LetterInfo] = []
        self.progress: QProgressDialog | None = None
        self.token: CancelToken | None = None
        self._asks: AskForm | None = None

        self.template, self.description, self.dated = ui.template, ui.description, ui.dated
        self.asks_area, self.cases, self.count = ui.asks_area, ui.cases, ui.count
        self.make_button, self.status = ui.make_button, ui.status
        self.unfinished, self.unfinished_box = ui.unfinished, ui.unfinished_box
        self.resume_button, self.abandon_button = ui.resume_button, ui.abandon_button
        self.confirm_unfinished_button = ui.confirm_unfinished_button
        self.summary, self.skipped = ui.summary, ui.skipped
        self.skipped_heading, self.result_status = ui.skipped_heading, ui.result_status
        self.print_button, self.save_button = ui.print_button, ui.save_button
        self.confirm_button, self.pages = ui.confirm_button, ui.pages
        style_banner(ui.unfinished_banner)
        style_banner(ui.cases_banner)

        # --- the set-up page
        for info in templates:
            self.template.addItem(info.title, info.id)
        self.dated.setMaximumDate(qdate(today))
        self.dated.setDate(qdate(today))
        for row in rows:
            item = QListWidgetItem(
                f"{row.reference}   {row.child_surname}, {row.child_forename}   ·   "
                f"{row.stage_label}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(CaseIdRole, row.case_id)
            self.cases.addItem(item)
        self.cases.itemChanged.connect(self._count)
        ui.tick_all.clicked.connect(lambda: self._tick(True))
        ui.untick_all.clicked.connect(lambda: self._tick(False))
        self.make_button.clicked.connect(self.make)
        ui.close_button.clicked.connect(self.reject)
        ui.split.setSizes([480, 520])
        self.resume_button.clicked.connect(self.resume_selected)
        self.confirm_unfinished_button.clicked.connect(self.confirm_selected)
        self.abandon_button.clicked.connect(self.abandon_selected)
        self.unfinished_box.setVisible(False)
        self.unfinished_batches: list[BatchInfo] = []

        # --- the result page
        self.print_button.clicked.connect(self.print_letters)
        self.save_button.clicked.connect(self.save_pdf)
        self.confirm_button.clicked.connect(self.ask_sent)
        ui.done_button.clicked.connect(self.accept)

        self.template.currentIndexChanged.connect(self._template_changed)
        self._template_changed()
        self._count()
        if not templates:
            self.make_button.setEnabled(False)
            self.status.setText("No letter template is available.")
        self.load_unfinished()

    # --- unfinished batches -------------------------------------------------------------------
    def load_unfinished(self) -> None:
        factory = self._service
        self._runner.run(lambda: factory().batches.unfinished(), self._show_unfinished)

    def _show_unfinished(self, found: list[BatchInfo]) -> None:
        self.unfinished_batches = found
        self.unfinished.clear()
        for info in self.unfinished_batches:
            item = QListWidgetItem(info.describe())
            item.setData(BatchIdRole, info.id)
            self.unfinished.addItem(item)
        if self.unfinished_batches:
            self.unfinished.setCurrentRow(0)
        self.unfinished_box.setVisible(bool(self.unfinished_batches))

    def selected_unfinished(self) -> BatchInfo | None:
        item = self.unfinished.currentItem()
        if item is None:
            return None
        wanted = item.data(BatchIdRole)
        return next((b for b in self.unfinished_batches if b.id == wanted), None)

    def resume_selected(self) -> None:
        info = self.selected_unfinished()
        if info is None:
            return
        self.make_button.setEnabled(False)
        self.status.setText("Resuming…")
        factory = self._service
        self._runner.run(lambda: factory().batches.resume(info.id), self._start, self._refused)

    def confirm_selected(self) -> None:
        info = self.selected_unfinished()
        if info is None or not info.prepared:
            self.status.setText("That batch has no letter waiting to be sent.")
            return
        self._ask_sent(info.id, info.prepared, info.dated)

    def abandon_selected(self) -> None:
        info = self.selected_unfinished()
        if info is None:
            return
        factory = self._service

        def done(marked: int) -> None:
            self.status.setText(
                f"Batch {info.short_id} abandoned: {marked} prepared letter(s) marked as never "
                "sent (kept on their cases)."
            )
            self.load_unfinished()
            self.finished_batch.emit(None)

        self._runner.run(
            lambda: factory().batches.abandon(info.id),
            done,
            lambda exc: self.status.setText(f"Not abandoned: {exc}"),
        )

    # --- set-up -------------------------------------------------------------------------------
    def current_template(self) -> TemplateInfo | None:
        template_id = self.template.currentData()
        return next((t for t in self.templates if t.id == template_id), None)

    @property
    def asks(self) -> AskForm:
        assert self._asks is not None
        return self._asks

    def _template_changed(self) -> None:
        info = self.current_template()
        self.description.setText(info.description if info else "")
        self._asks = AskForm(info.asks if info else (), self._today)
        self.asks_area.setWidget(self._asks)

    def ticked(self) -> list[str]:
        out = []
        for index in range(self.cases.count()):
            item = self.cases.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(CaseIdRole)))
        return out

    def _tick(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.cases.blockSignals(True)
        for index in range(self.cases.count()):
            self.cases.item(index).setCheckState(state)
        self.cases.blockSignals(False)
        self._count()

    def _count(self) -> None:
        self.count.setText(f"{len(self.ticked())} of {self.cases.count()} ticked")

    # --- making -------------------------------------------------------------------------------
    def make(self) -> None:
        info = self.current_template()
        cases = self.ticked()
        if info is None:
            return
        if not cases:
            self.status.setText("Tick at least one case.")
            return
        if not self.asks.confirm_warnings(self.status, "Not started"):
            return
        asks = self.asks.values()
        dated = pydate(self.dated.date())
        selection = selection_words(cases)
        self.asks.mark(None)
        self.make_button.setEnabled(False)
        self.status.setText("Checking…")
        factory = self._service
        self._runner.run(
            lambda: factory().batches.start(
                info.id, cases, asks=asks, selection=selection, dated=dated
            ),
            self._start,
            self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        if isinstance(exc, AskRefused):
            self.asks.mark(exc.ask)
        self.status.setText(f"Not started: {exc}")

    def _start(self, batch: PreparingBatch) -> None:
        self.batch = batch
        total = batch.info.cases_total
        progress = progress_dialog(f"Preparing letters for {total} cases…", "Cancel", total, self)
        progress.setWindowTitle("Batch letters")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress

        def step(update: Progress) -> None:
            progress.setLabelText(update.message)
            progress.setValue(update.done)

        self.token = self._runner.run_steps(batch.run, step, self._done, self._stopped)
        progress.canceled.connect(self.cancel)
        progress.show()

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
        if self.progress is not None:
            self.progress.setLabelText("Stopping after the case being written…")

    def _stopped(self, exc: BaseException) -> None:
        batch = self.batch
        if isinstance(exc, Cancelled) and batch is not None:
            self._runner.run(lambda: batch.result(cancelled=True), self._done, self._failed)
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if self.progress is not None:
            self.progress.close()
        self.make_button.setEnabled(True)
        self.status.setText(f"The batch stopped: {exc}")
        batch = self.batch
        if batch is not None:
            # the letters already prepared stay prepared: show them
            self._runner.run(lambda: batch.result(cancelled=True), self._done)

    def _done(self, result: BatchResult) -> None:
        if self.progress is not None:
            self.progress.close()
        self.outcome = result
        made = len(result.letters)
        cases = len({letter.case_id for letter in result.letters})
        what = (
            f"Stopped after {result.cases_done} of {result.cases_total} cases: the batch can "
            "be resumed. "
            if result.cancelled
            else ""
        )
        self.summary.setText(
            f"{what}{made} letter{'s' * (made != 1)} prepared for {cases} "
            f"case{'s' * (cases != 1)}, NOT yet recorded as sent; {result.pages} page"
            f"{'s' * (result.pages != 1)} to print. Print or save them, then say whether the "
            "post went out."
        )
        self.skipped.clear()
        for skip in result.skipped:
            self.skipped.addItem(f"{skip.reference}: {skip.reason}")
        self.skipped_heading.setVisible(bool(result.skipped))
        self.skipped.setVisible(bool(result.skipped))
        self.print_button.setEnabled(bool(result.pdf))
        self.save_button.setEnabled(bool(result.pdf))
        self.confirm_button.setEnabled(bool(result.letters))
        self.pages.setCurrentIndex(1)
        self.finished_batch.emit(result)

    # --- the result ---------------------------------------------------------------------------
    def print_letters(self) -> None:
        result = self.outcome
        if result is None or not result.pdf:
            return
        factory = self._service
        self._runner.run(
            lambda: factory().batches.print_pdf(result),
            self._show_print_dialog,
            lambda exc: self.result_status.setText(f"Not printed: {exc}"),
        )

    def _show_print_dialog(self, data: bytes) -> None:
        from officer_app.gui.printing import print_pdf

        try:
            pages = print_pdf(data, "Batch letters", self)
        except RuntimeError as exc:
            self.result_status.setText(f"Not printed: {exc}")
            return
        if pages:
            self.result_status.setText(f"Sent {pages} page(s) to the printer.")
            self.ask_sent()

    def save_pdf(self, target: Path | None = None) -> None:
        result = self.outcome
        if result is None or not result.pdf:
            return
        if target is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                "Save the letters as one PDF",
                f"Letters {result.template_id} {self._today}.pdf",
                "PDF documents (*.pdf)",
            )
            if not chosen:
                return
            target = Path(chosen)
        from officer_app.documents.destination import DestinationRefused, check_destination

        try:
            out = check_destination(target, (".pdf",))
        except DestinationRefused as exc:
            self.result_status.setText(f"Not saved: {exc}")
            return
        factory = self._service

        def saved(pages: int) -> None:
            self.result_status.setText(f"Saved {pages} pages to {out}")
            self.ask_sent()

        self._runner.run(
            lambda: factory().batches.export_pdf(result, out),
            saved,
            lambda exc: self.result_status.setText(f"Not saved: {exc}"),
        )

    # --- the officer's word -------------------------------------------------------------------
    def ask_sent(self) -> None:
        """After printing or saving: did the post go out? Recorded as sent only if so."""
        result = self.outcome
        if result is None or not result.letters:
            return
        self._ask_sent(result.batch_id, len(result.letters), result.batch.dated)

    def _ask_sent(self, batch_id: str, letters: int, dated: dt.date) -> None:
        dialog = ConfirmSentDialog(letters, dated, self._today, self)
        self.confirm_dialog = dialog

        def answered(code: int) -> None:
            if code != QDialog.DialogCode.Accepted:
                note = "Not recorded as sent: the letters stay prepared; record them later here."
                self.result_status.setText(note)
                self.status.setText(note)
                return
            sent_on, method = dialog.chosen()
            self.confirm(batch_id, sent_on, method)

        dialog.finished.connect(answered)
        dialog.open()

    def confirm(self, batch_id: str, sent_on: dt.date, method: str) -> None:
        factory = self._service

        def done(made: list[LetterInfo]) -> None:
            self.sent = made
            note = (
                f"{len(made)} letter{'s' * (len(made) != 1)} recorded as sent "
                f"{METHOD_LABELS[method].lower()} on {long_date(sent_on)}, each signed into its "
                "case's chronology."
            )
            self.result_status.setText(note)
            self.status.setText(note)
            self.confirm_button.setEnabled(False)
            self.load_unfinished()
            self.finished_batch.emit(None)

        def failed(exc: BaseException) -> None:
            note = f"Not recorded as sent: {exc}"
            self.result_status.setText(note)
            self.status.setText(note)

        self._runner.run(
            lambda: factory().batches.confirm_sent(batch_id, sent_on=sent_on, method=method),
            done,
            failed,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()  # a batch still running stops after its current case
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        super().reject()
