"""Build an evidence pack from the case (issue 13, point 4): the offence, the offence period
with the last day to lay the information shown as it is typed (s127(1) Magistrates' Courts
Act 1980, :func:`officer_app.domain.statement.time_limit`: out of time said plainly and
Build disabled), the defendants (each parent with parental responsibility, ticked), the
contents as a checklist (:meth:`PackService.contents`: what is unticked is left out, and so
is listed on the pack's schedule of unused material, CPIA 1996), a progress bar with Cancel,
and the built pages previewed (QtPdf) with Save as… (the PDF and its manifest beside it).

Drawn in ui/pack_builder_dialog.ui. Every service call runs on the task runner: the window
never waits for a build. The service writes the pack to a file: the builder has it write into
a private temporary folder, reads the bytes back for the preview and removes the folder at
once (the pack is kept encrypted on the case; Save as… writes the kept copy).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from officer_app.domain.interview import Offence
from officer_app.domain.statement import time_limit
from officer_app.gui.copy_viewer import fitted
from officer_app.gui.dates import pydate, qdate
from officer_app.gui.generated.ui_pack_builder_dialog import Ui_PackBuilderDialog
from officer_app.gui.letter_dialog import style_banner
from officer_app.gui.markup import literal
from officer_app.gui.task_runner import TaskRunner
from officer_app.progress import Cancelled, Progress
from officer_app.services.packs import (
    PackChoices,
    PackContent,
    PackInfo,
    PackRefused,
    PackService,
    WithheldAddressInPack,
)
from officer_app.wording import long_date

PREFERRED = QSize(1180, 680)
DataRole = Qt.ItemDataRole.UserRole
CONTENTS_DELAY_MS = 300  # a pause in typing before the contents are read again
OFFENCES = {  # short enough for the combo box; the full label is its tooltip
    Offence.S444_1: "s444(1): failure to secure regular attendance",
    Offence.S444_1A: "s444(1A): knowingly failing to secure regular attendance",
}


@dataclass(frozen=True)
class Built:
    """What a build hands back to the window: the pack recorded and its pages."""

    info: PackInfo
    pdf: bytes


def build_in_memory(
    service: PackService,
    case_id: str,
    *,
    offence: Offence,
    period_from: dt.date,
    period_to: dt.date,
    defendant_ids: tuple[str, ...],
    exclude: frozenset[str],
    progress: Callable[[Progress], None],
    cancelled: Callable[[], bool],
) -> Built:
    """Blocking (a worker's): build the pack, kept encrypted on the case only (nothing in
    clear on disk until the officer saves a copy), and read it back for the preview."""
    info = service.build(
        case_id,
        offence=offence,
        period_from=period_from,
        period_to=period_to,
        defendant_ids=defendant_ids,
        out=None,
        progress=progress,
        cancelled=cancelled,
        exclude=exclude,
    )
    return Built(info, service.read_pdf(info.id))


class _Relay(QObject):
    """Lives on the GUI thread: a worker's progress arrives here queued."""

    progress = Signal(object)


def content_text(content: PackContent) -> str:
    label = f"{content.title} (exhibit {content.exhibit})" if content.exhibit else content.title
    return f"{label}: always in a pack" if content.fixed else label


class PackBuilderDialog(QDialog):
    """Opens with :class:`PackChoices` gathered on a worker (:meth:`PackService.choices`)."""

    built = Signal(object)  # PackInfo: the case has a new pack

    def __init__(
        self,
        service: PackService,
        runner: TaskRunner,
        choices: PackChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_PackBuilderDialog()
        ui.setupUi(self)
        self.resize(fitted(PREFERRED, parent))
        self._service = service
        self._runner = runner
        self._tasks = runner.owned_by(self)  # nothing delivered once this is closed
        self.choices = choices
        self.today = choices.today
        self.outcome: Built | None = None
        self.contents_loaded = False
        self.building = False
        self._unticked: set[str] = set()  # kept across re-reads of the contents
        self._contents_asked = 0  # only the newest answer is shown
        self._cancel = threading.Event()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._progress)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CONTENTS_DELAY_MS)
        self._timer.timeout.connect(self.reload_contents)

        self.setWindowTitle(f"Build an evidence pack: {choices.case_reference}")
        ui.intro.setText(
            f"Case {choices.case_reference}, {choices.child_name}. The pack is built from the "
            "case as it stands: each build is a new numbered draft, never an overwrite."
        )
        for index, (offence, words) in enumerate(OFFENCES.items()):
            ui.offence.addItem(words, offence.value)
            ui.offence.setItemData(index, literal(offence.label), Qt.ItemDataRole.ToolTipRole)
        ui.offence.setCurrentIndex(max(0, ui.offence.findData(choices.offence)))
        for edit in (ui.period_from, ui.period_to):
            edit.setMaximumDate(qdate(choices.today))
        ui.period_from.setDate(qdate(choices.period_from))
        ui.period_to.setDate(qdate(min(choices.period_to, choices.today)))
        for defendant in choices.defendants:
            text = defendant.name + (" (address withheld)" if defendant.address_withheld else "")
            item = QListWidgetItem(text)
            item.setData(DataRole, defendant.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            ui.defendants.addItem(item)
        if not choices.defendants:
            ui.defendants.addItem(QListWidgetItem("No parent with parental responsibility"))
        style_banner(ui.refusal)
        ui.refusal.hide()
        ui.places.hide()
        ui.progress.hide()
        ui.preview.clear("The pack's pages are shown here once it is built.")
        ui.preview.view.setAccessibleName("Preview of the pack")
        ui.split.setStretchFactor(0, 0)
        ui.split.setStretchFactor(1, 1)

        ui.offence.currentIndexChanged.connect(self._asked_changed)
        ui.period_from.dateChanged.connect(self._asked_changed)
        ui.period_to.dateChanged.connect(self._asked_changed)
        ui.defendants.itemChanged.connect(self._defendants_changed)
        ui.contents.itemChanged.connect(self._content_ticked)
        ui.build_button.clicked.connect(self.build)
        ui.stop_button.clicked.connect(self.cancel_build)
        ui.save_button.clicked.connect(lambda: self.save_as())
        ui.close_button.clicked.connect(self.reject)
        ui.build_button.setDefault(True)
        self._asked_changed()

    # --- what is asked -------------------------------------------------------------------
    def offence(self) -> Offence:
        return Offence(str(self.ui.offence.currentData()))

    def period(self) -> tuple[dt.date, dt.date]:
        return pydate(self.ui.period_from.date()), pydate(self.ui.period_to.date())

    def defendant_ids(self) -> tuple[str, ...]:
        ui = self.ui
        return tuple(
            str(ui.defendants.item(n).data(DataRole))
            for n in range(ui.defendants.count())
            if ui.defendants.item(n).data(DataRole)
            and ui.defendants.item(n).checkState() == Qt.CheckState.Checked
        )

    def excluded(self) -> frozenset[str]:
        ui = self.ui
        return frozenset(
            str(ui.contents.item(n).data(DataRole))
            for n in range(ui.contents.count())
            if ui.contents.item(n).checkState() != Qt.CheckState.Checked
        )

    def period_problem(self) -> str:
        """Why the period cannot be built, said plainly; "" when it can (the s127 check
        made here as typed; the service makes it again)."""
        first, last = self.period()
        if first > last:
            return f"The period starts ({long_date(first)}) after it ends ({long_date(last)})."
        limit = time_limit(first, self.today)
        if not limit.in_time:
            return (
                f"Out of time: for a period from {long_date(first)} the last day to lay the "
                f"information was {long_date(limit.last_day)} (s127 Magistrates' Courts Act "
                "1980). Choose a later start."
            )
        return ""

    def _asked_changed(self) -> None:
        first, _last = self.period()
        limit = time_limit(first, self.today)
        problem = self.period_problem()
        if problem:
            self.ui.limit.setText(problem)
            style_banner(self.ui.limit)
        else:
            days = limit.days_left
            self.ui.limit.setStyleSheet("")
            self.ui.limit.setText(
                f"Last day to lay the information: {long_date(limit.last_day, weekday=True)} "
                f"({'today' if days == 0 else f'{days} day' + 's' * (days != 1) + ' from today'}"
                "; s127 Magistrates' Courts Act 1980)."
            )
        self._timer.start()
        self._update_buttons()

    def _defendants_changed(self, _item: QListWidgetItem) -> None:
        self._update_buttons()

    def _content_ticked(self, item: QListWidgetItem) -> None:
        key = str(item.data(DataRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._unticked.discard(key)
        else:
            self._unticked.add(key)

    def _update_buttons(self) -> None:
        ui = self.ui
        ready = (
            not self.building
            and self.contents_loaded
            and not self.period_problem()
            and bool(self.defendant_ids())
        )
        ui.build_button.setEnabled(ready)
        ui.stop_button.setEnabled(self.building)
        ui.save_button.setEnabled(not self.building and self.outcome is not None)
        for widget in (ui.offence, ui.period_from, ui.period_to, ui.defendants, ui.contents):
            widget.setEnabled(not self.building)

    # --- the contents --------------------------------------------------------------------
    def reload_contents(self) -> None:
        """Read again what a pack of this offence and period would hold (on a worker)."""
        self._timer.stop()
        self._contents_asked += 1
        asked = self._contents_asked
        self.contents_loaded = False
        self._update_buttons()
        if self.period_problem():
            self._show_refusal("")
            self.ui.status.setText("")
            return
        service, case_id = self._service, self.choices.case_id
        offence, (first, last) = self.offence(), self.period()
        defendants = self.defendant_ids()
        self.ui.status.setText("Reading what the pack would hold…")
        self._tasks.run(
            lambda: service.contents(
                case_id,
                offence=offence,
                period_from=first,
                period_to=last,
                defendant_ids=defendants,
            ),
            lambda found: self._show_contents(asked, found),
            lambda exc: self._contents_failed(asked, exc),
        )

    def _show_contents(self, asked: int, contents: list[PackContent]) -> None:
        if asked != self._contents_asked:
            return
        ui = self.ui
        ui.contents.blockSignals(True)
        ui.contents.clear()
        for content in contents:
            item = QListWidgetItem(content_text(content))
            item.setData(DataRole, content.key)
            if content.fixed:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Checked)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Unchecked
                    if content.key in self._unticked
                    else Qt.CheckState.Checked
                )
            ui.contents.addItem(item)
        ui.contents.blockSignals(False)
        self.contents_loaded = True
        self._show_refusal("")
        ui.status.setText(f"{len(contents)} documents, besides the index and the manifest.")
        self._update_buttons()

    def _contents_failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._contents_asked:
            return
        self.ui.contents.clear()
        self.ui.status.setText("")
        self._show_refusal(
            f"No pack can be built for this period: {exc}"
            if isinstance(exc, PackRefused)
            else f"The contents could not be read: {exc}"
        )
        self._update_buttons()

    def _show_refusal(self, text: str, places: tuple[str, ...] = ()) -> None:
        ui = self.ui
        ui.refusal.setText(text)
        ui.refusal.setVisible(bool(text))
        ui.places.clear()
        ui.places.addItems(list(places))
        ui.places.setVisible(bool(places))

    # --- building ------------------------------------------------------------------------
    def build(self) -> None:
        if not self.ui.build_button.isEnabled():
            return
        service, case_id = self._service, self.choices.case_id
        offence, (first, last) = self.offence(), self.period()
        defendants, exclude = self.defendant_ids(), self.excluded()
        self._cancel = cancel = threading.Event()
        relay = self._relay
        self.building = True
        self.outcome = None
        self._show_refusal("")
        ui = self.ui
        ui.progress.setValue(0)
        ui.progress.show()
        ui.progress_text.setText("Starting…")
        ui.status.setText("Building the pack: the window stays free meanwhile.")
        ui.preview.clear("Building the pack…")
        self._update_buttons()
        ui.stop_button.setFocus()
        self._tasks.run(
            lambda: build_in_memory(
                service,
                case_id,
                offence=offence,
                period_from=first,
                period_to=last,
                defendant_ids=defendants,
                exclude=exclude,
                progress=relay.progress.emit,
                cancelled=cancel.is_set,
            ),
            self._built,
            self._build_failed,
        )

    def cancel_build(self) -> None:
        if self.building:
            self._cancel.set()
            self.ui.progress_text.setText("Cancelling…")
            self.ui.stop_button.setEnabled(False)

    def _progress(self, step: Progress) -> None:
        if not self.building:
            return
        self.ui.progress.setValue(round(step.fraction * 1000))
        self.ui.progress_text.setText(step.message)

    def _finished(self) -> None:
        self.building = False
        self.ui.progress.hide()
        self.ui.progress_text.setText("")
        self._update_buttons()

    def _built(self, built: Built) -> None:
        self._finished()
        self.outcome = built
        info = built.info
        pages = self.ui.preview.show_pdf(built.pdf)
        self.ui.status.setText(
            f"Built {info.reference} (draft): {info.pages} pages; SHA-256 {info.sha256[:16]}…; "
            "kept on the case."
        )
        self.ui.preview.view.setAccessibleDescription(f"{pages} pages")
        self._update_buttons()
        self.built.emit(info)

    def _build_failed(self, exc: BaseException) -> None:
        self._finished()
        self.ui.preview.clear("The pack's pages are shown here once it is built.")
        if isinstance(exc, Cancelled):
            self.ui.status.setText("Cancelled: nothing was built and nothing was kept.")
        elif isinstance(exc, WithheldAddressInPack):
            count = len(exc.places)
            self.ui.status.setText("")
            self._show_refusal(
                f"Not built: a withheld address would show in {count} place"
                f"{'s' * (count != 1)}. Leave those documents out (untick them) or have the "
                "address taken out of them, then build again.",
                exc.places,
            )
        elif isinstance(exc, PackRefused):
            self.ui.status.setText("")
            self._show_refusal(f"Not built: {exc}")
        else:
            self.ui.status.setText("")
            self._show_refusal(f"The pack could not be built: {exc}")

    # --- saving --------------------------------------------------------------------------
    def save_as(self, target: str | None = None) -> None:
        """Save the built pack as FILE.pdf with FILE.manifest.json beside it."""
        if self.outcome is None:
            return
        info = self.outcome.info
        if target is None:
            suggested = f"{info.reference.replace('/', '-')} evidence pack.pdf"
            target, _filter = QFileDialog.getSaveFileName(
                self, "Save the evidence pack", suggested, "PDF files (*.pdf)"
            )
        if not target:
            return
        service, pack_id = self._service, info.id
        self.ui.status.setText("Saving…")
        self._tasks.run(
            lambda: service.save_copy(pack_id, Path(target)),
            self._saved,
            lambda exc: self.ui.status.setText(f"Not saved: {exc}"),
        )

    def _saved(self, path: Path) -> None:
        self.ui.status.setText(
            f"Saved {path.name} and {path.stem}.manifest.json beside it, in {path.parent}."
        )

    # --- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        self.cancel_build()  # a build under way stops at its next step and keeps nothing
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_build()
        super().closeEvent(event)
