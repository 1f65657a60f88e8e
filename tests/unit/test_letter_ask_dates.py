"""A letter's dates that cannot be true are refused, and an unusual meeting day is a warning
(issue 11, point 10): a reply-by date after the interview, a period that ends before it
starts; a meeting on a Saturday, a Sunday or a bank holiday."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from officer_app.letters import load_registry, load_template_file
from officer_app.letters.fill import AskRefused, ask_warnings, check_asks, date_warning
from officer_app.services.letter_rendering import ask_warnings_for, template_info

D = dt.date
DATED = D(2026, 12, 1)  # a Tuesday
INTERVIEW = load_registry().get("interview_invitation")
MEETING = load_registry().get("meeting_invitation")
GOOD = {
    "offence_from": "2026-09-07",
    "offence_to": "2026-11-13",
    "interview_date": "2026-12-10",  # Thursday
    "interview_time": "10:00",
    "interview_place": "Civic Centre, Market Square, Northam",
    "reply_by": "2026-12-07",
}


def test_a_reply_by_date_after_the_interview_is_refused() -> None:
    with pytest.raises(AskRefused) as refused:
        check_asks(INTERVIEW, {**GOOD, "reply_by": "2026-12-11"}, dated=DATED)  # day after
    assert refused.value.ask == "reply_by"
    assert str(refused.value) == (
        "Ask the parent to reply by (reply_by): 11 December 2026 is after date of the interview "
        "(10 December 2026)"
    )
    for same_or_before in ("2026-12-10", "2026-12-09"):
        assert check_asks(INTERVIEW, {**GOOD, "reply_by": same_or_before}, dated=DATED)


def test_an_offence_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(AskRefused, match="13 November 2026 is before first day of the period"):
        check_asks(INTERVIEW, {**GOOD, "offence_from": "2026-11-14"}, dated=DATED)
    assert check_asks(INTERVIEW, {**GOOD, "offence_from": "2026-11-13"}, dated=DATED)


@pytest.mark.parametrize(
    ("day", "says"),
    [
        (D(2026, 12, 5), "Saturday 5 December 2026 is a Saturday"),
        (D(2026, 12, 6), "Sunday 6 December 2026 is a Sunday"),
        (D(2026, 12, 25), "Friday 25 December 2026 is a bank holiday (Christmas Day)"),
        (D(2026, 12, 28), "Monday 28 December 2026 is a bank holiday"),  # Boxing Day's substitute
        (D(2026, 12, 4), None),  # the Friday before
        (D(2026, 12, 7), None),  # the Monday after
    ],
)
def test_a_meeting_on_a_weekend_or_bank_holiday_is_a_warning(
    day: dt.date, says: str | None
) -> None:
    warning = date_warning(day)
    assert warning == says if says is None else warning is not None and warning.startswith(says)
    answers = {"meeting_date": day.isoformat(), "meeting_time": "10:00", "meeting_place": "X"}
    checked = check_asks(MEETING, answers, dated=DATED)  # never a refusal
    found = ask_warnings(MEETING, checked)
    assert (found.get("meeting_date") is None) == (says is None)
    assert ask_warnings_for(template_info(MEETING).asks, checked) == found


def test_the_interview_date_warns_too() -> None:
    found = ask_warnings(INTERVIEW, {**GOOD, "interview_date": "2026-12-13"})
    assert found == {"interview_date": "Date of the interview: Sunday 13 December 2026 is a Sunday"}


@pytest.mark.parametrize(
    ("asks", "says"),
    [
        ("- {name: b, label: B, type: date, not_after: a}\n  - {name: a, label: A, type: date}",
         "not_after: 'a' is not an earlier ask of this letter"),
        ("- {name: a, label: A, type: text}\n  - {name: b, label: B, type: date, not_before: a}",
         "not_before: 'a' is not a date ask"),
        ("- {name: a, label: A, type: time, working_day: true}",
         "working_day is only for a date ask"),
    ],
)  # fmt: skip
def test_a_broken_date_rule_in_a_template_is_named(tmp_path: Path, asks: str, says: str) -> None:
    text = textwrap.dedent(
        """\
        ---
        id: x
        version: 1
        title: X
        subject: "X"
        asks:
          ASKS
        ---
        Hello.
        """
    ).replace("ASKS", asks)
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    template, problems = load_template_file(path)
    assert template is None
    assert any(says in p.message for p in problems), [str(p) for p in problems]
