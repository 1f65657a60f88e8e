"""The interview record screen driven through its widgets (issue 12, points 2-4): a complete
interview from the start to the sealed record; no question before the caution unless a
reason is recorded; an interview past midnight; resuming a window closed mid-interview;
legal advice asked for defers it.

The times come from a stamp clock whose monotonic clock the test moves on (``Ticking``), so
an interview of an hour runs in a second and its record reads as it would at the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from officer_app.domain.interview import CAUTION, EventKind, StampClock
from officer_app.gui.interview_window import PAGE_OPENING, PAGE_RECORD, InterviewWindow
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.interview_rows import PlannedDocument, PlannedStatement
from officer_app.services.interviews import InterviewInfo, Sealed
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, Case, Child

STATEMENT = "He's not going back to that school and there is nothing you can do about it."
MORNING = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)  # GMT: UK time is UTC


class Ticking:
    """A wall clock read once and a monotonic clock the test moves on."""

    def __init__(self, wall: dt.datetime) -> None:
        self.wall = wall
        self.t = 1000.0

    def monotonic(self) -> float:
        return self.t

    def now(self) -> dt.datetime:
        return self.wall + dt.timedelta(seconds=self.t - 1000.0)

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.t += minutes * 60 + seconds

    def factory(self, floor: dt.datetime | None) -> StampClock:
        return StampClock(self.now, self.monotonic, floor)


@pytest.fixture()
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait_idle()


def _plan(profile: OpenProfile, *, second: bool = True) -> InterviewInfo:
    def work(session: Any) -> str:
        for case in session.scalars(select(Case).order_by(Case.reference)):
            child = session.get(Child, case.child_id)
            adult = session.scalar(
                select(Adult).where(
                    Adult.family_id == child.family_id, Adult.parental_responsibility.is_(True)
                )
            )
            if adult is not None:
                return str(case.id)
        raise AssertionError("no case with a parent")

    case_id = profile.store.read(work)
    service = profile.interviews
    others = service.officers()
    plan = replace(
        service.default_plan(case_id),
        place="Civic Centre, Northam",
        documents=(PlannedDocument("Register extract, autumn term"),),
        statements=(PlannedStatement(STATEMENT, "2026-11-12 09:40"),),
        second_officer_id=others[0][0] if second and others else None,
    )
    return service.plan(case_id, plan)


def _open(
    qtbot: QtBot, profile: OpenProfile, runner: TaskRunner, interview_id: str, clock: Ticking
) -> InterviewWindow:
    window = InterviewWindow(
        profile.interviews, runner, interview_id, stamp_clock_factory=clock.factory
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.info is not None, timeout=10_000)
    return window


def _start_and_check(qtbot: QtBot, window: InterviewWindow, *, legal: str = "declined") -> None:
    assert window.pages.currentIndex() == PAGE_OPENING
    QTest.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None, timeout=10_000)
    form = window.form
    assert form is not None
    # prefilled from the plan
    assert form.answers()["place_kind"] == "office"
    assert form.answers()["recording"] == "written"
    assert form.answers()["interpreter_present"] is False
    for key in (
        "identities_confirmed",
        "told_not_under_arrest",
        "told_free_to_leave",
        "told_legal_advice",
    ):
        form.editor(key).buttons[True].click()  # type: ignore[attr-defined]
    form.editor("legal_advice").buttons[legal].click()  # type: ignore[attr-defined]
    window.checklist_button.click()


def _to_record(qtbot: QtBot, window: InterviewWindow) -> None:
    _start_and_check(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == PAGE_RECORD, timeout=10_000)


def _type(
    qtbot: QtBot,
    window: InterviewWindow,
    words: str,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    box = window.page.input
    box.setFocus()
    QTest.keyClicks(box, words)
    QTest.keyClick(box, key, modifier)


def _kinds(window: InterviewWindow) -> list[str]:
    return [e.kind.value for e in window.record.events]


def test_a_complete_interview_through_the_widgets(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    info = _plan(demo_profile)
    clock = Ticking(MORNING)
    window = _open(qtbot, demo_profile, runner, info.id, clock)
    assert window.header.state.text() == "Not started"
    assert "Planned: 6 topics, 1 significant statement(s)" in window.opening_intro.text()
    # a 1366x768 laptop less its taskbar (1366x728), a title bar of 30 px included
    assert window.width() <= 1366 and window.height() + 30 <= 728
    assert window.minimumSizeHint().height() + 30 <= 728
    _to_record(qtbot, window)
    assert window.header.state.text() == "Not cautioned yet"

    # a question first: refused, and offered the caution
    clock.advance(minutes=2)
    _type(qtbot, window, "Do you know why we are here today?", Qt.Key.Key_F5)
    assert window.prompt.asking and "no caution has been given" in window.prompt.message.text()
    assert _kinds(window) == ["start"]
    window.prompt.choose("with_reason")  # without a reason: refused, still asking
    assert window.prompt.asking and window.prompt.error.isVisibleTo(window.prompt)
    assert _kinds(window) == ["start"]
    window.prompt.choose("caution_now")
    assert CAUTION in window.prompt.message.text()
    assert window.minimumSizeHint().height() + 30 <= 728  # the tallest prompt still fits
    window.prompt.words.setText("Yes, I understand.")
    window.prompt.choose("understood")
    assert _kinds(window) == ["start", "caution", "question"]
    assert window.page.input.toPlainText() == ""
    assert window.header.state.text() == "Cautioned"

    clock.advance(minutes=1)
    _type(qtbot, window, "Because Amy has missed school.", Qt.Key.Key_F6)
    clock.advance(minutes=1)
    _type(
        qtbot,
        window,
        "Why was she absent on 3 October?",
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier,
    )
    clock.advance(seconds=40)
    _type(qtbot, window, "She was ill.", Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _kinds(window)[-4:] == ["question", "answer", "question", "answer"]
    topics = window.page.plan_panel.topics
    topics.item(1).setCheckState(Qt.CheckState.Checked)  # sickness

    # a document shown, a significant statement put (its reply typed, Enter)
    clock.advance(minutes=1)
    window.page.plan_panel.documents.setCurrentRow(0)
    window.page.plan_panel.show_button.click()
    clock.advance(minutes=1)
    QTest.keyClick(window.page.input, Qt.Key.Key_F9)
    assert window.prompt.asking and STATEMENT in window.prompt.message.text()
    QTest.keyClicks(window.prompt.words, "I was angry. I didn't mean it.")
    QTest.keyClick(window.prompt.words, Qt.Key.Key_Return)
    assert _kinds(window)[-2:] == ["exhibit", "statement"]
    assert "✔ put at 10:06" in window.page.plan_panel.statements.item(0).text()

    # a break, and a full caution again after it
    clock.advance(minutes=3)
    QTest.keyClick(window.page.input, Qt.Key.Key_F8)
    clock.advance(seconds=20)  # the reason typed: the break began when F8 was pressed
    QTest.keyClicks(window.prompt.words, "The person asked for a glass of water")
    window.prompt.choose("break")
    assert window.header.state.text() == "In a break"
    _type(qtbot, window, "Shall we go on?", Qt.Key.Key_F5)
    assert "in a break" in window.status.text()
    window.page.input.clear()
    clock.advance(minutes=10)
    QTest.keyClick(window.page.input, Qt.Key.Key_F8)
    assert window.prompt.asking and "Code C 10.8" in window.prompt.message.text()
    window.prompt.choose("recaution")
    window.prompt.choose("understood")
    assert _kinds(window)[-3:] == ["break_start", "break_end", "caution"]
    clock.advance(minutes=1)
    _type(qtbot, window, "Did the school offer help?", Qt.Key.Key_F5)
    clock.advance(minutes=1)
    _type(qtbot, window, "No comment.", Qt.Key.Key_F6)

    # the end, then the closing
    clock.advance(minutes=1)
    window.page.keys["end"].click()
    window.prompt.choose("end")
    assert window.page.side.currentWidget() is window.page.closing
    assert window.page.writing.isHidden()
    closing = window.page.closing
    assert not closing.seal.isEnabled()
    clock.advance(minutes=5)
    closing.read_self.click()
    closing.addendum.setPlainText("I did not say she was ill every day.")
    closing.add_addendum.click()
    closing.words.setText("I'm not signing anything without my solicitor.")
    closing.refused.click()
    assert not closing.add_addendum.isEnabled()  # an addendum only before they sign
    closing.interviewer.click()
    assert not closing.seal.isEnabled()
    closing.second.click()
    assert closing.seal.isEnabled()
    with qtbot.waitSignal(window.finished, timeout=10_000) as done:
        closing.seal.click()
    sealed = done.args[0]
    assert isinstance(sealed, Sealed)
    assert sealed.exhibit == "DO/2"  # the register extract is DO/1
    assert closing.result.text() == "Sealed as exhibit DO/2"
    assert window.header.state.text() == "Sealed"

    answers = sealed.entry.answers
    assert answers is not None and answers["kind"] == "interview_record"
    kinds = [e["kind"] for e in answers["events"]]
    assert kinds == [
        "start",
        "caution",
        "question",
        "answer",
        "question",
        "answer",
        "exhibit",
        "statement",
        "break_start",
        "break_end",
        "caution",
        "question",
        "answer",
        "end",
        "read",
        "addendum",
        "signature",
        "signature",
        "signature",
    ]
    times = [dt.datetime.fromisoformat(e["at"]) for e in answers["events"]]
    assert times == sorted(times)
    assert answers["events"][2]["text"] == "Do you know why we are here today?"
    assert "reason" not in answers["events"][2]  # asked after the caution, as it turned out
    assert answers["events"][8]["reason"] == "The person asked for a glass of water"
    assert answers["events"][16] == {
        "kind": "signature",
        "at": answers["events"][16]["at"],
        "by": "interviewee",
        "flag": False,
        "text": "I'm not signing anything without my solicitor.",
    }
    assert [t["key"] for t in answers["topics"] if t["covered"]] == ["sickness"]
    body = sealed.entry.body.splitlines()
    expected = [
        "10:00 Interview started",
        f'10:02 Cautioned: "{CAUTION}" The person said they understood. Reply: Yes, I understand.',
        "10:02 Q: Do you know why we are here today?",
        "10:03 A: Because Amy has missed school.",
        "10:04 Q: Why was she absent on 3 October?",
        "10:04 A: She was ill.",
        "10:05 Shown exhibit DO/1: Register extract, autumn term",
        f'10:06 Significant statement put: "{STATEMENT}" Reply: I was angry. I didn\'t mean it.',
        "10:09 Break: The person asked for a glass of water",
        "10:20 Interview resumed.",
        "10:21 Q: Did the school offer help?",
        "10:22 A: No comment.",
        "10:23 Interview ended",
        "10:28 Invited to read the record: read the record.",
        "10:28 Disagreement recorded (addendum): I did not say she was ill every day.",
        "10:28 Person interviewed refused to sign. They said: I'm not signing anything "
        "without my solicitor.",
    ]
    for line in expected:
        assert line in body, (line, body)
    found = [body.index(line) for line in expected]
    assert found == sorted(found)
    assert demo_profile.interviews.interview(info.id).status == "completed"


def test_no_question_before_the_caution_without_a_reason(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    info = _plan(demo_profile, second=False)
    clock = Ticking(MORNING)
    window = _open(qtbot, demo_profile, runner, info.id, clock)
    _to_record(qtbot, window)
    _type(qtbot, window, "Is this your signature on the letter?", Qt.Key.Key_F5)
    assert window.prompt.asking
    window.prompt.dismiss()  # put away: nothing recorded, the words kept
    assert _kinds(window) == ["start"]
    assert window.page.input.toPlainText() == "Is this your signature on the letter?"
    QTest.keyClick(window.page.input, Qt.Key.Key_F5)
    QTest.keyClicks(window.prompt.words, "To confirm who signed the consent form")
    window.prompt.choose("with_reason")
    question = window.record.events[-1]
    assert question.kind is EventKind.QUESTION
    assert question.reason == "To confirm who signed the consent form"
    line = window.page.model.index(1, 0).data()
    assert "[asked before the caution because: To confirm who signed" in line

    # after a break, no question until they are reminded (or cautioned again)
    QTest.keyClick(window.page.input, Qt.Key.Key_F7)
    window.prompt.choose("understood")
    QTest.keyClick(window.page.input, Qt.Key.Key_F8)
    QTest.keyClicks(window.prompt.words, "Phone call")
    window.prompt.choose("break")
    QTest.keyClick(window.page.input, Qt.Key.Key_F8)
    window.prompt.dismiss()  # the reminder put off
    _type(qtbot, window, "Where were we?", Qt.Key.Key_F5)
    assert "remain under caution" in window.prompt.message.text()
    assert _kinds(window)[-1] == "break_end"
    window.prompt.choose("reminder")  # the reminder, then the question
    assert _kinds(window)[-2:] == ["reminder", "question"]
    assert window.record.events[-1].text == "Where were we?"
    assert window.record.events[-1].reason == ""


def test_an_interview_past_midnight_stays_in_order(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    info = _plan(demo_profile, second=False)
    clock = Ticking(dt.datetime(2026, 11, 20, 23, 50, tzinfo=dt.UTC))
    window = _open(qtbot, demo_profile, runner, info.id, clock)
    _to_record(qtbot, window)
    QTest.keyClick(window.page.input, Qt.Key.Key_F7)
    window.prompt.choose("understood")
    clock.advance(minutes=6)
    _type(qtbot, window, "What time did Amy go to bed?", Qt.Key.Key_F5)
    clock.advance(minutes=8)  # 00:04 the next day
    _type(qtbot, window, "About eleven.", Qt.Key.Key_F6)
    clock.advance(minutes=2)
    window.page.keys["end"].click()
    window.prompt.choose("end")
    assert window.header.elapsed.text() == "0:16:00"
    closing = window.page.closing
    closing.read_to.click()
    closing.signed.click()
    closing.interviewer.click()
    with qtbot.waitSignal(window.finished, timeout=10_000) as done:
        closing.seal.click()
    sealed: Sealed = done.args[0]
    assert sealed.entry.answers is not None
    times = [dt.datetime.fromisoformat(e["at"]) for e in sealed.entry.answers["events"]]
    assert times == sorted(times)
    assert times[0].date() == dt.date(2026, 11, 20) and times[-1].date() == dt.date(2026, 11, 21)
    body = sealed.entry.body
    assert "23:56 Q: What time did Amy go to bed?" in body
    assert "00:04 on Sat 21 Nov 2026 A: About eleven." in body
    assert body.index("23:56 Q:") < body.index("00:04 on Sat 21 Nov 2026 A:")
    assert window.page.model.index(3, 0).data().strip().startswith("00:04 on Sat 21 Nov 2026 A")


def test_closing_the_window_mid_interview_resumes_everything(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    info = _plan(demo_profile)
    clock = Ticking(MORNING)
    window = _open(qtbot, demo_profile, runner, info.id, clock)
    # closed during the checklist: its answers come back
    QTest.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.form is not None, timeout=10_000)
    assert window.form is not None
    window.form.editor("identities_confirmed").buttons[True].click()  # type: ignore[attr-defined]
    window.close()
    runner.wait_idle()
    window = _open(qtbot, demo_profile, runner, info.id, clock)
    assert window.pages.currentIndex() == PAGE_OPENING and window.form is not None
    assert window.form.answers()["identities_confirmed"] is True
    assert "Resumed from the draft" in window.status.text()
    _start_and_check(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == PAGE_RECORD, timeout=10_000)
    QTest.keyClick(window.page.input, Qt.Key.Key_F7)
    window.prompt.choose("understood")
    clock.advance(minutes=1)
    _type(qtbot, window, "Who takes Amy to school?", Qt.Key.Key_F5)
    clock.advance(minutes=1)
    window.page.plan_panel.topics.item(3).setCheckState(Qt.CheckState.Checked)  # travel
    runner.wait_idle()  # the saves of the events and the tick are done: the next is the words
    with qtbot.waitSignal(window.saved, timeout=6_000):  # the words typed, within 2 s
        QTest.keyClicks(window.page.input, "I do, most days, but")
    saved = demo_profile.interviews.progress(info.id)
    assert saved.pending == "I do, most days, but"
    QTest.keyClicks(window.page.input, " not on Mondays")  # closed at once: saved on close
    events = window.record.events
    window.close()
    runner.wait_idle()

    again = _open(qtbot, demo_profile, runner, info.id, clock)
    assert again.pages.currentIndex() == PAGE_RECORD
    assert again.record.events == events
    assert again.page.input.toPlainText() == "I do, most days, but not on Mondays"
    assert again.page.plan_panel.covered() == ["travel"]
    assert again.opening["legal_advice"] == "declined"
    assert "Resumed from the draft saved at" in again.status.text()
    assert "the words being typed" in again.status.text()
    assert again.header.state.text() == "Cautioned"
    QTest.keyClick(again.page.input, Qt.Key.Key_F6)
    assert again.record.events[-1].text == "I do, most days, but not on Mondays"
    assert again.record.events[-1].at >= events[-1].at


def test_legal_advice_asked_for_defers_the_interview(
    qtbot: QtBot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    info = _plan(demo_profile, second=False)
    window = _open(qtbot, demo_profile, runner, info.id, Ticking(MORNING))
    _start_and_check(qtbot, window, legal="requested")
    qtbot.waitUntil(lambda: window.prompt.asking, timeout=10_000)
    assert "legal advice" in window.prompt.message.text()
    with qtbot.waitSignal(window.finished, timeout=10_000) as done:
        window.prompt.choose("defer")
    entry = done.args[0]
    assert entry.signed and entry.title.startswith("Interview under caution deferred")
    assert "asked for legal advice" in entry.body
    assert demo_profile.interviews.interview(info.id).status == "deferred"
