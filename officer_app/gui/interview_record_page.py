"""The record page of the interview window: the events as they are recorded, the box the
officer types into, the fast keys, and beside them the plan (then the closing).

Every event goes through :meth:`RecordPage.add`: stamped by the stamp clock, checked by the
domain (``InterviewRecord.add``: caution before questions, PACE Code C 10.1; a reminder or
the caution again after a break, Code C 10.8; the closing after the end, Code C 11.11;
times only going forward), shown, and announced (``recorded``) for the window to save. What
the record refuses is said in the window's words; a question before the caution is offered
the caution, or recorded with the reason it must come first (kept on the question).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from officer_app.domain.interview import (
    CAUTION,
    REMINDER,
    CautionRequired,
    Event,
    EventKind,
    InterviewRecord,
    InterviewRefused,
    StampClock,
)
from officer_app.gui.interview_model import InterviewEventsModel, RecordView
from officer_app.gui.interview_panels import (
    SIDE_WIDTH,
    ClosingPanel,
    PlanPanel,
    caution_prompt_text,
)
from officer_app.gui.interview_prompts import Choice, PromptBar
from officer_app.gui.markup import no_accelerator, plain_label
from officer_app.services.interview_rows import PlannedDocument, PlannedStatement

RECORD_FONT_PT = 12
INPUT_FONT_PT = 13
LEGEND = (
    "F5 question · F6 answer · Ctrl+Enter the next one (the answer after a question) · "
    "F4 note · F7 caution · F8 break / resume · F9 put the selected statement · "
    "Esc puts a question on the screen away"
)
Say = Callable[..., None]  # say(message, error=False)


class RecordPage(QSplitter):
    """The record being made. ``live`` while events may be recorded from the keys."""

    recorded = Signal(object)  # the Event just added
    typed = Signal()  # the words in the box changed

    def __init__(self, prompt: PromptBar, say: Say, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.prompt = prompt
        self._say = say
        self.record = InterviewRecord()
        self.clock: StampClock | None = None
        self.live = False
        self.model = InterviewEventsModel(self)
        self.view = RecordView(self.model)
        self.view.setAccessibleName("The record of the interview")
        font = QFont(self.font())
        font.setPointSize(RECORD_FONT_PT)
        self.view.setFont(font)
        self.input = QPlainTextEdit()
        self.input.setAccessibleName("Words to record")
        self.input.setPlaceholderText(
            "Type the question or the answer here, then F5 (question) or F6 (answer)"
        )
        font = QFont(self.font())
        font.setPointSize(INPUT_FONT_PT)
        self.input.setFont(font)
        self.input.setFixedHeight(96)
        self.input.setTabChangesFocus(True)
        self.input.textChanged.connect(self.typed.emit)
        self.input.installEventFilter(self)
        self.keys: dict[str, QPushButton] = {}
        keys_row = QHBoxLayout()
        for key, text, act in (
            ("question", "Question (F5)", lambda: self.record_words(EventKind.QUESTION)),
            ("answer", "Answer (F6)", lambda: self.record_words(EventKind.ANSWER)),
            ("note", "Note (F4)", lambda: self.record_words(EventKind.NOTE)),
            ("caution", "Caution (F7)", lambda: self.caution()),
            ("break", "Break (F8)", self.break_or_resume),
            ("end", "End interview…", self.end_interview),
        ):
            button = QPushButton(no_accelerator(text))
            button.setObjectName(key)
            button.setAccessibleName(text)
            button.clicked.connect(act)
            keys_row.addWidget(button)
            self.keys[key] = button
        keys_row.insertStretch(5, 1)
        self.legend = plain_label(LEGEND)
        self.legend.setWordWrap(True)
        self.legend.setProperty("role", "muted")
        self.legend.setAccessibleName("Keys")
        self.writing = QWidget()
        writing = QVBoxLayout(self.writing)
        writing.setContentsMargins(0, 0, 0, 0)
        writing.addWidget(self.input)
        writing.addLayout(keys_row)
        writing.addWidget(self.legend)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        column.addWidget(self.writing)

        self.plan_panel = PlanPanel()
        self.plan_panel.put_requested.connect(self.put_statement)
        self.plan_panel.show_requested.connect(self.show_document)
        self.closing = ClosingPanel(self.add)
        self.side = QStackedWidget()
        self.side.addWidget(self.plan_panel)
        self.side.addWidget(self.closing)
        self.side.setMinimumWidth(SIDE_WIDTH - 60)
        self.addWidget(left)
        self.addWidget(self.side)
        self.setStretchFactor(0, 1)
        self.setSizes([1360 - SIDE_WIDTH, SIDE_WIDTH])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the input box records the next question or answer."""
        if watched is self.input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.record_next()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------------ state
    def set_record(self, record: InterviewRecord, clock: StampClock) -> None:
        self.record = record
        self.clock = clock
        self.model.set_events(record.events)

    def set_pending(self, text: str) -> None:
        """Words typed before the window closed, back in the box (no save for them)."""
        self.input.blockSignals(True)
        self.input.setPlainText(text)
        self.input.blockSignals(False)

    def show_stage(self) -> None:
        """The plan and the box while the interview runs; the closing once it has ended."""
        ended = self.record.ended
        self.writing.setVisible(not ended)
        self.side.setCurrentWidget(self.closing if ended else self.plan_panel)
        self.view.scroll_to_end()
        if ended:
            self.closing.setFocus()
        else:
            self.input.setFocus()

    @property
    def _recording(self) -> bool:
        return self.live and self.clock is not None and not self.record.ended

    # ------------------------------------------------------------------------ recording
    def add(
        self, kind: EventKind, *, at: dt.datetime | None = None, clear: bool = False, **fields: Any
    ) -> bool:
        """Stamp an event and add it to the record; say why if the record refuses it. With
        ``at`` (the moment a key was pressed, before a prompt was answered) the event keeps
        that time, or the last event's if something was recorded in between."""
        assert self.clock is not None
        moment = self.clock.now()
        if at is not None:
            last = self.record.last_at
            moment = at if last is None or at >= last else last
        event = Event(kind, moment, **fields)
        try:
            self.record.add(event)
        except CautionRequired as exc:
            self._caution_required(kind, clear, fields, str(exc))
            return False
        except InterviewRefused as exc:
            self._say(str(exc), error=True)
            return False
        self.clock.raise_floor(event.at)
        self.model.append(event)
        if clear:
            self.set_pending("")
        self._say("")
        self.recorded.emit(event)
        if kind is EventKind.END:
            self.show_stage()
        return True

    def record_words(self, kind: EventKind) -> None:
        """The words in the box as a question, an answer or a note."""
        if not self._recording:
            return
        words = self.input.toPlainText().strip()
        if not words:
            self._say(f"Type the {kind.name.lower()} first, then record it.", error=True)
            self.input.setFocus()
            return
        self.add(kind, text=words, clear=True)

    def record_next(self) -> None:
        """The answer after a question; a question otherwise."""
        asked = (EventKind.QUESTION, EventKind.ANSWER)
        last = next((e.kind for e in reversed(self.record.events) if e.kind in asked), None)
        self.record_words(EventKind.ANSWER if last is EventKind.QUESTION else EventKind.QUESTION)

    def _caution_required(
        self, kind: EventKind, clear: bool, fields: dict[str, Any], message: str
    ) -> None:
        """Offer the caution (then record what was asked for), or record it with a reason."""

        def again(reason: str = "") -> None:
            self.add(kind, clear=clear, **{**fields, "reason": reason or fields.get("reason", "")})

        def remind(_words: str) -> None:
            if self.add(EventKind.REMINDER, text=REMINDER):
                again()

        choices = [
            Choice(
                "Give the caution now (F7)",
                lambda _words: self.caution(then=again),
                key="caution_now",
            ),
            Choice("Record it with this reason", again, needs_words=True, key="with_reason"),
        ]
        if self.record.cautioned:  # after a break: a reminder is enough (Code C 10.8)
            choices.insert(0, Choice(f"Reminded: \u201c{REMINDER}\u201d", remind, key="reminder"))
        self.prompt.ask(message, choices, words_label="Why it must come first")

    def caution(self, then: Callable[[], None] | None = None) -> None:
        """The caution in its exact words (Code C 10.5), stamped when F7 was pressed, and
        whether the person said they understood, in their words."""
        if not self._recording:
            return
        assert self.clock is not None
        at = self.clock.now()

        def give(understood: bool, words: str) -> None:
            given = self.add(
                EventKind.CAUTION, at=at, text=CAUTION, flag=understood, response=words
            )
            if given and then is not None:
                then()

        self.prompt.ask(
            caution_prompt_text(),
            [
                Choice("They said they understood", lambda w: give(True, w), key="understood"),
                Choice(
                    "They did not say they understood",
                    lambda w: give(False, w),
                    key="not_understood",
                ),
            ],
            words_label="Their words (optional)",
        )

    def break_or_resume(self) -> None:
        """A break (stamped when F8 was pressed, with its reason), or its end, then the
        reminder of the caution or the caution again (Code C 10.8)."""
        if not self._recording:
            return
        assert self.clock is not None
        if self.record.in_break:
            if self.add(EventKind.BREAK_END):
                self.prompt.ask(
                    "The interview has resumed. Before any question, tell the person they "
                    "remain under caution, or give the caution again in full if there is any "
                    "doubt (PACE Code C 10.8).",
                    [
                        Choice(
                            f"Reminded: \u201c{REMINDER}\u201d",
                            lambda _w: self._remind(),
                            key="reminder",
                        ),
                        Choice(
                            "Caution again in full (F7)", lambda _w: self.caution(), key="recaution"
                        ),
                    ],
                )
            return
        at = self.clock.now()
        self.prompt.ask(
            "Break: why is the interview stopping? (It stops at the time F8 was pressed.)",
            [
                Choice(
                    "Start the break",
                    lambda reason: self._break(at, reason),
                    needs_words=True,
                    key="break",
                )
            ],
            words_label="Reason",
        )

    def _break(self, at: dt.datetime, reason: str) -> None:
        self.add(EventKind.BREAK_START, at=at, reason=reason)

    def _remind(self) -> None:
        self.add(EventKind.REMINDER, text=REMINDER)

    def put_statement(self, statement: PlannedStatement) -> None:
        """Put a significant statement and record the reply (Code C 11.4)."""
        if not self._recording:
            return
        assert self.clock is not None
        at = self.clock.now()

        def reply(words: str) -> None:
            self.add(
                EventKind.STATEMENT,
                at=at,
                text=statement.text,
                response=words,
                ref=statement.source_entry_id,
            )

        self.prompt.ask(
            f"Put to them (PACE Code C 11.4): \u201c{statement.text}\u201d Do they confirm or "
            "deny it, and do they want to add anything?",
            [Choice("Record their reply", reply, needs_words=True, key="reply")],
            words_label="Their reply",
        )

    def show_document(self, document: PlannedDocument) -> None:
        if self._recording:
            self.add(EventKind.EXHIBIT, text=document.title, ref=document.exhibit)

    def end_interview(self) -> None:
        if not self._recording:
            return
        if self.input.toPlainText().strip():
            self._say(
                "The box still holds words not recorded: record them (F5, F6 or F4) or clear "
                "them before ending the interview.",
                error=True,
            )
            return
        self.prompt.ask(
            "End the interview now? The end time is stamped; after it only the reading of "
            "the record, disagreements and signatures can follow.",
            [Choice("End the interview", lambda _w: self._end(), key="end")],
        )

    def _end(self) -> None:
        if self.add(EventKind.END):
            self._say("Ended. Invite the person to read the record.")
