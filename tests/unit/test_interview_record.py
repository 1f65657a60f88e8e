"""The record of an interview under caution keeps PACE's order (issue 12, point 3): no
question about the offence before the caution unless a reason is recorded, a reminder or a
new caution after every break, times that only go forward (past midnight too), and a
closing where disagreements are addenda and a refusal to sign is recorded."""

from __future__ import annotations

import datetime as dt

import pytest

from officer_app.domain.interview import (
    CAUTION,
    CautionRequired,
    Event,
    EventKind,
    InterviewRecord,
    InterviewRefused,
    StampClock,
    clock_time,
    offset_label,
    plan_warnings,
)

T0 = dt.datetime(2026, 11, 20, 23, 50, tzinfo=dt.UTC)  # 23:50 GMT


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def started() -> InterviewRecord:
    record = InterviewRecord()
    record.add(Event(EventKind.START, at(0)))
    return record


def test_the_caution_is_code_c_10_5_word_for_word() -> None:
    assert CAUTION == (
        "You do not have to say anything. But it may harm your defence if you do not mention "
        "when questioned something which you later rely on in court. Anything you do say may "
        "be given in evidence."
    )


def test_no_question_before_the_caution_unless_a_reason_is_recorded() -> None:
    record = started()
    with pytest.raises(CautionRequired, match=r"Code C 10\.1"):
        record.add(Event(EventKind.QUESTION, at(1), "Why was Jay absent?"))
    assert record.count(EventKind.QUESTION) == 0
    # the override is kept with the question
    record.add(Event(EventKind.QUESTION, at(1), "Is this your letter?", reason="urgent"))
    assert record.events[-1].reason == "urgent"
    record.add(Event(EventKind.CAUTION, at(2), CAUTION, flag=True))
    record.add(Event(EventKind.QUESTION, at(3), "Why was Jay absent?"))
    assert record.count(EventKind.QUESTION) == 2


def test_after_a_break_questions_wait_for_a_reminder_or_a_new_caution() -> None:
    record = started()
    record.add(Event(EventKind.CAUTION, at(1), CAUTION, flag=True))
    with pytest.raises(InterviewRefused, match="say why"):
        record.add(Event(EventKind.BREAK_START, at(2)))
    record.add(Event(EventKind.BREAK_START, at(2), reason="the person asked for water"))
    with pytest.raises(InterviewRefused, match="in a break"):
        record.add(Event(EventKind.QUESTION, at(3), "Q"))
    record.add(Event(EventKind.BREAK_END, at(5)))
    with pytest.raises(CautionRequired, match=r"10\.8"):
        record.add(Event(EventKind.QUESTION, at(6), "Q"))
    record.add(Event(EventKind.CAUTION, at(6), CAUTION, flag=True))
    record.add(Event(EventKind.QUESTION, at(7), "Q"))
    assert record.breaks() == [(at(2), at(5), "the person asked for water")]


def test_a_reminder_needs_an_earlier_caution() -> None:
    record = started()
    with pytest.raises(InterviewRefused, match="not been cautioned"):
        record.add(Event(EventKind.REMINDER, at(1)))


def test_times_only_go_forward_and_past_midnight_keeps_the_order() -> None:
    record = started()
    record.add(Event(EventKind.CAUTION, at(1), CAUTION, flag=True))
    record.add(Event(EventKind.QUESTION, at(15), "After midnight?"))  # 00:05 next day
    with pytest.raises(InterviewRefused, match="only go forward"):
        record.add(Event(EventKind.ANSWER, at(14), "Earlier"))
    assert clock_time(at(15), since=record.start) == "00:05 on Sat 21 Nov 2026"
    assert clock_time(at(9), since=record.start) == "23:59"
    assert offset_label(at(15), at(0)) == "00:15:00"


def test_the_stamp_clock_never_goes_back_when_the_wall_clock_does() -> None:
    wall = [T0]
    mono = [100.0]
    clock = StampClock(lambda: wall[0], lambda: mono[0])
    first = clock.now()
    wall[0] = T0 - dt.timedelta(hours=1)  # the clock is corrected backwards
    mono[0] += 30
    assert clock.now() == first + dt.timedelta(seconds=30)
    reopened = StampClock(lambda: wall[0], lambda: mono[0], floor=first + dt.timedelta(seconds=30))
    assert reopened.now() == first + dt.timedelta(seconds=30)


def test_closing_addenda_then_a_refusal_then_the_officers() -> None:
    record = started()
    record.add(Event(EventKind.CAUTION, at(1), CAUTION, flag=True))
    record.add(Event(EventKind.END, at(20)))
    with pytest.raises(InterviewRefused, match="only its reading"):
        record.add(Event(EventKind.QUESTION, at(21), "One more"))
    with pytest.raises(InterviewRefused, match="read the record"):
        record.add(Event(EventKind.ADDENDUM, at(21), "I never said that"))
    record.add(Event(EventKind.READ, at(22), by="self"))
    record.add(Event(EventKind.ADDENDUM, at(25), "I said twice, not three times"))
    with pytest.raises(InterviewRefused, match=r"signs \(or refuses\) first"):
        record.add(Event(EventKind.SIGNATURE, at(26), by="interviewer", flag=True))
    record.add(
        Event(EventKind.SIGNATURE, at(26), "I'm not signing anything", by="interviewee", flag=False)
    )
    with pytest.raises(InterviewRefused, match="already signed"):
        record.add(Event(EventKind.ADDENDUM, at(27), "late"))
    assert record.missing_for_seal(second_officer=True) == [
        "no signature (or refusal) from the interviewer",
        "no signature (or refusal) from the second officer",
    ]
    record.add(Event(EventKind.SIGNATURE, at(27), by="interviewer", flag=True))
    record.add(Event(EventKind.SIGNATURE, at(27), by="second", flag=True))
    assert record.missing_for_seal(second_officer=True) == []
    again = InterviewRecord.from_json(record.to_json())
    assert again.events == record.events


def test_a_stored_record_out_of_order_is_refused_whole() -> None:
    data = [*started().to_json(), Event(EventKind.QUESTION, at(1), "Q").to_json()]
    with pytest.raises(CautionRequired):
        InterviewRecord.from_json(data)


@pytest.mark.parametrize(
    ("age", "vulnerable", "expected"),
    [(17, False, ["appropriate_adult"]), (18, False, []), (30, True, ["appropriate_adult"])],
)
def test_plan_warnings_for_an_appropriate_adult(
    age: int, vulnerable: bool, expected: list[str]
) -> None:
    warnings = plan_warnings(
        interviewee_age=age,
        vulnerable=vulnerable,
        interpreter_flagged=False,
        interpreter_planned=False,
        appropriate_adult_planned=False,
    )
    assert [w.key for w in warnings] == expected


def test_plan_warns_of_a_missing_interpreter() -> None:
    warnings = plan_warnings(
        interviewee_age=None,
        vulnerable=False,
        interpreter_flagged=True,
        interpreter_planned=False,
        appropriate_adult_planned=False,
        language="Polish",
    )
    assert [w.message for w in warnings] == [
        "The person is recorded as needing an interpreter (Polish) and none is planned."
    ]
