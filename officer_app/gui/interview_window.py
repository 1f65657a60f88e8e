"""The record screen of an interview under caution (issue 12, points 2-4): built for an
officer at a kitchen table, offline, typing fast.

Three stages, one window:

1. **Opening**: "Start interview" stamps the start, then the opening checklist
   (``forms/interview_opening.yaml`` through :class:`FormWidget`, prefilled from the plan).
   Legal advice asked for means the interview does not go on: it is deferred, with a reason
   (PACE Code C 6.1, 11.2).
2. **Record** (:class:`~officer_app.gui.interview_record_page.RecordPage`): the events as a
   list, an input box and fast keys with their legend, the plan beside them.
3. **Closing** (Code C 11.11): read, disagreements as addenda, signatures, then the seal
   (:meth:`InterviewService.seal`), which names the exhibit (``DO/3``).

Every event is saved as soon as it is shown (``AUTOSAVE_EVENT_MS``), and words being typed
at most ``AUTOSAVE_TEXT_MS`` after they change (a killed process loses at most 5 s), on the
task runner's writes lane; the GUI thread never waits for the database. Reopening the window
resumes from the draft.

Times are stamped by :class:`~officer_app.domain.interview.StampClock` (wall time from the
service's clock, carried on a monotonic clock, never before the last event), injectable
through ``stamp_clock_factory`` for tests.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from officer_app.clock import uk_local
from officer_app.domain.interview import Event, EventKind, InterviewRecord, StampClock
from officer_app.forms import FormDefinition
from officer_app.gui.form_widget import FormWidget
from officer_app.gui.interview_header import InterviewHeader, elapsed_text, state_of
from officer_app.gui.interview_opening import OpeningPage, opening_prefill
from officer_app.gui.interview_prompts import Choice, PromptBar
from officer_app.gui.interview_record_page import RecordPage
from officer_app.gui.markup import plain_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.dto import EntryInfo
from officer_app.services.interviews import (
    InterviewInfo,
    InterviewInvalid,
    InterviewService,
    NotTheInterviewer,
    Progress,
    Sealed,
)

AUTOSAVE_TEXT_MS = 2000  # words typed reach the disk within this (plus the write): <= 5 s
AUTOSAVE_EVENT_MS = 200  # an event reaches the disk this soon after it is shown
StampClockFactory = Callable[[dt.datetime | None], StampClock]
PAGE_LOADING, PAGE_OPENING, PAGE_RECORD, PAGE_DONE = range(4)
STYLE = """
QLabel#interviewStatus[error="true"] { color: #842029; font-weight: bold; }
QLabel#interviewStatus { font-size: 11pt; }
QPushButton { font-size: 11pt; }
"""


@dataclass(frozen=True)
class _Loaded:
    info: InterviewInfo
    progress: Progress
    definition: FormDefinition
    opening_done: bool  # the saved checklist is complete and the interview may go on


class InterviewWindow(QWidget):
    """One interview, from its start to its sealed record (or its deferral)."""

    finished = Signal(object)  # Sealed, or the EntryInfo of a deferral
    loaded = Signal()
    saved = Signal(object)  # the time the draft was saved (for the header and for tests)

    def __init__(
        self,
        service: InterviewService,
        runner: TaskRunner,
        interview_id: str,
        *,
        stamp_clock_factory: StampClockFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._service = service
        self._runner = runner
        self.interview_id = interview_id
        self._clock_factory: StampClockFactory = stamp_clock_factory or (
            lambda floor: StampClock(service.now, time.monotonic, floor)
        )
        self.info: InterviewInfo | None = None
        self.opening: dict[str, Any] = {}
        self.form: FormWidget | None = None
        self._definition: FormDefinition | None = None
        self.sealed: Sealed | None = None
        self._live = False  # an interview in progress whose draft may be saved
        self._saving = False
        self._save_again = False
        self.setWindowTitle("Interview under caution")
        self.setStyleSheet(STYLE)
        self.resize(1360, 690)  # a 1366x728 laptop screen, its title bar included
        self.setMaximumHeight(698)

        self.header = InterviewHeader()
        self.prompt = PromptBar()
        self.prompt.closed.connect(self._prompt_closed)
        self.status = plain_label("")
        self.status.setObjectName("interviewStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What the record says")
        self.page = RecordPage(self.prompt, self._say)
        self.page.recorded.connect(self._recorded)
        self.page.typed.connect(self._typed)
        self.page.plan_panel.topics_changed.connect(self.save)
        self.page.closing.seal_requested.connect(self.seal)
        self.pages = QStackedWidget()
        self.pages.addWidget(plain_label("Opening the interview…"))
        self.opening_page = OpeningPage()
        self.start_button = self.opening_page.start_button
        self.start_button.clicked.connect(self.start)
        self.checklist_button = self.opening_page.checklist_button
        self.checklist_button.clicked.connect(self.checklist_done)
        self.opening_intro = self.opening_page.intro
        self.pages.addWidget(self.opening_page)
        self.pages.addWidget(self.page)
        self.done_message = plain_label("")
        self.done_message.setWordWrap(True)
        self.done_message.setProperty("role", "heading")
        self.pages.addWidget(self.done_message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.prompt)
        layout.addWidget(self.status)
        for keys, act in (
            (Qt.Key.Key_F5, lambda: self.page.record_words(EventKind.QUESTION)),
            (Qt.Key.Key_F6, lambda: self.page.record_words(EventKind.ANSWER)),
            (Qt.Key.Key_F4, lambda: self.page.record_words(EventKind.NOTE)),
            (Qt.Key.Key_F7, lambda: self.page.caution()),
            (Qt.Key.Key_F8, self.page.break_or_resume),
            (Qt.Key.Key_F9, self.page.plan_panel.put_selected),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(act)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(AUTOSAVE_TEXT_MS)
        self._text_timer.timeout.connect(self.save)
        self._event_timer = QTimer(self)
        self._event_timer.setSingleShot(True)
        self._event_timer.setInterval(AUTOSAVE_EVENT_MS)
        self._event_timer.timeout.connect(self.save)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_elapsed)
        runner.run(self._load_work, self._loaded, self._load_failed)

    @property
    def record(self) -> InterviewRecord:
        return self.page.record

    # ------------------------------------------------------------------------ loading
    def _load_work(self) -> _Loaded:
        service, interview_id = self._service, self.interview_id
        info = service.interview(interview_id)
        progress = service.progress(interview_id)
        definition = service.opening_form()
        done = len(progress.record.events) > 1
        if not done and progress.record.started and progress.opening:
            try:
                kept = service.check_opening(progress.opening)
            except InterviewInvalid:
                kept = {}
            done = bool(kept) and kept.get("legal_advice") != "requested"
        return _Loaded(info, progress, definition, done)

    def _load_failed(self, exc: BaseException) -> None:
        self._say(f"The interview could not be opened: {exc}", error=True)

    def _loaded(self, loaded: _Loaded) -> None:
        info, progress = loaded.info, loaded.progress
        self.info = info
        self._definition = loaded.definition
        self.header.show_info(info)
        self.page.plan_panel.set_plan(
            info.topics, progress.topics_covered, info.statements, info.documents
        )
        record = InterviewRecord(list(progress.record.events))
        self.page.set_record(record, self._clock_factory(record.last_at))
        self.opening = dict(progress.opening)
        if info.status in ("completed", "cancelled"):
            shown = f" as exhibit {info.exhibit}" if info.exhibit else ""
            self._done(f"This interview is {info.status}{shown}. Nothing more can be recorded.")
        elif info.status != "in_progress" or not record.started:
            self._show_opening(started=False)
            if info.status == "deferred":
                self._say(f"Deferred earlier: {info.status_reason}. It can start again now.")
        else:
            self._live = True
            if loaded.opening_done:
                self._show_record()
            else:
                self._show_opening(started=True)
            self.page.set_pending(progress.pending)
            if progress.saved_at is not None:
                entries = len(record.events)
                typed = ", and the words being typed," if progress.pending else ""
                self._say(
                    f"Resumed from the draft saved at {uk_local(progress.saved_at):%H:%M:%S}: "
                    f"{entries} entr{'y' if entries == 1 else 'ies'}{typed} restored."
                )
                self.header.show_saved(progress.saved_at)
        self._refresh()
        self.loaded.emit()

    # ------------------------------------------------------------------------ stages
    def _show_opening(self, *, started: bool) -> None:
        assert self.info is not None
        self.pages.setCurrentIndex(PAGE_OPENING)
        self.start_button.setVisible(not started)
        self.checklist_button.setVisible(started)
        if not started:
            info = self.info
            planned = (
                f"\n\nPlanned: {len(info.topics)} topics, {len(info.statements)} significant "
                f"statement(s) to put, {len(info.documents)} document(s) to show (each made an "
                "exhibit when the interview starts)."
            )
            warnings = planned + "".join(f"\n\nWarning: {w.message}" for w in info.warnings)
            self.opening_intro.setText(
                f"Interview with {self.info.interviewee_name} at {self.info.place}. When "
                "everyone is seated, start the interview: its start time is stamped. Then go "
                f"through the opening checklist with them, before any question.{warnings}"
            )
            self.start_button.setFocus()
            return
        self.opening_intro.setText(
            "Go through this with the person before any question about the offence "
            "(PACE Code C 3.21, 10.1), then press \u201cChecklist done\u201d."
        )
        if self.form is None:
            assert self._definition is not None
            answers = self.opening or opening_prefill(self.info)
            self.form = FormWidget(self._definition, answers=answers)
            self.form.changed.connect(self._checklist_edited)
            self.opening_page.holder.addWidget(self.form)
        self.form.setFocus()

    def _show_record(self) -> None:
        self.pages.setCurrentIndex(PAGE_RECORD)
        self.page.live = self._live
        self.page.show_stage()

    def _done(self, message: str) -> None:
        self.pages.setCurrentIndex(PAGE_DONE)
        self.done_message.setText(message)
        self._live = self.page.live = False

    # ------------------------------------------------------------------------ opening
    def start(self, *, take_over: bool = False) -> None:
        """Open the interview for recording (the plan's documents become exhibits, PACE
        Code E), then stamp its start. Planned for another officer: asks first whether this
        officer conducts it (and is recorded as the interviewer)."""
        self.start_button.setEnabled(False)
        self._say("Starting…")
        service, interview_id = self._service, self.interview_id
        self._runner.run(
            lambda: service.start(interview_id, take_over=take_over),
            self._started,
            self._start_failed,
            lane=WRITES,
        )

    def _started(self, info: InterviewInfo) -> None:
        self.info = info
        panel = self.page.plan_panel
        panel.set_plan(info.topics, panel.covered(), info.statements, info.documents)
        self._live = True
        self.start_button.setEnabled(True)
        if self.page.add(EventKind.START):
            self._say("Started. Go through the opening checklist.")
            self._show_opening(started=True)

    def _start_failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        if isinstance(exc, NotTheInterviewer):
            self.prompt.ask(
                f"{str(exc)[:1].upper()}{str(exc)[1:]}.",
                [
                    Choice(
                        "Conduct it myself",
                        lambda _w: self.start(take_over=True),
                        key="take_over",
                    )
                ],
            )
            return
        self._say(f"Not started: {exc}", error=True)

    def _checklist_edited(self) -> None:
        assert self.form is not None
        self.opening = self.form.answers()
        self._typed()

    def checklist_done(self) -> None:
        assert self.form is not None
        answers, service = self.form.answers(), self._service
        self._runner.run(
            lambda: service.check_opening(answers), self._checklist_ok, self._checklist_refused
        )

    def _checklist_refused(self, exc: BaseException) -> None:
        if self.form is not None and isinstance(exc, InterviewInvalid):
            now = self._service.now()
            self.form.validate(uk_local(now).date(), now=now)
        self._say(f"The checklist is not complete: {exc}", error=True)

    def _checklist_ok(self, kept: dict[str, Any]) -> None:
        self.opening = kept
        self.save()
        if kept.get("legal_advice") == "requested":
            self.prompt.ask(
                "They asked for free and independent legal advice: the interview does not "
                "go on (PACE Code C 6.1, 11.2). Defer it: what happened so far is signed into "
                "the case's chronology and the plan is kept, to start again after they have "
                "had advice.",
                [Choice("Defer the interview", self.defer, needs_words=True, key="defer")],
                words_label="Reason",
                words="The person asked for legal advice before the interview.",
            )
            return
        self._say("Checklist done. Caution the person (F7) before any question.")
        self._show_record()

    def defer(self, reason: str) -> None:
        service, interview_id = self._service, self.interview_id
        opening, record = dict(self.opening), InterviewRecord(list(self.record.events))
        self._stop_saving()
        self._runner.run(
            lambda: service.defer(interview_id, opening, record, reason),
            self._deferred,
            self._defer_failed,
            lane=WRITES,
        )

    def _deferred(self, entry: EntryInfo) -> None:
        self._done("The interview is deferred; what happened is in the case's chronology.")
        self.finished.emit(entry)
        self.close()

    def _defer_failed(self, exc: BaseException) -> None:
        self._live = True
        self._say(f"Not deferred: {exc}", error=True)

    # ------------------------------------------------------------------------ sealing
    def _stop_saving(self) -> None:
        """What is sent now (a seal, a deferral) carries the record: no save after it."""
        self._live = False
        self._text_timer.stop()
        self._event_timer.stop()

    def seal(self) -> None:
        self.page.closing.seal.setEnabled(False)
        self._say("Sealing the record…")
        service, interview_id = self._service, self.interview_id
        opening, record = dict(self.opening), InterviewRecord(list(self.record.events))
        covered = self.page.plan_panel.covered()
        self._stop_saving()
        self._runner.run(
            lambda: service.seal(interview_id, opening, record, covered),
            self._sealed,
            self._seal_failed,
            lane=WRITES,
        )

    def _sealed(self, sealed: Sealed) -> None:
        self.sealed = sealed
        self._live = self.page.live = False
        self._refresh()
        self._say(f"Sealed as exhibit {sealed.exhibit}, in the case's chronology.")
        self.finished.emit(sealed)

    def _seal_failed(self, exc: BaseException) -> None:
        self._live = True
        self._refresh()
        self._say(f"Not sealed: {exc}", error=True)

    # ------------------------------------------------------------------------ saving
    def _recorded(self, _event: Event) -> None:
        """An event is saved a moment after it is shown: the record is painted first, and a
        run of events (a caution and the question it let through) makes one save."""
        self._refresh()
        if not self._event_timer.isActive():
            self._event_timer.start()

    def _typed(self) -> None:
        if self._live and not self._text_timer.isActive():
            self._text_timer.start()

    def save(self, *, force: bool = False) -> None:
        """Save the draft now (on the writes lane); one save at a time, the latest after
        (``force``: queue it behind the one being written, as when the window closes)."""
        self._text_timer.stop()
        self._event_timer.stop()
        if not self._live:
            return
        if self._saving and not force:
            self._save_again = True
            return
        self._saving = True
        service, interview_id = self._service, self.interview_id
        opening, record = dict(self.opening), InterviewRecord(list(self.record.events))
        covered, pending = self.page.plan_panel.covered(), self.page.input.toPlainText()
        self._runner.run(
            lambda: service.save_progress(interview_id, opening, record, covered, pending=pending),
            self._saved,
            self._save_failed,
            lane=WRITES,
        )

    def _saved(self, at: dt.datetime) -> None:
        self._saving = False
        self.header.show_saved(at)
        self.saved.emit(at)
        if self._save_again:
            self._save_again = False
            self.save()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        if self._live:
            self.header.saved.setText(f"NOT saved: {exc}")

    # ------------------------------------------------------------------------ showing
    def _refresh(self) -> None:
        record, info = self.record, self.info
        self.header.state.setText(state_of(record, sealed=self.sealed is not None))
        self.page.keys["break"].setText("Resume (F8)" if record.in_break else "Break (F8)")
        self.page.plan_panel.mark(record.events)
        if info is not None:
            self.page.closing.refresh(
                record,
                interviewer=info.interviewer_name,
                second=info.second_officer_name if info.second_officer_id else "",
                sealed=self.sealed.exhibit if self.sealed else "",
            )
        self._show_elapsed()
        running = record.started and not record.ended
        if running and not self._tick.isActive():
            self._tick.start()
        elif not running:
            self._tick.stop()

    def _show_elapsed(self) -> None:
        clock = self.page.clock
        until = self.record.end or (clock.now() if clock is not None else None)
        self.header.elapsed.setText(elapsed_text(self.record.start, until))

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        self.status.setProperty("error", error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _prompt_closed(self) -> None:
        if self.pages.currentIndex() == PAGE_RECORD and not self.record.ended:
            self.page.input.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-interview keeps everything as a draft, the words being typed too."""
        if self._live:
            self.save(force=True)
        self._live = self.page.live = False
        self._text_timer.stop()
        self._event_timer.stop()
        self._tick.stop()
        super().closeEvent(event)
