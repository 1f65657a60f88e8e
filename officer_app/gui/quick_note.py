"""A case's quick note: typed, kept as a draft while typing goes on, signed with Ctrl+Enter."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officer_app.clock import uk_local
from officer_app.domain.chronology import EntryType
from officer_app.gui.case_labels import case_label
from officer_app.gui.entry_dialogs import from_qdatetime, qdatetime
from officer_app.gui.markup import plain_label
from officer_app.gui.task_runner import WRITES, TaskRunner
from officer_app.services.case_file import CaseFileService
from officer_app.services.dto import DraftInfo
from officer_app.wording import short_date

NOTE_TYPES = [
    EntryType.NOTE,
    EntryType.PHONE_CALL,
    EntryType.HOME_VISIT,
    EntryType.SCHOOL_VISIT,
    EntryType.MEETING,
    EntryType.EMAIL,
    EntryType.LETTER,
]
AUTOSAVE_QUIET_MS = 2000  # after typing stops
AUTOSAVE_MAX_S = 5.0  # at most this long between saves while typing goes on
FOLLOW_NOW_MS = 20_000  # how often the time it happened moves on with the clock, until edited


class QuickNote(QFrame):
    """The note card at the foot of a case tab. Drafts and signing run on the writes lane."""

    signed = Signal()  # a note (after_sign) or an amendment (after_amend) was signed

    def __init__(
        self,
        case_id: str,
        service: CaseFileService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.case_id = case_id
        self._service = service
        self._runner = runner
        self._dirty = False
        self._last_save = 0.0
        self._closing = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_QUIET_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.note_type = QComboBox()
        self.note_type.setAccessibleName("Type of note")
        for kind in NOTE_TYPES:
            self.note_type.addItem(kind.label, kind.value)
        # When the event happened: "now" (moving on with the clock) until the officer edits it;
        # kept in the draft and given to the signature (issue 11 point 6).
        self.happened = QDateTimeEdit()
        self.happened.setAccessibleName("When it happened")
        self.happened.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.happened.setCalendarPopup(True)
        self.happened.setToolTip(
            "When the event happened (now, unless you change it); the entry shows this time "
            "and the time it was signed"
        )
        self.time_edited = False
        self._follow = QTimer(self)
        self._follow.setInterval(FOLLOW_NOW_MS)
        self._follow.timeout.connect(self._follow_now)
        self._follow_now()
        self._follow.start()
        self.note_title = QLineEdit()
        self.note_title.setAccessibleName("Note title")
        self.note_title.setPlaceholderText("Title (optional)")
        self.note_text = QPlainTextEdit()
        self.note_text.setAccessibleName("Quick note")
        self.note_text.setPlaceholderText(
            "Write what happened while it is fresh. The draft is kept as you type; "
            "Ctrl+Enter signs it into the chronology."
        )
        self.note_text.setFixedHeight(66)
        self.note_status = case_label("", "muted")
        self.note_status.setAccessibleName("Draft status")
        self.sign_button = QPushButton("Sign note")
        self.sign_button.setProperty("primary", True)
        self.sign_button.setAccessibleName("Sign note")
        self.sign_button.setToolTip("Sign the note into the evidence chain (Ctrl+Enter)")
        self.sign_button.clicked.connect(self.sign_note)
        note_row = QHBoxLayout()
        note_row.addWidget(case_label("Quick note", "section"))
        note_row.addWidget(self.note_type)
        note_row.addWidget(plain_label("Happened"))
        note_row.addWidget(self.happened)
        note_row.addStretch(1)
        # the title on its own line: in the side column's ~400 px it was squeezed to "T…"
        note_foot = QHBoxLayout()
        note_foot.addWidget(self.note_status, 1)
        note_foot.addWidget(self.sign_button)
        note_layout = QVBoxLayout(self)
        note_layout.setContentsMargins(10, 6, 10, 8)
        note_layout.addLayout(note_row)
        note_layout.addWidget(self.note_title)
        note_layout.addWidget(self.note_text)
        note_layout.addLayout(note_foot)
        for widget in (self.note_text, self.note_title):
            widget.installEventFilter(self)
        self.note_text.textChanged.connect(self._typed)
        self.note_title.textEdited.connect(self._typed)
        self.note_type.currentIndexChanged.connect(self._typed)
        self.happened.dateTimeChanged.connect(self._time_changed)

    @property
    def service(self) -> CaseFileService:
        return self._service

    @property
    def runner(self) -> TaskRunner:
        return self._runner

    def focus(self) -> None:
        self.note_text.setFocus()

    def _follow_now(self) -> None:
        if self.time_edited:
            return
        self.happened.blockSignals(True)
        self.happened.setDateTime(qdatetime(self._service.now()))
        self.happened.blockSignals(False)

    def _time_changed(self) -> None:
        self.time_edited = True
        self._typed()

    def occurred_at(self) -> dt.datetime | None:
        """When the officer says it happened, or None while the field follows "now"."""
        return from_qdatetime(self.happened.dateTime()) if self.time_edited else None

    def _set_time(self, moment: dt.datetime | None) -> None:
        """Show ``moment`` as edited, or go back to following "now" (None)."""
        self.time_edited = moment is not None
        if moment is None:
            self._follow_now()
            return
        self.happened.blockSignals(True)
        self.happened.setDateTime(qdatetime(moment))
        self.happened.blockSignals(False)

    def _typed(self) -> None:
        self._dirty = True
        self.note_status.setText("Typing…")
        if time.monotonic() - self._last_save >= AUTOSAVE_MAX_S and self._last_save:
            self.save_draft()
        else:
            if not self._last_save:
                self._last_save = time.monotonic()
            self._autosave.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self.save_draft()
        return False

    def save_draft(self) -> None:
        """Keep what is typed (typing never waits for the disk). Saves run on the runner's
        writes lane, so they commit in the order they were typed: never an older draft last."""
        self._autosave.stop()
        if not self._dirty:
            return
        self._dirty = False
        self._last_save = time.monotonic()
        service, case_id = self._service, self.case_id
        body = self.note_text.toPlainText()
        title = self.note_title.text()
        if not body.strip() and not title.strip():
            self._runner.run(lambda: service.discard_draft(case_id), lane=WRITES)
            self.note_status.setText("")
            return
        entry_type = str(self.note_type.currentData())
        when = self.occurred_at()
        self._runner.run(
            lambda: service.save_draft(
                case_id, body, title=title, entry_type=entry_type, occurred_at=when
            ),
            self._draft_saved,
            self._draft_failed,
            lane=WRITES,
        )

    def _draft_saved(self, draft: DraftInfo) -> None:
        if not self._closing:
            self.note_status.setText(f"Draft saved {uk_local(draft.updated_at):%H:%M:%S}")

    def _draft_failed(self, exc: BaseException) -> None:
        self._dirty = True
        if self._closing:
            return
        self.note_status.setText(f"Draft NOT saved: {exc}. Keep this tab open and try again.")

    def restore(self, draft: DraftInfo) -> None:
        """Put back the draft kept when the case was last open, without saving it again."""
        index = self.note_type.findData(draft.entry_type)
        self.note_type.blockSignals(True)
        self.note_text.blockSignals(True)
        self.note_title.blockSignals(True)
        self.note_type.setCurrentIndex(max(index, 0))
        self.note_title.setText(draft.title)
        self.note_text.setPlainText(draft.body)
        for widget in (self.note_type, self.note_text, self.note_title):
            widget.blockSignals(False)
        self._set_time(draft.occurred_at)
        saved = uk_local(draft.updated_at)
        self.note_status.setText(f"Draft restored from {short_date(saved.date())} {saved:%H:%M:%S}")

    def sign_note(self) -> None:
        body = self.note_text.toPlainText()
        if not body.strip():
            self.note_status.setText("Write the note before signing it.")
            return
        self._autosave.stop()
        self.sign_button.setEnabled(False)
        service, case_id = self._service, self.case_id
        title, entry_type = self.note_title.text(), str(self.note_type.currentData())
        when = self.occurred_at()
        self._runner.run(
            lambda: service.sign_note(
                case_id, body, title=title, entry_type=entry_type, occurred_at=when
            ),
            lambda _e: self.after_sign("Note signed."),
            self.sign_failed,
            lane=WRITES,
        )

    def after_sign(self, message: str) -> None:
        """Something was signed: the note is cleared, ``message`` shown, ``signed`` emitted."""
        if self._closing:
            return
        self._dirty = False
        self.sign_button.setEnabled(True)
        self.note_text.blockSignals(True)
        self.note_title.blockSignals(True)
        self.note_text.clear()
        self.note_title.clear()
        self.note_text.blockSignals(False)
        self.note_title.blockSignals(False)
        self._set_time(None)
        self.note_status.setText(message)
        self.signed.emit()

    def after_change(self, message: str) -> None:
        """Something else on the case was signed (an amendment, an unsigned entry finished or
        discarded): ``message`` shown, ``signed`` emitted; the note being typed stays."""
        self.after_amend(message)

    def after_amend(self, message: str) -> None:
        """An amendment was signed: ``message`` shown, ``signed`` emitted; the note the officer
        may be half-way through is theirs, unsigned, and stays (with its draft)."""
        if self._closing:
            return
        self.note_status.setText(message)
        self.signed.emit()

    def sign_failed(self, exc: BaseException, doing: str = "Not signed") -> None:
        if self._closing:
            return
        self.sign_button.setEnabled(True)
        self.note_status.setText(f"{doing}: {exc}")

    def close_note(self) -> None:
        """Save any typing; show nothing more (the tab is going away)."""
        self.save_draft()
        self._follow.stop()
        self._closing = True
