"""Batch letters: one template's letter for many cases, with a progress bar and Cancel.

The cases are those shown in the caseload, each with a tick (all ticked to begin with). The
officer chooses the letter, fills its asks once for all, and says when and how the letters go;
each case's letters are then made and recorded as sent in a transaction of their own, so a
Cancel leaves the letters already made recorded and makes no more. The result is one PDF of
every letter made (each from a new page) to print or save, and the cases that could not have
a letter, with why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from officer_app.gui.dates import pydate, qdate
from officer_app.gui.letter_dialog import METHOD_LABELS, AskForm, banner
from officer_app.gui.markup import plain_label, progress_dialog
from officer_app.gui.task_runner import CancelToken, TaskRunner
from officer_app.letters import AskRefused, long_date
from officer_app.progress import Cancelled, Progress
from officer_app.services.dto import CaseRow
from officer_app.services.letters import (
    METHODS,
    BatchResult,
    LetterBatch,
    LetterService,
    TemplateInfo,
)

CaseIdRole = Qt.ItemDataRole.UserRole + 10


class LetterBatchDialog(QDialog):
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
        self.setWindowTitle("Batch letters")
        self._service = service
        self._runner = runner
        self._today = today
        self.templates = templates
        self.batch: LetterBatch | None = None
        self.outcome: BatchResult | None = None
        self.progress: QProgressDialog | None = None
        self.token: CancelToken | None = None
        self._asks: AskForm | None = None

        # --- the set-up page
        self.template = QComboBox()
        self.template.setAccessibleName("Letter")
        for info in templates:
            self.template.addItem(info.title, info.id)
        self.description = plain_label("")
        self.description.setWordWrap(True)
        self.description.setProperty("role", "muted")
        self.dated = QDateEdit(qdate(today))
        self.dated.setCalendarPopup(True)
        self.dated.setDisplayFormat("dddd d MMMM yyyy")
        self.dated.setMaximumDate(qdate(today))
        self.dated.setAccessibleName("Letters' date")
        self.sent_on = QDateEdit(qdate(today))
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("dddd d MMMM yyyy")
        self.sent_on.setMaximumDate(qdate(today))
        self.sent_on.setAccessibleName("Sent on")
        self.method = QComboBox()
        self.method.setAccessibleName("How the letters are sent")
        for method in METHODS:
            self.method.addItem(METHOD_LABELS[method], method)
        self.asks_area = QScrollArea()
        self.asks_area.setWidgetResizable(True)
        self.asks_area.setFrameShape(QFrame.Shape.NoFrame)
        self.asks_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases = QListWidget()
        self.cases.setAccessibleName("Cases to write to")
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
        self.count = plain_label("")
        self.count.setProperty("role", "muted")
        tick_all = QPushButton("Tick all")
        tick_all.clicked.connect(lambda: self._tick(True))
        untick_all = QPushButton("Untick all")
        untick_all.clicked.connect(lambda: self._tick(False))
        self.make_button = QPushButton("&Make the letters")
        self.make_button.setProperty("primary", True)
        self.make_button.clicked.connect(self.make)
        self.status = plain_label("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Batch status")
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        # one default button, bold from the start (see letter_dialog.py)
        self.make_button.setDefault(True)
        for button in (tick_all, untick_all, close):
            button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow("&Letter", self.template)
        form.addRow("", self.description)
        form.addRow("&Dated", self.dated)
        form.addRow("&Sent on", self.sent_on)
        form.addRow("&How", self.method)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addLayout(form)
        section = plain_label("What every letter needs")
        section.setProperty("role", "section")
        left_layout.addWidget(section)
        left_layout.addWidget(self.asks_area, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        heading = plain_label("Cases (those shown in the caseload)")
        heading.setProperty("role", "section")
        right_layout.addWidget(heading)
        right_layout.addWidget(
            banner(
                "Each parent with parental responsibility at the family's address gets a letter "
                "of their own. Every letter is recorded as sent on the date and in the way "
                "chosen here."
            )
        )
        right_layout.addWidget(self.cases, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(tick_all)
        ticks.addWidget(untick_all)
        ticks.addStretch(1)
        ticks.addWidget(self.count)
        right_layout.addLayout(ticks)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([480, 520])
        setup = QWidget()
        setup_layout = QVBoxLayout(setup)
        setup_layout.setContentsMargins(0, 0, 0, 0)
        setup_layout.addWidget(split, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.make_button)
        footer.addWidget(close)
        setup_layout.addLayout(footer)

        # --- the result page
        self.summary = plain_label("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Batch result")
        self.skipped = QListWidget()
        self.skipped.setAccessibleName("Cases without a letter")
        self.print_button = QPushButton("P&rint…")
        self.print_button.clicked.connect(self.print_letters)
        self.save_button = QPushButton("Save as P&DF…")
        self.save_button.clicked.connect(self.save_pdf)
        done = QPushButton("Close")
        done.clicked.connect(self.accept)
        for button in (self.print_button, self.save_button, done):
            button.setAutoDefault(False)
        self.result_status = plain_label("")
        self.result_status.setWordWrap(True)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.summary)
        self.skipped_heading = plain_label("Cases that could not have a letter")
        self.skipped_heading.setProperty("role", "section")
        results_layout.addWidget(self.skipped_heading)
        results_layout.addWidget(self.skipped, 1)
        result_footer = QHBoxLayout()
        result_footer.addWidget(self.result_status, 1)
        for button in (self.print_button, self.save_button, done):
            result_footer.addWidget(button)
        results_layout.addLayout(result_footer)

        self.pages = QStackedWidget()
        self.pages.addWidget(setup)
        self.pages.addWidget(results)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(1080, 660)

        self.template.currentIndexChanged.connect(self._template_changed)
        self._template_changed()
        self._count()
        if not templates:
            self.make_button.setEnabled(False)
            self.status.setText("No letter template is available.")

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
        asks = self.asks.values()
        dated, sent_on = pydate(self.dated.date()), pydate(self.sent_on.date())
        method = str(self.method.currentData())
        self.asks.mark(None)
        self.make_button.setEnabled(False)
        self.status.setText("Checking…")
        factory = self._service
        self._runner.run(
            lambda: factory().batch(
                info.id, cases, asks=asks, sent_on=sent_on, method=method, dated=dated
            ),
            self._start,
            self._refused,
        )

    def _refused(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        if isinstance(exc, AskRefused):
            self.asks.mark(exc.ask)
        self.status.setText(f"Not started: {exc}")

    def _start(self, batch: object) -> None:
        if not isinstance(batch, LetterBatch):
            return
        self.batch = batch
        total = len(batch.case_ids)
        progress = progress_dialog(f"Writing letters for {total} cases…", "Cancel", total, self)
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
        if batch is not None and batch.letters:
            # the letters already made stay recorded: show them
            self._runner.run(lambda: batch.result(cancelled=True), self._done)

    def _done(self, result: object) -> None:
        if self.progress is not None:
            self.progress.close()
        if not isinstance(result, BatchResult):
            return
        self.outcome = result
        made = len(result.letters)
        cases = len({letter.case_id for letter in result.letters})
        what = (
            f"Cancelled after {result.cases_done} of {result.cases_total} cases. "
            if result.cancelled
            else ""
        )
        first = result.letters[0] if result.letters else None
        sent = (
            f"recorded as sent {METHOD_LABELS[first.method].lower()} on {long_date(first.sent_on)}"
            if first is not None
            else "none recorded"
        )
        not_reached = " The cases not yet reached have no letter." if result.cancelled else ""
        self.summary.setText(
            f"{what}{made} letter{'s' * (made != 1)} made for {cases} "
            f"case{'s' * (cases != 1)}, {sent}; {result.pages} page"
            f"{'s' * (result.pages != 1)} to print.{not_reached}"
        )
        self.skipped.clear()
        for skip in result.skipped:
            self.skipped.addItem(f"{skip.reference}: {skip.reason}")
        self.skipped_heading.setVisible(bool(result.skipped))
        self.skipped.setVisible(bool(result.skipped))
        self.print_button.setEnabled(bool(result.pdf))
        self.save_button.setEnabled(bool(result.pdf))
        self.pages.setCurrentIndex(1)
        self.finished_batch.emit(result)

    # --- the result ---------------------------------------------------------------------------
    def print_letters(self) -> None:
        result = self.outcome
        if result is None or not result.pdf:
            return
        factory = self._service
        self._runner.run(
            lambda: factory().print_batch(result),
            self._show_print_dialog,
            lambda exc: self.result_status.setText(f"Not printed: {exc}"),
        )

    def _show_print_dialog(self, data: object) -> None:
        from officer_app.gui.printing import print_pdf

        assert isinstance(data, bytes)
        try:
            pages = print_pdf(data, "Batch letters", self)
        except RuntimeError as exc:
            self.result_status.setText(f"Not printed: {exc}")
            return
        if pages:
            self.result_status.setText(f"Sent {pages} page(s) to the printer.")

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
        factory, out = self._service, target
        self._runner.run(
            lambda: factory().export_batch(result, out),
            lambda pages: self.result_status.setText(f"Saved {pages} pages to {out}"),
            lambda exc: self.result_status.setText(f"Not saved: {exc}"),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()  # a batch still running stops after its current case
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        super().reject()
